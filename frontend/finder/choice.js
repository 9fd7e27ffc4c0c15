// The finder's reasoning, with no DOM: which case studies a choice matches, how many each
// further option would give, which single choice to drop when nothing matches, the order of the
// list, and the page's address.
//
// An item is a case study as the finder's data file gives it (data.js): {id, rank (its place in
// the page's own order, strongest evidence first), number (the search engine's), place (its
// position in each other order, decided by generator/render/finder_data.py), and for each
// filter group the ids it carries}. A choice is {q (the words), matches (the search engine's Set
// of numbers for them, or null where the words narrow nothing), and for each group the ids
// ticked}. Groups are the page's (generator/render/browse.py).
import { truncated } from "../text.js";
import contract from "./contract.json" with { type: "json" };

export const PAGE_SIZE = contract.page_size; // cards shown before "Show more"
export const SORTS = contract.sorts.map(([id]) => id); // the first is the page's own order
const MAX_DROPPED = 5; // choices from the address the page tells the reader it left out
const SHOWN_CHOICE = 60; // characters of a choice or the words quoted back

const matchesGroup = (item, choice, group) =>
  !choice[group].length || choice[group].some((value) => item[group].includes(value));

const matchesWords = (item, choice) => !choice.q || choice.matches === null || choice.matches.has(item.number);

/** Whether the item matches every part of the choice except `skip` (a group, or "q" for the words). */
function matchesAllBut(item, choice, groups, skip) {
  return groups.every((group) => group === skip || matchesGroup(item, choice, group)) && (skip === "q" || matchesWords(item, choice));
}

/** One pass gives both the matches and, beside each option, how many case studies carry it
 *  among those the other groups' choices (and the words) leave: an item failing no part of the
 *  choice matches and counts for every group; failing just one group, it counts for that group
 *  only. ({found, tally: {group: {id: count}}}) */
export function evaluate(items, choice, groups) {
  const tally = Object.fromEntries(groups.map((group) => [group, {}]));
  const found = [];
  for (const item of items) {
    if (!matchesWords(item, choice)) continue;
    const failed = groups.filter((group) => !matchesGroup(item, choice, group));
    if (failed.length > 1) continue;
    if (!failed.length) found.push(item);
    for (const group of failed.length ? failed : groups) {
      for (const value of item[group]) tally[group][value] = (tally[group][value] || 0) + 1;
    }
  }
  return { found, tally };
}

/** The matches in the order chosen (an unknown order is the page's own). */
export function sorted(found, sort) {
  if (sort === SORTS[0] || !SORTS.includes(sort)) return found;
  return [...found].sort((a, b) => a.place[sort] - b.place[sort]);
}

/** With nothing matching: each single choice whose removal would give some, as {group, value, n}
 *  (group "q" for the words), in the page's order. */
export function dropOffers(items, choice, groups) {
  const offers = [];
  if (choice.q) offers.push({ group: "q", value: choice.q, n: items.filter((item) => matchesAllBut(item, choice, groups, "q")).length });
  for (const group of groups) {
    for (const value of choice[group]) {
      const smaller = { ...choice, [group]: choice[group].filter((v) => v !== value) };
      offers.push({ group, value, n: items.filter((item) => matchesAllBut(item, smaller, groups, null)).length });
    }
  }
  return offers.filter((offer) => offer.n > 0);
}

/** A choice or the words as the page quotes them back: at most 60 characters. */
export const shortened = (text) => truncated(text, SHOWN_CHOICE);

/** The page's address for a choice: ?q=…&theme=a,b&sort=title, without what is not chosen. */
export function addressOf(choice, groups, sort) {
  const params = new URLSearchParams();
  if (choice.q) params.set("q", choice.q);
  for (const group of groups) if (choice[group].length) params.set(group, choice[group].join(","));
  if (sort !== SORTS[0] && SORTS.includes(sort)) params.set("sort", sort);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** What an address chooses, kept to what the page offers (`offered`: each group's ids), with
 *  the choices it left out ("legend: id", at most five) for the page to tell the reader. */
export function choiceFrom(search, groups, offered, legends) {
  const params = new URLSearchParams(search);
  const choice = { q: params.get("q") || "", matches: null };
  const dropped = [];
  for (const group of groups) {
    const values = (params.get(group) || "").split(",").filter(Boolean);
    choice[group] = values.filter((value) => offered[group].includes(value));
    for (const value of values) {
      if (!offered[group].includes(value) && dropped.length < MAX_DROPPED) {
        dropped.push(`${legends[group] || group}: ${shortened(value)}`);
      }
    }
  }
  const sort = SORTS.includes(params.get("sort")) ? params.get("sort") : SORTS[0];
  return { choice, dropped, sort };
}

/** The bar under the filters on a phone: what tapping it shows. */
export function showText(shown, total) {
  if (shown === 0) return "No case study matches: remove a filter";
  if (shown === 1) return "Show the 1 case study";
  return shown === total ? `Show the ${total} case studies` : `Show ${shown} case studies`;
}

/** The filters' heading on a phone, with how many are ticked. */
export const filtersText = (choice, groups) => {
  const ticked = groups.reduce((n, group) => n + choice[group].length, 0);
  return ticked ? `Filters (${ticked} chosen)` : "Filters";
};

/** "3 of 21 case studies match." */
export const countText = (shown, total) => (shown === total ? `${total} case studies.` : `${shown} of ${total} case studies match.`);
