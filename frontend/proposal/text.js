// How the validator writes values into its messages, for the proposal form's checks: the same
// characters escaped (generator/problems.py escape_invisible), the same cut (schema_messages
// shown), the same figures (render/formatting.py format_number) and the same templates filled
// (check/rule_words.py). Pure functions; tests/site/test_form_rules.py compares them with
// Python's on generated values, and text.test.js holds worked examples.
import { truncated } from "../text.js";
import contract from "./contract.json" with { type: "json" };

// What Python's str.isprintable() refuses (approximately: Node's Unicode tables are newer than
// Python 3.11's, so a character unassigned in one may be assigned in the other).
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
// Python's str.strip() set: unlike JavaScript's trim(), it strips \x1c-\x1f and \x85, not \ufeff.
const PYTHON_SPACE = "\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const STRIP = new RegExp(`^[${PYTHON_SPACE}]+|[${PYTHON_SPACE}]+$`, "g");
const PYTHON_RUN = new RegExp(`[${PYTHON_SPACE}]+`);

function hex(code, width) {
  return code.toString(16).padStart(width, "0");
}

/** Every character Python's str.isprintable() refuses (but the space), as \xNN, \uNNNN or \UNNNNNNNN. */
export function escapeInvisible(text) {
  let out = "";
  for (const character of text) {
    const code = character.codePointAt(0);
    if (character !== " " && NOT_PRINTABLE.test(character)) {
      out += code < 0x100 ? `\\x${hex(code, 2)}` : code > 0xffff ? `\\U${hex(code, 8)}` : `\\u${hex(code, 4)}`;
    } else {
      out += character;
    }
  }
  return out;
}

/** A value as Python's str() writes it: None, True, False, or the text of a number or string. */
export function pythonStr(value) {
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  return String(value);
}

/** A value as a message quotes it: at most `limit` characters, then "…", invisible characters escaped. */
export function shown(value, limit = contract.messages.shown_length) {
  return escapeInvisible(truncated(pythonStr(value), limit));
}

/** Python's str.split() with no separator: the words between runs of its whitespace. */
export function pythonSplit(text) {
  return text.split(PYTHON_RUN).filter(Boolean);
}

export function pythonStrip(text) {
  return text.replace(STRIP, "");
}

/** ["sources", 0, "url"] -> "sources[0].url" (generator/problems.py field_path). */
export function fieldPath(parts) {
  let text = "";
  for (const part of parts) {
    if (typeof part === "number") text += `[${part}]`;
    else text += text ? `.${part}` : String(part);
  }
  return text;
}

/** The exact decimal digits of a finite double and where its point falls: x = digits / 10**places. */
function exactDecimal(value) {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(value));
  const bits = view.getBigUint64(0);
  const exponentBits = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = exponentBits === 0 ? fraction : fraction | (1n << 52n);
  const exponent = (exponentBits === 0 ? 1 : exponentBits) - 1075; // value = mantissa * 2**exponent
  if (exponent >= 0) return { digits: mantissa << BigInt(exponent), places: 0 };
  return { digits: mantissa * 5n ** BigInt(-exponent), places: -exponent };
}

/** `digits / 10**places` rounded to `keep` places, half to even (as Python's format() rounds). */
function roundHalfEven(digits, places, keep) {
  if (places <= keep) return digits * 10n ** BigInt(keep - places);
  const divisor = 10n ** BigInt(places - keep);
  const quotient = digits / divisor;
  const twice = (digits % divisor) * 2n;
  if (twice > divisor || (twice === divisor && quotient % 2n === 1n)) return quotient + 1n;
  return quotient;
}

function grouped(whole) {
  return whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function withPoint(scaled, keep) {
  const text = scaled.toString().padStart(keep + 1, "0");
  return { whole: BigInt(text.slice(0, text.length - keep)), fraction: text.slice(text.length - keep) };
}

/** 974 -> "974", 26000000 -> "26,000,000", 12.345 -> "12.35", 71.7 -> "71.7", 0.004 -> "0.004":
 * whole numbers whole, others to at most two places, or two significant figures below 1; never
 * e-notation or a negative zero (generator/render/formatting.py format_number). */
export function formatNumber(value) {
  if (!Number.isFinite(value)) throw new RangeError(`not a figure: ${value}`);
  const sign = value < 0 ? "-" : "";
  const { digits, places } = exactDecimal(value);
  if (Number.isInteger(value)) return (digits === 0n ? "" : sign) + grouped(digits / 10n ** BigInt(places));
  if (Math.abs(value) >= 1) {
    const { whole, fraction } = withPoint(roundHalfEven(digits, places, 2), 2);
    const shortened = fraction.replace(/0+$/, "");
    return sign + grouped(whole) + (shortened ? `.${shortened}` : "");
  }
  // Below 1: two significant figures. The first is `lead` places after the point.
  let lead = 1;
  while (digits * 10n ** BigInt(lead) < 10n ** BigInt(places)) lead += 1;
  const keep = lead + 1;
  let scaled = roundHalfEven(digits, places, keep);
  if (scaled === 0n) return "0";
  const { whole, fraction } = withPoint(scaled, keep);
  const text = `${whole}.${fraction}`.replace(/\.?0+$/, "");
  return (text === "0" ? "" : sign) + text;
}

/** A template of generator/check/rule_words.py with its {names} filled in one pass, so a value
 * that itself holds braces is never read as a template. */
export function fill(template, values) {
  return template.replace(/\{([a-z_]+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/** The message and the fix for a rule, in the validator's words. */
export function say(key, values = {}) {
  const [message, hint] = contract.rules.words[key];
  return { message: fill(message, values), hint: fill(hint, values) };
}
