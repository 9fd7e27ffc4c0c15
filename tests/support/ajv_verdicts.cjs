// The published schema's verdict on each example, from Ajv: a JSON Schema validator written
// independently of the two the validator uses, in the language of the browser and of the
// propose-a-case-study form. Usage: node ajv_verdicts.cjs SCHEMA.json EXAMPLES.json
// EXAMPLES.json maps names to data; prints a JSON object mapping each name to true or false.
const fs = require("fs");
const Ajv = require("ajv");
const addFormats = require("ajv-formats");

const [schemaPath, examplesPath] = process.argv.slice(2);
const ajv = new Ajv({ allErrors: false, strict: false });
addFormats(ajv, ["date"]);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")));
const examples = JSON.parse(fs.readFileSync(examplesPath, "utf8"));
const verdicts = {};
for (const [name, data] of Object.entries(examples)) verdicts[name] = validate(data);
process.stdout.write(JSON.stringify(verdicts));
