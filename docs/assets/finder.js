// The finder: filters the full list already in the page (which is what readers without
// JavaScript see) by checkboxes and words, sorts it, counts what each further choice would
// give, and keeps the choices in the page's address. The static list is read once and
// hidden; matches are shown PAGE_SIZE at a time in a list of their own, because showing or
// hiding 10,000 items takes the browser seconds. The first page of matches, before any
// choice, is the static list's first page: the stylesheet shows only that much of it until
// this script runs, so the page does not shift as it loads. Words are matched by the site's
// search engine (search-engine.js), so the finder and the search box agree.
(function () {
  "use strict";
  // If anything below fails, the reader gets the page as it is without JavaScript (the full
  // list, no filters) rather than the first 50 cards and filters that do nothing.
  try {
    start();
  } catch (error) {
    document.documentElement.classList.add("finder-failed");
    var staticList = document.querySelector("[data-finder-list]");
    if (staticList) {
      staticList.hidden = false;
    }
    throw error;
  }

  function start() {
  var form = document.querySelector("[data-finder]");
  var list = document.querySelector("[data-finder-list]");
  var count = document.querySelector("[data-finder-count]");
  var more = document.querySelector("[data-finder-more]");
  var sortBox = document.querySelector("[data-finder-sort]");
  var advice = document.querySelector("[data-finder-advice]");
  if (!form || !list || !count || !more || !sortBox || !advice) {
    return;
  }
  // The filter groups, in the page's order: named once, by the site's Python (site.py _finder_groups).
  var GROUPS = (form.getAttribute("data-groups") || "").split(" ").filter(Boolean);
  // FINDER_PAGE_SIZE in generator/render/site.py, written into the page (the stylesheet's
  // nth-child(n + 51) must agree with it too).
  var PAGE_SIZE = Number(list.getAttribute("data-page-size")) || 50;
  var SORTS = ["evidence", "updated", "title"];
  var site = window.PracticeSearch && window.PracticeSearch.ofThisSite();
  var engine = site && site.engine; // the header box's own: one set of index files per page
  var wordMatches = null; // the search engine's answer for the words: a Set of case-study numbers
  var wordsFailed = false;
  var latest = 0;
  var results = document.createElement("ul");
  results.className = "case-study-list finder__results";
  results.setAttribute("data-finder-results", "");
  var matched = [];
  var shownCount = 0;
  var text = form.querySelector("input[name=q]");
  var legends = {};
  var labels = {}; // "group:id" -> the option's label, searched as words of each item
  form.querySelectorAll("fieldset").forEach(function (fieldset) {
    var box = fieldset.querySelector("input[type=checkbox]");
    if (box) {
      legends[box.name] = fieldset.querySelector("legend").textContent;
    }
  });
  form.querySelectorAll("input[type=checkbox]").forEach(function (box) {
    labels[box.name + ":" + box.value] = box.parentNode.querySelector(".finder__label").textContent;
  });
  var items = Array.prototype.map.call(list.children, function (node, index) {
    var item = {
      node: node,
      rank: index,
      updated: node.getAttribute("data-updated") || "",
      number: Number(node.getAttribute("data-search")),
    };
    GROUPS.forEach(function (group) {
      item[group] = (node.getAttribute("data-" + group) || "").split(" ").filter(Boolean);
    });
    var title = node.querySelector(".case-study-card__title");
    item.title = (title ? title.textContent : "").toLowerCase();
    return item;
  });
  var total = items.length;
  var ORDER = {
    evidence: function (a, b) { return a.rank - b.rank; },
    updated: function (a, b) {
      return a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : a.rank - b.rank;
    },
    title: function (a, b) {
      return a.title < b.title ? -1 : a.title > b.title ? 1 : a.rank - b.rank;
    }
  };

  function chosen() {
    var choice = { q: text.value.trim(), matches: wordMatches };
    GROUPS.forEach(function (group) {
      choice[group] = Array.prototype.map.call(
        form.querySelectorAll("input[name=" + group + "]:checked"),
        function (box) { return box.value; }
      );
    });
    return choice;
  }

  function matchesGroup(item, choice, group) {
    var wanted = choice[group];
    return !wanted.length || wanted.some(function (value) { return item[group].indexOf(value) !== -1; });
  }

  function matchesWords(item, choice) {
    return !choice.q || choice.matches === null || choice.matches.has(item.number);
  }

  // Whether the item matches every part of the choice except the group `skip`.
  function matchesAllBut(item, choice, skip) {
    for (var i = 0; i < GROUPS.length; i++) {
      if (GROUPS[i] !== skip && !matchesGroup(item, choice, GROUPS[i])) {
        return false;
      }
    }
    return skip === "q" || matchesWords(item, choice);
  }

  // One pass over the cards gives both the matches and, beside each option, how many case
  // studies carry it among those the other groups' choices (and the words) leave: a card
  // failing no part of the choice matches and counts for every group; failing just one
  // group, it counts for that group only. An unticked option with none is disabled, so no
  // tick leads to an empty list.
  function evaluate(choice) {
    var tally = {};
    var found = [];
    GROUPS.forEach(function (group) { tally[group] = {}; });
    items.forEach(function (item) {
      if (!matchesWords(item, choice)) {
        return;
      }
      var failed = null;
      for (var i = 0; i < GROUPS.length; i++) {
        if (!matchesGroup(item, choice, GROUPS[i])) {
          if (failed !== null) {
            return;
          }
          failed = GROUPS[i];
        }
      }
      if (failed === null) {
        found.push(item);
      }
      (failed === null ? GROUPS : [failed]).forEach(function (group) {
        var counts = tally[group];
        item[group].forEach(function (value) { counts[value] = (counts[value] || 0) + 1; });
      });
    });
    return { found: found, tally: tally };
  }

  function showCounts(tally) {
    form.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      var n = tally[box.name][box.value] || 0;
      var label = box.parentNode;
      label.querySelector(".finder__option-count").textContent = "(" + n + ")";
      box.disabled = n === 0 && !box.checked;
      label.classList.toggle("finder__option--empty", box.disabled);
    });
  }

  // With nothing matching, say which single choice to drop and what that would give.
  function showAdvice(choice) {
    advice.textContent = "";
    var notes = [];
    if (dropped.length) {
      notes.push("No case study has " + dropped.join("; ") + ", so the list leaves that choice out.");
    }
    if (wordsFailed) {
      notes.push("Searching by words is not available just now, so the list leaves the words out.");
    }
    notes.forEach(function (text) {
      var note = document.createElement("p");
      note.textContent = text;
      advice.appendChild(note);
    });
    advice.hidden = !notes.length;
    if (matched.length || wordsFailed) {
      return;
    }
    var intro = document.createElement("p");
    intro.textContent = "No case study matches all of these choices.";
    advice.appendChild(intro);
    var offers = [];
    if (choice.q) {
      var shown = text.value.trim();
      offers.push({ label: "the words \u201c" + (shown.length > 60 ? shown.slice(0, 59) + "\u2026" : shown) + "\u201d",
        drop: function () { text.value = ""; },
        n: items.filter(function (item) { return matchesAllBut(item, choice, "q"); }).length });
    }
    GROUPS.forEach(function (group) {
      choice[group].forEach(function (value) {
        var smaller = Object.assign({}, choice);  // words already split: shared
        smaller[group] = choice[group].filter(function (v) { return v !== value; });
        var n = items.filter(function (item) { return matchesAllBut(item, smaller, null); }).length;
        offers.push({ label: legends[group] + ": " + labels[group + ":" + value], n: n, drop: function () {
          form.querySelector("input[name=" + group + "][value=\"" + value + "\"]").checked = false;
        } });
      });
    });
    offers = offers.filter(function (offer) { return offer.n > 0; });
    var next = document.createElement("p");
    next.textContent = offers.length ? "Remove one of them:" : "Clear all to see every case study.";
    advice.appendChild(next);
    offers.forEach(function (offer) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = "Remove " + offer.label + " (" + offer.n + (offer.n === 1 ? " case study)" : " case studies)");
      button.addEventListener("click", function () {
        offer.drop();
        apply(true);
        count.focus();
      });
      advice.appendChild(button);
    });
    advice.hidden = false;
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

  // The words go to the search engine first (it fetches what it needs), then everything else
  // is applied to its answer. A failed engine leaves the words out, and says so.
  function apply(updateAddress) {
    var token = ++latest;
    var words = text.value.trim();
    if (!words || !engine) {
      wordMatches = null;
      wordsFailed = Boolean(words);
      return show(updateAddress);
    }
    return engine.search(words).then(function (answer) {
      // Only stop words, or a word still being typed ("f", "th"): the words narrow nothing yet.
      wordMatches = answer.units.length ? new Set(answer.results) : null;
      wordsFailed = false;
    }, function () {
      wordMatches = null;
      wordsFailed = true;
    }).then(function () {
      if (token === latest) {
        show(updateAddress);
      }
    });
  }

  function show(updateAddress) {
    if (updateAddress) {
      dropped = []; // the reader has chosen since: the note about the address has done its work
    }
    var choice = chosen();
    var result = evaluate(choice);
    matched = result.found;
    var sort = SORTS.indexOf(sortBox.value) === -1 ? "evidence" : sortBox.value;
    if (sort !== "evidence") {
      matched.sort(ORDER[sort]);
    }
    results.textContent = "";
    shownCount = 0;
    showMore();
    var shown = matched.length;
    count.textContent = shown === total ? total + " case studies." :
      shown + " of " + total + " case studies match.";
    showCounts(result.tally);
    showAdvice(choice);
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
      if (sort !== "evidence") {
        params.set("sort", sort);
      }
      var query = params.toString();
      history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
    }
  }

  // Choices in the address that the page does not offer (no case study has them now, or
  // the address was mistyped) are dropped, and the reader is told which.
  var dropped = [];

  function restore() {
    var params = new URLSearchParams(window.location.search);
    text.value = params.get("q") || "";
    GROUPS.forEach(function (group) {
      var values = (params.get(group) || "").split(",").filter(Boolean);
      var offered = [];
      form.querySelectorAll("input[name=" + group + "]").forEach(function (box) {
        box.checked = values.indexOf(box.value) !== -1;
        offered.push(box.value);
      });
      values.forEach(function (value) {
        if (offered.indexOf(value) === -1 && dropped.length < 5) {
          dropped.push((legends[group] || group) + ": " + value.slice(0, 60));
        }
      });
    });
    sortBox.value = SORTS.indexOf(params.get("sort")) === -1 ? "evidence" : params.get("sort");
  }

  list.parentNode.insertBefore(results, list);
  list.hidden = true;
  more.hidden = true;
  count.setAttribute("tabindex", "-1");
  more.addEventListener("click", showMore);
  restore();
  apply(false);
  form.addEventListener("change", function () { apply(true); });
  sortBox.addEventListener("change", function () { apply(true); });
  var typing = null;
  text.addEventListener("input", function () {
    clearTimeout(typing);
    typing = setTimeout(function () { apply(true); }, 40);
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () {
    setTimeout(function () {
      sortBox.value = "evidence";
      apply(true);
    }, 0);
  });
  }
})();
