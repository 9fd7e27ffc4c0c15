// Unit tests of the finder's reasoning on a handful of items written by hand; the expected
// answers are counted by hand from them. The Chromium tests (tests/browser/) run the page.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  PAGE_SIZE,
  SORTS,
  addressOf,
  choiceFrom,
  countText,
  dropOffers,
  evaluate,
  filtersText,
  shortened,
  showText,
  sorted,
} from "./choice.js";

const GROUPS = ["theme", "age"];
// `place`: each item's position in the other orders, as the data file gives it.
const ITEMS = [
  { rank: 0, number: 10, title: "hubs", place: { updated: 2, cost: 1, title: 2 }, theme: ["early-help"], age: ["0-4"] },
  { rank: 1, number: 11, title: "attendance", place: { updated: 0, cost: 2, title: 0 }, theme: ["education"], age: ["5-11", "12-16"] },
  { rank: 2, number: 12, title: "barnet", place: { updated: 1, cost: 0, title: 1 }, theme: ["early-help", "education"], age: ["12-16"] },
];
const choice = (more) => ({ q: "", matches: null, theme: [], age: [], ...more });
const titles = (items) => items.map((item) => item.title);

test("the page size and orders are the contract's", () => {
  assert.equal(PAGE_SIZE, 50);
  assert.deepEqual(SORTS, ["evidence", "updated", "cost", "title"]);
});

test("ticks in one group widen, in two groups narrow", () => {
  assert.deepEqual(titles(evaluate(ITEMS, choice({ theme: ["early-help", "education"] }), GROUPS).found), ["hubs", "attendance", "barnet"]);
  assert.deepEqual(titles(evaluate(ITEMS, choice({ theme: ["early-help"], age: ["12-16"] }), GROUPS).found), ["barnet"]);
});

test("each option counts what ticking it would give, given the other groups' ticks", () => {
  const { tally } = evaluate(ITEMS, choice({ theme: ["education"] }), GROUPS);
  // theme counts ignore the theme ticks: every item counts; age counts only education's items
  assert.deepEqual(tally.theme, { "early-help": 2, education: 2 });
  assert.deepEqual(tally.age, { "5-11": 1, "12-16": 2 });
});

test("words narrow by the search engine's matches, unless they narrow nothing yet", () => {
  assert.deepEqual(titles(evaluate(ITEMS, choice({ q: "x", matches: new Set([11]) }), GROUPS).found), ["attendance"]);
  assert.equal(evaluate(ITEMS, choice({ q: "x", matches: null }), GROUPS).found.length, 3);
});

test("orders: by each item's place in the order chosen; the page's own and an unknown order keep the page's", () => {
  assert.deepEqual(titles(sorted(ITEMS, "updated")), ["attendance", "barnet", "hubs"]);
  assert.deepEqual(titles(sorted(ITEMS, "cost")), ["barnet", "hubs", "attendance"]);
  assert.deepEqual(titles(sorted(ITEMS, "title")), ["attendance", "barnet", "hubs"]);
  assert.deepEqual(titles(sorted(ITEMS, "evidence")), ["hubs", "attendance", "barnet"]);
  assert.deepEqual(titles(sorted(ITEMS, "nonsense")), ["hubs", "attendance", "barnet"]);
  assert.deepEqual(titles(ITEMS), ["hubs", "attendance", "barnet"], "the list it was given is unchanged");
});

test("with nothing matching, each single choice to drop and what dropping it gives", () => {
  const none = choice({ q: "x", matches: new Set([10]), theme: ["education"], age: ["0-4"] });
  assert.equal(evaluate(ITEMS, none, GROUPS).found.length, 0);
  // Without the words: no item has both education and 0-4. Without education: hubs (0-4, the
  // words). Without 0-4: no education item matches the words. Only the one that gives some.
  assert.deepEqual(dropOffers(ITEMS, none, GROUPS), [{ group: "theme", value: "education", n: 1 }]);
  const two = choice({ theme: ["education"], age: ["0-4"] });
  assert.deepEqual(dropOffers(ITEMS, two, GROUPS), [
    { group: "theme", value: "education", n: 1 },
    { group: "age", value: "0-4", n: 2 },
  ]);
});

test("an address holds only what is chosen, and reads back as it", () => {
  const chosen = choice({ q: "family hubs", theme: ["early-help", "education"] });
  const address = addressOf(chosen, GROUPS, "title");
  assert.equal(address, "?q=family+hubs&theme=early-help%2Ceducation&sort=title");
  assert.equal(addressOf(choice(), GROUPS, "evidence"), "");
  assert.equal(addressOf(choice(), GROUPS, "<script>"), "");
  const offered = { theme: ["early-help", "education"], age: ["0-4"] };
  const back = choiceFrom(address, GROUPS, offered, {});
  assert.deepEqual(back, { choice: { q: "family hubs", matches: null, theme: ["early-help", "education"], age: [] }, dropped: [], sort: "title" });
});

test("choices the page does not offer are left out, and at most five are named", () => {
  const offered = { theme: ["early-help"], age: [] };
  const address = `?theme=early-help,${"x".repeat(100)}&age=a,b,c,d,e,f&sort=nonsense`;
  const back = choiceFrom(address, GROUPS, offered, { theme: "Theme" });
  assert.deepEqual(back.choice.theme, ["early-help"]);
  assert.deepEqual(back.dropped, [`Theme: ${"x".repeat(60)}\u2026`, "age: a", "age: b", "age: c", "age: d"]);
  assert.equal(back.sort, "evidence");
});

test("what the page says", () => {
  assert.equal(countText(21, 21), "21 case studies.");
  assert.equal(countText(3, 21), "3 of 21 case studies match.");
  assert.equal(shortened("y".repeat(60)), "y".repeat(60));
  assert.equal(shortened("y".repeat(61)), `${"y".repeat(60)}\u2026`);
});

test("the bar and the heading of the filters on a phone", () => {
  assert.equal(showText(21, 21), "Show the 21 case studies");
  assert.equal(showText(3, 21), "Show 3 case studies");
  assert.equal(showText(1, 21), "Show the 1 case study");
  assert.equal(showText(0, 21), "No case study matches: remove a filter");
  assert.equal(filtersText(choice(), GROUPS), "Filters");
  assert.equal(filtersText(choice({ theme: ["a", "b"], age: ["c"] }), GROUPS), "Filters (3 chosen)");
});
