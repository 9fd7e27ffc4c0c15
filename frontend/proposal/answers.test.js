// Unit tests of the case study the form's answers make, its checks of a saved draft, and the
// addresses it sends the file by, on a small form written by hand (the specs the form reads
// from the page). The Chromium tests run the same code on the real page.
import assert from "node:assert/strict";
import { test } from "node:test";
import { caseStudyOf, eachQuestion, fieldProblems, slugify, todayIso } from "./answers.js";
import { parsedDraft, refusesDraft, shapeProblem, valueProblem } from "./draft.js";
import { MAX_LINK, mailtoFor, newFileLink } from "./sending.js";

const figure = { maxDecimalPlaces: 2, maxDigits: 6 };
const QUESTIONS = [
  { path: "title", key: "title", widget: "text", cap: 20, children: [] },
  { path: "ages", key: "ages", widget: "checkboxes", choices: ["0-4", "5-11"], children: [] },
  { path: "partners", key: "partners", widget: "lines", cap: 50, children: [] },
  {
    path: "period", key: "period", widget: "group", children: [
      { path: "period/start", key: "start", widget: "whole-number", cap: 10, limits: { maxDecimalPlaces: 0, maxDigits: 4 }, children: [] },
    ],
  },
  {
    path: "outcomes", key: "outcomes", widget: "repeat", required: true, maxItems: 3, children: [
      { path: "outcomes/__i__/measure", key: "measure", widget: "text", cap: 20, children: [] },
      { path: "outcomes/__i__/after", key: "after", widget: "number", cap: 20, limits: figure, children: [] },
    ],
  },
];
const FORM = { questions: QUESTIONS, steps: 4, textRule: "[\\u0000-\\u0008]" };
const draft = (more = {}) => ({ version: 1, step: 2, counts: {}, values: {}, idEdited: false, ...more });

test("answers become the case study: trimmed, typed, empty ones left out", () => {
  const state = {
    counts: { outcomes: 2 },
    values: {
      title: "  Family hubs \r\n",
      ages: ["5-11"],
      partners: " Police \n\n School ",
      "period/start": "2011",
      "outcomes/0/measure": "",
      "outcomes/0/after": "",
      "outcomes/1/measure": "Attendance",
      "outcomes/1/after": "1,200.5",
    },
  };
  assert.deepEqual(caseStudyOf(QUESTIONS, state), {
    title: "Family hubs",
    ages: ["5-11"],
    partners: ["Police", "School"],
    period: { start: 2011 },
    outcomes: [{ measure: "Attendance", after: 1200.5 }],
  });
});

test("a figure the loader would refuse stays text, and is named at its field", () => {
  const state = { counts: { outcomes: 1 }, values: { "outcomes/0/after": "1.234", "period/start": "20110" } };
  const data = caseStudyOf(QUESTIONS, state);
  assert.equal(data.outcomes[0].after, "1.234");
  assert.equal(data.period.start, "20110");
  const found = fieldProblems(QUESTIONS, state);
  assert.deepEqual(found.map((p) => [p.field, p.message]), [
    ["outcomes[0].after", "has 3 digits after the decimal point; give at most 2"],
  ]);
});

test("a required repeated group with nothing in it is an empty list; counts out of range make none", () => {
  assert.deepEqual(caseStudyOf(QUESTIONS, { counts: {}, values: {} }), { outcomes: [] });
  assert.deepEqual(caseStudyOf(QUESTIONS, { counts: { outcomes: 99 }, values: {} }), { outcomes: [] });
});

test("a broken character is named at its field, with where it is", () => {
  const found = fieldProblems(QUESTIONS, { counts: {}, values: { title: "ab\ud800" } });
  assert.equal(found.length, 1);
  assert.equal(found[0].field, "title");
  assert.match(found[0].message, /broken character \(\\ud800 at character 3\)/);
});

test("every question is visited once per item", () => {
  const paths = [];
  eachQuestion(QUESTIONS, { outcomes: 2 }, [], (spec, path) => paths.push(path));
  assert.deepEqual(paths, [
    "title", "ages", "partners", "period", "period/start", "outcomes",
    "outcomes/0/measure", "outcomes/0/after", "outcomes/1/measure", "outcomes/1/after",
  ]);
});

