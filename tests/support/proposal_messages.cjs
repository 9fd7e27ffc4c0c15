// The proposal form's messages (docs/assets/proposal-form.js, from frontend/proposal/messages.js) for documents checked as the
// form checks them (Ajv with allErrors and verbose, and the date format), for the tests: stdin
// is {"schema": {...}, "documents": [...]}; stdout is, per document, the [{field, message}] of
// ProposalForm.problems, one per field.
"use strict";
const fs = require("fs");
const path = require("path");
const Ajv = require("ajv");
const addFormats = require("ajv-formats");
const ProposalForm = require(path.join(__dirname, "..", "..", "docs", "assets", "proposal-form.js"));

const input = JSON.parse(fs.readFileSync(0, "utf8"));
const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
addFormats(ajv, ["date"]);
const validate = ajv.compile(input.schema);
const answers = input.documents.map((data) => {
  if (validate(data)) return [];
  return ProposalForm.problems(validate.errors).map((problem) => ({ field: problem.field, message: problem.message }));
});
process.stdout.write(JSON.stringify(answers));
