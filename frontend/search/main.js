// The search box in the header and the results page (docs/assets/search.js). Both run on the
// site's search engine, loaded before this as its own bundle (docs/assets/search-engine.js,
// window.PracticeSearch), which the finder shares. `site` is the engine's {config, root, engine}
// with the contract and the excerpt maker.
import { header } from "./header.js";
import { resultsPage } from "./results-page.js";

const Search = window.PracticeSearch;
const found = Search && Search.ofThisSite();
if (found) {
  const site = { ...found, contract: Search.contract, excerpt: Search.excerpt };
  header(site, document.querySelector("[data-practice-search]"));
  resultsPage(site, document.querySelector("[data-search-page]"));
}
