/* The case-study file the proposal form makes, as text: YAML 1.1, because `practice validate`
   reads YAML 1.1 (PyYAML), where an unquoted yes, 010 or 1:20 is a boolean or a number; in
   1.1 mode the yaml package quotes such text. No line folding (lineWidth 0) and no aliases.
   A UMD module, so that the tests run the very same function in Node
   (tests/site/test_proposal_yaml.py). */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.ProposalFile = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  // Where the yaml package's YAML 1.1 output would be misread, the text is written here instead:
  // it leaves "<<" and "=" unquoted (1.1's merge and value keys) and writes line and paragraph
  // separators (U+2028, U+2029, U+0085) raw, which 1.1 reads as line breaks; and in a block of
  // several lines, a line that starts with a tab or holds only spaces is misread. Each such text is
  // swapped for a stand-in the package must double-quote (it starts with U+0000, which no
  // answer can hold: the schema refuses it first), and the stand-in for this module's own
  // double-quoted form.
  var MISREAD = /^(<<|=)$|[\u0085\u2028\u2029]|(^|\n)(\t|[ \t]+(\n|$))/;

  function quoted(text) {
    return (
      '"' +
      text.replace(/[\\"\n\t\u0085\u2028\u2029]/g, function (character) {
        var escapes = { "\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t" };
        return escapes[character] || "\\u" + ("000" + character.charCodeAt(0).toString(16)).slice(-4);
      }) +
      '"'
    );
  }

  function withStandIns(value, texts) {
    if (typeof value === "string" && MISREAD.test(value)) {
      texts.push(value);
      return "\u0000#" + (texts.length - 1) + "#";
    }
    if (Array.isArray(value)) return value.map(function (item) { return withStandIns(item, texts); });
    if (value && typeof value === "object") {
      var copy = {};
      Object.keys(value).forEach(function (key) { copy[key] = withStandIns(value[key], texts); });
      return copy;
    }
    return value;
  }

  /* `stringify` is the yaml package's (window.ProposalLibraries.stringify); `today` is YYYY-MM-DD. */
  function yamlText(data, stringify, today) {
    var texts = [];
    var body = stringify(withStandIns(data, texts), { version: "1.1", lineWidth: 0, aliasDuplicateObjects: false });
    body = body.replace(/"\\0#([0-9]+)#"/g, function (standIn, index) { return quoted(texts[Number(index)]); });
    return (
      "# yaml-language-server: $schema=../schema/case-study.schema.json\n" +
      "# Made with the proposal form on " + today + ". Check it with: practice validate practice/" +
      String(data.id).replace(/[^a-z0-9-]/g, "") + ".yaml\n" +
      body
    );
  }

  return { yamlText: yamlText };
});
