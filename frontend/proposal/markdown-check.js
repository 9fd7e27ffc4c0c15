// What a description uses outside the site's Markdown subset, found as the validator finds it
// (generator/check/markdown_check.py): parsed by markdown-it with everything switched on, each
// token of a kind the site does not render reported in the validator's words. markdown-it is the
// parser markdown-it-py was ported from, at the version it names (14.1.0), so the two read a
// text alike; tests/site/test_form_rules.py compares them on generated descriptions. The parser's
// constructor is passed in (window.ProposalLibraries.MarkdownIt in the page, the npm package in
// the tests), so this module stays free of the library.
//
// Two differences, both on characters the schema refuses in any text (so the form shows the
// schema's message for the field and never these): the validator skips the parse for text with
// none of Markdown's marks, where a raw control character is not reported as written by
// reference; and JavaScript's multiline ^ also starts a line after \r, U+2028 and U+2029, which
// can move a reference definition's line.
import contract from "./contract.json" with { type: "json" };
import { escapeInvisible, say, shown } from "./text.js";

const RULES = contract.rules;
const MARKDOWN = RULES.markdown;
const FORBIDDEN = new RegExp(RULES.forbidden_text, "u");
const WEB_ADDRESS = new RegExp(RULES.web_address.pattern);
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]\n]*\]:/m;
const parsers = new WeakMap();

function parserFor(MarkdownIt) {
  if (!parsers.has(MarkdownIt)) {
    const parser = new MarkdownIt("commonmark", { html: true });
    parser.validateLink = () => true; // parse every link, so that bad ones can be reported
    parsers.set(MarkdownIt, parser);
  }
  return parsers.get(MarkdownIt);
}

/** generator/config/web_address.py is_web_address */
export function isWebAddress(url) {
  return url.length <= RULES.web_address.max_length && WEB_ADDRESS.test(url);
}

function* walk(tokens) {
  for (const token of tokens) {
    yield token;
    if (token.children) yield* walk(token.children);
  }
}

/* Each issue with the line (from 0) of the description it is on; the validator counts one
   issue per line, so the same words on two lines are two problems there, and here. */
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

/** Each distinct issue once, in the order met, at most the contract's number and then "more". */
export function descriptionIssues(text, MarkdownIt) {
  const found = new Map();
  for (const issue of issues(text, MarkdownIt)) {
    found.set(`${issue.line}\n${issue.message}\n${issue.hint}`, issue);
    if (found.size > MARKDOWN.max_issues) break;
  }
  const listed = [...found.values()];
  if (listed.length > MARKDOWN.max_issues) {
    listed[MARKDOWN.max_issues] = { line: listed[MARKDOWN.max_issues].line, ...say("markdown-more", { limit: MARKDOWN.max_issues }) };
  }
  return listed;
}
