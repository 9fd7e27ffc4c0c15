// Built by scripts/build-frontend.mjs from frontend/proposal/main.js: edit that, not this file.
var ProposalForm = (() => {
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

  // frontend/proposal/main.js
  var main_exports = {};
  __export(main_exports, {
    problems: () => problems,
    readFigure: () => readFigure,
    ruleProblems: () => ruleProblems,
    yamlText: () => yamlText
  });

  // frontend/proposal/file.js
  var INT_TAG = "tag:yaml.org,2002:int";
  var FLOAT_TAG = "tag:yaml.org,2002:float";
  var STR_TAG = "tag:yaml.org,2002:str";
  var MERGE_TAG = "tag:yaml.org,2002:merge";
  var MISREAD = /^(<<|=)$|[\u0085\u2028\u2029\ufeff]|(^|\n)(\t|[ \t]+(\n|$))/;
  var ESCAPED = /[\\"\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/g;
  var ESCAPES = { "\\": "\\\\", '"': '\\"', "\n": "\\n", "	": "\\t" };
  var LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(^|[^\ud800-\udbff])[\udc00-\udfff]/;
  function doubleQuoted(text) {
    return '"' + text.replace(ESCAPED, function(character) {
      return ESCAPES[character] || "\\u" + ("000" + character.charCodeAt(0).toString(16)).slice(-4);
    }) + '"';
  }
  function checkedLimits(limits) {
    let places = limits && limits.maxDecimalPlaces;
    let digits = limits && limits.maxDigits;
    if (!Number.isInteger(places) || places < 0 || !Number.isInteger(digits) || digits < 1) {
      throw new TypeError("limits must give maxDecimalPlaces and maxDigits (the page's data-decimal-places, data-max-digits)");
    }
    return { places, digits };
  }
  function plainDecimal(value, limits) {
    let bounds = checkedLimits(limits);
    if (typeof value !== "number" || !isFinite(value)) throw new RangeError("not a finite number: " + String(value));
    if (value === 0) return "0";
    let parts = /^(-?)([0-9]+)(?:\.([0-9]+))?(?:e([+-][0-9]+))?$/.exec(String(value));
    let digits = parts[2] + (parts[3] || "");
    let point = parts[2].length + Number(parts[4] || 0);
    if (point <= 0) {
      digits = "0".repeat(1 - point) + digits;
      point = 1;
    } else if (point > digits.length) {
      digits += "0".repeat(point - digits.length);
    }
    let whole = digits.slice(0, point).replace(/^0+(?=[0-9])/, "");
    let fraction = digits.slice(point).replace(/0+$/, "");
    if (fraction.length > bounds.places) {
      throw new RangeError(String(value) + " has more than " + bounds.places + " digits after the decimal point");
    }
    if (whole.length + fraction.length > bounds.digits) {
      throw new RangeError(String(value) + " has more than " + bounds.digits + " digits");
    }
    return parts[1] + whole + (fraction ? "." + fraction : "");
  }
  function readFigure(typed, limits) {
    let bounds = checkedLimits(limits);
    let text = String(typed).replace(/^([+-]?[0-9]{1,3}(,[0-9]{3})+)(\.[0-9]+)?$/, function(whole2) {
      return whole2.replace(/,/g, "");
    });
    let parts = /^([+-]?)([0-9]*)(?:\.([0-9]+))?$/.exec(text);
    if (!parts || parts[2] === "" && parts[3] === void 0) return null;
    let fraction = parts[3] || "";
    let whole = parts[2].replace(/^0+(?=[0-9])/, "") || "0";
    if (fraction.length > bounds.places) return { problem: "places", count: fraction.length };
    if (whole.length + fraction.length > bounds.digits) return { problem: "digits", count: whole.length + fraction.length };
    return { value: Number(text) };
  }
  function tagsFor(limits) {
    return function(tags) {
      return tags.filter(function(tag) {
        return tag.tag !== MERGE_TAG;
      }).map(function(tag) {
        if (tag.tag === INT_TAG || tag.tag === FLOAT_TAG) {
          return Object.assign({}, tag, { stringify: function(node) {
            return plainDecimal(node.value, limits);
          } });
        }
        if (tag.tag === STR_TAG) {
          return Object.assign({}, tag, {
            stringify: function(node, context, onComment, onChompKeep) {
              if (node.type === "QUOTE_DOUBLE") return doubleQuoted(String(node.value));
              return tag.stringify(node, context, onComment, onChompKeep);
            }
          });
        }
        return tag;
      });
    };
  }
  function yamlText(data, yaml, today, limits) {
    checkedLimits(limits);
    let doc = new yaml.Document(data, {
      version: "1.1",
      merge: false,
      aliasDuplicateObjects: false,
      customTags: tagsFor(limits)
    });
    yaml.visit(doc, {
      Scalar: function(key, node) {
        if (typeof node.value !== "string") return;
        if (LONE_SURROGATE.test(node.value)) throw new RangeError("a text holds a lone surrogate (a broken character)");
        if (MISREAD.test(node.value)) node.type = "QUOTE_DOUBLE";
      }
    });
    return "# yaml-language-server: $schema=../schema/case-study.schema.json\n# Made with the proposal form on " + today + ". Check it with: practice validate practice/" + String(data.id).replace(/[^a-z0-9-]/g, "") + ".yaml\n" + doc.toString({ lineWidth: 0 });
  }

  // frontend/text.js
  function truncated(text, limit) {
    const characters = Array.from(text);
    return characters.length > limit ? `${characters.slice(0, limit).join("")}…` : text;
  }

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
        "per-unit-not-total": [
          "the unit says '{unit}', an amount per something, but covers says total",
          "write covers: per-family, per-child or per-year as the unit says, or correct the unit"
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
        ],
        "total-not-per-unit": [
          "the unit says '{unit}', a total, but covers says {covers}",
          "write covers: total; give a cost per family or per child only where the source gives one, never a total divided"
        ]
      },
      worse: "worse"
    }
  };

  // frontend/proposal/text.js
  var NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
  var PYTHON_SPACE = "\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
  var STRIP = new RegExp(`^[${PYTHON_SPACE}]+|[${PYTHON_SPACE}]+$`, "g");
  var PYTHON_RUN = new RegExp(`[${PYTHON_SPACE}]+`);
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
    return escapeInvisible(truncated(pythonStr(value), limit));
  }
  function pythonSplit(text) {
    return text.split(PYTHON_RUN).filter(Boolean);
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
  function roundHalfEven(digits, places, keep2) {
    if (places <= keep2) return digits * 10n ** BigInt(keep2 - places);
    const divisor = 10n ** BigInt(places - keep2);
    const quotient = digits / divisor;
    const twice = digits % divisor * 2n;
    if (twice > divisor || twice === divisor && quotient % 2n === 1n) return quotient + 1n;
    return quotient;
  }
  function grouped(whole) {
    return whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }
  function withPoint(scaled, keep2) {
    const text = scaled.toString().padStart(keep2 + 1, "0");
    return { whole: BigInt(text.slice(0, text.length - keep2)), fraction: text.slice(text.length - keep2) };
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
    const keep2 = lead + 1;
    let scaled = roundHalfEven(digits, places, keep2);
    if (scaled === 0n) return "0";
    const { whole, fraction } = withPoint(scaled, keep2);
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

  // frontend/proposal/answers.js
  var has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
  function concrete(path, indexes) {
    let at = 0;
    return path.replace(/__i__/g, () => String(indexes[at++]));
  }
  function isCount(value, spec) {
    return Number.isInteger(value) && value >= 0 && value <= spec.maxItems;
  }
  function countOf(counts, path, spec) {
    return has(counts, path) && isCount(counts[path], spec) ? counts[path] : 0;
  }
  function eachQuestion(specs, counts, indexes, visit) {
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
  function typedValue(spec, raw) {
    if (spec.widget === "checkboxes") return raw.length ? raw.slice() : void 0;
    const text = String(raw).replace(/\r\n?/g, "\n").trim();
    if (text === "") return void 0;
    if (spec.widget === "lines") {
      const lines = text.split("\n").map((line) => line.trim()).filter(Boolean);
      return lines.length ? lines : void 0;
    }
    if (spec.widget === "whole-number" || spec.widget === "year-or-word") {
      const digits = text.replace(/^[+-]/, "");
      return /^[0-9]+$/.test(digits) && digits.length <= spec.limits.maxDigits ? Number(text) : text;
    }
    if (spec.widget === "number") {
      const figure2 = readFigure(text, spec.limits);
      return figure2 && figure2.value !== void 0 ? figure2.value : text;
    }
    return text;
  }
  function objectFrom(specs, state, indexes) {
    const result = {};
    for (const spec of specs) {
      const value = valueFrom(spec, state, indexes);
      if (value !== void 0) result[spec.key] = value;
    }
    return result;
  }
  function valueFrom(spec, state, indexes) {
    const path = concrete(spec.path, indexes);
    if (spec.widget === "group") {
      const object = objectFrom(spec.children, state, indexes);
      return Object.keys(object).length ? object : void 0;
    }
    if (spec.widget === "repeat") {
      const items = [];
      for (let n = 0, count = countOf(state.counts, path, spec); n < count; n++) {
        const item = objectFrom(spec.children, state, [...indexes, n]);
        if (Object.keys(item).length) items.push(item);
      }
      if (items.length) return items;
      return spec.required ? [] : void 0;
    }
    const raw = has(state.values, path) ? state.values[path] : spec.widget === "checkboxes" ? [] : "";
    return typedValue(spec, raw);
  }
  function caseStudyOf(questions, state) {
    return objectFrom(questions, state, []);
  }
  function problemAt(path, message, keyword) {
    const parts = path.split("/").map((part) => /^(0|[1-9][0-9]*)$/.test(part) ? Number(part) : part);
    return { path: parts, field: fieldPath(parts), keyword, message, hint: "" };
  }
  function fieldProblems(questions, state) {
    const found = [];
    eachQuestion(questions, state.counts, [], (spec, path) => {
      const raw = has(state.values, path) ? state.values[path] : null;
      if (typeof raw !== "string") return;
      let index = 0;
      for (const character of raw) {
        index += 1;
        const code = character.codePointAt(0);
        if (code >= 55296 && code <= 57343) {
          const where = `${escapeInvisible(character)} at character ${index}`;
          found.push(problemAt(path, `contains a broken character (${where}): retype the text around it`, "broken"));
          return;
        }
      }
      if (spec.widget !== "number" || raw.trim() === "") return;
      const figure2 = readFigure(raw.trim(), spec.limits);
      if (figure2 && figure2.problem === "places") {
        const most = spec.limits.maxDecimalPlaces;
        found.push(problemAt(path, `has ${figure2.count} digits after the decimal point; give at most ${most}`, "decimals"));
      } else if (figure2 && figure2.problem === "digits") {
        found.push(problemAt(path, `has ${figure2.count} digits; give at most ${spec.limits.maxDigits}`, "digits"));
      }
    });
    return found;
  }
  function slugify(text) {
    return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80).replace(/-+$/, "");
  }
  function todayIso(now = /* @__PURE__ */ new Date()) {
    return now.toISOString().slice(0, 10);
  }

  // frontend/proposal/messages.js
  var TYPE_NAMES = contract_default.messages.type_names;
  var RANKED = contract_default.messages.keyword_rank;
  var RATING_MARK = contract_default.messages.rating_mark;
  var MAX_ERRORS = contract_default.messages.max_errors;
  function describeValue(value) {
    if (value === null || value === void 0) return "nothing (the value is empty)";
    if (typeof value === "boolean") {
      return String(value) + " (YAML reads yes/no/on/off as true/false; put the text in quotes)";
    }
    if (typeof value === "number") return "the number " + shown(value);
    if (typeof value === "string") return "text";
    if (Array.isArray(value)) return "a list";
    return "a set of fields";
  }
  function firstForbidden(text, pattern) {
    let found = new RegExp(pattern, "u").exec(text);
    if (!found) return null;
    return [Array.from(text.slice(0, found.index)).length + 1, escapeInvisible(found[0])];
  }
  function grouped2(number) {
    return Number(number).toLocaleString("en-US", { maximumFractionDigits: 20 });
  }
  function pathOf(pointer) {
    if (!pointer) return [];
    return pointer.split("/").slice(1).map(function(part) {
      let key = part.replace(/~1/g, "/").replace(/~0/g, "~");
      return /^(0|[1-9][0-9]*)$/.test(key) ? Number(key) : key;
    });
  }
  function patternMessage(path, value, keyword) {
    let name = "";
    for (let i = path.length - 1; i >= 0; i--) {
      if (typeof path[i] === "string") {
        name = path[i];
        break;
      }
    }
    let quoted = shown(value);
    if (name === "url") return "'" + quoted + "' is not a web address starting http:// or https://";
    if (name === "id") return "'" + quoted + "' is not a valid id: use lowercase letters, digits and single hyphens";
    if (name === "published" || name === "last_reviewed" || name === "rated_on") {
      if (keyword === "format") return "'" + quoted + "' is not a real date";
      return "'" + quoted + "' is not a date written YYYY-MM-DD, from 1970 on";
    }
    if (name === "date") return "'" + quoted + "' is not a date written YYYY-MM-DD, YYYY-MM or YYYY, from 1900 on";
    if (name === "email") return "'" + quoted + "' is not an email address";
    if (name === "currency") return "'" + quoted + "' is not a three-letter currency code such as GBP";
    return "'" + quoted + "' is not in the expected form";
  }
  function oneOfMessage(schema, value) {
    let options = schema.oneOf || [];
    let names = options.filter(function(option) {
      return option.required;
    }).map(function(option) {
      return option.required[0];
    });
    if (names.length && value && typeof value === "object" && !Array.isArray(value)) {
      let either = names.map(function(name) {
        return "'" + name + "'";
      }).join(" or ");
      let present = names.filter(function(name) {
        return Object.prototype.hasOwnProperty.call(value, name);
      });
      return present.length ? "give one of " + either + ", not both" : "give one of " + either;
    }
    let quoted = typeof value === "string" ? "'" + shown(value) + "'" : describeValue(value);
    return quoted + " is not allowed here";
  }
  function messagesFor(error) {
    let path = pathOf(error.instancePath);
    let schema = error.parentSchema || {};
    let described = schema.description || "";
    let kind = error.keyword;
    let value = error.data;
    let limit = error.schema;
    let bound;
    if (kind === "additionalProperties") {
      let key = error.params.additionalProperty;
      return [{ path: path.concat([key]), message: "unknown field '" + shown(key) + "'", hint: "" }];
    }
    if (kind === "required") {
      let name = error.params.missingProperty;
      let fieldSchema = (schema.properties || {})[name] || {};
      return [
        {
          path: path.concat([name]),
          message: "missing required field '" + name + "'",
          hint: ("add '" + name + ":'. " + (fieldSchema.description || "")).trim()
        }
      ];
    }
    if (kind === "if" && isRatingCondition(schema)) {
      return [{ path: ["evidence", "rating"], message: schema.description, hint: schema.title }];
    }
    if (kind === "dependencies") {
      let needed = error.params.missingProperty;
      let neededSchema = (schema.properties || {})[needed] || {};
      return [
        {
          path: path.concat([needed]),
          message: "missing required field '" + needed + "'",
          hint: ("add '" + needed + ":' (needed because '" + error.params.property + "' is given). " + (neededSchema.description || "")).trim()
        }
      ];
    }
    if (kind === "enum") {
      return [{ path, message: "'" + shown(value) + "' is not an allowed value", hint: "allowed values: " + limit.join(", ") }];
    }
    if (kind === "type") {
      let expected = Array.isArray(schema.type) ? schema.type : [schema.type];
      let names = expected.map(function(type) {
        return TYPE_NAMES[type] || type;
      });
      return [{ path, message: "expected " + names.join(" or ") + ", found " + describeValue(value), hint: described }];
    }
    if (kind === "minLength" || kind === "maxLength") {
      let length = typeof value === "string" ? Array.from(value).length : 0;
      if (kind === "minLength" && length === 0) return [{ path, message: "is empty", hint: described }];
      bound = kind === "minLength" ? "at least" : "at most";
      return [{ path, message: "is " + length + " characters long; it must be " + bound + " " + limit, hint: described }];
    }
    if (kind === "minItems" || kind === "maxItems") {
      bound = kind === "minItems" ? "at least" : "at most";
      return [{ path, message: "must list " + bound + " " + limit + " item" + (limit !== 1 ? "s" : ""), hint: described }];
    }
    if (kind === "minProperties") return [{ path, message: "must name at least " + limit + " entry", hint: described }];
    if (kind === "uniqueItems") {
      return [{ path, message: "lists the same value more than once", hint: "remove the repeated entry" }];
    }
    if (kind === "not" && typeof value === "string" && limit && typeof limit.pattern === "string") {
      let found = firstForbidden(value, limit.pattern);
      let where = found ? found[1] + " at character " + found[0] : "an invisible control character";
      return [
        {
          path,
          message: "contains a control character (" + where + ")",
          hint: "delete it: retype the text around it, or paste it as plain text"
        }
      ];
    }
    if (kind === "not") return [{ path, message: "'" + shown(value) + "' is reserved", hint: "choose another value" }];
    if (kind === "pattern" && isVisiblePattern(limit)) {
      return [{ path, message: "has no visible text (only spaces, line breaks or invisible characters)", hint: described }];
    }
    if (kind === "pattern" || kind === "format") return [{ path, message: patternMessage(path, value, kind), hint: described }];
    if (kind === "minimum" || kind === "maximum") {
      bound = kind === "minimum" ? "at least" : "at most";
      return [{ path, message: shown(value) + " is out of range: it must be " + bound + " " + grouped2(limit), hint: described }];
    }
    if (kind === "exclusiveMinimum" || kind === "exclusiveMaximum") {
      bound = kind === "exclusiveMinimum" ? "more than" : "less than";
      return [{ path, message: shown(value) + " is out of range: it must be " + bound + " " + grouped2(limit), hint: described }];
    }
    if (kind === "oneOf") return [{ path, message: oneOfMessage(schema, value), hint: described }];
    if (kind === "const") return [{ path, message: "must be '" + limit + "'", hint: described }];
    return [{ path, message: error.message || "is not valid", hint: described }];
  }
  function isVisiblePattern(pattern) {
    return typeof pattern === "string" && pattern.charAt(0) === "[" && pattern.indexOf("[^\\t\\n") === 0;
  }
  function isFromRatingCondition(error) {
    return /^#\/allOf\/\d+\/then\//.test(error.schemaPath || "") || error.keyword === "if" && isRatingCondition(error.parentSchema || {});
  }
  function isRatingCondition(schema) {
    return typeof schema.$comment === "string" && schema.$comment.indexOf(RATING_MARK + ":") === 0;
  }
  function rank(keyword) {
    let index = RANKED.indexOf(keyword);
    return index === -1 ? RANKED.length : index;
  }
  function problems(errors) {
    let best = /* @__PURE__ */ new Map();
    let counted = 0;
    let previous = null;
    let more = null;
    let list = errors || [];
    let ratingOnly = list.every(isFromRatingCondition);
    for (let i = 0; i < list.length; i++) {
      let error = list[i];
      if (/\/(oneOf|anyOf)\/\d+\//.test(error.schemaPath || "")) continue;
      if (/^#\/allOf\/\d+\/then\//.test(error.schemaPath || "")) continue;
      if (!ratingOnly && isFromRatingCondition(error)) continue;
      if (error.keyword === "if" && !isFromRatingCondition(error)) continue;
      let group = error.keyword === "additionalProperties" ? error.instancePath + " " + error.schemaPath : null;
      if (group === null || group !== previous) {
        if (counted === MAX_ERRORS) {
          more = {
            path: [],
            field: "",
            message: "more than " + MAX_ERRORS + " problems; fix these first",
            hint: "",
            keyword: "maxErrors"
          };
          break;
        }
        counted += 1;
      }
      previous = group;
      keep(best, error);
    }
    let found = Array.from(best.values()).map(function(entry) {
      return entry.problem;
    });
    if (more) found.unshift(more);
    return found;
  }
  function keep(best, error) {
    let weight = rank(error.keyword);
    messagesFor(error).forEach(function(message) {
      let field = fieldPath(message.path);
      let held = best.get(field);
      if (held && held.rank <= weight) return;
      best.set(field, {
        rank: weight,
        problem: { path: message.path, field, message: message.message, hint: message.hint, keyword: error.keyword }
      });
    });
  }

  // frontend/proposal/draft.js
  var STORE = "practice-proposal-draft";
  var VERSION = 1;
  var PARTS = ["version", "step", "counts", "values", "idEdited"];
  var MAX_DRAFT = 5e6;
  var REMOVED = "A saved draft could not be used and has been removed. The form is empty.";
  var isRecord = (value) => value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype;
  function parsedDraft(text) {
    if (text.length > MAX_DRAFT) return void 0;
    try {
      return JSON.parse(text);
    } catch {
      return void 0;
    }
  }
  function valueProblem(spec, value, textRule) {
    if (spec.widget === "checkboxes") {
      if (!Array.isArray(value) || value.length > spec.choices.length) return "ticks";
      const wrong = value.filter(
        (choice, index) => typeof choice !== "string" || !spec.choices.includes(choice) || value.indexOf(choice) !== index
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
  function shapeProblem(state, form) {
    if (!isRecord(state)) return "not a set of fields";
    const keys = Object.keys(state);
    if (keys.length !== PARTS.length || keys.some((key) => !PARTS.includes(key))) return "parts";
    if (state.version !== VERSION) return "version";
    if (!Number.isInteger(state.step) || state.step < 1 || state.step > form.steps) return "step";
    if (typeof state.idEdited !== "boolean") return "idEdited";
    if (!isRecord(state.counts) || !isRecord(state.values)) return "counts or values";
    const groups = /* @__PURE__ */ new Map();
    const answers = /* @__PURE__ */ new Map();
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
      const problem2 = spec ? valueProblem(spec, value, form.textRule) : "unknown path";
      if (problem2) return `${problem2} at ${path}`;
    }
    return null;
  }
  function refusesDraft(error) {
    if (["maxLength", "maxItems", "additionalProperties"].includes(error.keyword)) return true;
    if (error.keyword === "not") return Boolean(error.schema && typeof error.schema.pattern === "string");
    if (error.keyword === "type") return error.data !== null && typeof error.data === "object";
    return false;
  }
  function schemaProblem(state, questions, validator) {
    validator(caseStudyOf(questions, state));
    const refused = (validator.errors || []).find(refusesDraft);
    return refused ? `${refused.keyword} at ${refused.instancePath}` : null;
  }

  // frontend/proposal/sending.js
  var MAX_LINK = 8e3;
  function newFileLink(newFilePage, name, yaml) {
    const base = `${newFilePage}?filename=${encodeURIComponent(`practice/${name}`)}`;
    const full = `${base}&value=${encodeURIComponent(yaml)}`;
    const tooLong = full.length > MAX_LINK;
    return { href: tooLong ? base : full, tooLong };
  }
  function mailtoFor(address, name, data) {
    const title = typeof data.title === "string" ? data.title : "";
    const body = `Hello,

I would like to propose a case study${title ? `, "${title}"` : ""}. The file ${name}, made with the proposal form, is attached.

(Attach the file you downloaded before you send this.)
`;
    return `mailto:${address}?subject=${encodeURIComponent(`Case study proposal: ${name}`)}&body=${encodeURIComponent(body)}`;
  }

  // frontend/proposal/finish.js
  var downloadUrl = null;
  function offer(form, data, Libraries, limits) {
    const yaml = yamlText(data, Libraries, todayIso(), limits);
    const name = `${data.id}.yaml`;
    form.querySelector("[data-yaml]").textContent = yaml;
    form.querySelector("[data-file-name]").textContent = `practice/${name}`;
    if (downloadUrl) URL.revokeObjectURL(downloadUrl);
    downloadUrl = URL.createObjectURL(new Blob([yaml], { type: "application/yaml" }));
    const download = form.querySelector("[data-download]");
    download.href = downloadUrl;
    download.setAttribute("download", name);
    const email = form.querySelector("[data-email]");
    if (email) email.href = mailtoFor(email.getAttribute("data-email-to"), name, data);
    const host = form.querySelector("[data-open-host]");
    if (host) {
      const link = newFileLink(form.getAttribute("data-new-file"), name, yaml);
      host.href = link.href;
      host.toggleAttribute("data-copy-first", link.tooLong);
      form.querySelector("[data-too-long]").hidden = !link.tooLong;
    }
  }
  function copy(form) {
    const shownFile = form.querySelector("[data-yaml]");
    const told = form.querySelector("[data-copied]");
    const done = () => {
      told.textContent = "Copied.";
    };
    const failed = () => {
      const range = document.createRange();
      range.selectNodeContents(shownFile);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      told.textContent = "Selected: press Ctrl+C (or Cmd+C) to copy.";
    };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(shownFile.textContent).then(done, failed);
    else failed();
  }
  function wireSending(form) {
    form.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-copy]");
      if (button && form.contains(button)) copy(form);
    });
    const host = form.querySelector("[data-open-host]");
    host?.addEventListener("click", () => {
      if (host.hasAttribute("data-copy-first")) copy(form);
    });
  }

  // frontend/proposal/form-fields.js
  function fieldsIn(container) {
    const found = [];
    for (const child of container.children) {
      if (child.hasAttribute("data-widget")) found.push(child);
      else if (child.hasAttribute("data-fold")) found.push(...fieldsIn(child));
    }
    return found;
  }
  function controls(field) {
    return Array.from(field.querySelectorAll("input, select, textarea"));
  }
  function describe(field) {
    const widget = field.getAttribute("data-widget");
    const spec = { path: field.getAttribute("data-path"), widget, children: [] };
    spec.key = spec.path.split("/").pop();
    if (widget === "group") {
      spec.children = fieldsIn(field).map(describe);
    } else if (widget === "repeat") {
      const item = field.querySelector("template[data-item-template]").content.querySelector("[data-item]");
      spec.children = fieldsIn(item).map(describe);
      spec.required = field.getAttribute("data-required") === "true";
      spec.maxItems = Number(field.getAttribute("data-max-items"));
    } else if (widget === "radios" || widget === "checkboxes" || widget === "select") {
      const inputs = widget === "select" ? Array.from(field.querySelector("select").options) : controls(field);
      spec.choices = inputs.map((input) => input.value).filter(Boolean);
    } else {
      spec.cap = Number(field.getAttribute("data-max-length"));
      if (field.hasAttribute("data-decimal-places")) spec.limits = limitsOf(field);
    }
    return spec;
  }
  function limitsOf(field) {
    return {
      maxDecimalPlaces: Number(field.getAttribute("data-decimal-places")),
      maxDigits: Number(field.getAttribute("data-max-digits"))
    };
  }
  function figureLimits(form) {
    const limits = { maxDecimalPlaces: 0, maxDigits: 1 };
    for (const field of form.querySelectorAll("[data-decimal-places]")) {
      const own = limitsOf(field);
      limits.maxDecimalPlaces = Math.max(limits.maxDecimalPlaces, own.maxDecimalPlaces);
      limits.maxDigits = Math.max(limits.maxDigits, own.maxDigits);
    }
    return limits;
  }
  function rawValue(field) {
    const widget = field.getAttribute("data-widget");
    const inputs = controls(field);
    if (widget === "checkboxes") return inputs.filter((input) => input.checked).map((input) => input.value);
    if (widget === "radios") {
      const chosen = inputs.find((input) => input.checked);
      return chosen ? chosen.value : "";
    }
    return inputs[0].value;
  }
  function setRawValue(field, value) {
    const widget = field.getAttribute("data-widget");
    const inputs = controls(field);
    if (widget === "checkboxes" || widget === "radios") {
      const wanted = Array.isArray(value) ? value : [value];
      for (const input of inputs) input.checked = wanted.includes(input.value);
    } else if (typeof value === "string") {
      inputs[0].value = value;
    }
  }
  function leaves(form) {
    return Array.from(form.querySelectorAll("[data-widget]")).filter((field) => {
      const widget = field.getAttribute("data-widget");
      return widget !== "group" && widget !== "repeat" && !field.closest("template");
    });
  }
  function repeats(form) {
    return Array.from(form.querySelectorAll("[data-widget=repeat]"));
  }
  function addItem(repeat) {
    const items = repeat.querySelector("[data-items]");
    const index = items.children.length;
    const template = repeat.querySelector("template[data-item-template]");
    const holder = document.createElement("template");
    holder.innerHTML = template.innerHTML.replace(/__i__/g, String(index)).replace(/__n__/g, String(index + 1));
    items.appendChild(holder.content);
    return items.lastElementChild;
  }
  function setItemCount(repeat, count) {
    const items = repeat.querySelector("[data-items]");
    while (items.children.length > count) items.removeChild(items.lastElementChild);
    while (items.children.length < count) addItem(repeat);
  }
  function holdsAnswer(container) {
    return Array.from(container.querySelectorAll("input, select, textarea")).some(
      (control) => control.type === "checkbox" || control.type === "radio" ? control.checked : control.value.trim() !== ""
    );
  }
  function unfold(field) {
    for (let details = field.closest("details"); details; details = details.parentElement.closest("details")) {
      details.open = true;
    }
  }
  function focusable(field) {
    return field.querySelector("input, select, textarea, button[data-add]") || field;
  }
  function fieldFor(form, path) {
    for (let length = path.length; length > 0; length--) {
      const key = path.slice(0, length).join("/");
      const field = form.querySelector(`[data-path="${CSS.escape(key)}"]`);
      if (field && !field.closest("template")) return field;
    }
    return null;
  }
  function labelOf(form, field) {
    const labels = [field.getAttribute("data-label")];
    for (let node = field.parentElement; node && node !== form; node = node.parentElement) {
      if (node.hasAttribute("data-item")) labels.unshift(node.querySelector("legend").textContent.trim());
      else if (node.getAttribute("data-widget") === "group") labels.unshift(node.getAttribute("data-label"));
    }
    return labels.join(", ");
  }
  var NAMES_A_SOURCE = /^outcomes\/[0-9]+\/source$/;
  var A_SOURCE_ID = /^sources\/[0-9]+\/id$/;
  function offerSourceIds(form, datalist, fields) {
    const ids = sourceIdsIn(form);
    datalist.replaceChildren(...ids.map((id) => new Option(id)));
    for (const field of fields) {
      if (NAMES_A_SOURCE.test(field.getAttribute("data-path") || "")) controls(field)[0].setAttribute("list", datalist.id);
    }
  }
  function sourceIdsIn(form) {
    const ids = leaves(form).filter((field) => A_SOURCE_ID.test(field.getAttribute("data-path"))).map((field) => rawValue(field).trim()).filter(Boolean);
    return [...new Set(ids)];
  }

  // frontend/proposal/form-problems.js
  function wording(problem2, label, widget = "") {
    if (problem2.keyword === "required") return widget === "checkboxes" ? `${label}: choose at least one` : `${label} is required`;
    if (/^(is|has|must|contains|lists) /.test(problem2.message)) return `${label} ${problem2.message}`;
    return `${label}: ${problem2.message}`;
  }
  function inFormOrder(form, problems2) {
    return problems2.map((problem2) => ({ problem: problem2, field: fieldFor(form, problem2.path) })).filter((entry) => entry.field).sort((a, b) => {
      if (a.field === b.field) return 0;
      return a.field.compareDocumentPosition(b.field) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
  }
  function clearProblems(form, errorBox) {
    for (const node of form.querySelectorAll(".pf-error")) node.remove();
    for (const node of form.querySelectorAll("[aria-invalid]")) node.removeAttribute("aria-invalid");
    for (const node of form.querySelectorAll("[data-described-before]")) {
      const before = node.getAttribute("data-described-before");
      if (before) node.setAttribute("aria-describedby", before);
      else node.removeAttribute("aria-describedby");
      node.removeAttribute("data-described-before");
    }
    for (const node of form.querySelectorAll(".pf-invalid")) node.classList.remove("pf-invalid");
    errorBox.hidden = true;
    errorBox.textContent = "";
  }
  function describeWith(node, id) {
    if (!node.hasAttribute("data-described-before")) {
      node.setAttribute("data-described-before", node.getAttribute("aria-describedby") || "");
    }
    const ids = (node.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    node.setAttribute("aria-describedby", [id, ...ids].join(" "));
  }
  function markField(field, text, number) {
    unfold(field);
    const errorId = `pf-error-${number}`;
    const message = document.createElement("p");
    message.className = "pf-error";
    message.id = errorId;
    const prefix = document.createElement("span");
    prefix.className = "visually-hidden";
    prefix.textContent = "Error: ";
    message.append(prefix, document.createTextNode(text));
    const after = field.querySelector(":scope > .pf-hint") || field.querySelector(":scope > label, :scope > legend");
    if (after) after.insertAdjacentElement("afterend", message);
    else field.insertBefore(message, field.firstChild);
    field.classList.add("pf-invalid");
    const widget = field.getAttribute("data-widget");
    if (widget === "radios" || widget === "checkboxes" || widget === "group" || widget === "repeat") {
      describeWith(field, errorId);
    } else {
      const control = controls(field)[0];
      control.setAttribute("aria-invalid", "true");
      describeWith(control, errorId);
    }
  }
  function showProblems(form, errorBox, problems2, { goTo, announce }) {
    clearProblems(form, errorBox);
    const heading = document.createElement("h2");
    heading.className = "pf-errors__title";
    const entries = inFormOrder(form, problems2);
    heading.textContent = entries.length === 1 ? "There is a problem" : `There are ${entries.length} problems`;
    const list = document.createElement("ul");
    for (const problem2 of problems2) {
      if (problem2.path.length) continue;
      const whole = document.createElement("li");
      whole.textContent = `${problem2.message[0].toUpperCase()}${problem2.message.slice(1)}.`;
      list.appendChild(whole);
    }
    const marked = /* @__PURE__ */ new Set();
    entries.forEach(({ problem: problem2, field }, number) => {
      const text = wording(problem2, labelOf(form, field), field.getAttribute("data-widget"));
      if (!marked.has(field)) {
        marked.add(field);
        markField(field, text, number);
      }
      const target = focusable(field);
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = `#${target.id || ""}`;
      link.textContent = text;
      link.addEventListener("click", (event) => {
        event.preventDefault();
        goTo(field);
        unfold(field);
        target.focus();
        target.scrollIntoView({ block: "center" });
      });
      item.appendChild(link);
      list.appendChild(item);
    });
    errorBox.append(heading, list);
    errorBox.hidden = false;
    announce(`${heading.textContent}. ${entries.length === 1 ? "It is" : "They are"} listed at the top of the form.`);
    errorBox.focus({ preventScroll: true });
  }

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
  var isRecord2 = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
  var listOf = (value) => Array.isArray(value) ? value : [];
  var has2 = (record, key) => isRecord2(record) && Object.prototype.hasOwnProperty.call(record, key);
  function problem(at, words) {
    return { path: at, field: fieldPath(at), message: words.message, hint: words.hint, keyword: "rule" };
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
    else if (isRecord2(value)) for (const key of Object.keys(value)) yield* placeholders(value[key], [...at, key]);
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
    const period = isRecord2(data.period) ? data.period : {};
    const { start: start2, end } = period;
    const thisYear = Number(today.slice(0, 4));
    if (Number.isInteger(end) && Number.isInteger(start2) && end < start2) {
      yield problem(["period", "end"], say("period-backwards", { end, start: start2 }));
    }
    if (Number.isInteger(start2) && start2 > thisYear) yield problem(["period", "start"], say("period-starts-later", { start: start2 }));
    if (Number.isInteger(end) && end > thisYear) yield problem(["period", "end"], say("period-ends-later", { end }));
    const published = dayOf(data.published);
    const reviewed = dayOf(data.last_reviewed);
    if (published && reviewed && reviewed < published) {
      yield problem(["last_reviewed"], say("reviewed-before-published", { reviewed, published }));
    }
    const rated = isRecord2(data.evidence) ? dayOf(data.evidence.rated_on) : null;
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
      const written = isRecord2(sources[index]) ? sources[index].date : void 0;
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
        const bounds = isRecord2(money[index]) ? money[index].amount_range : null;
        if (isRecord2(bounds) && isNumber(bounds.low) && isNumber(bounds.high) && bounds.low > bounds.high) {
          const words = say("range-backwards", { low: formatNumber(bounds.low), high: formatNumber(bounds.high) });
          yield problem([key, index, "amount_range", "high"], words);
        }
      }
    }
  }
  function* costKindFitsUnit(data) {
    for (const key of ["costs", "claimed_savings"]) {
      const money = listOf(data[key]);
      for (let index = 0; index < money.length; index++) {
        const item = money[index];
        if (!isRecord2(item) || typeof item.unit !== "string" || typeof item.covers !== "string") continue;
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
  function* descriptionIsInTheSubset(data, context) {
    if (!isText(data.description)) return;
    for (const issue of descriptionIssues(data.description, context.MarkdownIt)) {
      yield problem(["description"], issue);
    }
  }
  var outcomesOf = (data) => listOf(data.outcomes).map((outcome, index) => [outcome, index]).filter(([o]) => isRecord2(o));
  var sourceIds = (data) => listOf(data.sources).map((source) => isRecord2(source) ? source.id : void 0);
  var figure = (measurement) => isRecord2(measurement) && isNumber(measurement.value) ? measurement.value : null;
  var referenceOf = (outcome) => outcome.comparison ? outcome.comparison : outcome.baseline;
  var percentOf = (outcome) => isRecord2(outcome.change) && isNumber(outcome.change.percent) ? outcome.change.percent : null;
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
      yield problem(["outcomes", index, "source"], words);
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
      const key = has2(outcome, "comparison") ? "figures-against-comparison" : "figures-against-before";
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
      if (moved === null || direction !== RULES2.improved && direction !== RULES2.worse || !has2(outcome, "better")) continue;
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
    const interval = isRecord2(outcome.effect) ? outcome.effect.interval : null;
    return isRecord2(interval) && isNumber(interval.low) && isNumber(interval.high) ? interval : null;
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
      if (RULES2.comparison_designs.includes(outcome.design) && has2(outcome, "baseline") && !has2(outcome, "comparison")) {
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
      if (has2(outcome.sample, "comparison") && isText(outcome.design) && !RULES2.comparison_designs.includes(outcome.design)) {
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
    if (has2(data, "stopped") && isRecord2(data.period) && data.period.end === "ongoing") {
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
    const rating = isRecord2(data.evidence) ? data.evidence.rating : void 0;
    const standard = isText(rating) && has2(context.ratings, rating) ? context.ratings[rating] : null;
    if (!standard) return;
    const basis = listOf(data.evidence.basis);
    if ((standard.basis_any_of || []).length && !basis.some((id) => standard.basis_any_of.includes(id))) {
      yield problem(["evidence", "rating"], { message: standard.unmet.basis[0], hint: standard.unmet.basis[1] });
    }
    if (standard.outcome) {
      const sources = /* @__PURE__ */ new Map();
      for (const source of listOf(data.sources)) {
        if (isRecord2(source) && isText(source.id) && !sources.has(source.id)) sources.set(source.id, source);
      }
      const met = outcomesOf(data).some(([outcome]) => outcomeMeets(outcome, standard.outcome, sources, context.outputs));
      if (!met) yield problem(["evidence", "rating"], { message: standard.unmet.outcome[0], hint: standard.unmet.outcome[1] });
    }
  }
  var ERROR_RULES = [
    placeholderProblems,
    datesInOrder,
    sourceDatesAreReal,
    amountRangesRunUpwards,
    costKindFitsUnit,
    descriptionIsInTheSubset
  ];
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
    if (!isRecord2(data)) return [];
    const found = [];
    for (const rule of [...ERROR_RULES, ...OUTCOME_RULES, ratingMeetsItsStandard]) {
      for (const one of rule(data, context)) found.push(one);
    }
    return found;
  }

  // frontend/proposal/form.js
  var KEPT_NO_LONGER = "Your latest answers are not being kept in this browser: an answer is too long or holds a character the file cannot take. Put it right and they will be kept again.";
  var NOT_RESTORED = "Your saved draft could not be checked, because the form's checks did not load, so it is not shown. It is kept: reload the page to try again. Until then, nothing you type here is kept.";
  var TAKEN = "is already the id of a published case study; choose another (add the place or the years)";
  function start(form, Libraries) {
    if (!form || !Libraries) return;
    let ruleData = null;
    try {
      ruleData = JSON.parse(form.getAttribute("data-rules") || "null");
    } catch {
      ruleData = null;
    }
    const steps = Array.from(form.querySelectorAll("[data-step]"));
    const finishStep = steps.length;
    const errorBox = form.querySelector("[data-errors]");
    const status = form.querySelector("[data-status]");
    const taken = (form.getAttribute("data-taken") || "").split(" ").filter(Boolean);
    const questions = steps.slice(0, finishStep - 1).flatMap((step) => fieldsIn(step).map(describe));
    const limits = figureLimits(form);
    const sourceChoices = document.createElement("datalist");
    sourceChoices.id = "pf-source-ids";
    form.appendChild(sourceChoices);
    const draftForm = { questions, steps: finishStep, textRule: null };
    let current = 1;
    let validator = null;
    let validatorLoading = null;
    let idEdited = false;
    let storageWorks = true;
    let touched = false;
    let decided = false;
    let holding = false;
    const topLevelPaths = (number) => fieldsIn(steps[number - 1]).map((field) => field.getAttribute("data-path"));
    const stepOf = (element) => Number(element.closest("[data-step]")?.getAttribute("data-step") || 1);
    function announce(text) {
      status.textContent = "";
      window.setTimeout(() => {
        status.textContent = text;
      }, 50);
    }
    function readState() {
      const values = {};
      for (const field of leaves(form)) values[field.getAttribute("data-path")] = rawValue(field);
      const counts = {};
      for (const repeat of repeats(form)) {
        counts[repeat.getAttribute("data-path")] = repeat.querySelector("[data-items]").children.length;
      }
      return { version: VERSION, step: current, counts, values, idEdited };
    }
    function applyState(state) {
      for (const repeat of repeats(form)) {
        const path = repeat.getAttribute("data-path");
        setItemCount(repeat, has(state.counts, path) ? state.counts[path] : 0);
      }
      for (const field of leaves(form)) {
        const path = field.getAttribute("data-path");
        if (has(state.values, path)) setRawValue(field, state.values[path]);
      }
      idEdited = state.idEdited;
      offerSourceIds(form, sourceChoices, leaves(form));
      for (const details of form.querySelectorAll("details[data-fold]")) {
        if (!details.closest("template") && holdsAnswer(details)) details.open = true;
      }
    }
    function draftProblem(state) {
      return shapeProblem(state, draftForm) || (validator ? schemaProblem(state, questions, validator) : null);
    }
    function save() {
      if (!decided || !storageWorks || !touched) return;
      const state = readState();
      if (draftProblem(state)) {
        if (!holding) announce(KEPT_NO_LONGER);
        holding = true;
        return;
      }
      try {
        window.localStorage.setItem(STORE, JSON.stringify(state));
      } catch {
        storageWorks = false;
        announce("Your browser is not keeping a draft of this form: download or copy the file before you leave.");
        return;
      }
      if (holding) announce("Your answers are kept in this browser again.");
      holding = false;
    }
    function storedDraft() {
      try {
        return window.localStorage.getItem(STORE);
      } catch {
        return null;
      }
    }
    function removeDraft() {
      try {
        window.localStorage.removeItem(STORE);
      } catch {
      }
    }
    function notice(title, text) {
      form.querySelector("[data-notice]")?.remove();
      const box = document.createElement("div");
      box.className = "admonition warning";
      box.setAttribute("data-notice", "");
      const heading = document.createElement("p");
      heading.className = "admonition-title";
      heading.textContent = title;
      const body = document.createElement("p");
      body.textContent = text;
      box.append(heading, body);
      errorBox.parentNode.insertBefore(box, errorBox);
      announce(text);
    }
    function loadValidator() {
      if (validator) return Promise.resolve(validator);
      if (validatorLoading) return validatorLoading;
      if (!ruleData || typeof ruleData.ratings !== "object" || !Array.isArray(ruleData.outputs)) {
        return Promise.reject(new Error("the page carries no rules"));
      }
      validatorLoading = fetch(form.getAttribute("data-schema")).then((response) => {
        if (!response.ok) throw new Error(`schema ${response.status}`);
        return response.json();
      }).then((schema) => {
        const ajv = new Libraries.Ajv({ allErrors: true, verbose: true, strict: false });
        Libraries.addFormats(ajv, ["date"]);
        validator = ajv.compile(schema);
        const rule = ((schema.definitions || {}).textCharacters || {}).not;
        draftForm.textRule = rule && typeof rule.pattern === "string" ? rule.pattern : null;
        return validator;
      });
      validatorLoading.catch(() => {
        validatorLoading = null;
      });
      return validatorLoading;
    }
    function problemsOf(state) {
      const data = caseStudyOf(questions, state);
      const own = fieldProblems(questions, state);
      const ownFields = own.map((problem2) => problem2.field);
      validator(data);
      const found = [...own, ...problems(validator.errors || []).filter((p) => !ownFields.includes(p.field))];
      const context = { today: todayIso(), MarkdownIt: Libraries.MarkdownIt, outputs: ruleData.outputs, ratings: ruleData.ratings };
      const named = found.map((problem2) => problem2.field);
      found.push(...ruleProblems(data, context).filter((problem2) => !named.includes(problem2.field)));
      if (typeof data.id === "string" && taken.includes(data.id)) {
        found.push({ path: ["id"], field: "id", keyword: "taken", message: TAKEN, hint: "" });
      }
      return found;
    }
    const clear = () => clearProblems(form, errorBox);
    const toTop = () => {
      form.querySelector(".pf-progress").scrollIntoView({ block: "start" });
      document.activeElement?.scrollIntoView({ block: "nearest" });
    };
    const show = (problems2) => {
      showProblems(form, errorBox, problems2, { goTo: (field) => showStep(stepOf(field), false), announce });
      toTop();
    };
    function showStep(number, focusHeading) {
      current = Math.max(1, Math.min(number, finishStep));
      steps.forEach((step, index) => {
        step.hidden = index + 1 !== current;
      });
      for (const button of form.querySelectorAll("[data-goto]")) {
        if (Number(button.getAttribute("data-goto")) === current) button.setAttribute("aria-current", "step");
        else button.removeAttribute("aria-current");
      }
      if (current === finishStep) finish();
      offerSourceIds(form, sourceChoices, leaves(form));
      if (focusHeading) {
        steps[current - 1].querySelector("h2").focus({ preventScroll: true });
        toTop();
      }
      save();
    }
    function stepProblems(number, all) {
      const paths = topLevelPaths(number);
      return all.filter((problem2) => paths.includes(String(problem2.path[0])));
    }
    function whenChecked(then) {
      loadValidator().then(then, () => {
        clear();
        announce("The checks could not be loaded. Check your connection and try again; your answers are kept.");
      });
    }
    function next() {
      whenChecked(() => {
        const problems2 = stepProblems(current, problemsOf(readState()));
        if (problems2.length) {
          show(problems2);
          return;
        }
        clear();
        showStep(current + 1, true);
      });
    }
    function finish() {
      const problemsBox = form.querySelector("[data-finish-problems]");
      const ready = form.querySelector("[data-finish-ready]");
      whenChecked(() => {
        const state = readState();
        const data = caseStudyOf(questions, state);
        const problems2 = problemsOf(state);
        if (problems2.length) {
          ready.hidden = true;
          problemsBox.hidden = false;
          show(problems2);
          return;
        }
        clear();
        problemsBox.hidden = true;
        offer(form, data, Libraries, limits);
        ready.hidden = false;
        announce("Your case study is ready to send.");
      });
    }
    function startFresh() {
      for (const repeat of repeats(form)) {
        if (repeat.getAttribute("data-required") === "true") setItemCount(repeat, 1);
      }
      for (const path of ["published", "last_reviewed", "evidence/rated_on"]) {
        const field = form.querySelector(`[data-path="${path}"]`);
        if (field && !controls(field)[0].value) controls(field)[0].value = todayIso();
      }
    }
    function resetAll() {
      if (!window.confirm("Delete every answer on this form and start again?")) return;
      removeDraft();
      form.querySelector("[data-notice]")?.remove();
      holding = false;
      decided = true;
      form.reset();
      for (const repeat of repeats(form)) setItemCount(repeat, 0);
      idEdited = false;
      touched = false;
      startFresh();
      clear();
      showStep(1, true);
    }
    function removeItem(item) {
      const repeat = item.closest("[data-widget=repeat]");
      const path = repeat.getAttribute("data-path");
      const index = Array.prototype.indexOf.call(item.parentElement.children, item);
      const state = readState();
      const values = {};
      for (const [key, value] of Object.entries(state.values)) {
        if (!key.startsWith(`${path}/`)) {
          values[key] = value;
          continue;
        }
        const rest = key.slice(path.length + 1).split("/");
        const at = Number(rest[0]);
        if (at === index) continue;
        rest[0] = String(at > index ? at - 1 : at);
        values[`${path}/${rest.join("/")}`] = value;
      }
      state.values = values;
      state.counts[path] -= 1;
      setItemCount(repeat, 0);
      applyState(state);
      save();
      const items = repeat.querySelector("[data-items]").children;
      focusable(items[Math.min(index, items.length - 1)] || repeat).focus();
      announce(`${repeat.getAttribute("data-label")}: item removed; ${items.length} left.`);
    }
    function addTo(repeat) {
      const most = Number(repeat.getAttribute("data-max-items"));
      if (repeat.querySelector("[data-items]").children.length >= most) {
        announce(`${repeat.getAttribute("data-label")}: the form takes at most ${most}.`);
        return;
      }
      touched = true;
      const item = addItem(repeat);
      offerSourceIds(form, sourceChoices, leaves(item));
      save();
      focusable(item).focus();
    }
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (current < finishStep) next();
    });
    form.addEventListener("input", (event) => {
      touched = true;
      const field = event.target.closest("[data-widget]");
      if (field && field.getAttribute("data-path") === "id") idEdited = event.target.value !== "";
      if (field && field.getAttribute("data-path") === "title" && !idEdited) {
        controls(form.querySelector('[data-path="id"]'))[0].value = slugify(event.target.value);
      }
      save();
    });
    form.addEventListener("change", () => {
      touched = true;
      save();
    });
    wireSending(form);
    form.addEventListener("click", (event) => {
      const button = event.target.closest("button");
      if (!button || !form.contains(button)) return;
      if (button.hasAttribute("data-add")) addTo(button.closest("[data-widget=repeat]"));
      else if (button.hasAttribute("data-remove")) removeItem(button.closest("[data-item]"));
      else if (button.hasAttribute("data-reset")) resetAll();
      else if (button.hasAttribute("data-back") || button.hasAttribute("data-goto")) {
        clear();
        showStep(button.hasAttribute("data-back") ? current - 1 : Number(button.getAttribute("data-goto")), true);
      }
    });
    function begin(state) {
      if (state) applyState(state);
      else startFresh();
      showStep(state ? state.step : 1, false);
      touched = Boolean(state);
      decided = true;
      form.setAttribute("data-ready", "");
      if (state) announce("Your draft has been restored.");
    }
    function setAside() {
      removeDraft();
      begin(null);
      notice("Saved draft removed", REMOVED);
    }
    const draftText = storedDraft();
    const draft = draftText === null ? void 0 : parsedDraft(draftText);
    if (draftText === null) {
      begin(null);
    } else if (draft === void 0 || shapeProblem(draft, draftForm)) {
      setAside();
    } else {
      loadValidator().then(
        () => draftProblem(draft) ? setAside() : begin(draft),
        () => {
          startFresh();
          showStep(1, false);
          form.setAttribute("data-ready", "");
          notice("Saved draft not restored", NOT_RESTORED);
        }
      );
    }
    loadValidator().catch(() => {
    });
  }

  // frontend/proposal/main.js
  if (typeof document !== "undefined") start(document.querySelector("[data-proposal]"), window.ProposalLibraries);
  return __toCommonJS(main_exports);
})();
if (typeof module === "object" && module.exports) { module.exports = ProposalForm; }
