// The finder's cards: those already in the page, and the rest fetched one file per case study
// (finder/cards/<id>.json, written by generator/render/finder_data.py with the page's own card
// macro), only for the page of results on screen, each given FETCH_SECONDS. The card's HTML is the build's, escaped by
// its templates; it is parsed inert (in a <template>) and used only if it is one card of the
// case study asked for. A card that cannot be fetched is shown as a line that says so and links
// to the case study's page by its id, and is asked for again next time.

export const FETCH_SECONDS = 15; // a request that hangs longer fails, so the list is never stuck behind it

function missingCard(id, pageOf) {
  const item = document.createElement("li");
  item.className = "case-study-card case-study-card--missing";
  item.setAttribute("data-case-study", id);
  const line = document.createElement("p");
  const link = document.createElement("a");
  link.href = pageOf(id);
  link.textContent = id;
  line.append("The summary of ", link, " could not be fetched just now; reload the page to try again.");
  item.append(line);
  return item;
}

function parsedCard(text, id) {
  const data = JSON.parse(text);
  const template = document.createElement("template");
  template.innerHTML = typeof data.card === "string" ? data.card : "";
  const nodes = template.content.children;
  const card = nodes[0];
  if (nodes.length !== 1 || card.tagName !== "LI" || card.getAttribute("data-case-study") !== id) {
    throw new Error(`not the card of ${id}`);
  }
  return card;
}

/** `fileOf(id)` and `pageOf(id)`: the card file's and the case study page's addresses. `shown`:
 *  the page's own cards. Returns card(id), a Promise of a node to clone that never rejects. */
export function cardSource(fileOf, pageOf, shown) {
  const known = new Map(Array.from(shown, (node) => [node.getAttribute("data-case-study"), Promise.resolve(node)]));
  return function card(id) {
    if (!known.has(id)) {
      const fetched = fetch(fileOf(id), { signal: AbortSignal.timeout(FETCH_SECONDS * 1000) })
        .then((response) => {
          if (!response.ok) throw new Error(`${response.status}`);
          return response.text();
        })
        .then((text) => parsedCard(text, id))
        .catch(() => {
          known.delete(id); // asked for again next time
          return missingCard(id, pageOf);
        });
      known.set(id, fetched);
    }
    return known.get(id);
  };
}
