// The finder's page: filters the collection by checkboxes and words, sorts it, counts what each
// further choice would give, and keeps the choices in the page's address. The page holds only
// the first PAGE_SIZE cards (what readers without JavaScript see); what the finder filters is its
// data file (data.js), and the cards of the results on screen are fetched as they are shown
// (cards.js). Matches are shown PAGE_SIZE at a time in a list of their own, which starts as the
// page's own list, so the page does not shift as it loads. Words are matched by the site's search
// engine (window.PracticeSearch), so the finder and the search box agree. If the data file cannot
// be read, the page stays as it is without JavaScript (the stylesheet shows the way on that
// page offers: finder-failed), and says why.
import {
  PAGE_SIZE,
  addressOf,
  choiceFrom,
  countText,
  dropOffers,
  evaluate,
  filtersText,
  shortened,
  showText,
  sorted,
} from "./choice.js";
import { FETCH_SECONDS, cardSource } from "./cards.js";
import { itemsFrom } from "./data.js";

/** Whether the list shows exactly these items' cards, in order. */
const sameCards = (results, items) =>
  results.children.length === items.length &&
  items.every((item, i) => results.children[i].getAttribute("data-case-study") === item.id);

const filled = (pattern, id) => pattern.split("{id}").join(encodeURIComponent(id));

/** The data file's items, or a rejection saying why not. */
function loadItems(address, groups) {
  const refuse = (why) => {
    throw new Error(`The finder's data file ${why}.`);
  };
  return fetch(address, { signal: AbortSignal.timeout(FETCH_SECONDS * 1000) })
    .catch(() => refuse("could not be fetched"))
    .then((response) => {
      if (!response.ok) refuse(`could not be fetched: error ${response.status}`);
      return response.json().catch(() => refuse("is not JSON"));
    })
    .then((data) => itemsFrom(data, groups));
}

function paragraph(text) {
  const node = document.createElement("p");
  node.textContent = text;
  return node;
}

/** Starts the finder on its page; `engine` is the search engine, or null without one. */
export function start(page, engine) {
  const { form, list, count, more, sortBox, advice, sortNote } = page;
  const panel = form.querySelector("[data-finder-panel]");
  const summary = form.querySelector("[data-finder-summary]");
  const showBar = form.querySelector("[data-finder-show]");
  // On a phone the filters are folded (by the stylesheet) until the reader opens them, and
  // folded again when they tap the bar to see the results; on a wide screen the button is hidden.
  const unfold = (open) => {
    panel.toggleAttribute("data-open", open);
    summary.setAttribute("aria-expanded", String(open));
  };
  summary.addEventListener("click", () => unfold(!panel.hasAttribute("data-open")));
  showBar.addEventListener("click", () => unfold(false));
  const groups = (form.getAttribute("data-groups") || "").split(" ").filter(Boolean); // browse.py's, in the page
  const text = form.querySelector("input[name=q]");
  const legends = {};
  const labels = {}; // "group:id" -> the option's label
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
  const loaded = loadItems(form.getAttribute("data-finder-data"), groups).then((found) => (items = found));
  const card = cardSource(
    (id) => filled(form.getAttribute("data-finder-cards"), id),
    (id) => filled(form.getAttribute("data-finder-pages"), id),
    list.children,
  );
  const results = document.createElement("ul");
  results.className = "case-study-list finder__results";
  results.setAttribute("data-finder-results", "");
  let wordMatches = null; // the search engine's answer for the words: a Set of case-study numbers
  let wordsFailed = false;
  let latest = 0;
  let matched = [];
  let shownCount = 0;
  let dropped = []; // choices in the address the page does not offer, told once

  function chosen() {
    const choice = { q: text.value.trim(), matches: wordMatches };
    for (const group of groups) {
      choice[group] = Array.from(form.querySelectorAll(`input[name=${group}]:checked`), (box) => box.value);
    }
    return choice;
  }

  /** An unticked option with none is disabled, so no tick leads to an empty list. */
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
    const label =
      offer.group === "q" ? `the words \u201c${shortened(offer.value)}\u201d` : `${legends[offer.group]}: ${labels[`${offer.group}:${offer.value}`]}`;
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

  /** With nothing matching, say which single choice to drop and what that would give. */
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
      ...offers.map(dropButton),
    );
    advice.hidden = false;
  }

  let view = 0; // which choice the cards being fetched are for: a later choice's replace them
  let queue = Promise.resolve();
  let waiting = 0; // batches not yet in the list; while any is, the list is aria-busy

  /** The next PAGE_SIZE matches, fetched together and added in order; the first batch of a
   *  choice replaces the list, so it never stands empty while the cards come. */
  function showMore() {
    const batch = matched.slice(shownCount, shownCount + PAGE_SIZE);
    const first = shownCount === 0;
    const forView = view;
    shownCount += batch.length;
    more.hidden = shownCount >= matched.length;
    waiting += 1;
    results.setAttribute("aria-busy", "true");
    if (first && forView > 1) results.setAttribute("data-stale", ""); // the last choice's cards, dimmed until these come
    const cards = Promise.all(batch.map((item) => card(item.id)));
    queue = queue.then(() => cards).then((nodes) => {
      if (forView !== view) return;
      const fragment = document.createDocumentFragment();
      for (const node of nodes) fragment.appendChild(node.cloneNode(true));
      if (!first) results.appendChild(fragment);
      else if (!sameCards(results, batch)) results.replaceChildren(fragment); // the same: the focus stays where it is
      results.removeAttribute("data-stale");
      waiting -= 1;
      if (!waiting) results.removeAttribute("aria-busy");
    });
  }

  function show(updateAddress) {
    if (updateAddress) dropped = []; // the reader has chosen since: the note about the address has done its work
    const choice = chosen();
    const result = evaluate(items, choice, groups);
    matched = sorted(result.found, sortBox.value);
    sortNote.hidden = sortBox.value !== "cost"; // what the cost order compares, and what it does not
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

  /** The data file first, then the words go to the search engine (it fetches what it needs),
   *  then everything else is applied to its answer. A failed engine leaves the words out, and
   *  says so. */
  function apply(updateAddress) {
    const token = ++latest;
    const words = text.value.trim();
    const answer =
      words && engine
        ? engine.search(words).then(
            (found) => ({ matches: found.units.length ? new Set(found.results) : null, failed: false }), // stop words alone narrow nothing
            () => ({ matches: null, failed: true }),
          )
        : Promise.resolve({ matches: null, failed: Boolean(words) });
    Promise.all([loaded, answer]).then(([, found]) => {
      if (token !== latest) return;
      wordMatches = found.matches;
      wordsFailed = found.failed;
      show(updateAddress);
    }, failed);
  }

  /** Without the data file, the page as it is without JavaScript, with the reason. */
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
  results.setAttribute("aria-busy", "true"); // until the data file has come and the choices are applied
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
