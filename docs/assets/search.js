// The header's search box: Pagefind's UI over the index the practice plugin writes to
// pagefind/. Paths are worked out from the page's own base, so a mirror served from any
// folder works.
(function () {
  "use strict";
  var container = document.querySelector("[data-practice-search]");
  if (!container || typeof PagefindUI === "undefined") {
    return;
  }
  var config = JSON.parse(document.getElementById("__config").textContent);
  var root = new URL(config.base.replace(/\/?$/, "/"), window.location.href);
  var bundlePath = new URL("pagefind/", root).pathname;
  // Load the search engine (its WebAssembly and index metadata) as soon as the reader
  // reaches for the box, so the first results do not wait for it.
  container.addEventListener(
    "focusin",
    function () {
      import(bundlePath + "pagefind.js").then(function (pagefind) {
        pagefind.options({ baseUrl: root.pathname });
        return pagefind.init();
      });
    },
    { once: true }
  );
  new PagefindUI({
    element: container,
    bundlePath: bundlePath,
    baseUrl: root.pathname,
    showImages: false,
    showSubResults: false,
    resetStyles: false,
    excerptLength: 24,
    debounceTimeoutMs: 100,
    pageSize: 8,
    translations: {
      placeholder: "Search case studies",
      zero_results: "No case studies match [SEARCH_TERM]",
    },
  });
  // Label the field for assistive technology; Pagefind gives it a placeholder only.
  var observer = new MutationObserver(function () {
    var input = container.querySelector("input");
    if (input) {
      input.setAttribute("aria-label", "Search case studies");
      observer.disconnect();
    }
  });
  observer.observe(container, { childList: true, subtree: true });
})();
