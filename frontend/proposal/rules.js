// The rules beyond the JSON Schema that `practice validate` applies to a case study
// (generator/check/rules.py, outcome_rules.py and evidence_standard.py), for the proposal form:
// with them the form says "ready" only for a file the validator accepts. Each rule here follows
// its Python namesake, in the same order, and says what it finds in the validator's words (the
// templates of generator/check/rule_words.py, through the contract);
// tests/site/test_form_rules.py runs both on the same files, Hypothesis-made ones among them.
//
// The form runs these on answers the schema may not accept yet (the validator runs them only on
// a file it does), so every rule looks only at values of the type it needs and skips the rest.
//
// Not here, because the form cannot break them: the file name matches the id (the form names
// the file), years are whole numbers (the form writes 2011, never 2011.0), impact_evidence is
// not typed (the form has no such field).
import contract from "./contract.json" with { type: "json" };
import { closeMatch } from "./close-match.js";
import { descriptionIssues } from "./markdown-check.js";
import { fieldPath, formatNumber, pythonSplit, pythonStr, pythonStrip, say, shown } from "./text.js";

const RULES = contract.rules;

const isText = (value) => typeof value === "string";
const isNumber = (value) => typeof value === "number" && Number.isFinite(value);
const isRecord = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
const listOf = (value) => (Array.isArray(value) ? value : []);
const has = (record, key) => isRecord(record) && Object.prototype.hasOwnProperty.call(record, key);

function problem(at, words) {
  return { path: at, field: fieldPath(at), message: words.message, hint: words.hint, keyword: "rule" };
}

/** A date written YYYY-MM-DD that is a real day, as [year, month, day]; otherwise null. */
function dayOf(text) {
  const found = isText(text) ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) : null;
  if (!found) return null;
  const [year, month, day] = found.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? text : null;
}

/* ---------- rules.py ---------- */

function* placeholders(value, at) {
  if (isText(value) && pythonStrip(value).startsWith(RULES.placeholder)) yield at;
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* placeholders(value[i], [...at, i]);
  else if (isRecord(value)) for (const key of Object.keys(value)) yield* placeholders(value[key], [...at, key]);
}

function* placeholderProblems(data) {
  const found = [];
  for (const at of placeholders(data, [])) {
    found.push(at);
    if (found.length > RULES.max_placeholders) break;
  }
  for (const at of found.slice(0, RULES.max_placeholders)) {
    const value = at.reduce((held, step) => held[step], data);
    yield problem(at, say("placeholder", { value: shown(pythonStrip(value)) }));
  }
  if (found.length > RULES.max_placeholders) yield problem([], say("placeholders-more", { limit: RULES.max_placeholders }));
}

function* datesInOrder(data, { today }) {
  const period = isRecord(data.period) ? data.period : {};
  const { start, end } = period;
  const thisYear = Number(today.slice(0, 4));
  if (Number.isInteger(end) && Number.isInteger(start) && end < start) {
    yield problem(["period", "end"], say("period-backwards", { end, start }));
  }
  if (Number.isInteger(start) && start > thisYear) yield problem(["period", "start"], say("period-starts-later", { start }));
  if (Number.isInteger(end) && end > thisYear) yield problem(["period", "end"], say("period-ends-later", { end }));
  const published = dayOf(data.published);
  const reviewed = dayOf(data.last_reviewed);
  if (published && reviewed && reviewed < published) {
    yield problem(["last_reviewed"], say("reviewed-before-published", { reviewed, published }));
  }
  const rated = isRecord(data.evidence) ? dayOf(data.evidence.rated_on) : null;
  const dated = [
    [["published"], published],
    [["last_reviewed"], reviewed],
    [["evidence", "rated_on"], rated],
  ];
  for (const [at, value] of dated) {
    if (value && value > today) yield problem(at, say("date-later", { field: fieldPath(at), value, today }));
  }
}

function* sourceDatesAreReal(data, { today }) {
  const sources = listOf(data.sources);
  for (let index = 0; index < sources.length; index++) {
    const written = isRecord(sources[index]) ? sources[index].date : undefined;
    const parts = isText(written) && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(written) ? written.split("-") : null;
    if (!parts) continue;
    const earliest = [parts[0], parts[1] || "01", parts[2] || "01"].join("-"); // the first day it can mean
    if (!dayOf(earliest) || Number(parts[0]) < 1) {
      yield problem(["sources", index, "date"], say("source-date-not-real", { value: written }));
    } else if (earliest > today) {
      yield problem(["sources", index, "date"], say("source-date-later", { index, value: written, today }));
    }
  }
}