test("a saved draft of the form's own shape passes; anything else is named", () => {
  assert.equal(shapeProblem(draft({ counts: { outcomes: 1 }, values: { "outcomes/0/measure": "x", ages: ["0-4"] } }), FORM), null);
  const refused = [
    [null, "not a set of fields"],
    [[], "not a set of fields"],
    [{ ...draft(), extra: 1 }, "parts"],
    [draft({ version: 2 }), "version"],
    [draft({ step: 5 }), "step"],
    [draft({ step: 1.5 }), "step"],
    [draft({ idEdited: "no" }), "idEdited"],
    [draft({ values: [] }), "counts or values"],
    [draft({ counts: { outcomes: 4 } }), "count of outcomes"],
    [draft({ counts: { title: 1 } }), "count of title"],
    [draft({ values: { "outcomes/0/measure": "x" } }), "unknown path at outcomes/0/measure"],
    [parsedDraft('{"version":1,"step":1,"counts":{},"values":{"__proto__":"x"},"idEdited":false}'), "unknown path at __proto__"],
    [draft({ values: { ages: ["0-4", "0-4"] } }), "a tick not offered at ages"],
    [draft({ values: { ages: "0-4" } }), "ticks at ages"],
    [draft({ values: { title: 5 } }), "not text at title"],
    [draft({ values: { title: "x".repeat(41) } }), "too long at title"],
    [draft({ values: { title: "a\udc00" } }), "a lone surrogate at title"],
    [draft({ values: { title: "a\u0001" } }), "a forbidden character at title"],
  ];
  for (const [state, expected] of refused) assert.equal(shapeProblem(state, FORM), expected, JSON.stringify(state));
  assert.equal(valueProblem(QUESTIONS[0], "x".repeat(40), null), null);
});

test("a stored draft that is not JSON, or too long, is no draft", () => {
  assert.equal(parsedDraft("{"), undefined);
  assert.equal(parsedDraft(" ".repeat(5000001)), undefined);
  assert.deepEqual(parsedDraft('{"a": 1}'), { a: 1 });
});

test("only what the form could never save refuses a draft; an unfinished answer does not", () => {
  assert.equal(refusesDraft({ keyword: "maxLength" }), true);
  assert.equal(refusesDraft({ keyword: "additionalProperties" }), true);
  assert.equal(refusesDraft({ keyword: "not", schema: { pattern: "[\\u0000]" } }), true);
  assert.equal(refusesDraft({ keyword: "type", data: [] }), true);
  assert.equal(refusesDraft({ keyword: "type", data: "twelve" }), false);
  assert.equal(refusesDraft({ keyword: "required" }), false);
  assert.equal(refusesDraft({ keyword: "minLength" }), false);
});

test("the id offered for a title", () => {
  assert.equal(slugify("  Café Hubs: Leeds & Bradford (2011–2014)!  "), "cafe-hubs-leeds-bradford-2011-2014");
  assert.equal(slugify(`${"a".repeat(79)} b`), "a".repeat(79));
  assert.equal(slugify("!!!"), "");
  assert.equal(todayIso(new Date("2026-12-06T23:30:00-05:00")), "2026-12-07"); // UTC's day
});

test("GitHub's new-file address carries the file unless it would be too long", () => {
  const short = newFileLink("https://github.com/o/r/new/main", "a.yaml", "id: a\n");
  assert.equal(short.href, "https://github.com/o/r/new/main?filename=practice%2Fa.yaml&value=id%3A%20a%0A");
  assert.equal(short.tooLong, false);
  const long = newFileLink("https://github.com/o/r/new/main", "a.yaml", "x".repeat(MAX_LINK));
  assert.deepEqual(long, { href: "https://github.com/o/r/new/main?filename=practice%2Fa.yaml", tooLong: true });
});

test("the message to the editors names the file and asks for it to be attached", () => {
  const link = new URL(mailtoFor("editors@example.org", "a.yaml", { title: 'Hubs & "homes"' }));
  assert.equal(link.protocol, "mailto:");
  assert.equal(link.pathname, "editors@example.org");
  assert.equal(link.searchParams.get("subject"), "Case study proposal: a.yaml");
  const body = link.searchParams.get("body");
  assert.match(body, /propose a case study, "Hubs & "homes""\. The file a\.yaml, made with the proposal form, is attached\./);
  assert.match(body, /Attach the file you downloaded/);
  assert.doesNotMatch(new URL(mailtoFor("e@x.org", "a.yaml", { title: 3 })).searchParams.get("body"), /case study,/);
});
