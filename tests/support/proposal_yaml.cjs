// Writes case studies as the proposal form does (docs/assets/proposal-file.js with the bundled
// yaml package), for the tests: stdin is a JSON list of documents, stdout a JSON list of texts.
"use strict";
const fs = require("fs");
const path = require("path");

const assets = path.join(__dirname, "..", "..", "docs", "assets");
globalThis.window = globalThis; // the bundle is a browser script that sets window.ProposalLibraries
require(path.join(assets, "vendor", "form-libraries.js"));
const ProposalFile = require(path.join(assets, "proposal-file.js"));

const documents = JSON.parse(fs.readFileSync(0, "utf8"));
const texts = documents.map((data) => ProposalFile.yamlText(data, globalThis.ProposalLibraries.stringify, "2026-11-24"));
process.stdout.write(JSON.stringify(texts));
