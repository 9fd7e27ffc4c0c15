// The proposal form's problems in the page, as the GOV.UK Design System shows them: a summary
// at the top of the form linking to each field, and the message at the field itself, tied to
// its control by aria-describedby and aria-invalid.
import { controls, fieldFor, focusable, labelOf, unfold } from "./form-fields.js";

/** The validator's messages follow a field's name ("summary: is 12 characters long"); here they
 *  follow its label, as a sentence where they read as one. A list of ticks left empty asks for
 *  a tick, as "Themes is required" would not read. */
export function wording(problem, label, widget = "") {
  if (problem.keyword === "required") return widget === "checkboxes" ? `${label}: choose at least one` : `${label} is required`;
  if (/^(is|has|must|contains|lists) /.test(problem.message)) return `${label} ${problem.message}`;
  return `${label}: ${problem.message}`;
}

function inFormOrder(form, problems) {
  return problems
    .map((problem) => ({ problem, field: fieldFor(form, problem.path) }))
    .filter((entry) => entry.field)
    .sort((a, b) => {
      if (a.field === b.field) return 0;
      return a.field.compareDocumentPosition(b.field) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
}

export function clearProblems(form, errorBox) {
  for (const node of form.querySelectorAll(".pf-error")) node.remove();
  for (const node of form.querySelectorAll("[aria-invalid]")) node.removeAttribute("aria-invalid");
  for (const node of form.querySelectorAll("[data-described-before]")) {
    const before = node.getAttribute("data-described-before");
    if (before) node.setAttribute("aria-describedby", before);
    else node.removeAttribute("aria-describedby");
    node.removeAttribute("data-described-before");
  }
  for (const node of form.querySelectorAll(".pf-invalid")) node.classList.remove("pf-invalid");
  errorBox.hidden = true;
  errorBox.textContent = "";
}

function describeWith(node, id) {
  if (!node.hasAttribute("data-described-before")) {
    node.setAttribute("data-described-before", node.getAttribute("aria-describedby") || "");
  }
  const ids = (node.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
  node.setAttribute("aria-describedby", [id, ...ids].join(" "));
}

function markField(field, text, number) {
  unfold(field);
  const errorId = `pf-error-${number}`;
  const message = document.createElement("p");
  message.className = "pf-error";
  message.id = errorId;
  const prefix = document.createElement("span");
  prefix.className = "visually-hidden";
  prefix.textContent = "Error: ";
  message.append(prefix, document.createTextNode(text));
  const after = field.querySelector(":scope > .pf-hint") || field.querySelector(":scope > label, :scope > legend");
  if (after) after.insertAdjacentElement("afterend", message);
  else field.insertBefore(message, field.firstChild);
  field.classList.add("pf-invalid");
  const widget = field.getAttribute("data-widget");
  if (widget === "radios" || widget === "checkboxes" || widget === "group" || widget === "repeat") {
    describeWith(field, errorId);
  } else {
    const control = controls(field)[0];
    control.setAttribute("aria-invalid", "true");
    describeWith(control, errorId);
  }
}

/** Shows the problems and moves focus to their summary. `goTo(field)` shows the step that holds
 *  a field; `announce(text)` tells a screen reader. */
export function showProblems(form, errorBox, problems, { goTo, announce }) {
  clearProblems(form, errorBox);
  const heading = document.createElement("h2");
  heading.className = "pf-errors__title";
  const entries = inFormOrder(form, problems);
  heading.textContent = entries.length === 1 ? "There is a problem" : `There are ${entries.length} problems`;
  const list = document.createElement("ul");
  for (const problem of problems) {
    if (problem.path.length) continue;
    const whole = document.createElement("li"); // about the whole file: the 100-problem limit
    whole.textContent = `${problem.message[0].toUpperCase()}${problem.message.slice(1)}.`;
    list.appendChild(whole);
  }
  const marked = new Set();
  entries.forEach(({ problem, field }, number) => {
    const text = wording(problem, labelOf(form, field), field.getAttribute("data-widget"));
    if (!marked.has(field)) {
      marked.add(field);
      markField(field, text, number);
    }
    const target = focusable(field);
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = `#${target.id || ""}`;
    link.textContent = text;
    link.addEventListener("click", (event) => {
      event.preventDefault();
      goTo(field);
      unfold(field); // a folded group the reader closed again opens to show the field
      target.focus();
      target.scrollIntoView({ block: "center" });
    });
    item.appendChild(link);
    list.appendChild(item);
  });
  errorBox.append(heading, list);
  errorBox.hidden = false;
  announce(`${heading.textContent}. ${entries.length === 1 ? "It is" : "They are"} listed at the top of the form.`);
  errorBox.focus({ preventScroll: true }); // the caller scrolls (form.js toTop), the summary in sight
}
