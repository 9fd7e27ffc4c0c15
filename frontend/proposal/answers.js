// The case study a state of the proposal form makes, with no DOM: the form reads its questions
// from the page once (form-fields.js, `describe`) as a tree of specs, and its answers as a
// state ({counts, values}: each repeated group's number of items, each field's raw answer by
// path). Paths inside a repeated group hold __i__ for the item's number.
//
// A spec is {path, key, widget, children} and, by widget: choices (radios, checkboxes, select);
// cap (the most characters) and limits ({maxDecimalPlaces, maxDigits}, for figures) otherwise;
// required and maxItems for a repeated group.
import { readFigure } from "./file.js";
import { escapeInvisible, fieldPath } from "./text.js";

export const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

/** The path of a question in the item `indexes` picks: __i__ replaced, in order. */
export function concrete(path, indexes) {
  let at = 0;
  return path.replace(/__i__/g, () => String(indexes[at++]));
}

export function isCount(value, spec) {
  return Number.isInteger(value) && value >= 0 && value <= spec.maxItems;
}

/** How many items a repeated group has in `counts`: 0 where the count is missing or not a count
 *  this group can have (the check of a draft refuses those; this keeps walks bounded). */
export function countOf(counts, path, spec) {
  return has(counts, path) && isCount(counts[path], spec) ? counts[path] : 0;
}

/** visit(spec, path) for each question the form has with these item counts. */
export function eachQuestion(specs, counts, indexes, visit) {
  for (const spec of specs) {
    const path = concrete(spec.path, indexes);
    visit(spec, path);
    if (spec.widget === "group") eachQuestion(spec.children, counts, indexes, visit);
    if (spec.widget === "repeat") {
      for (let n = 0, count = countOf(counts, path, spec); n < count; n++) {
        eachQuestion(spec.children, counts, [...indexes, n], visit);
      }
    }
  }
}

/** An answer as the case study holds it. A figure the validator's loader would refuse (too many
 *  digits) stays text here, so the schema check calls it text; fieldProblems names why. */
export function typedValue(spec, raw) {
  if (spec.widget === "checkboxes") return raw.length ? raw.slice() : undefined;
  const text = String(raw).replace(/\r\n?/g, "\n").trim();
  if (text === "") return undefined;
  if (spec.widget === "lines") {
    const lines = text
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
    return lines.length ? lines : undefined;
  }
  if (spec.widget === "whole-number" || spec.widget === "year-or-word") {
    const digits = text.replace(/^[+-]/, "");
    return /^[0-9]+$/.test(digits) && digits.length <= spec.limits.maxDigits ? Number(text) : text;
  }
  if (spec.widget === "number") {
    const figure = readFigure(text, spec.limits);
    return figure && figure.value !== undefined ? figure.value : text;
  }
  return text;
}

function objectFrom(specs, state, indexes) {
  const result = {};
  for (const spec of specs) {
    const value = valueFrom(spec, state, indexes);
    if (value !== undefined) result[spec.key] = value;
  }
  return result;
}

function valueFrom(spec, state, indexes) {
  const path = concrete(spec.path, indexes);
  if (spec.widget === "group") {
    const object = objectFrom(spec.children, state, indexes);
    return Object.keys(object).length ? object : undefined;
  }
  if (spec.widget === "repeat") {
    const items = [];
    for (let n = 0, count = countOf(state.counts, path, spec); n < count; n++) {
      const item = objectFrom(spec.children, state, [...indexes, n]);
      if (Object.keys(item).length) items.push(item);
    }
    if (items.length) return items;
    return spec.required ? [] : undefined;
  }
  const raw = has(state.values, path) ? state.values[path] : spec.widget === "checkboxes" ? [] : "";
  return typedValue(spec, raw);
}

/** The case study a state of the form makes: the form's answers or a saved draft. Empty answers
 *  are left out, and so are empty groups and items. */
export function caseStudyOf(questions, state) {
  return objectFrom(questions, state, []);
}

/** A problem at a path written as the form's fields are ("outcomes/0/before"). */
export function problemAt(path, message, keyword) {
  const parts = path.split("/").map((part) => (/^(0|[1-9][0-9]*)$/.test(part) ? Number(part) : part));
  return { path: parts, field: fieldPath(parts), keyword, message, hint: "" };
}

/** What the schema cannot say but the validator's loader refuses, named at the field: a broken
 *  character (half of a UTF-16 pair: libyaml refuses the file), and a figure with more digits
 *  after the point, or more digits in all, than the loader accepts. */
export function fieldProblems(questions, state) {
  const found = [];
  eachQuestion(questions, state.counts, [], (spec, path) => {
    const raw = has(state.values, path) ? state.values[path] : null;
    if (typeof raw !== "string") return;
    let index = 0;
    for (const character of raw) {
      index += 1;
      const code = character.codePointAt(0);
      if (code >= 0xd800 && code <= 0xdfff) {
        const where = `${escapeInvisible(character)} at character ${index}`;
        found.push(problemAt(path, `contains a broken character (${where}): retype the text around it`, "broken"));
        return;
      }
    }
    if (spec.widget !== "number" || raw.trim() === "") return;
    const figure = readFigure(raw.trim(), spec.limits);
    if (figure && figure.problem === "places") {
      const most = spec.limits.maxDecimalPlaces;
      found.push(problemAt(path, `has ${figure.count} digits after the decimal point; give at most ${most}`, "decimals"));
    } else if (figure && figure.problem === "digits") {
      found.push(problemAt(path, `has ${figure.count} digits; give at most ${spec.limits.maxDigits}`, "digits"));
    }
  });
  return found;
}

/** The file name the form offers for a title, until the reader types an id of their own. */
export function slugify(text) {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
}

/** Today in UTC, the day the pull request's checks count by (their runners keep UTC): with the
 *  reader's own day, a contributor east of UTC was offered a file dated "in the future". */
export function todayIso(now = new Date()) {
  return now.toISOString().slice(0, 10);
}
