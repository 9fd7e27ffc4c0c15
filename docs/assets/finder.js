// The finder: filters the full list already in the page (which is what readers without
// JavaScript see) by checkboxes and words, and keeps the choices in the page's address.
(function () {
  "use strict";
  var form = document.querySelector("[data-finder]");
  var list = document.querySelector("[data-finder-list]");
  var count = document.querySelector("[data-finder-count]");
  if (!form || !list || !count) {
    return;
  }
  var GROUPS = ["theme", "characteristic", "rating", "region", "age"];
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

  function apply(updateAddress) {
    var choice = chosen();
    var shown = 0;
    items.forEach(function (item) {
      var visible = matches(item, choice);
      if (item.node.hidden === visible) {
        item.node.hidden = !visible;
      }
      if (visible) {
        shown++;
      }
    });
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
  restore();
  apply(false);
  form.addEventListener("change", function () { apply(true); });
  text.addEventListener("input", function () { apply(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
})();
