// The results page (search/?q=…): results with filters, and an address that carries both.
import { Pager, element, partialOffer, showSuggestion } from "./lists.js";
import { EMPTY_QUERY, FACETS, UNAVAILABLE, addressOf, chosenCount, knownFilters, shownQuery, stateFrom, statusText } from "./results.js";

export function resultsPage(site, page) {
  if (!page) return;
  const form = page.querySelector("form");
  const input = form.querySelector("input[name=q]");
  const body = page.querySelector(".search-page__body");
  const status = page.querySelector(".search-page__status");
  const suggestion = page.querySelector(".search-page__suggestion");
  const partial = page.querySelector(".search-page__partial");
  const none = page.querySelector(".search-page__none"); // what to try when nothing matches
  const filters = page.querySelector(".search-page__filters");
  const filterBox = page.querySelector(".search-page__filter-box");
  const summary = filterBox.querySelector("summary");
  // Open beside the results on a wide screen; on a phone, closed above them until asked for.
  filterBox.open = window.matchMedia("(min-width: 60em)").matches;
  const more = page.querySelector(".search-page__more");
  const pager = new Pager(site, page.querySelector(".search-page__results"), more, site.contract.page_size, "search-page");
  let latest = 0;
  const chosen = () => stateFrom(window.location.search);

  function option(name, [id, label], count, checked) {
    const box = element("input");
    Object.assign(box, { type: "checkbox", name, value: id, checked });
    const text = element("span", null, `${label} `);
    text.appendChild(element("span", "search-page__count", `(${count})`));
    const holder = element("label", "search-page__option");
    holder.append(box, text);
    return holder;
  }

  function drawFilters(answer, picked) {
    const focused = filters.contains(document.activeElement) ? document.activeElement : null;
    const refocus = focused && `${focused.name}=${focused.value}`;
    filters.textContent = "";
    filterBox.hidden = !answer.facets || !answer.matched;
    if (filterBox.hidden) return;
    const count = chosenCount(picked);
    summary.textContent = `Filter the results${count ? ` (${count} chosen)` : ""}`;
    for (const [name, legend] of FACETS) {
      const fieldset = element("fieldset", "search-page__facet");
      fieldset.appendChild(element("legend", null, legend));
      answer.facets[name].values.forEach((pair, i) => {
        const found = answer.counts[name][i];
        const checked = picked[name].includes(pair[0]);
        if (found || checked) fieldset.appendChild(option(name, pair, found, checked));
      });
      if (fieldset.querySelector("input")) filters.appendChild(fieldset);
    }
    // The boxes are made anew with their counts: the one the reader was on keeps the focus.
    for (const box of filters.querySelectorAll("input")) if (`${box.name}=${box.value}` === refocus) box.focus();
  }

  function run() {
    const token = ++latest;
    const state = chosen();
    input.value = state.query;
    const titled = shownQuery(state.query);
    document.title = `${titled ? `\u201c${titled}\u201d: ` : ""}Search - ${site.config.site_name}`;
    if (!state.query.trim()) {
      body.removeAttribute("aria-busy");
      status.textContent = EMPTY_QUERY;
      filterBox.hidden = true;
      suggestion.hidden = partial.hidden = none.hidden = true;
      return pager.show([], []);
    }
    status.textContent = "Searching\u2026";
    none.hidden = true;
    body.setAttribute("aria-busy", "true");
    return site.engine
      .search(state.query, state.filters)
      .then((answer) => {
        if (token !== latest) return undefined;
        const known = knownFilters(state.filters, answer.facets);
        if (!known.all && answer.facets) {
          // an address naming a filter the index does not know
          history.replaceState(null, "", addressOf(state.query, known.filters));
          return run();
        }
        status.textContent = statusText(state.query, answer, chosenCount(state.filters) > 0);
        none.hidden = answer.matched > 0 || answer.partial.length > 0;
        drawFilters(answer, state.filters);
        partialOffer(partial, answer, (numbers) => pager.show(numbers, answer.units));
        return Promise.all([
          showSuggestion(site, suggestion, state.query, answer, null),
          pager.show(answer.results, answer.units),
        ]);
      })
      .catch(() => {
        status.textContent = UNAVAILABLE;
      })
      .then(() => {
        if (token === latest) body.removeAttribute("aria-busy");
      });
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    history.pushState(null, "", addressOf(input.value, chosen().filters));
    run();
  });
  filters.addEventListener("change", () => {
    const picked = {};
    for (const [name] of FACETS) {
      picked[name] = Array.from(filters.querySelectorAll(`input[name=${name}]:checked`), (box) => box.value);
    }
    history.replaceState(null, "", addressOf(chosen().query, picked));
    run();
  });
  window.addEventListener("popstate", run);
  run();
}
