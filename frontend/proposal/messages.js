// Plain-English messages for Ajv's errors: the words `practice validate` gives for the same
// mistake (generator/check/schema_messages.py and schema_validator.py), so a contributor reads
// one language whether the form or the pull request's checks found the problem. Its constants
// (which keyword's message wins, the 100-problem limit, the type names) come from the contract;
// tests/site/test_proposal_messages.py runs both on the same mistaken case studies.
//
// problems(ajvErrors) -> [{path: [...], field: "sources[0].url", message, hint, keyword}], one
// per field, the most telling (as the validator chooses it).
// firstForbidden(text, pattern) -> [character number, shown] of the first character the
// schema's character rule `pattern` finds, or null.
import contract from "./contract.json" with { type: "json" };
import { escapeInvisible, fieldPath, shown } from "./text.js";

export { escapeInvisible, fieldPath };

const TYPE_NAMES = contract.messages.type_names;
const RANKED = contract.messages.keyword_rank; // which keyword's message to show when one field breaks several
const RATING_MARK = contract.messages.rating_mark;
const MAX_ERRORS = contract.messages.max_errors; // the rest would bury these

function describeValue(value) {
  if (value === null || value === undefined) return "nothing (the value is empty)";
  if (typeof value === "boolean") {
    return String(value) + " (YAML reads yes/no/on/off as true/false; put the text in quotes)";
  }
  if (typeof value === "number") return "the number " + shown(value);
  if (typeof value === "string") return "text";
  if (Array.isArray(value)) return "a list";
  return "a set of fields";
}

/* The first character the schema's own character rule (a character class) refuses, as its
   1-based position in characters and its escaped form: found with that very pattern, as
   `practice validate` finds it, so the rule and the message cannot drift. */
export function firstForbidden(text, pattern) {
  let found = new RegExp(pattern, "u").exec(text);
  if (!found) return null;
  return [Array.from(text.slice(0, found.index)).length + 1, escapeInvisible(found[0])];
}

function grouped(number) {
  return Number(number).toLocaleString("en-US", { maximumFractionDigits: 20 });
}

/* "/sources/0/url" -> ["sources", 0, "url"] */
export function pathOf(pointer) {
  if (!pointer) return [];
  return pointer
    .split("/")
    .slice(1)
    .map(function (part) {
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
  let names = options
    .filter(function (option) {
      return option.required;
    })
    .map(function (option) {
      return option.required[0];
    });
  if (names.length && value && typeof value === "object" && !Array.isArray(value)) {
    let either = names
      .map(function (name) {
        return "'" + name + "'";
      })
      .join(" or ");
    let present = names.filter(function (name) {
      return Object.prototype.hasOwnProperty.call(value, name);
    });
    return present.length ? "give one of " + either + ", not both" : "give one of " + either;
  }
  let quoted = typeof value === "string" ? "'" + shown(value) + "'" : describeValue(value);
  return quoted + " is not allowed here";
}

/* The messages for one Ajv error (Ajv run with allErrors and verbose). */
export function messagesFor(error) {
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
        hint: ("add '" + name + ":'. " + (fieldSchema.description || "")).trim(),
      },
    ];
  }
  if (kind === "if" && isRatingCondition(schema)) {
    // The ratings' standards carry the validator's own message and fix (config/rating_schema.py).
    return [{ path: ["evidence", "rating"], message: schema.description, hint: schema.title }];
  }
  if (kind === "dependencies") {
    let needed = error.params.missingProperty;
    let neededSchema = (schema.properties || {})[needed] || {};
    return [
      {
        path: path.concat([needed]),
        message: "missing required field '" + needed + "'",
        hint: ("add '" + needed + ":' (needed because '" + error.params.property + "' is given). " + (neededSchema.description || "")).trim(),
      },
    ];
  }
  if (kind === "enum") {
    return [{ path: path, message: "'" + shown(value) + "' is not an allowed value", hint: "allowed values: " + limit.join(", ") }];
  }
  if (kind === "type") {
    let expected = Array.isArray(schema.type) ? schema.type : [schema.type];
    let names = expected.map(function (type) {
      return TYPE_NAMES[type] || type;
    });
    return [{ path: path, message: "expected " + names.join(" or ") + ", found " + describeValue(value), hint: described }];
  }
  if (kind === "minLength" || kind === "maxLength") {
    let length = typeof value === "string" ? Array.from(value).length : 0;
    if (kind === "minLength" && length === 0) return [{ path: path, message: "is empty", hint: described }];
    bound = kind === "minLength" ? "at least" : "at most";
    return [{ path: path, message: "is " + length + " characters long; it must be " + bound + " " + limit, hint: described }];
  }
  if (kind === "minItems" || kind === "maxItems") {
    bound = kind === "minItems" ? "at least" : "at most";
    return [{ path: path, message: "must list " + bound + " " + limit + " item" + (limit !== 1 ? "s" : ""), hint: described }];
  }
  if (kind === "minProperties") return [{ path: path, message: "must name at least " + limit + " entry", hint: described }];
  if (kind === "uniqueItems") {
    return [{ path: path, message: "lists the same value more than once", hint: "remove the repeated entry" }];
  }
  if (kind === "not" && typeof value === "string" && limit && typeof limit.pattern === "string") {
    let found = firstForbidden(value, limit.pattern);
    let where = found ? found[1] + " at character " + found[0] : "an invisible control character";
    return [
      {
        path: path,
        message: "contains a control character (" + where + ")",
        hint: "delete it: retype the text around it, or paste it as plain text",
      },
    ];
  }
  if (kind === "not") return [{ path: path, message: "'" + shown(value) + "' is reserved", hint: "choose another value" }];
  if (kind === "pattern" && isVisiblePattern(limit)) {
    return [{ path: path, message: "has no visible text (only spaces, line breaks or invisible characters)", hint: described }];
  }
  if (kind === "pattern" || kind === "format") return [{ path: path, message: patternMessage(path, value, kind), hint: described }];
  if (kind === "minimum" || kind === "maximum") {
    bound = kind === "minimum" ? "at least" : "at most";
    return [{ path: path, message: shown(value) + " is out of range: it must be " + bound + " " + grouped(limit), hint: described }];
  }
  if (kind === "exclusiveMinimum" || kind === "exclusiveMaximum") {
    bound = kind === "exclusiveMinimum" ? "more than" : "less than";
    return [{ path: path, message: shown(value) + " is out of range: it must be " + bound + " " + grouped(limit), hint: described }];
  }
  if (kind === "oneOf") return [{ path: path, message: oneOfMessage(schema, value), hint: described }];
  if (kind === "const") return [{ path: path, message: "must be '" + limit + "'", hint: described }];
  return [{ path: path, message: error.message || "is not valid", hint: described }];
}

