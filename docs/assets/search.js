// The header's search box, on Pagefind's JavaScript API and the index the practice plugin
// writes to pagefind/. Pagefind's stock UI is not used: at 10,000 case studies it adds
// about half a second to every search. Paths come from the page's own base, so a mirror
// served from any folder works. Result text is inserted as text, never as HTML.
(function () {
  "use strict";
  var container = document.querySelector("[data-practice-search]");
  if (!container) {
    return;
  }
  var PAGE_SIZE = 8;
  var DEBOUNCE_MS = 50;
  var config = JSON.parse(document.getElementById("__config").textContent);
  var root = new URL(config.base.replace(/\/?$/, "/"), window.location.href);
  var engine = null;
  var latest = 0;
  var timer = null;
  var shownCount = 0;
  var results = [];

  container.innerHTML =
    '<label class="practice-search__label" for="practice-search-input">Search case studies</label>' +
    '<input id="practice-search-input" class="practice-search__input" type="search" ' +
    'placeholder="Search" autocomplete="off" spellcheck="false" ' +
    'aria-describedby="practice-search-status" aria-controls="practice-search-results">' +
    '<div class="practice-search__panel" hidden>' +
    '<p id="practice-search-status" class="practice-search__status" role="status" aria-live="polite"></p>' +
    '<ol id="practice-search-results" class="practice-search__results"></ol>' +
    '<button type="button" class="practice-search__more" hidden>More results</button>' +
    "</div>";
  var input = container.querySelector("input");
  var panel = container.querySelector(".practice-search__panel");
  var status = container.querySelector(".practice-search__status");
  var list = container.querySelector(".practice-search__results");
  var more = container.querySelector(".practice-search__more");

  function loadEngine() {
    if (!engine) {
      engine = import(new URL("pagefind/pagefind.js", root).href).then(function (pagefind) {
        // In the page, not a worker: at 10,000 case studies, passing thousands of results
        // back from Pagefind's worker costs more than the search itself.
        return pagefind.options({ baseUrl: root.pathname, noWorker: true }).then(function () {
          return pagefind.init();
        }).then(function () {
          return pagefind;
        });
      });
    }
    return engine;
  }

  // Pagefind's excerpt is escaped text with <mark> around matches: keep exactly that.
  function appendExcerpt(parent, excerpt) {
    var parsed = new DOMParser().parseFromString("<p>" + excerpt + "</p>", "text/html").body.firstChild;
    parsed.childNodes.forEach(function (node) {
      if (node.nodeType === Node.TEXT_NODE) {
        parent.appendChild(document.createTextNode(node.textContent));
      } else if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        parent.appendChild(mark);
      } else {
        parent.appendChild(document.createTextNode(node.textContent));
      }
    });
  }

  function render(data) {
    var item = document.createElement("li");
    item.className = "practice-search__result";
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = data.meta.title || data.url;
    var meta = document.createElement("span");
    meta.className = "practice-search__meta";
    meta.textContent = [data.meta.locality, data.meta.rating].filter(Boolean).join(" · ");
    var excerpt = document.createElement("span");
    excerpt.className = "practice-search__excerpt";
    appendExcerpt(excerpt, data.excerpt || "");
    item.append(link, meta, excerpt);
    return item;
  }

  function showMore(query) {
    var next = results.slice(shownCount, shownCount + PAGE_SIZE);
    return Promise.all(next.map(function (result) { return result.data(); })).then(function (pages) {
      if (query !== latest) {
        return;
      }
      pages.forEach(function (data) {
        list.appendChild(render(data));
      });
      shownCount += pages.length;
      more.hidden = shownCount >= results.length;
    });
  }

  function search(term) {
    var query = ++latest;
    if (!term.trim()) {
      panel.hidden = true;
      return;
    }
    loadEngine().then(function (pagefind) {
      return pagefind.search(term);
    }).then(function (found) {
      if (query !== latest || !found) {
        return;
      }
      results = found.results;
      shownCount = 0;
      list.textContent = "";
      var count = results.length;
      status.textContent = count === 0 ? "No case studies match \u201c" + term + "\u201d" :
        count + (count === 1 ? " case study matches" : " case studies match");
      panel.hidden = false;
      return showMore(query);
    });
  }

  // Load the engine (about 150 KB, cached across pages) once the page is idle, or at once
  // if the reader reaches for the box first, so a first search does not wait for it.
  input.addEventListener("focus", loadEngine, { once: true });
  (window.requestIdleCallback || function (callback) { setTimeout(callback, 200); })(loadEngine);
  input.addEventListener("input", function () {
    var term = input.value;
    // Fetch the index chunks for what is typed so far while the reader is still typing.
    if (term.trim()) {
      loadEngine().then(function (pagefind) { return pagefind.preload(term); }).catch(function () {});
    }
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value); }, DEBOUNCE_MS);
  });
  more.addEventListener("click", function () { showMore(latest); });
  container.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      panel.hidden = true;
      input.focus();
    }
  });
  document.addEventListener("click", function (event) {
    if (!container.contains(event.target)) {
      panel.hidden = true;
    }
  });
  input.addEventListener("focus", function () {
    if (input.value.trim() && list.childElementCount) {
      panel.hidden = false;
    }
  });
})();
