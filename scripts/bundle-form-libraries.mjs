// Bundles the libraries the proposal form uses into one file the site serves itself:
// Ajv (the JSON Schema validator) with ajv-formats, yaml (which writes the case-study file) and
// markdown-it (which reads the description as the validator's markdown-it-py does). Versions come from package-lock.json; the bundle is committed, so that building the
// site needs no npm. tests/site/test_form_libraries.py rebuilds it and fails if the committed
// file differs, so it cannot drift from the pinned packages.
//
//   node scripts/bundle-form-libraries.mjs            rewrite docs/assets/vendor/form-libraries.js
//   node scripts/bundle-form-libraries.mjs OUTFILE    write elsewhere (the test's check)
// LICENSES.txt, the licence of every package the bundle took code from, is written beside it.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outfile = process.argv[2] || join(root, "docs", "assets", "vendor", "form-libraries.js");
const version = (name) => JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")).version;
const names = ["ajv", "ajv-formats", "yaml", "markdown-it"];

const result = await build({
  stdin: {
    contents: [
      'import Ajv from "ajv";',
      'import addFormats from "ajv-formats";',
      // The file is built as a tree of yaml's nodes (Document, visit): frontend/proposal/file.js.
      'import { Document, visit } from "yaml";',
      'import MarkdownIt from "markdown-it";',
      "window.ProposalLibraries = { Ajv, addFormats, Document, visit, MarkdownIt };",
    ].join("\n"),
    resolveDir: root,
    sourcefile: "form-libraries-entry.js",
  },
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2019",
  legalComments: "eof",
  charset: "utf8",
  banner: {
    js:
      "/* The proposal form's libraries, bundled by scripts/bundle-form-libraries.mjs from npm: " +
      names.map((name) => `${name} ${version(name)}`).join(", ") +
      ". Their licences: LICENSES.txt beside this file. */",
  },
  outfile,
  metafile: true,
  logLevel: "warning",
});

// Every package the bundle took code from, with its licence text, beside the bundle.
const packages = new Set(
  Object.keys(result.metafile.inputs)
    .map((input) => input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//))
    .filter(Boolean)
    .map((match) => match[1]),
);
const notices = [...packages].sort().map((name) => {
  const folder = join(root, "node_modules", name);
  const file = readdirSync(folder).find((entry) => /^licen[cs]e/i.test(entry));
  if (!file) throw new Error(`${name} has no licence file to ship with the bundle`);
  const manifest = JSON.parse(readFileSync(join(folder, "package.json"), "utf8"));
  return `${name} ${manifest.version} (${manifest.license})\n\n${readFileSync(join(folder, file), "utf8").trim()}\n`;
});
writeFileSync(
  outfile.replace(/[^/]+$/, "LICENSES.txt"),
  "Licences of the code in form-libraries.js, bundled from these npm packages.\n\n" +
    notices.join("\n" + "-".repeat(72) + "\n\n"),
);
