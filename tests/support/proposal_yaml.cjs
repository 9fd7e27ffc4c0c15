// Writes case studies as the proposal form does (docs/assets/proposal-form.js, from frontend/proposal/file.js with the bundled
// yaml package), and reads figures as the form reads what was typed, for the tests.
// stdin: {"documents": [...], "figures": ["1,200.5", ...], "limits": {"maxDecimalPlaces", "maxDigits"}}
// stdout: {"texts": [text, or {"error": message} where the writer refused], "figures": [readFigure's answer]}
"use strict";
const fs = require("fs");
const path = require("path");

const assets = path.join(__dirname, "..", "..", "docs", "assets");
globalThis.window = globalThis; // the bundle is a browser script that sets window.ProposalLibraries
require(path.join(assets, "vendor", "form-libraries.js"));
const ProposalForm = require(path.join(assets, "proposal-form.js"));

const request = JSON.parse(fs.readFileSync(0, "utf8"));
const texts = (request.documents || []).map((data) => {
  try {
    return ProposalForm.yamlText(data, globalThis.ProposalLibraries, "2026-11-24", request.limits);
  } catch (error) {
    return { error: String(error.message) };
  }
});
const figures = (request.figures || []).map((typed) => ProposalForm.readFigure(typed, request.limits));
process.stdout.write(JSON.stringify({ texts, figures }));
