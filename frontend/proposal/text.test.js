// Unit tests of how the form writes values into messages, against examples worked out by hand
// from what Python prints (the Python tests compare the two on generated values too).
import assert from "node:assert/strict";
import { test } from "node:test";
import { escapeInvisible, fieldPath, fill, formatNumber, pythonStrip, shown } from "./text.js";

test("figures are written as format_number writes them", () => {
  assert.equal(formatNumber(974), "974");
  assert.equal(formatNumber(26000000), "26,000,000");
  assert.equal(formatNumber(12.345), "12.35"); // 12.345 is stored as 12.3450000000000006...
  assert.equal(formatNumber(71.7), "71.7");
  assert.equal(formatNumber(2.999), "3");
  assert.equal(formatNumber(0.004), "0.004");
  assert.equal(formatNumber(0.0999), "0.1");
  assert.equal(formatNumber(-0), "0");
  assert.equal(formatNumber(-1.5), "-1.5");
  assert.equal(formatNumber(1e21), "1,000,000,000,000,000,000,000");
  assert.equal(formatNumber(0.00001234), "0.000012");
});

test("a half is rounded to even, as Python rounds, not up as toFixed does", () => {
  assert.equal(formatNumber(1.125), "1.12");
  assert.equal(formatNumber(1.375), "1.38");
  assert.equal(formatNumber(0.125), "0.12");
  assert.equal(formatNumber(0.0625), "0.062");
  assert.equal((1.125).toFixed(2), "1.13"); // what the form would have said without this
});

test("a figure that is not finite is refused, never written", () => {
  assert.throws(() => formatNumber(Infinity), RangeError);
  assert.throws(() => formatNumber(NaN), RangeError);
});

test("quoted values are cut at the contract's length and their invisible characters escaped", () => {
  assert.equal(shown("a".repeat(61)), `${"a".repeat(60)}…`);
  assert.equal(shown("right\u202eto left"), "right\\u202eto left");
  assert.equal(escapeInvisible("tab\there"), "tab\\x09here");
  assert.equal(shown(null), "None");
});

test("Python's strip, not JavaScript's trim", () => {
  assert.equal(pythonStrip("\u3000 TODO \x85"), "TODO");
  assert.equal(pythonStrip("\ufeffTODO"), "\ufeffTODO");
});

test("a template is filled once: braces in a value stay as typed", () => {
  assert.equal(fill("the id '{id}' and {other}", { id: "{other}", other: "x" }), "the id '{other}' and x");
  assert.equal(fieldPath(["sources", 0, "url"]), "sources[0].url");
});