function* amountRangesRunUpwards(data) {
  for (const key of ["costs", "claimed_savings"]) {
    const money = listOf(data[key]);
    for (let index = 0; index < money.length; index++) {
      const bounds = isRecord(money[index]) ? money[index].amount_range : null;
      if (isRecord(bounds) && isNumber(bounds.low) && isNumber(bounds.high) && bounds.low > bounds.high) {
        const words = say("range-backwards", { low: formatNumber(bounds.low), high: formatNumber(bounds.high) });
        yield problem([key, index, "amount_range", "high"], words);
      }
    }
  }
}

/** A unit in the source's words that contradicts what the amount covers
 *  (generator/check/rules.py cost_kind_fits_unit). */
function* costKindFitsUnit(data) {
  for (const key of ["costs", "claimed_savings"]) {
    const money = listOf(data[key]);
    for (let index = 0; index < money.length; index++) {
      const item = money[index];
      if (!isRecord(item) || typeof item.unit !== "string" || typeof item.covers !== "string") continue;
      const unit = pythonSplit(item.unit).join(" ");
      const first = unit.split(" ", 1)[0].toLowerCase().replace(/[,;:]+$/, "");
      if (first === "total" && ["per-family", "per-child", "per-year"].includes(item.covers)) {
        yield problem([key, index, "covers"], say("total-not-per-unit", { unit: shown(unit), covers: item.covers }));
      } else if (first === "per" && item.covers === "total") {
        yield problem([key, index, "covers"], say("per-unit-not-total", { unit: shown(unit) }));
      }
    }
  }
}

/** The description in the site's Markdown subset: read by the parser the validator's was
 * ported from, whose constructor the context passes (context.MarkdownIt). */
function* descriptionIsInTheSubset(data, context) {
  if (!isText(data.description)) return;
  for (const issue of descriptionIssues(data.description, context.MarkdownIt)) {
    yield problem(["description"], issue);
  }
}

/* ---------- outcome_rules.py ---------- */

const outcomesOf = (data) => listOf(data.outcomes).map((outcome, index) => [outcome, index]).filter(([o]) => isRecord(o));
const sourceIds = (data) => listOf(data.sources).map((source) => (isRecord(source) ? source.id : undefined));
const figure = (measurement) => (isRecord(measurement) && isNumber(measurement.value) ? measurement.value : null);
const referenceOf = (outcome) => (outcome.comparison ? outcome.comparison : outcome.baseline);
const percentOf = (outcome) => (isRecord(outcome.change) && isNumber(outcome.change.percent) ? outcome.change.percent : null);

function impliedPercent(before, after) {
  if (!(before > 0)) return null;
  const percent = ((after - before) / before) * 100;
  return Number.isFinite(percent) && Math.abs(percent) <= RULES.max_implied_percent ? percent : null;
}

function* sourceIdsAreUnique(data) {
  const seen = new Set();
  let told = 0;
  const ids = sourceIds(data);
  for (let index = 0; index < ids.length; index++) {
    const id = ids[index];
    if (!isText(id)) continue;
    if (seen.has(id) && told < RULES.max_shown) {
      told += 1;
      yield problem(["sources", index, "id"], say("source-id-repeated", { id }));
    }
    seen.add(id);
  }
}

function* outcomesNameASource(data) {
  const ids = sourceIds(data).filter(isText);
  if (ids.length !== listOf(data.sources).length) return; // a source without an id: the schema says so
  const known = new Set(ids);
  const unknown = outcomesOf(data).filter(([outcome]) => isText(outcome.source) && !known.has(outcome.source));
  for (const [outcome, index] of unknown.slice(0, RULES.max_shown)) {
    const guess = ids.length <= RULES.max_guessed ? closeMatch(outcome.source, ids) : null;
    const listed = ids.slice(0, RULES.max_ids_listed).join(", ") + (ids.length > RULES.max_ids_listed ? ", …" : "");
    const words = say("source-unknown", {
      id: shown(outcome.source),
      guess: guess ? say("did-you-mean", { guess }).message : "",
      listed,
    });
    yield problem(["outcomes", index, "source"], words);
  }
}

