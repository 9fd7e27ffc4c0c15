// The proposal form's last step: the file it made, and the ways to send it (GitHub's "new file"
// page, a download, a message to the editors, a copy).
import { todayIso } from "./answers.js";
import { yamlText } from "./file.js";
import { mailtoFor, newFileLink } from "./sending.js";

let downloadUrl = null;

/** Shows the file the case study `data` makes, and points every way of sending at it. */
export function offer(form, data, Libraries, limits) {
  const yaml = yamlText(data, Libraries, todayIso(), limits);
  const name = `${data.id}.yaml`;
  form.querySelector("[data-yaml]").textContent = yaml;
  form.querySelector("[data-file-name]").textContent = `practice/${name}`;
  if (downloadUrl) URL.revokeObjectURL(downloadUrl);
  downloadUrl = URL.createObjectURL(new Blob([yaml], { type: "application/yaml" }));
  const download = form.querySelector("[data-download]");
  download.href = downloadUrl;
  download.setAttribute("download", name);
  const email = form.querySelector("[data-email]");
  if (email) email.href = mailtoFor(email.getAttribute("data-email-to"), name, data);
  const host = form.querySelector("[data-open-host]");
  if (host) {
    const link = newFileLink(form.getAttribute("data-new-file"), name, yaml);
    host.href = link.href;
    host.toggleAttribute("data-copy-first", link.tooLong);
    form.querySelector("[data-too-long]").hidden = !link.tooLong;
  }
}

function copy(form) {
  const shownFile = form.querySelector("[data-yaml]");
  const told = form.querySelector("[data-copied]");
  const done = () => {
    told.textContent = "Copied.";
  };
  const failed = () => {
    const range = document.createRange();
    range.selectNodeContents(shownFile);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    told.textContent = "Selected: press Ctrl+C (or Cmd+C) to copy.";
  };
  if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(shownFile.textContent).then(done, failed);
  else failed();
}

/** The copy button; and where GitHub's page opens without the file (too long for an address),
 *  the file is copied first, for the reader to paste there. */
export function wireSending(form) {
  form.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-copy]");
    if (button && form.contains(button)) copy(form);
  });
  const host = form.querySelector("[data-open-host]");
  host?.addEventListener("click", () => {
    if (host.hasAttribute("data-copy-first")) copy(form);
  });
}
