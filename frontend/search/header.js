// The search box in every page's header: results in a panel as the reader types; Enter opens
// the results page.
import { Pager, element, partialOffer, resultsAddress, showSuggestion } from "./lists.js";
import { UNAVAILABLE, statusText } from "./results.js";

// "All results, with filters" right under the count, where it is seen without scrolling the panel.
const PANEL =
  '<p class="practice-search__status" aria-hidden="true"></p>' +
  '<a class="practice-search__all" hidden>All results, with filters</a>' +
  '<p class="practice-search__suggestion" hidden></p>' +
  '<p class="practice-search__partial" hidden></p>' +
  '<ol id="practice-search-results" class="practice-search__results"></ol>' +
  '<button type="button" class="practice-search__more" hidden>More results</button>';

export function header(site, form) {
  if (!form) return;
  const input = form.querySelector("input");
  const panel = element("div", "practice-search__panel");
  panel.hidden = true;
  // The announcement comes from a region that is always there (one inside a hidden panel is
  // often missed); the panel shows the same words to the eye.
  const announcer = element("p", "visually-hidden");
  announcer.id = "practice-search-status";
  announcer.setAttribute("role", "status");
  form.appendChild(announcer);
  panel.innerHTML = PANEL; // a constant: nothing from the index or the address
  form.appendChild(panel);
  input.setAttribute("aria-describedby", "practice-search-status");
  input.setAttribute("aria-controls", "practice-search-results");
  const status = panel.querySelector(".practice-search__status");
  const suggestion = panel.querySelector(".practice-search__suggestion");
  const partial = panel.querySelector(".practice-search__partial");
  const all = panel.querySelector(".practice-search__all");
  const more = panel.querySelector(".practice-search__more");
  const pager = new Pager(site, panel.querySelector("ol"), more, site.contract.panel_size, "practice-search");
  let latest = 0;
  let timer = null;
  const say = (text) => {
    status.textContent = announcer.textContent = text;
  };

  function search(term) {
    const query = ++latest;
    if (!term.trim()) {
      panel.hidden = true;
      return;
    }
    panel.setAttribute("aria-busy", "true");
    site.engine
      .search(term)
      .then((answer) => {
        if (query !== latest) return undefined;
        say(statusText(term, answer, false));
        all.hidden = !answer.matched;
        all.href = resultsAddress(site, term);
        panel.hidden = false;
        partialOffer(partial, answer, (numbers) => pager.show(numbers, answer.units));
        const pick = (suggested) => {
          input.value = suggested;
          search(suggested);
          input.focus();
        };
        return Promise.all([showSuggestion(site, suggestion, term, answer, pick), pager.show(answer.results, answer.units)]);
      })
      .catch(() => {
        if (query !== latest) return;
        say(UNAVAILABLE);
        panel.hidden = false;
      })
      .then(() => {
        if (query === latest) panel.removeAttribute("aria-busy");
      });
  }

  // Fetch the index's entry and facets once the page is idle (a few KB, cached across pages),
  // so a first search waits only for its own words.
  (window.requestIdleCallback || ((callback) => setTimeout(callback, 200)))(() => {
    site.engine.data("facets.json.gz").catch(() => {});
  });
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => search(input.value), 40);
  });
  form.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    panel.hidden = true;
    input.focus();
  });
  form.addEventListener("submit", (event) => {
    if (!input.value.trim()) event.preventDefault();
  });
  form.addEventListener("focusout", (event) => {
    if (event.relatedTarget && !form.contains(event.relatedTarget)) panel.hidden = true;
  });
  document.addEventListener("click", (event) => {
    // The path as dispatched: a suggestion clicked in the panel may be gone from it by now.
    if (!event.composedPath().includes(form)) panel.hidden = true;
  });
  input.addEventListener("focus", () => {
    if (input.value.trim() && status.textContent) panel.hidden = false;
  });
}
