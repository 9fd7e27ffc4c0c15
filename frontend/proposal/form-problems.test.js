// Unit tests of how the form words a problem after a field's label (the Chromium tests show
// them in the page).
import assert from "node:assert/strict";
import { test } from "node:test";
import { wording } from "./form-problems.js";

test("a problem reads as a sentence after the field's label", () => {
  assert.equal(wording({ keyword: "required", message: "x" }, "Region"), "Region is required");
  assert.equal(wording({ keyword: "required", message: "x" }, "Themes", "checkboxes"), "Themes: choose at least one");
  assert.equal(wording({ keyword: "minLength", message: "is 12 characters long" }, "Summary"), "Summary is 12 characters long");
  assert.equal(wording({ keyword: "rule", message: "no source in this file has the id 'a'" }, "Source"), "Source: no source in this file has the id 'a'");
});
