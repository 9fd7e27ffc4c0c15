// Built by scripts/build-frontend.mjs from frontend/proposal/rules.js: edit that, not this file.
var ProposalRules = (() => {
  var __defProp = Object.defineProperty;
  var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
  var __getOwnPropNames = Object.getOwnPropertyNames;
  var __hasOwnProp = Object.prototype.hasOwnProperty;
  var __export = (target, all) => {
    for (var name in all)
      __defProp(target, name, { get: all[name], enumerable: true });
  };
  var __copyProps = (to, from, except, desc) => {
    if (from && typeof from === "object" || typeof from === "function") {
      for (let key of __getOwnPropNames(from))
        if (!__hasOwnProp.call(to, key) && key !== except)
          __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
    }
    return to;
  };
  var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

  // frontend/proposal/rules.js
  var rules_exports = {};
  __export(rules_exports, {
    ruleProblems: () => ruleProblems
  });

  // frontend/proposal/contract.json
  var contract_default = {
    messages: {
      keyword_rank: [
        "additionalProperties",
        "required",
        "type",
        "not",
        "enum",
        "const",
        "oneOf",
        "pattern",
        "format"
      ],
      max_errors: 100,
      rating_mark: "rating standard",
      shown_length: 60,
      type_names: {
        array: "a list",
        boolean: "true or false",
        integer: "a whole number",
        null: "nothing",
        number: "a number",
        object: "a set of fields (name: value)",
        string: "text"
      }
    },
    rules: {
      comparison_designs: [
        "randomised-trial",
        "comparison-group"
      ],
      count: "count",
      forbidden_text: "[\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\u061C\\u180B-\\u180F\\u200E-\\u200F\\u2028-\\u202E\\u2060-\\u206F\\uFEFF\\uFFF0-\\uFFF8\\uFFFE-\\uFFFF𛲠-𛲣𝅳-𝅺󠀀-󠿿]",
      improved: "improved",
      markdown: {
        max_issues: 30,
        max_level: 12,
        not_allowed: {
          code_block: [
            "indented code blocks are not allowed in a description",
            "remove the indentation of 4 or more spaces at the start of the line"
          ],
          fence: [
            "code blocks are not allowed in a description",
            "write the text as an ordinary paragraph"
          ],
          heading_open: [
            "headings are not allowed in a description",
            "remove the '#'; the page supplies headings"
          ],
          hr: [
            "horizontal rules are not allowed in a description",
            "remove the line of dashes or asterisks"
          ],
          html_block: [
            "HTML is not allowed in a description",
            "write plain text or Markdown instead of HTML tags"
          ],
          html_inline: [
            "HTML is not allowed in a description",
            "write plain text or Markdown instead of HTML tags"
          ],
          image: [
            "images are not allowed in a description",
            "remove the image; link to it instead if needed"
          ]
        }
      },
      max_guessed: 200,
      max_ids_listed: 10,
      max_implied_percent: 1e5,
      max_placeholders: 40,
      max_shown: 30,
      not_applicable: "not-applicable",
      placeholder: "TODO",
      web_address: {
        max_length: 2e3,
        pattern: "^https?://([A-Za-z0-9-]+\\.)+[A-Za-z][A-Za-z0-9-]*(:[0-9]{1,5})?([/?#][A-Za-z0-9._~:/?#\\[\\]@!$&'()*+,;=%-]*)?$"
      },
      words: {
        "comparison-size-without-design": [
          "a comparison group's size is given, but the design is '{design}'",
          "give sample.comparison only for a randomised-trial or comparison-group design"
        ],
        "comparison-without-group": [
          "design '{design}' compares with a group that did not receive the practice, but the figures given are before and after",
          "give the comparison group's figure as comparison:, or write the design the figures come from (before-and-after)"
        ],
        "date-later": [
          "{field} ({value}) is in the future",
          "use a date on or before {today}"
        ],
        "did-not-move": [
          "did not move",
          ""
        ],
        "did-you-mean": [
          "did you mean '{guess}'? ",
          ""
        ],
        "direction-against-figures": [
          "direction is '{direction}', but the figures ({figures}, where {better} is better) {how}",
          "check the figures and better: against the source; where the practice made no clear difference write direction: no-clear-change, and where results got worse, direction: worse"
        ],
        "direction-not-design": [
          "direction '{direction}' does not fit design '{design}': a count of reach or activity (design: count) is never a change, and only a count has direction: not-applicable",
          "for a count write design: count and direction: not-applicable; for a change, give the design it was measured by and what it showed"
        ],
        "figures-against-before": [
          "{follow_up} against {reference} before",
          ""
        ],
        "figures-against-comparison": [
          "{follow_up} against the comparison group's {reference}",
          ""
        ],
        "figures-percent": [
          "a change of {percent}%",
          ""
        ],
        "improvement-within-chance": [
          "direction is 'improved', but the reported interval ({low} to {high}) includes no effect (1 for a ratio, otherwise 0)",
          "write direction: no-clear-change, as the source's own interval shows; check the interval against the source"
        ],
        "interval-downwards": [
          "the interval runs downwards ({low} to {high})",
          "write the lower end as low and the higher end as high"
        ],
        "markdown-link": [
          "link to '{href}' is not allowed: links must be web addresses starting http:// or https://, with no user name or backslash",
          "link to a web page by its plain address, or remove the link and keep the text"
        ],
        "markdown-more": [
          "more than {limit} problems in the description; fix these first",
          ""
        ],
        "markdown-nested": [
          "lists or quotes are nested too deeply to show",
          "use at most a few levels of lists and quotes ('>')"
        ],
        "markdown-reference-character": [
          "contains a control character ({character}, written as an HTML character reference)",
          "delete the reference (the text starting '&' and ending ';')"
        ],
        "markdown-reference-links": [
          "reference-style links ([text][name] with a line '[name]: address') are not allowed",
          "write each link in full where it is used: [text](https://...)"
        ],
        "moved-the-way": [
          "moved the way that is {which}",
          ""
        ],
        "output-not-count": [
          "the outcome area '{domain}' counts reach or activity, so its design must be count",
          "write design: count and direction: not-applicable, or choose the outcome area of the change"
        ],
        "percent-against-figures": [
          "the change in percent ({percent}) goes the other way from the figures ({figures})",
          "a fall is negative and a rise positive; check both against the source"
        ],
        "period-backwards": [
          "period ends ({end}) before it starts ({start})",
          "swap the years, or correct the one that is wrong"
        ],
        "period-ends-later": [
          "period ends in the future ({end}): the years are those the sources document",
          "write end: ongoing for practice still running at the last report"
        ],
        "period-starts-later": [
          "period starts in the future ({start})",
          "use a past year"
        ],
        placeholder: [
          "placeholder not filled in: {value}",
          "replace the TODO text with the real value (see the comment above it)"
        ],
        "placeholders-more": [
          "more than {limit} placeholders; fill these in first",
          ""
        ],
        "range-backwards": [
          "the range runs backwards: from {low} down to {high}",
          "low is the smaller amount and high the larger; swap them, or correct the one that is wrong"
        ],
        "reviewed-before-published": [
          "last_reviewed ({reviewed}) is before published ({published})",
          "a case study cannot be reviewed before it is published; correct one of the dates"
        ],
        "source-date-later": [
          "sources[{index}].date ({value}) is in the future",
          "give the date the document was published, on or before {today}"
        ],
        "source-date-not-real": [
          "'{value}' is not a real date",
          "write YYYY-MM-DD, YYYY-MM or YYYY with a real month and day"
        ],
        "source-id-repeated": [
          "the source id '{id}' is used by an earlier source too",
          "give each source its own id, and point each outcome's source: at the right one"
        ],
        "source-unknown": [
          "no source in this file has the id '{id}'",
          "{guess}the sources' ids: {listed}"
        ],
        "stopped-but-ongoing": [
          "the practice stopped (stopped: is given), but period.end says ongoing",
          "give the year it stopped as period.end, or remove stopped:"
        ]
      },
      worse: "worse"
    }
  };

  // frontend/proposal/close-match.js
  function longestMatch(a, b, aLow, aHigh, bLow, bHigh, positions) {
    let bestI = aLow;
    let bestJ = bLow;
    let bestSize = 0;
    let lengths = /* @__PURE__ */ new Map();
    for (let i = aLow; i < aHigh; i++) {
      const next = /* @__PURE__ */ new Map();
      for (const j of positions.get(a[i]) || []) {
        if (j < bLow) continue;
        if (j >= bHigh) break;
        const size = (lengths.get(j - 1) || 0) + 1;
        next.set(j, size);
        if (size > bestSize) {
          bestI = i - size + 1;
          bestJ = j - size + 1;
          bestSize = size;
        }
      }
      lengths = next;
    }
    return [bestI, bestJ, bestSize];
  }
  function matchingCharacters(a, b) {
    const positions = /* @__PURE__ */ new Map();
    b.forEach((character, j) => {
      if (!positions.has(character)) positions.set(character, []);
      positions.get(character).push(j);
    });
    let total = 0;
    const queue = [[0, a.length, 0, b.length]];
    while (queue.length) {
      const [aLow, aHigh, bLow, bHigh] = queue.pop();
      const [i, j, size] = longestMatch(a, b, aLow, aHigh, bLow, bHigh, positions);
      if (!size) continue;
      total += size;
      if (aLow < i && bLow < j) queue.push([aLow, i, bLow, j]);
      if (i + size < aHigh && j + size < bHigh) queue.push([i + size, aHigh, j + size, bHigh]);
    }
    return total;
  }
  function ratio(a, b) {
    const length = a.length + b.length;
    return length ? 2 * matchingCharacters(a, b) / length : 1;
  }
  function quickRatio(a, b) {
    const available = /* @__PURE__ */ new Map();
    for (const character of b) available.set(character, (available.get(character) || 0) + 1);
    let matches = 0;
    for (const character of a) {
      const left = available.get(character) || 0;
      if (left > 0) matches += 1;
      available.set(character, left - 1);
    }
    const length = a.length + b.length;
    return length ? 2 * matches / length : 1;
  }
  var LONGEST = 200;
  function closeMatch(word, choices, cutoff = 0.6) {
    const b = Array.from(word);
    if (b.length >= LONGEST) return null;
    let best = null;
    for (const choice of choices) {
      const a = Array.from(choice);
      if (a.length >= LONGEST) continue;
      const length = a.length + b.length;
      const realQuick = length ? 2 * Math.min(a.length, b.length) / length : 1;
      if (realQuick < cutoff || quickRatio(a, b) < cutoff) continue;
      const score = ratio(a, b);
      if (score >= cutoff && (!best || score > best.score || score === best.score && choice > best.choice)) {
        best = { score, choice };
      }
    }
    return best ? best.choice : null;
  }

  // frontend/proposal/text.js
  var NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
  var PYTHON_SPACE = "\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
  var STRIP = new RegExp(`^[${PYTHON_SPACE}]+|[${PYTHON_SPACE}]+$`, "g");
  function hex(code, width) {
    return code.toString(16).padStart(width, "0");
  }
  function escapeInvisible(text) {
    let out = "";
    for (const character of text) {
      const code = character.codePointAt(0);
      if (character !== " " && NOT_PRINTABLE.test(character)) {
        out += code < 256 ? `\\x${hex(code, 2)}` : code > 65535 ? `\\U${hex(code, 8)}` : `\\u${hex(code, 4)}`;
      } else {
        out += character;
      }
    }
    return out;
  }
  function pythonStr(value) {
    if (value === null || value === void 0) return "None";
    if (value === true) return "True";
    if (value === false) return "False";
    return String(value);
  }
  function shown(value, limit = contract_default.messages.shown_length) {
    const characters = Array.from(pythonStr(value));
    const cut = characters.slice(0, limit).join("") + (characters.length > limit ? "…" : "");
    return escapeInvisible(cut);
  }
  function pythonStrip(text) {
    return text.replace(STRIP, "");
  }
  function fieldPath(parts) {
    let text = "";
    for (const part of parts) {
      if (typeof part === "number") text += `[${part}]`;
      else text += text ? `.${part}` : String(part);
    }
    return text;
  }
  function exactDecimal(value) {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, Math.abs(value));
    const bits = view.getBigUint64(0);
    const exponentBits = Number(bits >> 52n & 0x7ffn);
    const fraction = bits & (1n << 52n) - 1n;
    const mantissa = exponentBits === 0 ? fraction : fraction | 1n << 52n;
    const exponent = (exponentBits === 0 ? 1 : exponentBits) - 1075;
    if (exponent >= 0) return { digits: mantissa << BigInt(exponent), places: 0 };
    return { digits: mantissa * 5n ** BigInt(-exponent), places: -exponent };
  }
  function roundHalfEven(digits, places, keep) {
    if (places <= keep) return digits * 10n ** BigInt(keep - places);
    const divisor = 10n ** BigInt(places - keep);
    const quotient = digits / divisor;
    const twice = digits % divisor * 2n;
    if (twice > divisor || twice === divisor && quotient % 2n === 1n) return quotient + 1n;
    return quotient;
  }
  function grouped(whole) {
    return whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }
  function withPoint(scaled, keep) {
    const text = scaled.toString().padStart(keep + 1, "0");
    return { whole: BigInt(text.slice(0, text.length - keep)), fraction: text.slice(text.length - keep) };
  }
  function formatNumber(value) {
    if (!Number.isFinite(value)) throw new RangeError(`not a figure: ${value}`);
    const sign = value < 0 ? "-" : "";
    const { digits, places } = exactDecimal(value);
    if (Number.isInteger(value)) return (digits === 0n ? "" : sign) + grouped(digits / 10n ** BigInt(places));
    if (Math.abs(value) >= 1) {
      const { whole: whole2, fraction: fraction2 } = withPoint(roundHalfEven(digits, places, 2), 2);
      const shortened = fraction2.replace(/0+$/, "");
      return sign + grouped(whole2) + (shortened ? `.${shortened}` : "");
    }
    let lead = 1;
    while (digits * 10n ** BigInt(lead) < 10n ** BigInt(places)) lead += 1;
    const keep = lead + 1;
    let scaled = roundHalfEven(digits, places, keep);
    if (scaled === 0n) return "0";
    const { whole, fraction } = withPoint(scaled, keep);
    const text = `${whole}.${fraction}`.replace(/\.?0+$/, "");
    return (text === "0" ? "" : sign) + text;
  }
  function fill(template, values) {
    return template.replace(/\{([a-z_]+)\}/g, (whole, name) => name in values ? String(values[name]) : whole);
  }
  function say(key, values = {}) {
    const [message, hint] = contract_default.rules.words[key];
    return { message: fill(message, values), hint: fill(hint, values) };
  }

  // frontend/proposal/markdown-check.js
  var RULES = contract_default.rules;
  var MARKDOWN = RULES.markdown;
  var FORBIDDEN = new RegExp(RULES.forbidden_text, "u");
  var WEB_ADDRESS = new RegExp(RULES.web_address.pattern);
  var REFERENCE_DEFINITION = /^ {0,3}\[[^\]\n]*\]:/m;
  var parsers = /* @__PURE__ */ new WeakMap();
  function parserFor(MarkdownIt) {
    if (!parsers.has(MarkdownIt)) {
      const parser = new MarkdownIt("commonmark", { html: true });
      parser.validateLink = () => true;
      parsers.set(MarkdownIt, parser);
    }
    return parsers.get(MarkdownIt);
  }
  function isWebAddress(url) {
    return url.length <= RULES.web_address.max_length && WEB_ADDRESS.test(url);
  }
  function* walk(tokens) {
    for (const token of tokens) {
      yield token;
      if (token.children) yield* walk(token.children);
    }
  }
  function* issues(text, MarkdownIt) {
    const env = {};
    let line = 0;
    const at = (words) => ({ line, ...words });
    for (const token of walk(parserFor(MarkdownIt).parse(text, env))) {
      if (token.map) line = token.map[0];
      if (token.level > MARKDOWN.max_level) {
        yield at(say("markdown-nested"));
        return;
      }
      const decoded = token.type === "text" || token.type === "code_inline" ? token.content : String(token.attrGet("title") || "");
      const forbidden = FORBIDDEN.exec(decoded);
      if (forbidden) yield at(say("markdown-reference-character", { character: escapeInvisible(forbidden[0]) }));
      if (Object.prototype.hasOwnProperty.call(MARKDOWN.not_allowed, token.type)) {
        const [message, hint] = MARKDOWN.not_allowed[token.type];
        yield at({ message, hint });
      } else if (token.type === "link_open") {
        const href = String(token.attrGet("href") || "");
        if (!isWebAddress(href)) yield at(say("markdown-link", { href: shown(href) }));
      }
    }
    if (env.references && Object.keys(env.references).length) {
      const found = REFERENCE_DEFINITION.exec(text);
      line = found ? text.slice(0, found.index).split("\n").length - 1 : 0;
      yield at(say("markdown-reference-links"));
    }
  }
  function descriptionIssues(text, MarkdownIt) {
    const found = /* @__PURE__ */ new Map();
    for (const issue of issues(text, MarkdownIt)) {
      found.set(`${issue.line}
${issue.message}
${issue.hint}`, issue);
      if (found.size > MARKDOWN.max_issues) break;
    }
    const listed = [...found.values()];
    if (listed.length > MARKDOWN.max_issues) {
      listed[MARKDOWN.max_issues] = { line: listed[MARKDOWN.max_issues].line, ...say("markdown-more", { limit: MARKDOWN.max_issues }) };
    }
    return listed;
  }

  // frontend/proposal/rules.js
  var RULES2 = contract_default.rules;
  var isText = (value) => typeof value === "string";
  var isNumber = (value) => typeof value === "number" && Number.isFinite(value);
  var isRecord = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
  var listOf = (value) => Array.isArray(value) ? value : [];
  var has = (record, key) => isRecord(record) && Object.prototype.hasOwnProperty.call(record, key);
  function problem(at, words, rule = "") {
    return { path: at, field: fieldPath(at), message: words.message, hint: words.hint, keyword: "rule", rule };
  }
  function dayOf(text) {
    const found = isText(text) ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) : null;
    if (!found) return null;
    const [year, month, day] = found.slice(1).map(Number);
    const date = new Date(Date.UTC(year, month - 1, day));
    date.setUTCFullYear(year);
    return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? text : null;
  }
  function* placeholders(value, at) {
    if (isText(value) && pythonStrip(value).startsWith(RULES2.placeholder)) yield at;
    else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* placeholders(value[i], [...at, i]);
    else if (isRecord(value)) for (const key of Object.keys(value)) yield* placeholders(value[key], [...at, key]);
  }
  function* placeholderProblems(data) {
    const found = [];
    for (const at of placeholders(data, [])) {
      found.push(at);
      if (found.length > RULES2.max_placeholders) break;
    }
    for (const at of found.slice(0, RULES2.max_placeholders)) {
      const value = at.reduce((held, step) => held[step], data);
      yield problem(at, say("placeholder", { value: shown(pythonStrip(value)) }));
    }
    if (found.length > RULES2.max_placeholders) yield problem([], say("placeholders-more", { limit: RULES2.max_placeholders }));
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
      [["evidence", "rated_on"], rated]
    ];
    for (const [at, value] of dated) {
      if (value && value > today) yield problem(at, say("date-later", { field: fieldPath(at), value, today }));
    }
  }
  function* sourceDatesAreReal(data, { today }) {
    const sources = listOf(data.sources);
    for (let index = 0; index < sources.length; index++) {
      const written = isRecord(sources[index]) ? sources[index].date : void 0;
      const parts = isText(written) && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(written) ? written.split("-") : null;
      if (!parts) continue;
      const earliest = [parts[0], parts[1] || "01", parts[2] || "01"].join("-");
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
  function* descriptionIsInTheSubset(data, context) {
    if (!isText(data.description)) return;
    for (const issue of descriptionIssues(data.description, context.MarkdownIt)) {
      yield problem(["description"], issue);
    }
  }
  var outcomesOf = (data) => listOf(data.outcomes).map((outcome, index) => [outcome, index]).filter(([o]) => isRecord(o));
  var sourceIds = (data) => listOf(data.sources).map((source) => isRecord(source) ? source.id : void 0);
  var figure = (measurement) => isRecord(measurement) && isNumber(measurement.value) ? measurement.value : null;
  var referenceOf = (outcome) => outcome.comparison ? outcome.comparison : outcome.baseline;
  var percentOf = (outcome) => isRecord(outcome.change) && isNumber(outcome.change.percent) ? outcome.change.percent : null;
  function impliedPercent(before, after) {
    if (!(before > 0)) return null;
    const percent = (after - before) / before * 100;
    return Number.isFinite(percent) && Math.abs(percent) <= RULES2.max_implied_percent ? percent : null;
  }
  function* sourceIdsAreUnique(data) {
    const seen = /* @__PURE__ */ new Set();
    let told = 0;
    const ids = sourceIds(data);
    for (let index = 0; index < ids.length; index++) {
      const id = ids[index];
      if (!isText(id)) continue;
      if (seen.has(id) && told < RULES2.max_shown) {
        told += 1;
        yield problem(["sources", index, "id"], say("source-id-repeated", { id }));
      }
      seen.add(id);
    }
  }
  function* outcomesNameASource(data) {
    const ids = sourceIds(data).filter(isText);
    if (ids.length !== listOf(data.sources).length) return;
    const known = new Set(ids);
    const unknown = outcomesOf(data).filter(([outcome]) => isText(outcome.source) && !known.has(outcome.source));
    for (const [outcome, index] of unknown.slice(0, RULES2.max_shown)) {
      const guess = ids.length <= RULES2.max_guessed ? closeMatch(outcome.source, ids) : null;
      const listed = ids.slice(0, RULES2.max_ids_listed).join(", ") + (ids.length > RULES2.max_ids_listed ? ", …" : "");
      const words = say("source-unknown", {
        id: shown(outcome.source),
        guess: guess ? say("did-you-mean", { guess }).message : "",
        listed
      });
      yield problem(["outcomes", index, "source"], words, "source-unknown");
    }
  }
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
      if (design === RULES2.count !== (direction === RULES2.not_applicable)) {
        yield problem([...at, "direction"], say("direction-not-design", { direction, design }));
        continue;
      }
      if (context.outputs.includes(outcome.domain) && design !== RULES2.count) {
        yield problem([...at, "design"], say("output-not-count", { domain: outcome.domain }));
      }
      const moved = movement(outcome);
      if (moved === null || direction !== RULES2.improved && direction !== RULES2.worse || !has(outcome, "better")) continue;
      const good = outcome.better === "lower" ? -1 : 1;
      const wanted = direction === RULES2.improved ? good : -good;
      if (moved !== wanted) {
        const how = moved === 0 ? say("did-not-move").message : say("moved-the-way", { which: moved === good ? "better" : RULES2.worse }).message;
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
      if (outcome.direction !== RULES2.improved || !interval) continue;
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
      if (RULES2.comparison_designs.includes(outcome.design) && has(outcome, "baseline") && !has(outcome, "comparison")) {
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
      if (has(outcome.sample, "comparison") && isText(outcome.design) && !RULES2.comparison_designs.includes(outcome.design)) {
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
  function isMeasuredChange(outcome, outputs) {
    if (outputs.includes(outcome.domain)) return false;
    const after = figure(outcome.follow_up);
    const reference = figure(referenceOf(outcome));
    const moved = after !== null && reference !== null && after !== reference;
    const percent = percentOf(outcome);
    return moved || percent !== null && percent !== 0;
  }
  function outcomeMeets(outcome, need, sources, outputs) {
    const source = sources.get(outcome.source);
    const within = (ids, value) => !ids || !ids.length || ids.includes(value);
    return within(need.direction_any_of, outcome.direction) && within(need.design_any_of, outcome.design) && (!need.measured || isMeasuredChange(outcome, outputs)) && (!(need.source_kind_any_of || []).length || source !== void 0 && within(need.source_kind_any_of, source.kind)) && (!(need.source_access_any_of || []).length || source !== void 0 && within(need.source_access_any_of, source.access));
  }
  function* ratingMeetsItsStandard(data, context) {
    const rating = isRecord(data.evidence) ? data.evidence.rating : void 0;
    const standard = isText(rating) && has(context.ratings, rating) ? context.ratings[rating] : null;
    if (!standard) return;
    const basis = listOf(data.evidence.basis);
    if ((standard.basis_any_of || []).length && !basis.some((id) => standard.basis_any_of.includes(id))) {
      yield problem(["evidence", "rating"], { message: standard.unmet.basis[0], hint: standard.unmet.basis[1] });
    }
    if (standard.outcome) {
      const sources = /* @__PURE__ */ new Map();
      for (const source of listOf(data.sources)) {
        if (isRecord(source) && isText(source.id) && !sources.has(source.id)) sources.set(source.id, source);
      }
      const met = outcomesOf(data).some(([outcome]) => outcomeMeets(outcome, standard.outcome, sources, context.outputs));
      if (!met) yield problem(["evidence", "rating"], { message: standard.unmet.outcome[0], hint: standard.unmet.outcome[1] });
    }
  }
  var ERROR_RULES = [placeholderProblems, datesInOrder, sourceDatesAreReal, amountRangesRunUpwards, descriptionIsInTheSubset];
  var OUTCOME_RULES = [
    sourceIdsAreUnique,
    outcomesNameASource,
    directionAgreesWithFigures,
    improvementIsNotWithinChance,
    comparisonDesignsGiveTheComparison,
    percentAgreesWithFigures,
    samplesFitTheDesign,
    stoppedPracticeHasEnded
  ];
  function ruleProblems(data, context) {
    if (!isRecord(data)) return [];
    const found = [];
    for (const rule of [...ERROR_RULES, ...OUTCOME_RULES, ratingMeetsItsStandard]) {
      for (const one of rule(data, context)) found.push(one);
    }
    return found;
  }
  return __toCommonJS(rules_exports);
})();
if (typeof module === "object" && module.exports) { module.exports = ProposalRules; }
