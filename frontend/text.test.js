import assert from "node:assert/strict";
import { test } from "node:test";

import { truncated } from "./text.js";

test("short text is kept whole; longer text is cut after the limit and marked", () => {
  assert.equal(truncated("abc", 3), "abc");
  assert.equal(truncated("abcd", 3), "abc\u2026");
  assert.equal(truncated("", 0), "");
});

test("a character outside the Basic Multilingual Plane is never split", () => {
  const text = "ab\u{1F600}\u{1F600}";
  assert.equal(truncated(text, 3), "ab\u{1F600}\u2026");
  assert.equal(truncated("\u{1F600}".repeat(70), 59), `${"\u{1F600}".repeat(59)}\u2026`);
  for (let limit = 0; limit < 6; limit += 1) {
    assert.equal(truncated(text, limit).isWellFormed(), true, `limit ${limit}`);
  }
});
