// The proposal form's saved draft, read as untrusted input.
//
// localStorage belongs to an origin, not to a site: on GitHub Pages every project site of the
// same owner (owner.github.io/any-project/) reads and writes the same storage, so any of them
// can plant a draft here. A saved draft is therefore used whole or not at all. It must pass both
// checks, or it is removed and the reader told, with the form left empty:
//
// 1. Its shape (shapeProblem): exactly the parts the form saves; version 1; step a whole number
//    from 1 to the last step; idEdited true or false; each count that of a repeated group the
//    form has, a whole number from 0 to that group's most items; each value keyed by a path the
//    form has with those counts, of the kind its widget holds (text, or a list of texts for
//    ticks), a choice the field offers, at most twice the field's most characters in UTF-16 units
//    (room for characters outside the BMP and for spaces the form trims), and free of the
//    characters the schema refuses in any text and of lone surrogates.
// 2. The case study it would make (schemaProblem), made by the same code as the form's file and
//    checked by the same Ajv validator. A draft is normally unfinished, so the schema's
//    complaints about an unfinished or mistaken answer do not refuse it: a required field
//    missing, a text too short, a date, an address or a figure not yet right, a word where a
//    number goes, a choice the rules do not allow together. The reader sees those when moving
//    on. What refuses it is what no state the form saves can hold: a text longer than the
//    schema's maxLength, a list longer than its maxItems, a forbidden character, a field the
//    schema does not have, a list or set of fields where a text or number goes.
import { caseStudyOf, eachQuestion, isCount } from "./answers.js";
import { LONE_SURROGATE } from "./file.js";
import { firstForbidden } from "./messages.js";

export const STORE = "practice-proposal-draft"; // the localStorage key
export const VERSION = 1;
const PARTS = ["version", "step", "counts", "values", "idEdited"];
const MAX_DRAFT = 5000000; // characters: more than a browser keeps for a site, and far more than any draft
export const REMOVED = "A saved draft could not be used and has been removed. The form is empty.";

const isRecord = (value) =>
  value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype;

/** The draft the stored text holds, or undefined for text that is too long or not JSON. */
export function parsedDraft(text) {
  if (text.length > MAX_DRAFT) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Why `value` cannot be the answer to the question `spec`, or null. `textRule` is the schema's
 *  pattern of forbidden characters (null until the schema has loaded). */
export function valueProblem(spec, value, textRule) {
  if (spec.widget === "checkboxes") {
    if (!Array.isArray(value) || value.length > spec.choices.length) return "ticks";
    const wrong = value.filter(
      (choice, index) => typeof choice !== "string" || !spec.choices.includes(choice) || value.indexOf(choice) !== index,
    );
    return wrong.length ? "a tick not offered" : null;
  }
  if (typeof value !== "string") return "not text";
  if (spec.choices) return value === "" || spec.choices.includes(value) ? null : "a choice not offered";
  if (!(value.length <= 2 * spec.cap)) return "too long";
  if (LONE_SURROGATE.test(value)) return "a lone surrogate";
  if (textRule && firstForbidden(value, textRule)) return "a forbidden character";
  return null;
}

/** Why the draft's shape is not one the form saves, or null. `form` is {questions, steps,
 *  textRule}: the questions' specs, the number of steps, the schema's forbidden characters. */
export function shapeProblem(state, form) {
  if (!isRecord(state)) return "not a set of fields";
  const keys = Object.keys(state);
  if (keys.length !== PARTS.length || keys.some((key) => !PARTS.includes(key))) return "parts";
  if (state.version !== VERSION) return "version";
  if (!Number.isInteger(state.step) || state.step < 1 || state.step > form.steps) return "step";
  if (typeof state.idEdited !== "boolean") return "idEdited";
  if (!isRecord(state.counts) || !isRecord(state.values)) return "counts or values";
  const groups = new Map();
  const answers = new Map();
  eachQuestion(form.questions, state.counts, [], (spec, path) => {
    if (spec.widget === "repeat") groups.set(path, spec);
    else if (spec.widget !== "group") answers.set(path, spec);
  });
  for (const [path, count] of Object.entries(state.counts)) {
    const group = groups.get(path);
    if (!group || !isCount(count, group)) return `count of ${path}`;
  }
  for (const [path, value] of Object.entries(state.values)) {
    const spec = answers.get(path);
    const problem = spec ? valueProblem(spec, value, form.textRule) : "unknown path";
    if (problem) return `${problem} at ${path}`;
  }
  return null;
}

/** Whether an Ajv error is one no state the form saves can cause (see 2. above). */
export function refusesDraft(error) {
  if (["maxLength", "maxItems", "additionalProperties"].includes(error.keyword)) return true;
  if (error.keyword === "not") return Boolean(error.schema && typeof error.schema.pattern === "string"); // characters
  if (error.keyword === "type") return error.data !== null && typeof error.data === "object";
  return false;
}

/** Why the schema refuses the case study the draft makes, or null; `validator` is Ajv's, built
 *  with allErrors and verbose. */
export function schemaProblem(state, questions, validator) {
  validator(caseStudyOf(questions, state));
  const refused = (validator.errors || []).find(refusesDraft);
  return refused ? `${refused.keyword} at ${refused.instancePath}` : null;
}