/** -1 where the figures fell, 1 where they rose, 0 where they did not move, null where there is
 * nothing to compare (outcome_rules.movement). */
function movement(outcome) {
  const after = figure(outcome.follow_up);
  const reference = figure(referenceOf(outcome));
  if (after !== null && reference !== null) return Math.sign(after - reference) || 0;
  const percent = percentOf(outcome);
  return percent === null ? null : Math.sign(percent) || 0;
}

function figuresQuoted(outcome) {
  const after = figure(outcome.follow_up);
  const reference = figure(referenceOf(outcome));
  if (after !== null && reference !== null) {
    const key = has(outcome, "comparison") ? "figures-against-comparison" : "figures-against-before";
    return say(key, { follow_up: formatNumber(after), reference: formatNumber(reference) }).message;
  }
  return say("figures-percent", { percent: formatNumber(percentOf(outcome)) }).message;
}

function* directionAgreesWithFigures(data, context) {
  for (const [outcome, index] of outcomesOf(data)) {
    const { design, direction } = outcome;
    if (!isText(design) || !isText(direction)) continue;
    const at = ["outcomes", index];
    if ((design === RULES.count) !== (direction === RULES.not_applicable)) {
      yield problem([...at, "direction"], say("direction-not-design", { direction, design }));
      continue;
    }
    if (context.outputs.includes(outcome.domain) && design !== RULES.count) {
      yield problem([...at, "design"], say("output-not-count", { domain: outcome.domain }));
    }
    const moved = movement(outcome);
    if (moved === null || (direction !== RULES.improved && direction !== RULES.worse) || !has(outcome, "better")) continue;
    const good = outcome.better === "lower" ? -1 : 1;
    const wanted = direction === RULES.improved ? good : -good;
    if (moved !== wanted) {
      const how =
        moved === 0
          ? say("did-not-move").message
          : say("moved-the-way", { which: moved === good ? "better" : RULES.worse }).message;
      const words = say("direction-against-figures", { direction, figures: figuresQuoted(outcome), better: outcome.better, how });
      yield problem([...at, "direction"], words);
    }
  }
}

function intervalOf(outcome) {
  const interval = isRecord(outcome.effect) ? outcome.effect.interval : null;
  return isRecord(interval) && isNumber(interval.low) && isNumber(interval.high) ? interval : null;
}

function* improvementIsNotWithinChance(data) {
  for (const [outcome, index] of outcomesOf(data)) {
    const interval = intervalOf(outcome);
    if (outcome.direction !== RULES.improved || !interval) continue;
    const effect = outcome.effect;
    const measure = isText(effect.measure) ? effect.measure : "";
    const words = `${measure} ${pythonStr(effect.as_reported)}`.toLowerCase();
    const noEffect = words.includes("ratio") ? 1 : 0;
    if (interval.low <= noEffect && noEffect <= interval.high) {
      const low = formatNumber(interval.low);
      const high = formatNumber(interval.high);
      yield problem(["outcomes", index, "direction"], say("improvement-within-chance", { low, high }));
    }
  }
}

function* comparisonDesignsGiveTheComparison(data) {
  for (const [outcome, index] of outcomesOf(data)) {
    if (RULES.comparison_designs.includes(outcome.design) && has(outcome, "baseline") && !has(outcome, "comparison")) {
      yield problem(["outcomes", index, "design"], say("comparison-without-group", { design: outcome.design }));
    }
  }
}

function* percentAgreesWithFigures(data) {
  for (const [outcome, index] of outcomesOf(data)) {
    const percent = percentOf(outcome);
    const after = figure(outcome.follow_up);
    const reference = figure(referenceOf(outcome));
    if (percent === null || after === null || reference === null) continue;
    const implied = impliedPercent(reference, after);
    if (implied !== null && implied * percent < 0) {
      const words = say("percent-against-figures", { percent: formatNumber(percent), figures: figuresQuoted(outcome) });
      yield problem(["outcomes", index, "change", "percent"], words);
    }
  }
}

