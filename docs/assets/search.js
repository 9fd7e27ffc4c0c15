// Built by scripts/build-frontend.mjs from frontend/search/main.js: edit that, not this file.
(() => {
  // frontend/search/contract.json
  var contract_default = {
    direction_controls: "[\\u061C\\u200E-\\u200F\\u202A-\\u202E\\u2066-\\u2069]",
    facets: [
      [
        "rating",
        "Evidence rating"
      ],
      [
        "theme",
        "Theme"
      ],
      [
        "outcome",
        "Outcome"
      ]
    ],
    index_format: 1,
    max_word: 40,
    page_size: 20,
    panel_size: 8,
    stop_words: [
      "a",
      "an",
      "and",
      "are",
      "as",
      "at",
      "be",
      "by",
      "for",
      "from",
      "has",
      "have",
      "how",
      "in",
      "into",
      "is",
      "it",
      "its",
      "of",
      "on",
      "or",
      "that",
      "the",
      "their",
      "this",
      "to",
      "was",
      "were",
      "what",
      "which",
      "with"
    ]
  };

  // frontend/search/results.js
  var FACETS = contract_default.facets;
  var DIRECTION_CONTROLS = new RegExp(contract_default.direction_controls, "g");
  var MAX_QUOTED = 80;
  var EMPTY_QUERY = "Type a word that describes the practice, a place or an outcome";
  var UNAVAILABLE = "Search is not available just now; the finder lists every case study";
  var plural = (count, one, many) => `${count} ${count === 1 ? one : many}`;
  function shownQuery(query) {
    return query.replace(DIRECTION_CONTROLS, "").trim().replace(/\s+/g, " ");
  }
  function statusText(query, answer, filtered) {
    if (!answer.units.length) return EMPTY_QUERY;
    let shown = shownQuery(query);
    shown = shown.length > MAX_QUOTED ? `${shown.slice(0, MAX_QUOTED - 1)}…` : shown;
    const quoted = /["\u201c\u201d]/.test(shown) ? shown : `“${shown}”`;
    if (!answer.matched) {
      return answer.partial.length ? `No case study matches all of ${quoted}.` : `No case studies match ${quoted}`;
    }
    let text = `${plural(answer.matched, "case study matches", "case studies match")} ${quoted}`;
    if (filtered) {
      const matching = plural(answer.matched, "case study", "case studies");
      text = `${answer.results.length} of the ${matching} matching ${quoted} ${answer.results.length === 1 ? "is" : "are"} in your filters`;
    }
    return answer.dropped ? `${text} (only its first 10 words were used)` : text;
  }
  function partialLabel(count) {
    return count === 1 ? "Show the case study that matches some of the words" : `Show the ${count} case studies that match some of the words`;
  }
  function stateFrom(search) {
    const params = new URLSearchParams(search);
    const filters = {};
    for (const [name] of FACETS) filters[name] = params.getAll(name);
    return { query: params.get("q") || "", filters };
  }
  function addressOf(query, filters) {
    const params = new URLSearchParams();
    params.set("q", query);
    for (const [name] of FACETS) for (const value of filters[name] || []) params.append(name, value);
    return `?${params}`;
  }
  function knownFilters(filters, index) {
    const kept = {};
    let all = true;
    for (const [name] of FACETS) {
      const ids = new Set(index ? index[name].values.map((pair) => pair[0]) : []);
      kept[name] = filters[name].filter((id) => ids.has(id));
      all = all && kept[name].length === filters[name].length;
    }
    return { filters: kept, all };
  }
  var chosenCount = (filters) => FACETS.reduce((n, [name]) => n + filters[name].length, 0);

  // frontend/search/lists.js
  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== void 0) node.textContent = text;
    return node;
  }
  var resultsAddress = (site, query) => new URL(`search/?q=${encodeURIComponent(query)}`, site.root).href;
  function resultItem(site, doc, units, prefix) {
    const item = element("li", `${prefix}__result`);
    const link = element("a", null, doc.title);
    link.href = new URL(doc.url, site.root).href;
    const meta = element("span", `${prefix}__meta`, [doc.locality, doc.rating].filter(Boolean).join(" · "));
    const excerpt = element("span", `${prefix}__excerpt`);
    for (const part of site.excerpt(doc.text, units)) {
      excerpt.appendChild(part.mark ? element("mark", null, part.text) : document.createTextNode(part.text));
    }
    item.append(link, meta, excerpt);
    return item;
  }
  var Pager = class {
    constructor(site, list, more, pageSize, prefix) {
      Object.assign(this, { site, list, more, pageSize, prefix, numbers: [], units: [], shown: 0, token: 0 });
      more.addEventListener("click", () => {
        const first = this.shown;
        this.next(this.token).then(() => {
          this.list.children[first]?.querySelector("a")?.focus();
        });
      });
    }
    show(numbers, units) {
      this.token++;
      Object.assign(this, { numbers, units, shown: 0 });
      this.list.textContent = "";
      this.more.hidden = true;
      return this.next(this.token);
    }
    next(token) {
      const slice = this.numbers.slice(this.shown, this.shown + this.pageSize);
      return Promise.all(slice.map((n) => this.site.engine.document(n))).then((docs) => {
        if (token !== this.token) return;
        for (const doc of docs) this.list.appendChild(resultItem(this.site, doc, this.units, this.prefix));
        this.shown += docs.length;
        this.more.hidden = this.shown >= this.numbers.length;
      });
    }
  };
  function showSuggestion(site, holder, query, answer, onPick) {
    holder.hidden = true;
    holder.textContent = "";
    if (answer.results.length || !answer.missing.length) return Promise.resolve();
    return site.engine.suggest(query, answer.missing).then((suggested) => {
      if (!suggested) return;
      const link = element("a", null, suggested);
      link.href = resultsAddress(site, suggested);
      if (onPick) {
        link.addEventListener("click", (event) => {
          event.preventDefault();
          onPick(suggested);
        });
      }
      holder.append("Did you mean ", link, "?");
      holder.hidden = false;
    });
  }
  function partialOffer(holder, answer, onShow) {
    holder.textContent = "";
    holder.hidden = !(answer.units.length > 1 && !answer.matched && answer.partial.length);
    if (holder.hidden) return;
    const button = element("button", "practice-search__more", partialLabel(answer.partial.length));
    button.type = "button";
    button.addEventListener("click", () => {
      holder.hidden = true;
      onShow(answer.partial);
    });
    holder.appendChild(button);
  }

  // frontend/search/header.js
  var PANEL = '<p class="practice-search__status" aria-hidden="true"></p><p class="practice-search__suggestion" hidden></p><p class="practice-search__partial" hidden></p><ol id="practice-search-results" class="practice-search__results"></ol><button type="button" class="practice-search__more" hidden>More results</button><a class="practice-search__all" hidden>All results, with filters</a>';
  function header(site, form) {
    if (!form) return;
    const input = form.querySelector("input");
    const panel = element("div", "practice-search__panel");
    panel.hidden = true;
    const announcer = element("p", "visually-hidden");
    announcer.id = "practice-search-status";
    announcer.setAttribute("role", "status");
    form.appendChild(announcer);
    panel.innerHTML = PANEL;
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
      site.engine.search(term).then((answer) => {
        if (query !== latest) return void 0;
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
      }).catch(() => {
        if (query !== latest) return;
        say(UNAVAILABLE);
        panel.hidden = false;
      }).then(() => {
        if (query === latest) panel.removeAttribute("aria-busy");
      });
    }
    (window.requestIdleCallback || ((callback) => setTimeout(callback, 200)))(() => {
      site.engine.data("facets.json.gz").catch(() => {
      });
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
      if (!event.composedPath().includes(form)) panel.hidden = true;
    });
    input.addEventListener("focus", () => {
      if (input.value.trim() && status.textContent) panel.hidden = false;
    });
  }

  // frontend/search/results-page.js
  function resultsPage(site, page) {
    if (!page) return;
    const form = page.querySelector("form");
    const input = form.querySelector("input[name=q]");
    const body = page.querySelector(".search-page__body");
    const status = page.querySelector(".search-page__status");
    const suggestion = page.querySelector(".search-page__suggestion");
    const partial = page.querySelector(".search-page__partial");
    const filters = page.querySelector(".search-page__filters");
    const filterBox = page.querySelector(".search-page__filter-box");
    const summary = filterBox.querySelector("summary");
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
          const found2 = answer.counts[name][i];
          const checked = picked[name].includes(pair[0]);
          if (found2 || checked) fieldset.appendChild(option(name, pair, found2, checked));
        });
        if (fieldset.querySelector("input")) filters.appendChild(fieldset);
      }
      for (const box of filters.querySelectorAll("input")) if (`${box.name}=${box.value}` === refocus) box.focus();
    }
    function run() {
      const token = ++latest;
      const state = chosen();
      input.value = state.query;
      const titled = shownQuery(state.query);
      document.title = `${titled ? `“${titled}”: ` : ""}Search - ${site.config.site_name}`;
      if (!state.query.trim()) {
        body.removeAttribute("aria-busy");
        status.textContent = EMPTY_QUERY;
        filterBox.hidden = true;
        suggestion.hidden = partial.hidden = true;
        return pager.show([], []);
      }
      status.textContent = "Searching…";
      body.setAttribute("aria-busy", "true");
      return site.engine.search(state.query, state.filters).then((answer) => {
        if (token !== latest) return void 0;
        const known = knownFilters(state.filters, answer.facets);
        if (!known.all && answer.facets) {
          history.replaceState(null, "", addressOf(state.query, known.filters));
          return run();
        }
        status.textContent = statusText(state.query, answer, chosenCount(state.filters) > 0);
        drawFilters(answer, state.filters);
        partialOffer(partial, answer, (numbers) => pager.show(numbers, answer.units));
        return Promise.all([
          showSuggestion(site, suggestion, state.query, answer, null),
          pager.show(answer.results, answer.units)
        ]);
      }).catch(() => {
        status.textContent = UNAVAILABLE;
      }).then(() => {
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

  // frontend/search/main.js
  var Search = window.PracticeSearch;
  var found = Search && Search.ofThisSite();
  if (found) {
    const site = { ...found, contract: Search.contract, excerpt: Search.excerpt };
    header(site, document.querySelector("[data-practice-search]"));
    resultsPage(site, document.querySelector("[data-search-page]"));
  }
})();
