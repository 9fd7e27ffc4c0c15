// Unit tests of the form's rules beyond the schema, on small case studies written by hand: each
// rule finds what it should, at the field the validator names, and nothing in answers it cannot
// judge yet. The Python tests compare every rule with `practice validate` on whole files.
import assert from "node:assert/strict";
import { test } from "node:test";
import MarkdownIt from "markdown-it";
import { closeMatch } from "./close-match.js";
import { ruleProblems } from "./rules.js";

const context = { today: "2026-12-06", MarkdownIt, outputs: ["reach-and-delivery"], ratings: {} };
const fields = (data, more = {}) => ruleProblems(data, { ...context, ...more }).map((problem) => problem.field);

test("answers of the wrong type, or missing, are left to the schema", () => {
  assert.deepEqual(ruleProblems(null, context), []);
  assert.deepEqual(ruleProblems({}, context), []);
  const odd = { period: "2011", outcomes: [null, 5, { design: 3 }], sources: "x", costs: [{ amount_range: [] }] };
  assert.deepEqual(ruleProblems(odd, context), []);
});

test("dates in order, and none later than today", () => {
  assert.deepEqual(fields({ period: { start: 2015, end: 2012 } }), ["period.end"]);
  assert.deepEqual(fields({ period: { start: 2027, end: "ongoing" } }), ["period.start"]);
  assert.deepEqual(fields({ published: "2026-12-01", last_reviewed: "2026-11-30" }), ["last_reviewed"]);
  assert.deepEqual(fields({ published: "2026-12-07", last_reviewed: "2026-12-07" }), ["published", "last_reviewed"]);
  assert.deepEqual(fields({ published: "2026-02-30", last_reviewed: "2026-01-01" }), []); // not a day: the schema says so
  assert.deepEqual(fields({ sources: [{ date: "2025-02-29" }, { date: "2027" }, { date: "2026-12" }] }), [
    "sources[0].date",
    "sources[1].date",
  ]);
});

test("a range runs upwards, and an interval", () => {
  assert.deepEqual(fields({ claimed_savings: [{ amount_range: { low: 5, high: 4 } }] }), ["claimed_savings[0].amount_range.high"]);
  const outcome = { design: "trend", direction: "mixed", effect: { as_reported: "x", interval: { low: 2, high: 1 } } };
  assert.deepEqual(fields({ outcomes: [outcome] }), ["outcomes[0].effect.interval"]);
});

test("what an amount covers agrees with its unit: a total is never put forward per family", () => {
  const cost = (unit, covers) => ({ costs: [{ unit, covers }] });
  assert.deepEqual(fields(cost("Total, over three years", "per-family")), ["costs[0].covers"]);
  assert.deepEqual(fields(cost("total", "per-year")), ["costs[0].covers"]);
  assert.deepEqual(fields({ claimed_savings: [{ unit: "\u2003per  family", covers: "total" }] }), ["claimed_savings[0].covers"]);
  for (const fine of [cost("total", "total"), cost("per family per year", "per-family"), cost("totally", "per-family"), cost("a year", "total")]) {
    assert.deepEqual(fields(fine), []);
  }
  assert.deepEqual(fields(cost(5, "per-family")), []); // not text yet: the schema says so
});

test("a count never changes, and only a count has no direction", () => {
  assert.deepEqual(fields({ outcomes: [{ design: "count", direction: "improved" }] }), ["outcomes[0].direction"]);
  assert.deepEqual(fields({ outcomes: [{ design: "trend", direction: "not-applicable" }] }), ["outcomes[0].direction"]);
  assert.deepEqual(fields({ outcomes: [{ design: "trend", direction: "mixed", domain: "reach-and-delivery" }] }), [
    "outcomes[0].design",
  ]);
});

test("the direction agrees with the figures and with which way is better", () => {
  const fell = { design: "before-and-after", baseline: { value: 10 }, follow_up: { value: 5 } };
  assert.deepEqual(fields({ outcomes: [{ ...fell, direction: "improved", better: "lower" }] }), []);
  const [problem] = ruleProblems({ outcomes: [{ ...fell, direction: "improved", better: "higher" }] }, context);
  assert.equal(
    problem.message,
    "direction is 'improved', but the figures (5 against 10 before, where higher is better) moved the way that is worse",
  );
  const still = { ...fell, follow_up: { value: 10 }, direction: "worse", better: "lower" };
  assert.match(ruleProblems({ outcomes: [still] }, context)[0].message, /did not move$/);
});

