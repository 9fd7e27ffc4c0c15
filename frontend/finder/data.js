// The finder's data file (finder/data.json, written by generator/render/finder_data.py) read
// into the items choice.js reasons about. The file is the build's own, but a host, a proxy or
// an old copy in a cache can hand over something else: anything not of the expected shape is
// refused whole, with the reason, and the page stays as it is without JavaScript.
import { SORTS } from "./choice.js";
import contract from "./contract.json" with { type: "json" };

export const DATA_FORMAT = contract.data_format;

class DataError extends Error {}

function check(condition, reason) {
  if (!condition) throw new DataError(`The finder's data file ${reason}.`);
}

const isIndex = (value, length) => Number.isInteger(value) && value >= 0 && value < length;

/** Whether `list` holds no value twice (linear). */
const distinct = (list) => new Set(list).size === list.length;

/** An array of `length` items each passing `each`; linear in the file's size. */
function checkList(list, length, what, each) {
  check(Array.isArray(list) && list.length === length, `has ${what} for a different number of case studies`);
  for (const value of list) check(each(value), `has ${what} of the wrong kind`);
}

/** The items, strongest evidence first, for the page's filter groups (`groups`: their names). */
export function itemsFrom(data, groups) {
  check(data !== null && typeof data === "object" && data.format === DATA_FORMAT, `is not of format ${DATA_FORMAT}`);
  const { ids } = data;
  check(Array.isArray(ids), "lists no case studies");
  const total = ids.length;
  checkList(ids, total, "ids", (id) => typeof id === "string" && id !== "");
  check(distinct(ids), "names a case study twice");
  checkList(data.numbers, total, "search numbers", (n) => Number.isInteger(n) && n >= 0);
  const later = SORTS.slice(1);
  check(data.places !== null && typeof data.places === "object", "has no orders");
  for (const sort of later) {
    checkList(data.places[sort], total, `places in the order "${sort}"`, (n) => isIndex(n, total));
    check(distinct(data.places[sort]), `gives two case studies one place in the order "${sort}"`);
  }
  const items = ids.map((id, rank) => ({ id, rank, number: data.numbers[rank], place: {} }));
  for (const sort of later) data.places[sort].forEach((place, rank) => (items[rank].place[sort] = place));
  check(data.groups !== null && typeof data.groups === "object", "has no filter groups");
  for (const group of groups) {
    const found = data.groups[group];
    check(found && Array.isArray(found.values), `has no group "${group}"`);
    const { values } = found;
    const terms = (list) => Array.isArray(list) && list.every((i) => isIndex(i, values.length)) && distinct(list);
    checkList(found.cards, total, `terms of "${group}"`, terms);
    found.cards.forEach((list, rank) => (items[rank][group] = list.map((i) => String(values[i]))));
  }
  return items;
}