function* samplesFitTheDesign(data) {
  for (const [outcome, index] of outcomesOf(data)) {
    if (has(outcome.sample, "comparison") && isText(outcome.design) && !RULES.comparison_designs.includes(outcome.design)) {
      yield problem(["outcomes", index, "sample", "comparison"], say("comparison-size-without-design", { design: outcome.design }));
    }
    const interval = intervalOf(outcome);
    if (interval && interval.low > interval.high) {
      const low = formatNumber(interval.low);
      const high = formatNumber(interval.high);
      yield problem(["outcomes", index, "effect", "interval"], say("interval-downwards", { low, high }));
    }
  }
}

function* stoppedPracticeHasEnded(data) {
  if (has(data, "stopped") && isRecord(data.period) && data.period.end === "ongoing") {
    yield problem(["period", "end"], say("stopped-but-ongoing"));
  }
}

/* ---------- evidence_standard.py (the standards: config/standards.py) ---------- */

function isMeasuredChange(outcome, outputs) {
  if (outputs.includes(outcome.domain)) return false;
  const after = figure(outcome.follow_up);
  const reference = figure(referenceOf(outcome));
  const moved = after !== null && reference !== null && after !== reference;
  const percent = percentOf(outcome);
  return moved || (percent !== null && percent !== 0);
}

function outcomeMeets(outcome, need, sources, outputs) {
  const source = sources.get(outcome.source);
  const within = (ids, value) => !ids || !ids.length || ids.includes(value);
  return (
    within(need.direction_any_of, outcome.direction) &&
    within(need.design_any_of, outcome.design) &&
    (!need.measured || isMeasuredChange(outcome, outputs)) &&
    (!(need.source_kind_any_of || []).length || (source !== undefined && within(need.source_kind_any_of, source.kind))) &&
    (!(need.source_access_any_of || []).length || (source !== undefined && within(need.source_access_any_of, source.access)))
  );
}

function* ratingMeetsItsStandard(data, context) {
  const rating = isRecord(data.evidence) ? data.evidence.rating : undefined;
  const standard = isText(rating) && has(context.ratings, rating) ? context.ratings[rating] : null;
  if (!standard) return;
  const basis = listOf(data.evidence.basis);
  if ((standard.basis_any_of || []).length && !basis.some((id) => standard.basis_any_of.includes(id))) {
    yield problem(["evidence", "rating"], { message: standard.unmet.basis[0], hint: standard.unmet.basis[1] });
  }
  if (standard.outcome) {
    const sources = new Map();
    for (const source of listOf(data.sources)) {
      if (isRecord(source) && isText(source.id) && !sources.has(source.id)) sources.set(source.id, source);
    }
    const met = outcomesOf(data).some(([outcome]) => outcomeMeets(outcome, standard.outcome, sources, context.outputs));
    if (!met) yield problem(["evidence", "rating"], { message: standard.unmet.outcome[0], hint: standard.unmet.outcome[1] });
  }
}

const ERROR_RULES = [
  placeholderProblems,
  datesInOrder,
  sourceDatesAreReal,
  amountRangesRunUpwards,
  costKindFitsUnit,
  descriptionIsInTheSubset,
];
const OUTCOME_RULES = [
  sourceIdsAreUnique,
  outcomesNameASource,
  directionAgreesWithFigures,
  improvementIsNotWithinChance,
  comparisonDesignsGiveTheComparison,
  percentAgreesWithFigures,
  samplesFitTheDesign,
  stoppedPracticeHasEnded,
];

/**
 * Every problem the rules find in `data` (a case study as the form builds it), in the
 * validator's order: [{path, field, message, hint, keyword: "rule"}].
 * context: {today: "YYYY-MM-DD", MarkdownIt: markdown-it's constructor, outputs: [outcome areas that count activity],
 *           ratings: {id: {basis_any_of, outcome, unmet: {basis: [message, hint], outcome: [...]}}}}
 * (the page carries outputs and ratings: generator/contract.py form_rules).
 */
export function ruleProblems(data, context) {
  if (!isRecord(data)) return [];
  const found = [];
  for (const rule of [...ERROR_RULES, ...OUTCOME_RULES, ratingMeetsItsStandard]) {
    for (const one of rule(data, context)) found.push(one);
  }
  return found;
}