test("an improvement whose interval includes no effect is no clear change", () => {
  const ratio = { design: "randomised-trial", direction: "improved", effect: { as_reported: "odds ratio 0.9", interval: { low: 0.7, high: 1.1 } } };
  assert.deepEqual(fields({ outcomes: [ratio] }), ["outcomes[0].direction"]);
  const difference = { ...ratio, effect: { as_reported: "a difference of 0.9", interval: { low: 0.7, high: 1.1 } } };
  assert.deepEqual(fields({ outcomes: [difference] }), []); // 0 is outside 0.7 to 1.1
});

test("an outcome names a source given in the file, with a guess at a typing slip", () => {
  const data = { sources: [{ id: "evaluation-1" }], outcomes: [{ source: "evaluaton-1" }] };
  const [problem] = ruleProblems(data, context);
  assert.equal(problem.field, "outcomes[0].source");
  assert.equal(problem.message, "no source in this file has the id 'evaluaton-1'");
  assert.equal(problem.hint, "did you mean 'evaluation-1'? the sources' ids: evaluation-1");
  assert.deepEqual(fields({ sources: [{ id: "a" }, { id: "a" }] }), ["sources[1].id"]);
});

test("difflib's choice: the closest at 0.6 or more, the greater text on a tie", () => {
  assert.equal(closeMatch("apple", ["ape", "apply", "peach"]), "apply");
  assert.equal(closeMatch("xyz", ["abc"]), null);
  assert.equal(closeMatch("ab", ["ax", "ay"]), null); // both 0.5: below the cutoff
  assert.equal(closeMatch("abc", ["abd", "abe"]), "abe");
  const started = performance.now();
  assert.equal(closeMatch("a".repeat(10000), ["a".repeat(9999) + "b"]), null); // no guess, and no wait
  assert.ok(performance.now() - started < 100);
});

test("a rating needs what its standard asks, from the source the outcome names", () => {
  const ratings = {
    top: {
      basis_any_of: ["evaluation"],
      outcome: { direction_any_of: ["improved"], design_any_of: [], measured: true, source_kind_any_of: ["evaluation"], source_access_any_of: [] },
      unmet: { basis: ["needs a basis", "fix"], outcome: ["needs an outcome", "fix"] },
    },
  };
  const outcome = { direction: "improved", change: { percent: -5 }, source: "press" };
  const data = {
    evidence: { rating: "top", basis: ["evaluation"] },
    sources: [{ id: "press", kind: "press-release" }, { id: "report", kind: "evaluation" }],
    outcomes: [outcome],
  };
  assert.deepEqual(ruleProblems(data, { ...context, ratings }).map((problem) => problem.message), ["needs an outcome"]);
  data.outcomes = [{ ...outcome, source: "report" }];
  assert.deepEqual(ruleProblems(data, { ...context, ratings }), []);
  data.evidence.basis = ["stakeholder-account"];
  assert.deepEqual(ruleProblems(data, { ...context, ratings }).map((problem) => problem.message), ["needs a basis"]);
});

test("a practice that stopped has an end year", () => {
  assert.deepEqual(fields({ stopped: { reason: "x" }, period: { start: 2010, end: "ongoing" } }), ["period.end"]);
});

test("placeholders left by practice new are named, at most the contract's number", () => {
  assert.deepEqual(fields({ summary: "  TODO say what it is" }), ["summary"]);
  const many = { partners: Array.from({ length: 45 }, () => "TODO") };
  const found = fields(many);
  assert.equal(found.length, 41);
  assert.equal(found.at(-1), "");
});

test("a description keeps to the site's Markdown subset", () => {
  assert.deepEqual(fields({ description: "Plain text, **bold**, a [link](https://www.gov.uk/x)." }), []);
  const said = (description) => ruleProblems({ description }, context).map((problem) => problem.message);
  assert.deepEqual(said("# A heading"), ["headings are not allowed in a description"]);
  assert.deepEqual(said("A <b>bold</b> word"), ["HTML is not allowed in a description"]); // once: one line
  assert.deepEqual(said("<b>one</b>\n\n<i>two</i>"), ["HTML is not allowed in a description", "HTML is not allowed in a description"]);
  assert.match(said("[a](javascript:alert(1))")[0], /^link to 'javascript:alert\(1\)' is not allowed/);
  assert.match(said("[a](https://www.gov.uk@evil.example/)")[0], /is not allowed/);
  assert.deepEqual(said("[a][b]\n\n[b]: https://www.gov.uk/"), [
    "reference-style links ([text][name] with a line '[name]: address') are not allowed",
  ]);
  assert.match(said("A &#x202E; mark")[0], /^contains a control character \(\\u202e, written as an HTML character reference\)/);
  assert.deepEqual(said(`${"> ".repeat(20)}deep`), ["lists or quotes are nested too deeply to show"]);
  const many = Array.from({ length: 40 }, (_, n) => `# heading ${n}`).join("\n");
  assert.equal(said(many).length, 31);
  assert.equal(said(many).at(-1), "more than 30 problems in the description; fix these first");
});
