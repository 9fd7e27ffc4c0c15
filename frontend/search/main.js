// The site's search (docs/assets/search-engine.js, on every page): the engine, and the search
// box in the header and the results page, which run on it. The engine is the bundle's global
// PracticeSearch, which the finder shares (one set of index files per page) and the Node
// scripts of the Python tests load.
import * as Engine from "./engine.js";
import { header } from "./header.js";
import { resultsPage } from "./results-page.js";

export * from "./engine.js";
export { addressOf, shownQuery } from "./results.js"; // for the tests: tests/project/test_frontend.py

const found = Engine.ofThisSite(); // null outside a page of the site (in Node, say)
if (found) {
  // `site` is the engine's {config, root, engine} with the contract and the excerpt maker.
  const site = { ...found, contract: Engine.contract, excerpt: Engine.excerpt };
  header(site, document.querySelector("[data-practice-search]"));
  resultsPage(site, document.querySelector("[data-search-page]"));
}
