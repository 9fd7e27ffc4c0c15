// Unit tests of the file the form writes: read back with the yaml package in YAML 1.1 mode (what
// `practice validate` reads), every value is the one given. tests/site/test_proposal_yaml.py
// reads the same files with the validator's own loader.
import assert from "node:assert/strict";
import { test } from "node:test";
import * as yaml from "yaml";
import { plainDecimal, readFigure, yamlText } from "./file.js";

const limits = { maxDecimalPlaces: 6, maxDigits: 15 };
const readBack = (text) => yaml.parse(text, { version: "1.1" });

test("texts YAML 1.1 would read as something else come back as the texts given", () => {
  const data = { id: "x", words: ["yes", "no", "010", "1:20", "~", "<<", "=", "null", "2011-01-01", " lead", "a\u2028b"] };
  const text = yamlText(data, yaml, "2026-12-06", limits);
  assert.deepEqual(readBack(text), data);
  assert.match(text, /^# yaml-language-server: \$schema=\.\.\/schema\/case-study\.schema\.json\n# Made with the proposal form on 2026-12-06\./);
});

test("lines of a long text keep their tabs, blank lines and trailing spaces", () => {
  const data = { id: "x", description: "first\n\tindented\n  \nlast  " };
  assert.deepEqual(readBack(yamlText(data, yaml, "2026-12-06", limits)), data);
});

test("numbers are plain decimals, never exponents", () => {
  const fine = { maxDecimalPlaces: 7, maxDigits: 15 };
  assert.equal(plainDecimal(1e-7, fine), "0.0000001");
  assert.equal(plainDecimal(1e21, { maxDecimalPlaces: 0, maxDigits: 22 }), "1000000000000000000000");
  assert.equal(plainDecimal(-0, limits), "0");
  assert.equal(plainDecimal(-12.5, limits), "-12.5");
  assert.throws(() => plainDecimal(0.1234567, limits), RangeError);
  assert.throws(() => plainDecimal(1234567890123456, limits), RangeError);
  assert.throws(() => plainDecimal(Number.NaN, limits), RangeError);
  const text = yamlText({ id: "x", figure: 1e-7 }, yaml, "2026-12-06", fine);
  assert.match(text, /^figure: 0\.0000001$/m);
});

test("what was typed for a figure is read as the form reads it", () => {
  assert.deepEqual(readFigure("1,200.5", limits), { value: 1200.5 });
  assert.deepEqual(readFigure("-0.25", limits), { value: -0.25 });
  assert.deepEqual(readFigure(".5", limits), { value: 0.5 });
  assert.deepEqual(readFigure("1.2345678", limits), { problem: "places", count: 7 });
  assert.deepEqual(readFigure("1234567890123456", limits), { problem: "digits", count: 16 });
  for (const words of ["", "12%", "£30", "1e5", "1,20", "twelve", "1.2.3"]) assert.equal(readFigure(words, limits), null, words);
});

test("a broken character or missing limits are refused, not written", () => {
  assert.throws(() => yamlText({ id: "x", title: "a\ud800b" }, yaml, "2026-12-06", limits), RangeError);
  assert.throws(() => yamlText({ id: "x" }, yaml, "2026-12-06", {}), TypeError);
});