/* The schema's one unanchored pattern is "has at least one visible character"
   (schema_sync.VISIBLE); every pattern of a form (ids, dates, addresses) is anchored. */
function isVisiblePattern(pattern) {
  return typeof pattern === "string" && pattern.charAt(0) === "[" && pattern.indexOf("[^\\t\\n") === 0;
}

function isFromRatingCondition(error) {
  return (
    /^#\/allOf\/\d+\/then\//.test(error.schemaPath || "") ||
    (error.keyword === "if" && isRatingCondition(error.parentSchema || {}))
  );
}

function isRatingCondition(schema) {
  return typeof schema.$comment === "string" && schema.$comment.indexOf(RATING_MARK + ":") === 0;
}

function rank(keyword) {
  let index = RANKED.indexOf(keyword);
  return index === -1 ? RANKED.length : index;
}

/* One problem per field, the most telling, in the order Ajv met them (the validator sorts
   them by line, which a form has not; the form puts them in its own order). An error inside
   a branch of oneOf is left out: the oneOf's own message covers it.
   Like the validator, it stops after MAX_ERRORS errors and says there are more, counting as
   jsonschema does: all of one mapping's unknown fields are one error there (Ajv gives one for
   each; a missing field is one error in both). Both meet the fields in the schema's order, but
   one field's own checks each in its own, so where the hundredth error falls inside a field or
   a list the last few kept can differ. */
export function problems(errors) {
  let best = new Map();
  let counted = 0;
  let previous = null;
  let more = null;
  let list = errors || [];
  // Like the validator, which applies the ratings' standards only to a file the schema
  // accepts: a rating's message waits until every other problem is fixed.
  let ratingOnly = list.every(isFromRatingCondition);
  for (let i = 0; i < list.length; i++) {
    let error = list[i];
    if (/\/(oneOf|anyOf)\/\d+\//.test(error.schemaPath || "")) continue;
    if (/^#\/allOf\/\d+\/then\//.test(error.schemaPath || "")) continue; // the "if" error says it
    if (!ratingOnly && isFromRatingCondition(error)) continue;
    // Any other "if" (an outcome with a percent needs better:) is said by its "then" errors,
    // as Python's jsonschema says it.
    if (error.keyword === "if" && !isFromRatingCondition(error)) continue;
    let group = error.keyword === "additionalProperties" ? error.instancePath + " " + error.schemaPath : null;
    if (group === null || group !== previous) {
      if (counted === MAX_ERRORS) {
        more = {
          path: [],
          field: "",
          message: "more than " + MAX_ERRORS + " problems; fix these first",
          hint: "",
          keyword: "maxErrors",
        };
        break;
      }
      counted += 1;
    }
    previous = group;
    keep(best, error);
  }
  let found = Array.from(best.values()).map(function (entry) {
    return entry.problem;
  });
  if (more) found.unshift(more); // the validator puts it at line 1
  return found;
}

function keep(best, error) {
  let weight = rank(error.keyword);
  messagesFor(error).forEach(function (message) {
    let field = fieldPath(message.path);
    let held = best.get(field);
    if (held && held.rank <= weight) return;
    best.set(field, {
      rank: weight,
      problem: { path: message.path, field: field, message: message.message, hint: message.hint, keyword: error.keyword },
    });
  });
}
