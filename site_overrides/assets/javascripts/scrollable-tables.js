// Material for MkDocs (9.8.1) wraps each table in a box that scrolls sideways on narrow screens
// (.md-typeset__scrollwrap). A box that scrolls must be reachable from the keyboard
// (WCAG 2.1.1), so each one becomes a focusable region named after its table's caption.
// Material adds the boxes from its own script, before or after this one runs: mark those
// already there, then any added later.
(function () {
  "use strict";
  var content = document.querySelector(".md-content");
  if (!content) {
    return;
  }

  function mark() {
    content.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])").forEach(function (box) {
      // A table inside a scrolling region of its own (the gap maps) is scrolled by that region.
      if (box.parentElement.closest("[role='region'][tabindex]")) {
        return;
      }
      var caption = box.querySelector("caption");
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", caption ? caption.textContent.trim() : "Table");
    });
  }

  mark();
  new MutationObserver(mark).observe(content, { childList: true, subtree: true });
})();
