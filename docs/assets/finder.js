// Built by scripts/build-frontend.mjs from frontend/finder/main.js: edit that, not this file.
var PracticeFinder = (() => {
  var __defProp = Object.defineProperty;
  var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
  var __getOwnPropNames = Object.getOwnPropertyNames;
  var __hasOwnProp = Object.prototype.hasOwnProperty;
  var __export = (target, all) => {
    for (var name in all)
      __defProp(target, name, { get: all[name], enumerable: true });
  };
  var __copyProps = (to, from, except, desc) => {
    if (from && typeof from === "object" || typeof from === "function") {
      for (let key of __getOwnPropNames(from))
        if (!__hasOwnProp.call(to, key) && key !== except)
          __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
    }
    return to;
  };
  var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

  // frontend/finder/main.js
  var main_exports = {};
  __export(main_exports, {
    PAGE_SIZE: () => PAGE_SIZE,
    SORTS: () => SORTS,
    addressOf: () => addressOf,
    choiceFrom: () => choiceFrom,
    evaluate: () => evaluate,
    itemsFrom: () => itemsFrom,
    sorted: () => sorted
  });

  // frontend/text.js
  function truncated(text, limit) {
    const characters = Array.from(text);
    return characters.length > limit ? `${characters.slice(0, limit).join("")}…` : text;
  }

  // frontend/finder/contract.json
  var contract_default = {
    data_format: 1,
    page_size: 50,
    sorts: [
      [
        "evidence",
        "Strongest evidence"
      ],
      [
        "updated",
        "Recently updated"
      ],
      [
        "cost",
        "Lowest cost per family or child"
      ],
      [
        "title",
        "Title, A to Z"
      ]
    ]
  };

  // frontend/finder/choice.js
  var PAGE_SIZE = contract_default.page_size;
  var SORTS = contract_default.sorts.map(([id]) => id);
  var MAX_DROPPED = 5;
  var SHOWN_CHOICE = 60;
  var matchesGroup = (item, choice, group) => !choice[group].length || choice[group].some((value) => item[group].includes(value));
  var matchesWords = (item, choice) => !choice.q || choice.matches === null || choice.matches.has(item.number);
  function matchesAllBut(item, choice, groups, skip) {
    return groups.every((group) => group === skip || matchesGroup(item, choice, group)) && (skip === "q" || matchesWords(item, choice));
  }
  function evaluate(items, choice, groups) {
    const tally = Object.fromEntries(groups.map((group) => [group, {}]));
    const found = [];
    for (const item of items) {
      if (!matchesWords(item, choice)) continue;
      const failed = groups.filter((group) => !matchesGroup(item, choice, group));
      if (failed.length > 1) continue;
      if (!failed.length) found.push(item);
      for (const group of failed.length ? failed : groups) {
        for (const value of item[group]) tally[group][value] = (tally[group][value] || 0) + 1;
      }
    }
    return { found, tally };
  }
  function sorted(found, sort) {
    if (sort === SORTS[0] || !SORTS.includes(sort)) return found;
    return [...found].sort((a, b) => a.place[sort] - b.place[sort]);
  }
  function dropOffers(items, choice, groups) {
    const offers = [];
    if (choice.q) offers.push({ group: "q", value: choice.q, n: items.filter((item) => matchesAllBut(item, choice, groups, "q")).length });
    for (const group of groups) {
      for (const value of choice[group]) {
        const smaller = { ...choice, [group]: choice[group].filter((v) => v !== value) };
        offers.push({ group, value, n: items.filter((item) => matchesAllBut(item, smaller, groups, null)).length });
      }
    }
    return offers.filter((offer) => offer.n > 0);
  }
  var shortened = (text) => truncated(text, SHOWN_CHOICE);
  function addressOf(choice, groups, sort) {
    const params = new URLSearchParams();
    if (choice.q) params.set("q", choice.q);
    for (const group of groups) if (choice[group].length) params.set(group, choice[group].join(","));
    if (sort !== SORTS[0] && SORTS.includes(sort)) params.set("sort", sort);
    const query = params.toString();
    return query ? `?${query}` : "";
  }
  function choiceFrom(search, groups, offered, legends) {
    const params = new URLSearchParams(search);
    const choice = { q: params.get("q") || "", matches: null };
    const dropped = [];
    for (const group of groups) {
      const values = (params.get(group) || "").split(",").filter(Boolean);
      choice[group] = values.filter((value) => offered[group].includes(value));
      for (const value of values) {
        if (!offered[group].includes(value) && dropped.length < MAX_DROPPED) {
          dropped.push(`${legends[group] || group}: ${shortened(value)}`);
        }
      }
    }
    const sort = SORTS.includes(params.get("sort")) ? params.get("sort") : SORTS[0];
    return { choice, dropped, sort };
  }
  function showText(shown, total) {
    if (shown === 0) return "No case study matches: remove a filter";
    if (shown === 1) return "Show the 1 case study";
    return shown === total ? `Show the ${total} case studies` : `Show ${shown} case studies`;
  }
  var filtersText = (choice, groups) => {
    const ticked = groups.reduce((n, group) => n + choice[group].length, 0);
    return ticked ? `Filters (${ticked} chosen)` : "Filters";
  };
  var countText = (shown, total) => shown === total ? `${total} case studies.` : `${shown} of ${total} case studies match.`;

  // frontend/finder/cards.js
  var FETCH_SECONDS = 15;
  function missingCard(id, pageOf) {
    const item = document.createElement("li");
    item.className = "case-study-card case-study-card--missing";
    item.setAttribute("data-case-study", id);
    const line = document.createElement("p");
    const link = document.createElement("a");
    link.href = pageOf(id);
    link.textContent = id;
    line.append("The summary of ", link, " could not be fetched just now; reload the page to try again.");
    item.append(line);
    return item;
  }
  function parsedCard(text, id) {
    const data = JSON.parse(text);
    const template = document.createElement("template");
    template.innerHTML = typeof data.card === "string" ? data.card : "";
    const nodes = template.content.children;
    const card = nodes[0];
    if (nodes.length !== 1 || card.tagName !== "LI" || card.getAttribute("data-case-study") !== id) {
      throw new Error(`not the card of ${id}`);
    }
    return card;
  }
  function cardSource(fileOf, pageOf, shown) {
    const known = new Map(Array.from(shown, (node) => [node.getAttribute("data-case-study"), Promise.resolve(node)]));
    return function card(id) {
      if (!known.has(id)) {
        const fetched = fetch(fileOf(id), { signal: AbortSignal.timeout(FETCH_SECONDS * 1e3) }).then((response) => {
          if (!response.ok) throw new Error(`${response.status}`);
          return response.text();
        }).then((text) => parsedCard(text, id)).catch(() => {
          known.delete(id);
          return missingCard(id, pageOf);
        });
        known.set(id, fetched);
      }
      return known.get(id);
    };
  }

  // frontend/finder/data.js
  var DATA_FORMAT = contract_default.data_format;
  var DataError = class extends Error {
  };
  function check(condition, reason) {
    if (!condition) throw new DataError(`The finder's data file ${reason}.`);
  }
  var isIndex = (value, length) => Number.isInteger(value) && value >= 0 && value < length;
  var distinct = (list) => new Set(list).size === list.length;
  function checkList(list, length, what, each) {
    check(Array.isArray(list) && list.length === length, `has ${what} for a different number of case studies`);
    for (const value of list) check(each(value), `has ${what} of the wrong kind`);
  }
  function itemsFrom(data, groups) {
    check(data !== null && typeof data === "object" && data.format === DATA_FORMAT, `is not of format ${DATA_FORMAT}`);
    const { ids } = data;
    check(Array.isArray(ids), "lists no case studies");
    const total = ids.length;
    checkList(ids, total, "ids", (id) => typeof id === "string" && id !== "");
    check(distinct(ids), "names a case study twice");
    checkList(data.numbers, total, "search numbers", (n) => Number.isInteger(n) && n >= 0);
    const later = SORTS.slice(1);
    check(data.places !== null && typeof data.places === "object", "has no orders");
    for (const sort of later) {
      checkList(data.places[sort], total, `places in the order "${sort}"`, (n) => isIndex(n, total));
      check(distinct(data.places[sort]), `gives two case studies one place in the order "${sort}"`);
    }
    const items = ids.map((id, rank) => ({ id, rank, number: data.numbers[rank], place: {} }));
    for (const sort of later) data.places[sort].forEach((place, rank) => items[rank].place[sort] = place);
    check(data.groups !== null && typeof data.groups === "object", "has no filter groups");
    for (const group of groups) {
      const found = data.groups[group];
      check(found && Array.isArray(found.values), `has no group "${group}"`);
      const { values } = found;
      const terms = (list) => Array.isArray(list) && list.every((i) => isIndex(i, values.length)) && distinct(list);
      checkList(found.cards, total, `terms of "${group}"`, terms);
      found.cards.forEach((list, rank) => items[rank][group] = list.map((i) => String(values[i])));
    }
    return items;
  }

  // frontend/finder/finder.js
  var sameCards = (results, items) => results.children.length === items.length && items.every((item, i) => results.children[i].getAttribute("data-case-study") === item.id);
  var filled = (pattern, id) => pattern.split("{id}").join(encodeURIComponent(id));
  function loadItems(address, groups) {
    const refuse = (why) => {
      throw new Error(`The finder's data file ${why}.`);
    };
    return fetch(address, { signal: AbortSignal.timeout(FETCH_SECONDS * 1e3) }).catch(() => refuse("could not be fetched")).then((response) => {
      if (!response.ok) refuse(`could not be fetched: error ${response.status}`);
      return response.json().catch(() => refuse("is not JSON"));
    }).then((data) => itemsFrom(data, groups));
  }
  function paragraph(text) {
    const node = document.createElement("p");
    node.textContent = text;
    return node;
  }
  function start(page2, engine) {
    const { form, list, count, more, sortBox, advice, sortNote } = page2;
    const panel = form.querySelector("[data-finder-panel]");
    const summary = form.querySelector("[data-finder-summary]");
    const showBar = form.querySelector("[data-finder-show]");
    const unfold = (open) => {
      panel.toggleAttribute("data-open", open);
      summary.setAttribute("aria-expanded", String(open));
    };
    summary.addEventListener("click", () => unfold(!panel.hasAttribute("data-open")));
    showBar.addEventListener("click", () => unfold(false));
    const groups = (form.getAttribute("data-groups") || "").split(" ").filter(Boolean);
    const text = form.querySelector("input[name=q]");
    const legends = {};
    const labels = {};
    const offered = Object.fromEntries(groups.map((group) => [group, []]));
    for (const fieldset of form.querySelectorAll("fieldset")) {
      const box = fieldset.querySelector("input[type=checkbox]");
      if (box) legends[box.name] = fieldset.querySelector("legend").textContent;
    }
    for (const box of form.querySelectorAll("input[type=checkbox]")) {
      labels[`${box.name}:${box.value}`] = box.parentNode.querySelector(".finder__label").textContent;
      offered[box.name]?.push(box.value);
    }
    let items = [];
    const loaded = loadItems(form.getAttribute("data-finder-data"), groups).then((found) => items = found);
    const card = cardSource(
      (id) => filled(form.getAttribute("data-finder-cards"), id),
      (id) => filled(form.getAttribute("data-finder-pages"), id),
      list.children
    );
    const results = document.createElement("ul");
    results.className = "case-study-list finder__results";
    results.setAttribute("data-finder-results", "");
    let wordMatches = null;
    let wordsFailed = false;
    let latest = 0;
    let matched = [];
    let shownCount = 0;
    let dropped = [];
    function chosen() {
      const choice = { q: text.value.trim(), matches: wordMatches };
      for (const group of groups) {
        choice[group] = Array.from(form.querySelectorAll(`input[name=${group}]:checked`), (box) => box.value);
      }
      return choice;
    }
    function showCounts(tally) {
      for (const box of form.querySelectorAll("input[type=checkbox]")) {
        const n = tally[box.name][box.value] || 0;
        const label = box.parentNode;
        label.querySelector(".finder__option-count").textContent = `(${n})`;
        box.disabled = n === 0 && !box.checked;
        label.classList.toggle("finder__option--empty", box.disabled);
      }
    }
    function dropButton(offer) {
      const label = offer.group === "q" ? `the words “${shortened(offer.value)}”` : `${legends[offer.group]}: ${labels[`${offer.group}:${offer.value}`]}`;
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = `Remove ${label} (${offer.n}${offer.n === 1 ? " case study)" : " case studies)"}`;
      button.addEventListener("click", () => {
        if (offer.group === "q") text.value = "";
        else form.querySelector(`input[name=${offer.group}][value="${CSS.escape(offer.value)}"]`).checked = false;
        apply(true);
        count.focus();
      });
      return button;
    }
    function showAdvice(choice) {
      advice.textContent = "";
      const notes = [];
      if (dropped.length) notes.push(`No case study has ${dropped.join("; ")}, so the list leaves that choice out.`);
      if (wordsFailed) notes.push("Searching by words is not available just now, so the list leaves the words out.");
      advice.append(...notes.map(paragraph));
      advice.hidden = !notes.length;
      if (matched.length || wordsFailed) return;
      const offers = dropOffers(items, choice, groups);
      advice.append(
        paragraph("No case study matches all of these choices."),
        paragraph(offers.length ? "Remove one of them:" : "Clear all to see every case study."),
        ...offers.map(dropButton)
      );
      advice.hidden = false;
    }
    let view = 0;
    let queue = Promise.resolve();
    let waiting = 0;
    function showMore() {
      const batch = matched.slice(shownCount, shownCount + PAGE_SIZE);
      const first = shownCount === 0;
      const forView = view;
      shownCount += batch.length;
      more.hidden = shownCount >= matched.length;
      waiting += 1;
      results.setAttribute("aria-busy", "true");
      if (first && forView > 1) results.setAttribute("data-stale", "");
      const cards = Promise.all(batch.map((item) => card(item.id)));
      queue = queue.then(() => cards).then((nodes) => {
        if (forView !== view) return;
        const fragment = document.createDocumentFragment();
        for (const node of nodes) fragment.appendChild(node.cloneNode(true));
        if (!first) results.appendChild(fragment);
        else if (!sameCards(results, batch)) results.replaceChildren(fragment);
        results.removeAttribute("data-stale");
        waiting -= 1;
        if (!waiting) results.removeAttribute("aria-busy");
      });
    }
    function show(updateAddress) {
      if (updateAddress) dropped = [];
      const choice = chosen();
      const result = evaluate(items, choice, groups);
      matched = sorted(result.found, sortBox.value);
      sortNote.hidden = sortBox.value !== "cost";
      view += 1;
      queue = Promise.resolve();
      waiting = 0;
      shownCount = 0;
      showMore();
      count.textContent = countText(matched.length, items.length);
      showBar.textContent = showText(matched.length, items.length);
      summary.textContent = filtersText(choice, groups);
      showCounts(result.tally);
      showAdvice(choice);
      if (updateAddress) history.replaceState(null, "", window.location.pathname + addressOf(choice, groups, sortBox.value));
    }
    function apply(updateAddress) {
      const token = ++latest;
      const words = text.value.trim();
      const answer = words && engine ? engine.search(words).then(
        (found) => ({ matches: found.units.length ? new Set(found.results) : null, failed: false }),
        // stop words alone narrow nothing
        () => ({ matches: null, failed: true })
      ) : Promise.resolve({ matches: null, failed: Boolean(words) });
      Promise.all([loaded, answer]).then(([, found]) => {
        if (token !== latest) return;
        wordMatches = found.matches;
        wordsFailed = found.failed;
        show(updateAddress);
      }, failed);
    }
    let broken = false;
    function failed(error) {
      if (broken) return;
      broken = true;
      document.documentElement.classList.add("finder-failed");
      results.remove();
      list.hidden = false;
      advice.replaceChildren(paragraph(`The filters are not available just now; reload the page to try again. ${error.message}`));
      advice.hidden = false;
    }
    function restore() {
      const state = choiceFrom(window.location.search, groups, offered, legends);
      text.value = state.choice.q;
      for (const box of form.querySelectorAll("input[type=checkbox]")) box.checked = (state.choice[box.name] || []).includes(box.value);
      sortBox.value = state.sort;
      dropped = state.dropped;
    }
    results.append(...Array.from(list.children, (node) => node.cloneNode(true)));
    results.setAttribute("aria-busy", "true");
    list.parentNode.insertBefore(results, list);
    list.hidden = true;
    more.hidden = true;
    count.setAttribute("tabindex", "-1");
    more.addEventListener("click", showMore);
    restore();
    apply(false);
    form.addEventListener("change", () => apply(true));
    sortBox.addEventListener("change", () => apply(true));
    let typing = null;
    text.addEventListener("input", () => {
      clearTimeout(typing);
      typing = setTimeout(() => apply(true), 40);
    });
    form.addEventListener("submit", (event) => event.preventDefault());
    form.addEventListener("reset", () => {
      setTimeout(() => {
        sortBox.value = sortBox.options[0].value;
        apply(true);
      }, 0);
    });
  }

  // frontend/finder/main.js
  var find = (selector) => typeof document === "undefined" ? null : document.querySelector(selector);
  var page = {
    form: find("[data-finder]"),
    list: find("[data-finder-list]"),
    count: find("[data-finder-count]"),
    more: find("[data-finder-more]"),
    sortBox: find("[data-finder-sort]"),
    advice: find("[data-finder-advice]"),
    sortNote: find("[data-finder-sort-note]")
  };
  if (Object.values(page).every(Boolean)) {
    try {
      const site = window.PracticeSearch && window.PracticeSearch.ofThisSite();
      start(page, site && site.engine);
    } catch (error) {
      document.documentElement.classList.add("finder-failed");
      document.querySelector("[data-finder-results]")?.remove();
      page.list.hidden = false;
      throw error;
    }
  }
  return __toCommonJS(main_exports);
})();
if (typeof module === "object" && module.exports) { module.exports = PracticeFinder; }
