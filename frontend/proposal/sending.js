// The ways the proposal form offers the file it made, as addresses: GitHub's "new file" page
// with the file filled in, and a message to the editors for a contributor without an account.

export const MAX_LINK = 8000; // characters: GitHub answers longer addresses with "414 URI Too Long"

/** GitHub's "new file" page for practice/NAME with the file in it, or, where that address would
 *  be too long, the page with the name only ({href, tooLong}: the reader then pastes the file). */
export function newFileLink(newFilePage, name, yaml) {
  const base = `${newFilePage}?filename=${encodeURIComponent(`practice/${name}`)}`;
  const full = `${base}&value=${encodeURIComponent(yaml)}`;
  const tooLong = full.length > MAX_LINK;
  return { href: tooLong ? base : full, tooLong };
}

/** The editors' address (mkdocs.yml, extra.publication.email) with a subject and a message
 *  naming the file. A mail link cannot carry an attachment, so the message asks for the
 *  downloaded file to be attached. */
export function mailtoFor(address, name, data) {
  const title = typeof data.title === "string" ? data.title : "";
  const body =
    `Hello,\n\nI would like to propose a case study${title ? `, "${title}"` : ""}. ` +
    `The file ${name}, made with the proposal form, is attached.\n\n` +
    "(Attach the file you downloaded before you send this.)\n";
  return `mailto:${address}?subject=${encodeURIComponent(`Case study proposal: ${name}`)}&body=${encodeURIComponent(body)}`;
}
