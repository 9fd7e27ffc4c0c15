// Search in the header (results in a panel as the reader types; Enter opens the results
// page) and the results page itself (search/?q=…, with filters, an address to share). Both
// run on docs/assets/search-engine.js. Every string from the index is inserted as text.
(function () {
  "use strict";
  var PracticeSearch = window.PracticeSearch;
  var site = PracticeSearch && PracticeSearch.ofThisSite();
  if (!site) {
    return;
  }
  var config = site.config;
  var root = site.root;
  var engine = site.engine;
  // The direction marks, embeddings, overrides and isolates, which no case study may hold
  // (generator/config/schema_sync.py DIRECTION_CONTROLS; tests/browser/test_browser_search.py
  // checks they agree): a query from the address that carried one would reverse the rest of the sentence
  // that quotes it, so they are left out of what is shown.
  var DIRECTION_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
  var FACETS = [
    ["rating", "Evidence rating"],
    ["theme", "Theme"],
    ["outcome", "Outcome"],
  ];

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function plural(count, one, many) {
    return count + " " + (count === 1 ? one : many);
  }

  function resultsAddress(query) {
    return new URL("search/?q=" + encodeURIComponent(query), root).href;
  }

  function resultItem(doc, units, prefix) {
    var item = element("li", prefix + "__result");
    var link = element("a", null, doc.title);
    link.href = new URL(doc.url, root).href;
    var meta = element("span", prefix + "__meta", [doc.locality, doc.rating].filter(Boolean).join(" \u00b7 "));
    var excerpt = element("span", prefix + "__excerpt");
    PracticeSearch.excerpt(doc.text, units).forEach(function (part) {
      excerpt.appendChild(part.mark ? element("mark", null, part.text) : document.createTextNode(part.text));
    });
    item.append(link, meta, excerpt);
    return item;
  }

  // A list that shows `pageSize` results at a time, fetching what it shows.
  function Pager(list, more, pageSize, prefix) {
    this.list = list;
    this.more = more;
    this.pageSize = pageSize;
    this.prefix = prefix;
    this.numbers = [];
    this.shown = 0;
    this.token = 0;
    var self = this;
    more.addEventListener("click", function () {
      var first = self.shown;
      self.next(self.token).then(function () {
        var link = self.list.children[first] && self.list.children[first].querySelector("a");
        if (link) {
          link.focus(); // the button may have gone: keep the reader where the new results start
        }
      });
    });
  }
  Pager.prototype.show = function (numbers, units) {
    this.token++;
    this.numbers = numbers;
    this.units = units;
    this.shown = 0;
    this.list.textContent = "";
    this.more.hidden = true;
    return this.next(this.token);
  };
  Pager.prototype.next = function (token) {
    var self = this;
    var slice = self.numbers.slice(self.shown, self.shown + self.pageSize);
    return Promise.all(slice.map(function (n) { return engine.document(n); })).then(function (docs) {
      if (token !== self.token) {
        return;
      }
      docs.forEach(function (doc) { self.list.appendChild(resultItem(doc, self.units, self.prefix)); });
      self.shown += docs.length;
      self.more.hidden = self.shown >= self.numbers.length;
    });
  };

  // "Did you mean …?" with a link (a button in the header, which searches in place).
  function showSuggestion(holder, query, answer, onPick) {
    holder.hidden = true;
    holder.textContent = "";
    if (answer.results.length || !answer.missing.length) {
      return Promise.resolve();
    }
    return engine.suggest(query, answer.missing).then(function (suggested) {
      if (!suggested) {
        return;
      }
      var link = element("a", null, suggested);
      link.href = resultsAddress(suggested);
      if (onPick) {
        link.addEventListener("click", function (event) {
          event.preventDefault();
          onPick(suggested);
        });
      }
      holder.append("Did you mean ", link, "?");
      holder.hidden = false;
    });
  }

  function shownQuery(query) {
    return query.replace(DIRECTION_CONTROLS, "").trim().replace(/\s+/g, " ");
  }

  function statusText(query, answer, filtered) {
    if (!answer.units.length) {
      return "Type a word that describes the practice, a place or an outcome";
    }
    var shown = shownQuery(query);
    shown = shown.length > 80 ? shown.slice(0, 79) + "\u2026" : shown;
    var quoted = /["\u201c\u201d]/.test(shown) ? shown : "\u201c" + shown + "\u201d";
    if (!answer.matched) {
      return answer.partial.length
        ? "No case study matches all of " + quoted + "."
        : "No case studies match " + quoted;
    }
    var text = plural(answer.matched, "case study matches", "case studies match") + " " + quoted;
    if (filtered) {
      text = answer.results.length + " of the " + plural(answer.matched, "case study", "case studies") +
        " matching " + quoted + (answer.results.length === 1 ? " is" : " are") + " in your filters";
    }
    return answer.dropped ? text + " (only its first 10 words were used)" : text;
  }

  // "Show the 7 that match some of the words", when none matches all of them.
  function partialOffer(holder, answer, onShow) {
    holder.textContent = "";
    holder.hidden = !(answer.units.length > 1 && !answer.matched && answer.partial.length);
    if (holder.hidden) {
      return;
    }
    var count = answer.partial.length;
    var button = element("button", "practice-search__more", count === 1
      ? "Show the case study that matches some of the words"
      : "Show the " + count + " case studies that match some of the words");
    button.type = "button";
    button.addEventListener("click", function () {
      holder.hidden = true;
      onShow(answer.partial);
    });
    holder.appendChild(button);
  }

  function header() {
    var form = document.querySelector("[data-practice-search]");
    if (!form) {
      return;
    }
    var input = form.querySelector("input");
    var panel = element("div", "practice-search__panel");
    panel.hidden = true;
    // The announcement comes from a region that is always there (one inside a hidden panel is
    // often missed); the panel shows the same words to the eye.
    var announcer = element("p", "visually-hidden");
    announcer.id = "practice-search-status";
    announcer.setAttribute("role", "status");
    form.appendChild(announcer);
    panel.innerHTML =
      '<p class="practice-search__status" aria-hidden="true"></p>' +
      '<p class="practice-search__suggestion" hidden></p>' +
      '<p class="practice-search__partial" hidden></p>' +
      '<ol id="practice-search-results" class="practice-search__results"></ol>' +
      '<button type="button" class="practice-search__more" hidden>More results</button>' +
      '<a class="practice-search__all" hidden>All results, with filters</a>';
    form.appendChild(panel);
    input.setAttribute("aria-describedby", "practice-search-status");
    input.setAttribute("aria-controls", "practice-search-results");
    var status = panel.querySelector(".practice-search__status");
    var suggestion = panel.querySelector(".practice-search__suggestion");
    var partial = panel.querySelector(".practice-search__partial");
    var all = panel.querySelector(".practice-search__all");
    var pager = new Pager(panel.querySelector("ol"), panel.querySelector(".practice-search__more"), PracticeSearch.contract.panel_size, "practice-search");
    var latest = 0;
    var timer = null;

    function search(term) {
      var query = ++latest;
      if (!term.trim()) {
        panel.hidden = true;
        return;
      }
      panel.setAttribute("aria-busy", "true");
      engine.search(term).then(function (answer) {
        if (query !== latest) {
          return;
        }
        status.textContent = announcer.textContent = statusText(term, answer, false);
        all.hidden = !answer.matched;
        all.href = resultsAddress(term);
        panel.hidden = false;
        partialOffer(partial, answer, function (numbers) { pager.show(numbers, answer.units); });
        return Promise.all([
          showSuggestion(suggestion, term, answer, function (suggested) {
            input.value = suggested;
            search(suggested);
            input.focus();
          }),
          pager.show(answer.results, answer.units),
        ]);
      }).catch(function () {
        if (query === latest) {
          status.textContent = announcer.textContent =
            "Search is not available just now; the finder lists every case study";
          panel.hidden = false;
        }
      }).then(function () {
        if (query === latest) {
          panel.removeAttribute("aria-busy");
        }
      });
    }

    // Fetch the index's entry and facets once the page is idle (a few KB, cached across
    // pages), so a first search waits only for its own words.
    (window.requestIdleCallback || function (callback) { setTimeout(callback, 200); })(function () {
      engine.data("facets.json.gz").catch(function () {});
    });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { search(input.value); }, 40);
    });
    form.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        panel.hidden = true;
        input.focus();
      }
    });
    form.addEventListener("submit", function (event) {
      if (!input.value.trim()) {
        event.preventDefault();
      }
    });
    form.addEventListener("focusout", function (event) {
      if (event.relatedTarget && !form.contains(event.relatedTarget)) {
        panel.hidden = true;
      }
    });
    document.addEventListener("click", function (event) {
      // The path as dispatched: a suggestion clicked in the panel may be gone from it by now.
      if (event.composedPath().indexOf(form) < 0) {
        panel.hidden = true;
      }
    });
    input.addEventListener("focus", function () {
      if (input.value.trim() && status.textContent) {
        panel.hidden = false;
      }
    });
  }

  function resultsPage() {
    var page = document.querySelector("[data-search-page]");
    if (!page) {
      return;
    }
    var form = page.querySelector("form");
    var input = form.querySelector("input[name=q]");
    var body = page.querySelector(".search-page__body");
    var status = page.querySelector(".search-page__status");
    var suggestion = page.querySelector(".search-page__suggestion");
    var partial = page.querySelector(".search-page__partial");
    var filters = page.querySelector(".search-page__filters");
    var filterBox = page.querySelector(".search-page__filter-box");
    var summary = filterBox.querySelector("summary");
    // Open beside the results on a wide screen; on a phone, closed above them until asked for.
    filterBox.open = window.matchMedia("(min-width: 60em)").matches;
    var pager = new Pager(page.querySelector(".search-page__results"), page.querySelector(".search-page__more"), PracticeSearch.contract.page_size, "search-page");
    var latest = 0;

    function chosen() {
      var params = new URLSearchParams(window.location.search);
      var picked = {};
      FACETS.forEach(function (facet) { picked[facet[0]] = params.getAll(facet[0]); });
      return { query: params.get("q") || "", filters: picked };
    }

    function address(query, picked) {
      var params = new URLSearchParams();
      params.set("q", query);
      FACETS.forEach(function (facet) {
        (picked[facet[0]] || []).forEach(function (value) { params.append(facet[0], value); });
      });
      return "?" + params.toString();
    }

    function drawFilters(answer, picked) {
      var focused = filters.contains(document.activeElement) ? document.activeElement : null;
      var refocus = focused && focused.name + "=" + focused.value;
      filters.textContent = "";
      if (!answer.facets || !answer.matched) {
        filterBox.hidden = true;
        return;
      }
      filterBox.hidden = false;
      var chosenCount = FACETS.reduce(function (n, facet) { return n + picked[facet[0]].length; }, 0);
      summary.textContent = "Filter the results" + (chosenCount ? " (" + chosenCount + " chosen)" : "");
      FACETS.forEach(function (facet) {
        var name = facet[0];
        var fieldset = element("fieldset", "search-page__facet");
        fieldset.appendChild(element("legend", null, facet[1]));
        answer.facets[name].values.forEach(function (pair, i) {
          var count = answer.counts[name][i];
          var checked = picked[name].indexOf(pair[0]) >= 0;
          if (!count && !checked) {
            return;
          }
          var label = element("label", "search-page__option");
          var box = element("input");
          box.type = "checkbox";
          box.name = name;
          box.value = pair[0];
          box.checked = checked;
          var text = element("span", null, pair[1] + " ");
          text.appendChild(element("span", "search-page__count", "(" + count + ")"));
          label.append(box, text);
          fieldset.appendChild(label);
        });
        if (fieldset.querySelector("input")) {
          filters.appendChild(fieldset);
        }
      });
      // The boxes are made anew with their counts: the one the reader was on keeps the focus.
      Array.prototype.forEach.call(filters.querySelectorAll("input"), function (box) {
        if (box.name + "=" + box.value === refocus) {
          box.focus();
        }
      });
    }

    function run() {
      var token = ++latest;
      var state = chosen();
      input.value = state.query;
      var titled = shownQuery(state.query);
      document.title = (titled ? "\u201c" + titled + "\u201d: " : "") + "Search - " + config.site_name;
      if (!state.query.trim()) {
        body.removeAttribute("aria-busy");
        status.textContent = "Type a word that describes the practice, a place or an outcome";
        filterBox.hidden = true;
        suggestion.hidden = partial.hidden = true;
        return pager.show([], []);
      }
      status.textContent = "Searching\u2026";
      body.setAttribute("aria-busy", "true");
      return engine.search(state.query, state.filters).then(function (answer) {
        if (token !== latest) {
          return;
        }
        var known = FACETS.every(function (facet) {
          var ids = answer.facets ? answer.facets[facet[0]].values.map(function (pair) { return pair[0]; }) : [];
          var kept = state.filters[facet[0]].filter(function (id) { return ids.indexOf(id) >= 0; });
          var same = kept.length === state.filters[facet[0]].length;
          state.filters[facet[0]] = kept;
          return same;
        });
        if (!known && answer.facets) { // an address naming a filter the index does not know
          history.replaceState(null, "", address(state.query, state.filters));
          return run();
        }
        var filtered = FACETS.some(function (facet) { return state.filters[facet[0]].length; });
        status.textContent = statusText(state.query, answer, filtered);
        drawFilters(answer, state.filters);
        partialOffer(partial, answer, function (numbers) { pager.show(numbers, answer.units); });
        return Promise.all([showSuggestion(suggestion, state.query, answer, null), pager.show(answer.results, answer.units)]);
      }).catch(function () {
        status.textContent = "Search is not available just now; the finder lists every case study";
      }).then(function () {
        if (token === latest) {
          body.removeAttribute("aria-busy");
        }
      });
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var state = chosen();
      history.pushState(null, "", address(input.value, state.filters));
      run();
    });
    filters.addEventListener("change", function () {
      var picked = {};
      FACETS.forEach(function (facet) {
        picked[facet[0]] = Array.prototype.map.call(
          filters.querySelectorAll("input[name=" + facet[0] + "]:checked"),
          function (box) { return box.value; }
        );
      });
      history.replaceState(null, "", address(chosen().query, picked));
      run();
    });
    window.addEventListener("popstate", run);
    run();
  }

  header();
  resultsPage();
})();
