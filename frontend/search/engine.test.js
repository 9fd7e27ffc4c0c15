// Unit tests of the search engine's pure functions (node --test frontend/), against examples
// worked out by hand from the rules generator/search/words.py states; the Python tests run
// both languages on the same text, and the browser tests search the built site.
import assert from "node:assert/strict";
import { test } from "node:test";
import contract from "./contract.json" with { type: "json" };
import { distance, fold, parse, stem, words } from "./engine.js";

test("folding lowers case, drops accents and apostrophes", () => {
  assert.equal(fold("Café’s ÜNÏCODE"), "cafes unicode");
  assert.equal(fold("O'Brien"), "obrien");
});

test("stemming takes off a plural ending, not a short word's or a Latin one's", () => {
  assert.equal(stem("families"), "family");
  assert.equal(stem("carers"), "carer");
  assert.equal(stem("classes"), "classe");
  assert.equal(stem("bus"), "bus");
  assert.equal(stem("status"), "status");
  assert.equal(stem("gas"), "gas");
});

test("words are runs of letters and digits, joined by & only", () => {
  assert.deepEqual(words("Leeds, family-valued & B&Q in 2019"), ["leeds", "family", "valued", "b&q", "in", "2019"]);
});

test("a run longer than the contract's word length is cut into words of that length", () => {
  const max = contract.max_word;
  assert.deepEqual(words("a".repeat(2 * max + 3)).map((word) => word.length), [max, max, 3]);
});

test("a query keeps words and quoted phrases, and drops the contract's stop words", () => {
  const stop = contract.stop_words[0];
  const { units, dropped } = parse(`${stop} children in care "in care"`);
  assert.deepEqual(
    units.map((unit) => [unit.kind, unit.key]),
    [
      ["word", "children"],
      ["word", "care"],
      ["phrase", "0:in care"],
    ],
  );
  assert.equal(dropped, false);
});

test("a query of more than ten words keeps the first ten and says it dropped the rest", () => {
  const query = Array.from({ length: 12 }, (_, index) => `word${index}`).join(" ");
  const { units, dropped } = parse(query);
  assert.equal(units.length, 10);
  assert.equal(dropped, true);
});

test("the distance between two words counts edits, a swap of neighbours as one", () => {
  assert.equal(distance("safegaurding", "safeguarding"), 1);
  assert.equal(distance("leeds", "leeds"), 0);
  assert.equal(distance("care", "cart"), 1);
});
