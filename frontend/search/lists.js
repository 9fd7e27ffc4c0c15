// The parts the search box's panel and the results page share: a list of results shown a page
// at a time, "Did you mean …?", and the offer of partial matches. Every string from the index
// is inserted as text.
import { partialLabel } from "./results.js";

export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The results page's address for a query, on this site. */
export const resultsAddress = (site, query) => new URL(`search/?q=${encodeURIComponent(query)}`, site.root).href;

const WHOLE = 1000; // words either side of the first match: the whole of a headline

/** Text with the words a query matched marked, as the engine's excerpt finds them; `around`
 *  words either side of the first match (the engine's own excerpt length where not given). */
function marked(site, className, text, units, around) {
  const holder = element("span", className);
  for (const part of site.excerpt(text, units, around, around)) {
    holder.appendChild(part.mark ? element("mark", null, part.text) : document.createTextNode(part.text));
  }
  return holder;
}

/** A result as a commissioner scans it: the title, where, how strong the evidence is, the main
 *  result, and the words around the first match. */
function resultItem(site, doc, units, prefix) {
  const item = element("li", `${prefix}__result`);
  const link = element("a", null, doc.title);
  link.href = new URL(doc.url, site.root).href;
  const impact = doc.impact ? `Impact evidence: ${doc.impact.toLowerCase()}` : "";
  const meta = element("span", `${prefix}__meta`, [doc.locality, doc.rating, impact].filter(Boolean).join(" \u00b7 "));
  item.append(link, meta);
  if (doc.headline) item.append(marked(site, `${prefix}__headline`, doc.headline, units, WHOLE));
  item.append(marked(site, `${prefix}__excerpt`, doc.text, units));
  return item;
}

/** A list that shows `pageSize` results at a time, fetching what it shows. */
export class Pager {
  constructor(site, list, more, pageSize, prefix) {
    Object.assign(this, { site, list, more, pageSize, prefix, numbers: [], units: [], shown: 0, token: 0 });
    more.addEventListener("click", () => {
      const first = this.shown;
      this.next(this.token).then(() => {
        // The button may have gone: keep the reader where the new results start.
        this.list.children[first]?.querySelector("a")?.focus();
      });
    });
  }

  show(numbers, units) {
    this.token++;
    Object.assign(this, { numbers, units, shown: 0 });
    this.list.textContent = "";
    this.more.hidden = true;
    return this.next(this.token);
  }

  next(token) {
    const slice = this.numbers.slice(this.shown, this.shown + this.pageSize);
    return Promise.all(slice.map((n) => this.site.engine.document(n))).then((docs) => {
      if (token !== this.token) return;
      for (const doc of docs) this.list.appendChild(resultItem(this.site, doc, this.units, this.prefix));
      this.shown += docs.length;
      this.more.hidden = this.shown >= this.numbers.length;
    });
  }
}

/** "Did you mean …?" with a link; `onPick(suggested)`, where given, searches in place instead. */
export function showSuggestion(site, holder, query, answer, onPick) {
  holder.hidden = true;
  holder.textContent = "";
  if (answer.results.length || !answer.missing.length) return Promise.resolve();
  return site.engine.suggest(query, answer.missing).then((suggested) => {
    if (!suggested) return;
    const link = element("a", null, suggested);
    link.href = resultsAddress(site, suggested);
    if (onPick) {
      link.addEventListener("click", (event) => {
        event.preventDefault();
        onPick(suggested);
      });
    }
    holder.append("Did you mean ", link, "?");
    holder.hidden = false;
  });
}

/** "Show the 7 case studies that match some of the words", when none matches all of them. */
export function partialOffer(holder, answer, onShow) {
  holder.textContent = "";
  holder.hidden = !(answer.units.length > 1 && !answer.matched && answer.partial.length);
  if (holder.hidden) return;
  const button = element("button", "practice-search__more", partialLabel(answer.partial.length));
  button.type = "button";
  button.addEventListener("click", () => {
    holder.hidden = true;
    onShow(answer.partial);
  });
  holder.appendChild(button);
}
