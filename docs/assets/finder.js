// The finder: filters the full list already in the page (which is what readers without
// JavaScript see) by checkboxes and words, and keeps the choices in the page's address.
// The static list is read once and hidden; matches are shown PAGE_SIZE at a time in a list
// of their own, because showing or hiding 10,000 items takes the browser seconds.
(function () {
  "use strict";
  var form = document.querySelector("[data-finder]");
  var list = document.querySelector("[data-finder-list]");
  var count = document.querySelector("[data-finder-count]");
  if (!form || !list || !count) {
    return;
  }
  var GROUPS = ["theme", "characteristic", "rating", "region", "age"];
  var PAGE_SIZE = 50;
  var results = document.createElement("ul");
  results.className = "finder__results";
  results.setAttribute("data-finder-results", "");
  var more = document.createElement("button");
  more.type = "button";
  more.className = "finder__more";
  more.textContent = "Show more";
  var matched = [];
  var shownCount = 0;
  var text = form.querySelector("input[name=q]");
  var items = Array.prototype.map.call(list.children, function (node) {
    var item = { node: node, words: node.textContent.toLowerCase() };
    GROUPS.forEach(function (group) {
      item[group] = (node.getAttribute("data-" + group) || "").split(" ");
    });
    return item;
  });
  var total = items.length;

  function chosen() {
    var choice = { q: text.value.trim().toLowerCase() };
    GROUPS.forEach(function (group) {
      choice[group] = Array.prototype.map.call(
        form.querySelectorAll("input[name=" + group + "]:checked"),
        function (box) { return box.value; }
      );
    });
    return choice;
  }

  function matches(item, choice) {
    for (var i = 0; i < GROUPS.length; i++) {
      var wanted = choice[GROUPS[i]];
      if (wanted.length && !wanted.some(function (value) { return item[GROUPS[i]].indexOf(value) !== -1; })) {
        return false;
      }
    }
    if (choice.q) {
      var words = choice.q.split(/\s+/);
      for (var j = 0; j < words.length; j++) {
        if (item.words.indexOf(words[j]) === -1) {
          return false;
        }
      }
    }
    return true;
  }

  function showMore() {
    var fragment = document.createDocumentFragment();
    matched.slice(shownCount, shownCount + PAGE_SIZE).forEach(function (item) {
      fragment.appendChild(item.node.cloneNode(true));
    });
    results.appendChild(fragment);
    shownCount = Math.min(matched.length, shownCount + PAGE_SIZE);
    more.hidden = shownCount >= matched.length;
  }

  function apply(updateAddress) {
    var choice = chosen();
    matched = items.filter(function (item) { return matches(item, choice); });
    results.textContent = "";
    shownCount = 0;
    showMore();
    var shown = matched.length;
    count.textContent = shown === total ? total + " case studies." :
      shown + " of " + total + " case studies match.";
    if (updateAddress) {
      var params = new URLSearchParams();
      if (choice.q) {
        params.set("q", text.value.trim());
      }
      GROUPS.forEach(function (group) {
        if (choice[group].length) {
          params.set(group, choice[group].join(","));
        }
      });
      var query = params.toString();
      history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
    }
  }

  function restore() {
    var params = new URLSearchParams(window.location.search);
    text.value = params.get("q") || "";
    GROUPS.forEach(function (group) {
      var values = (params.get(group) || "").split(",");
      form.querySelectorAll("input[name=" + group + "]").forEach(function (box) {
        box.checked = values.indexOf(box.value) !== -1;
      });
    });
  }

  form.hidden = false;
  list.hidden = true;
  list.parentNode.insertBefore(results, list);
  list.parentNode.insertBefore(more, list);
  more.addEventListener("click", showMore);
  restore();
  apply(false);
  form.addEventListener("change", function () { apply(true); });
  text.addEventListener("input", function () { apply(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
})();
