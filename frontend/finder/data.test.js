// Unit tests of reading the finder's data file: a file written by hand, read into the items
// choice.js reasons about, and files of the wrong shape refused with a reason, never read in part.
import assert from "node:assert/strict";
import { test } from "node:test";
import { DATA_FORMAT, itemsFrom } from "./data.js";

const GROUPS = ["theme", "age"];
const FILE = () => ({
  format: DATA_FORMAT,
  ids: ["hubs", "attendance"],
  numbers: [4, 0],
  groups: {
    theme: { values: ["early-help", "education"], cards: [[0], [1, 0]] },
    age: { values: ["0-4", "5-11"], cards: [[], [1]] },
    region: { values: ["london"], cards: [[0], [0]] }, // a group the page does not offer: unread
  },
  places: { updated: [1, 0], cost: [0, 1], title: [1, 0] },
});

test("a file of the right shape gives one item per case study, in its order", () => {
  assert.deepEqual(itemsFrom(FILE(), GROUPS), [
    { id: "hubs", rank: 0, number: 4, place: { updated: 1, cost: 0, title: 1 }, theme: ["early-help"], age: [] },
    { id: "attendance", rank: 1, number: 0, place: { updated: 0, cost: 1, title: 0 }, theme: ["education", "early-help"], age: ["5-11"] },
  ]);
});

// Each changes a good file in one way.
const BROKEN = {
  "another format": (f) => void (f.format = DATA_FORMAT + 1),
  "no ids": (f) => void delete f.ids,
  "an empty id": (f) => void (f.ids[1] = ""),
  "an id twice": (f) => void (f.ids[1] = "hubs"),
  "two case studies in one place": (f) => void (f.places.cost[1] = 0),
  "a term twice on one case study": (f) => void (f.groups.theme.cards[1] = [1, 1]),
  "a number too few": (f) => void f.numbers.pop(),
  "a negative number": (f) => void (f.numbers[0] = -1),
  "a fractional number": (f) => void (f.numbers[0] = 1.5),
  "a number as text": (f) => void (f.numbers[0] = "4"),
  "an order missing": (f) => void delete f.places.cost,
  "a place beyond the list": (f) => void (f.places.title[0] = 2),
  "no groups": (f) => void delete f.groups,
  "a group the page offers missing": (f) => void delete f.groups.age,
  "a term beyond the group's list": (f) => void (f.groups.theme.cards[0] = [2]),
  "a term given as its id": (f) => void (f.groups.theme.cards[0] = ["early-help"]),
  "terms for too many case studies": (f) => void f.groups.age.cards.push([]),
  "terms not in a list": (f) => void (f.groups.age.cards[0] = 0),
  "values not a list": (f) => void (f.groups.theme.values = "early-help"),
};

for (const [name, breaks] of Object.entries(BROKEN)) {
  test(`a file with ${name} is refused with a reason`, () => {
    const file = FILE();
    breaks(file);
    assert.throws(() => itemsFrom(file, GROUPS), /^Error: The finder's data file /);
  });
}

test("a file that is not an object is refused with a reason", () => {
  for (const file of [null, [], "{}", 7, true]) {
    assert.throws(() => itemsFrom(file, GROUPS), /^Error: The finder's data file /, JSON.stringify(file));
  }
});
