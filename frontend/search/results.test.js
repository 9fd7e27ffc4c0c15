// Unit tests of what the search box and the results page say, and of the results page's
// address. The Chromium tests (tests/browser/test_browser_search.py) run the pages themselves.
import assert from "node:assert/strict";
import { test } from "node:test";
import { FACETS, addressOf, chosenCount, knownFilters, partialLabel, shownQuery, stateFrom, statusText } from "./results.js";

const answer = (more) => ({ units: [{}], matched: 0, results: [], partial: [], dropped: false, ...more });

test("the filters are the contract's, in its order", () => {
  assert.deepEqual(FACETS.map(([name]) => name), ["rating", "theme", "outcome"]);
});

test("a quoted query loses direction controls and extra spaces", () => {
  assert.equal(shownQuery("  family\u202e   hubs\u2066 "), "family hubs");
  assert.equal(shownQuery("\u200f"), "");
});

test("the status counts and quotes, in the singular where it should", () => {
  assert.equal(statusText("", answer({ units: [] }), false), "Type a word that describes the practice, a place or an outcome");
  assert.equal(statusText("hubs", answer({ matched: 1, results: [1] }), false), "1 case study matches \u201chubs\u201d");
  assert.equal(statusText("hubs", answer({ matched: 3, results: [1, 2, 3] }), false), "3 case studies match \u201chubs\u201d");
  assert.equal(
    statusText("hubs", answer({ matched: 3, results: [2] }), true),
    "1 of the 3 case studies matching \u201chubs\u201d is in your filters",
  );
  assert.equal(statusText("hubs x", answer({ partial: [4] }), false), "No case study matches all of \u201chubs x\u201d.");
  assert.equal(statusText("zzz", answer({}), false), "No case studies match \u201czzz\u201d");
  assert.equal(statusText('"a b"', answer({ matched: 2, results: [1, 2] }), false), '2 case studies match "a b"');
  assert.match(statusText("a", answer({ matched: 2, results: [1, 2], dropped: true }), false), /\(only its first 10 words were used\)$/);
});

test("a long query is cut to 80 characters in the status", () => {
  const text = statusText("w".repeat(200), answer({}), false);
  assert.equal(text, `No case studies match \u201c${"w".repeat(80)}\u2026\u201d`);
});

test("the offer of partial matches", () => {
  assert.equal(partialLabel(1), "Show the case study that matches some of the words");
  assert.equal(partialLabel(7), "Show the 7 case studies that match some of the words");
});

test("an address holds the query and the filters, and reads back as them", () => {
  const filters = { rating: ["validated"], theme: ["early-help", "a&b=c"], outcome: [] };
  const address = addressOf("hubs & homes", filters);
  assert.equal(address, "?q=hubs+%26+homes&rating=validated&theme=early-help&theme=a%26b%3Dc");
  assert.deepEqual(stateFrom(address), { query: "hubs & homes", filters });
  assert.deepEqual(stateFrom("?other=1"), { query: "", filters: { rating: [], theme: [], outcome: [] } });
  assert.equal(chosenCount(filters), 3);
});

test("filters the index does not know are dropped, and said to be", () => {
  const index = { rating: { values: [["validated", "Validated"]] }, theme: { values: [] }, outcome: { values: [] } };
  const filters = { rating: ["validated", "made-up"], theme: [], outcome: [] };
  assert.deepEqual(knownFilters(filters, index), { filters: { rating: ["validated"], theme: [], outcome: [] }, all: false });
  assert.equal(knownFilters({ rating: ["validated"], theme: [], outcome: [] }, index).all, true);
});
