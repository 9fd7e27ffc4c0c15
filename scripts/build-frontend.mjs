// Builds the site's scripts from the front-end source tree (frontend/, ES modules grouped by
// feature) into docs/assets/, where MkDocs serves them. The bundles are committed, so that
// building the site needs no npm; tests/project/test_frontend.py rebuilds them and fails if a
// committed bundle differs, so the source, the contract (frontend/*/contract.json, written by
// python -m generator.contract) and the bundles cannot drift apart.
//
//   node scripts/build-frontend.mjs            rewrite the bundles in docs/assets/
//   node scripts/build-frontend.mjs OUTDIR     write them to OUTDIR instead (the test's check)
//   node scripts/build-frontend.mjs OUTDIR ROOT  read the source from ROOT (a copy, in a test)
import { join, resolve } from "node:path";
import { build } from "esbuild";

const here = resolve(import.meta.dirname, "..");
const outdir = resolve(process.argv[2] || join(here, "docs", "assets"));
const root = resolve(process.argv[3] || here);

// Each bundle: the module it starts from, and where it has one, the global a page's other
// scripts find it by; such a bundle also works as a CommonJS module, for the Node scripts the
// Python tests run.
export const BUNDLES = [
  { entry: "frontend/search/main.js", out: "search-engine.js", global: "PracticeSearch" },
  { entry: "frontend/finder/main.js", out: "finder.js", global: "PracticeFinder" },
  { entry: "frontend/proposal/main.js", out: "proposal-form.js", global: "ProposalForm" },
];

for (const bundle of BUNDLES) {
  await build({
    entryPoints: [join(root, bundle.entry)],
    outfile: join(outdir, bundle.out),
    bundle: true,
    format: "iife",
    ...(bundle.global && { globalName: bundle.global }),
    target: "es2020",
    charset: "utf8",
    legalComments: "none",
    banner: { js: `// Built by scripts/build-frontend.mjs from ${bundle.entry}: edit that, not this file.` },
    ...(bundle.global && {
      footer: { js: `if (typeof module === "object" && module.exports) { module.exports = ${bundle.global}; }` },
    }),
    logLevel: "warning",
  });
}
