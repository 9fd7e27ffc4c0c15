// The case-study file the proposal form makes, as text, and the figures it reads from what was
// typed. Its unit tests are file.test.js; tests/site/test_proposal_yaml.py reads what it writes
// with `practice validate`'s own loader.
//
// The file is YAML 1.1, because `practice validate` reads YAML 1.1 (libyaml, with PyYAML's
// resolver), where an unquoted yes, 010 or 1:20 is a boolean or a number; in 1.1 mode the yaml
// package quotes such text. It is built as a tree of the package's nodes (a Document) and
// written by the package: no line folding (lineWidth 0), no aliases, no merge keys. Nothing is
// replaced in the text once it is written. Two kinds of scalar are written by this module's own
// rules, through the package's tags (its one hook for how a scalar is written):
// - a text the package's 1.1 output would let a reader misread (MISREAD) is marked
//   QUOTE_DOUBLE in the tree and written double-quoted with every line break, tab and U+FEFF escaped;
// - a number is written as a plain decimal (plainDecimal): the package would write 1e-7, and
//   PyYAML's 1.1 resolver reads that as text.

const INT_TAG = "tag:yaml.org,2002:int";
const FLOAT_TAG = "tag:yaml.org,2002:float";
const STR_TAG = "tag:yaml.org,2002:str";
const MERGE_TAG = "tag:yaml.org,2002:merge";

// Texts the yaml package's YAML 1.1 output would let a reader misread. It leaves "<<" and "="
// unquoted (1.1's merge and value keys); it writes line and paragraph separators (U+2028,
// U+2029, U+0085) raw, even inside double quotes, and 1.1 reads them as line breaks; in a block
// of several lines, a line that starts with a tab or holds only spaces is misread; and a raw
// U+FEFF is skipped by libyaml at the start of a line, so `practice validate` refuses it
// anywhere after the file's first character. Such a text is written double-quoted, on one line.
const MISREAD = /^(<<|=)$|[\u0085\u2028\u2029\ufeff]|(^|\n)(\t|[ \t]+(\n|$))/;
// eslint-disable-next-line no-control-regex -- the control characters are what it escapes
const ESCAPED = /[\\"\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/g;
const ESCAPES = { "\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t" };
export const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(^|[^\ud800-\udbff])[\udc00-\udfff]/;

function doubleQuoted(text) {
  return (
    '"' +
    text.replace(ESCAPED, function (character) {
      return ESCAPES[character] || "\\u" + ("000" + character.charCodeAt(0).toString(16)).slice(-4);
    }) +
    '"'
  );
}

function checkedLimits(limits) {
  let places = limits && limits.maxDecimalPlaces;
  let digits = limits && limits.maxDigits;
  if (!Number.isInteger(places) || places < 0 || !Number.isInteger(digits) || digits < 1) {
    throw new TypeError("limits must give maxDecimalPlaces and maxDigits (the page's data-decimal-places, data-max-digits)");
  }
  return { places: places, digits: digits };
}

/* A number as a plain decimal: "0.0001", "1000000", "12.5", "-25"; never "1e-7", "1e+21" or "-0".
   JavaScript's own digits for the number are the shortest that read back as it, so a figure
   typed with at most 15 digits keeps exactly the digits typed. A number that would need more
   digits after the point, or more digits in all, than the validator accepts is refused: the
   form refuses it at its field first, and the file never holds a figure other than the one
   given. */
export function plainDecimal(value, limits) {
  let bounds = checkedLimits(limits);
  if (typeof value !== "number" || !isFinite(value)) throw new RangeError("not a finite number: " + String(value));
  if (value === 0) return "0"; // -0 too
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

/* What was typed into a box for a number, read as the form reads it: a plain decimal, with
   thousands written 1,200 if at all. {value} for a figure; {problem: "places" | "digits",
   count} for a decimal with more digits after the point, or more digits in all, than the
   limits allow (the validator's loader would refuse it); null for anything else (words, an
   exponent, a currency sign), which the schema check then calls text where a number goes. */
export function readFigure(typed, limits) {
  let bounds = checkedLimits(limits);
  let text = String(typed).replace(/^([+-]?[0-9]{1,3}(,[0-9]{3})+)(\.[0-9]+)?$/, function (whole) {
    return whole.replace(/,/g, "");
  });
  let parts = /^([+-]?)([0-9]*)(?:\.([0-9]+))?$/.exec(text);
  if (!parts || (parts[2] === "" && parts[3] === undefined)) return null;
  let fraction = parts[3] || "";
  let whole = parts[2].replace(/^0+(?=[0-9])/, "") || "0";
  if (fraction.length > bounds.places) return { problem: "places", count: fraction.length };
  if (whole.length + fraction.length > bounds.digits) return { problem: "digits", count: whole.length + fraction.length };
  return { value: Number(text) };
}

/* The package's tags for YAML 1.1, with texts marked QUOTE_DOUBLE and numbers written here,
   and without the merge key ("<<" is text; `practice validate` refuses merge keys). */
function tagsFor(limits) {
  return function (tags) {
    return tags
      .filter(function (tag) { return tag.tag !== MERGE_TAG; })
      .map(function (tag) {
        if (tag.tag === INT_TAG || tag.tag === FLOAT_TAG) {
          return Object.assign({}, tag, { stringify: function (node) { return plainDecimal(node.value, limits); } });
        }
        if (tag.tag === STR_TAG) {
          return Object.assign({}, tag, {
            stringify: function (node, context, onComment, onChompKeep) {
              if (node.type === "QUOTE_DOUBLE") return doubleQuoted(String(node.value));
              return tag.stringify(node, context, onComment, onChompKeep);
            },
          });
        }
        return tag;
      });
  };
}

/* `yaml` is the yaml package's {Document, visit} (window.ProposalLibraries in the page); `today` is
   YYYY-MM-DD; `limits` is {maxDecimalPlaces, maxDigits}, from the page. Throws where a value
   cannot be written as given: a lone surrogate (half of a UTF-16 pair, which libyaml refuses),
   or a figure beyond the limits. */
export function yamlText(data, yaml, today, limits) {
  checkedLimits(limits);
  let doc = new yaml.Document(data, {
    version: "1.1",
    merge: false,
    aliasDuplicateObjects: false,
    customTags: tagsFor(limits),
  });
  yaml.visit(doc, {
    Scalar: function (key, node) {
      if (typeof node.value !== "string") return;
      if (LONE_SURROGATE.test(node.value)) throw new RangeError("a text holds a lone surrogate (a broken character)");
      if (MISREAD.test(node.value)) node.type = "QUOTE_DOUBLE";
    },
  });
  return (
    "# yaml-language-server: $schema=../schema/case-study.schema.json\n" +
    "# Made with the proposal form on " + today + ". Check it with: practice validate practice/" +
    String(data.id).replace(/[^a-z0-9-]/g, "") + ".yaml\n" +
    doc.toString({ lineWidth: 0 })
  );
}
