// The finder's bundle (docs/assets/finder.js). If anything fails, the reader gets the page as it
// is without JavaScript (the first page of cards and the way on to the rest, no filters) rather
// than filters that do nothing. Its reasoning is exported too, as the bundle's global PracticeFinder,
// for the tests (tests/project/test_frontend.py).
import { start } from "./finder.js";

export { PAGE_SIZE, SORTS, addressOf, choiceFrom, evaluate, sorted } from "./choice.js";
export { itemsFrom } from "./data.js";

const find = (selector) => (typeof document === "undefined" ? null : document.querySelector(selector));
const page = {
  form: find("[data-finder]"),
  list: find("[data-finder-list]"),
  count: find("[data-finder-count]"),
  more: find("[data-finder-more]"),
  sortBox: find("[data-finder-sort]"),
  advice: find("[data-finder-advice]"),
  sortNote: find("[data-finder-sort-note]"),
};
if (Object.values(page).every(Boolean)) {
  try {
    const site = window.PracticeSearch && window.PracticeSearch.ofThisSite();
    start(page, site && site.engine); // the header box's own engine: one set of index files per page
  } catch (error) {
    document.documentElement.classList.add("finder-failed");
    document.querySelector("[data-finder-results]")?.remove(); // its copies of the page's cards
    page.list.hidden = false;
    throw error;
  }
}
