// Runs the site's search engine (docs/assets/search-engine.js) in Node over a bundle on disk,
// for the tests: stdin is {"bundle": folder, "queries": [...], "filters": {...}}; stdout is,
// per query, the addresses of the results (best first), of the partial matches, the words
// that matched nothing, the "Did you mean" offer, and the milliseconds taken.
"use strict";
const fs = require("fs");
const path = require("path");
const PracticeSearch = require(path.join(__dirname, "..", "..", "docs", "assets", "search-engine.js"));

const input = JSON.parse(fs.readFileSync(0, "utf8"));
const fetcher = (url) => {
  const file = path.join(input.bundle, decodeURIComponent(new URL(url).pathname).replace(/^\/search-index\//, ""));
  try {
    return new Response(fs.readFileSync(file));
  } catch (error) {
    return new Response("", { status: 404 });
  }
};
const engine = PracticeSearch.open("http://site.invalid/", fetcher);
const url = async (n) => (await engine.document(n)).url;

(async () => {
  const answers = [];
  for (const query of input.queries) {
    const started = performance.now();
    const answer = await engine.search(query, input.filters || {});
    const suggestion = answer.results.length ? null : await engine.suggest(query, answer.missing);
    const ms = performance.now() - started;
    answers.push({
      results: await Promise.all(answer.results.map(url)),
      partial: await Promise.all(answer.partial.map(url)),
      missing: answer.missing.map((unit) => unit.key),
      suggestion,
      ms,
    });
  }
  process.stdout.write(JSON.stringify(answers));
})().catch((error) => {
  process.stderr.write(String(error && error.stack));
  process.exit(1);
});
