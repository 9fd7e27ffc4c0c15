// What the search box and the results page say, and the results page's address, with no DOM.
import { truncated } from "../text.js";
import contract from "./contract.json" with { type: "json" };

/** The results page's filter groups, [[name in the address, heading], ...] (generator/search/records.py). */
export const FACETS = contract.facets;

// The direction marks, embeddings, overrides and isolates, which no case study may hold
// (generator/config/schema_sync.py DIRECTION_CONTROLS): a query from the address that carried
// one would reverse the rest of the sentence that quotes it, so they are left out of what is shown.
const DIRECTION_CONTROLS = new RegExp(contract.direction_controls, "g");
const MAX_QUOTED = 80; // characters of the query a status quotes

export const EMPTY_QUERY = "Type a word that describes the practice, a place or an outcome";
export const UNAVAILABLE = "Search is not available just now; the finder lists every case study";

const plural = (count, one, many) => `${count} ${count === 1 ? one : many}`;

/** The query as the page quotes it: no direction controls, spaces collapsed. */
export function shownQuery(query) {
  return query.replace(DIRECTION_CONTROLS, "").trim().replace(/\s+/g, " ");
}

/** What a search found, in a sentence: `answer` is the engine's; `filtered` whether filters are chosen. */
export function statusText(query, answer, filtered) {
  if (!answer.units.length) return EMPTY_QUERY;
  const shown = truncated(shownQuery(query), MAX_QUOTED);
  const quoted = /["\u201c\u201d]/.test(shown) ? shown : `\u201c${shown}\u201d`;
  if (!answer.matched) {
    return answer.partial.length ? `No case study matches all of ${quoted}.` : `No case studies match ${quoted}`;
  }
  let text = `${plural(answer.matched, "case study matches", "case studies match")} ${quoted}`;
  if (filtered) {
    const matching = plural(answer.matched, "case study", "case studies");
    text = `${answer.results.length} of the ${matching} matching ${quoted} ${answer.results.length === 1 ? "is" : "are"} in your filters`;
  }
  return answer.dropped ? `${text} (only its first 10 words were used)` : text;
}

/** The words on the button that shows the partial matches. */
export function partialLabel(count) {
  return count === 1
    ? "Show the case study that matches some of the words"
    : `Show the ${count} case studies that match some of the words`;
}

/** The query and the chosen filters an address holds ("?q=hubs&theme=early-help"). */
export function stateFrom(search) {
  const params = new URLSearchParams(search);
  const filters = {};
  for (const [name] of FACETS) filters[name] = params.getAll(name);
  return { query: params.get("q") || "", filters };
}

/** The address of a query with filters: the inverse of stateFrom. */
export function addressOf(query, filters) {
  const params = new URLSearchParams();
  params.set("q", query);
  for (const [name] of FACETS) for (const value of filters[name] || []) params.append(name, value);
  return `?${params}`;
}

/** The filters with only the values the index knows (`index` is the engine's answer.facets), and whether
 *  that kept them all: an address may name a filter the index does not have. */
export function knownFilters(filters, index) {
  const kept = {};
  let all = true;
  for (const [name] of FACETS) {
    const ids = new Set(index ? index[name].values.map((pair) => pair[0]) : []);
    kept[name] = filters[name].filter((id) => ids.has(id));
    all = all && kept[name].length === filters[name].length;
  }
  return { filters: kept, all };
}

export const chosenCount = (filters) => FACETS.reduce((n, [name]) => n + filters[name].length, 0);
