// Ajv's verdict on each string for each pattern: does the schema keyword `pattern` accept it?
// Usage: node pattern_verdicts.cjs INPUT.json, where INPUT.json is {"patterns": [...],
// "strings": [...]}; prints a JSON list (one per pattern) of lists of true/false.
const fs = require("fs");
const Ajv = require("ajv");

const { patterns, strings } = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const ajv = new Ajv({ strict: false });
const verdicts = patterns.map((pattern) => {
  const validate = ajv.compile({ type: "string", pattern });
  return strings.map((text) => validate(text));
});
process.stdout.write(JSON.stringify(verdicts));
