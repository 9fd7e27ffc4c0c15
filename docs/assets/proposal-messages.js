// Built by scripts/build-frontend.mjs from frontend/proposal/messages.js: edit that, not this file.
var ProposalMessages = (() => {
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

  // frontend/proposal/messages.js
  var messages_exports = {};
  __export(messages_exports, {
    escapeInvisible: () => escapeInvisible,
    fieldPath: () => fieldPath,
    firstForbidden: () => firstForbidden,
    messagesFor: () => messagesFor,
    pathOf: () => pathOf,
    problems: () => problems
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
  function fieldPath(parts) {
    let text = "";
    for (const part of parts) {
      if (typeof part === "number") text += `[${part}]`;
      else text += text ? `.${part}` : String(part);
    }
    return text;
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
  function grouped(number) {
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
      return [{ path, message: shown(value) + " is out of range: it must be " + bound + " " + grouped(limit), hint: described }];
    }
    if (kind === "exclusiveMinimum" || kind === "exclusiveMaximum") {
      bound = kind === "exclusiveMinimum" ? "more than" : "less than";
      return [{ path, message: shown(value) + " is out of range: it must be " + bound + " " + grouped(limit), hint: described }];
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
  return __toCommonJS(messages_exports);
})();
if (typeof module === "object" && module.exports) { module.exports = ProposalMessages; }
