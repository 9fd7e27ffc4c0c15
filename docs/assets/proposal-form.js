/* The proposal form (contributing/propose/): steps, checks, the draft and the file.

   The fields are in the page already, rendered from the JSON Schema by the generator
   (generator/render/proposal_form.py). This script:
   - shows one step at a time, and checks a step's answers against the same schema with Ajv
     before moving on, in the words `practice validate` uses (proposal-messages.js);
   - keeps every keystroke in localStorage, so a reload or a closed tab loses nothing;
   - at the end writes the case-study file as YAML 1.1 (what `practice validate` reads, so
     "yes", "010" or "1:20" come out quoted) and offers it: GitHub's "new file" page with the
     file filled in, a download, or a copy.
   Libraries: window.ProposalLibraries (assets/vendor/form-libraries.js, bundled from npm);
   window.ProposalMessages (proposal-messages.js) and window.ProposalFile (proposal-file.js). */
(function () {
  "use strict";

  var form = document.querySelector("[data-proposal]");
  if (!form || !window.ProposalLibraries || !window.ProposalMessages || !window.ProposalFile) return;

  var Libraries = window.ProposalLibraries;
  var Messages = window.ProposalMessages;
  var STORE = "practice-proposal-draft";
  var DRAFT_VERSION = 1;
  var MAX_LINK = 8000; // characters: GitHub answers longer addresses with "414 URI Too Long"
  var steps = Array.prototype.slice.call(form.querySelectorAll("[data-step]"));
  var finishStep = steps.length;
  var errorBox = form.querySelector("[data-errors]");
  var status = form.querySelector("[data-status]");
  var taken = (form.getAttribute("data-taken") || "").split(" ").filter(Boolean);
  var current = 1;
  var validator = null;
  var idEdited = false;
  var storageWorks = true;
  var touched = false; // nothing is stored until the reader answers something
  var downloadUrl = null;

  /* ---------- the form's structure ---------- */

  function fieldsIn(container) {
    return Array.prototype.filter.call(container.children, function (child) {
      return child.hasAttribute("data-widget");
    });
  }

  function stepOf(element) {
    var section = element.closest("[data-step]");
    return section ? Number(section.getAttribute("data-step")) : 1;
  }

  function topLevelPaths(stepNumber) {
    return fieldsIn(steps[stepNumber - 1]).map(function (field) {
      return field.getAttribute("data-path");
    });
  }

  function repeats() {
    return Array.prototype.slice.call(form.querySelectorAll("[data-widget=repeat]"));
  }

  function addItem(repeat) {
    var items = repeat.querySelector("[data-items]");
    var index = items.children.length;
    var template = repeat.querySelector("template[data-item-template]");
    var holder = document.createElement("template");
    holder.innerHTML = template.innerHTML.replace(/__i__/g, String(index)).replace(/__n__/g, String(index + 1));
    items.appendChild(holder.content);
    return items.lastElementChild;
  }

  function setItemCount(repeat, count) {
    var items = repeat.querySelector("[data-items]");
    while (items.children.length > count) items.removeChild(items.lastElementChild);
    while (items.children.length < count) addItem(repeat);
  }

  /* ---------- reading and writing answers ---------- */

  function controls(field) {
    return Array.prototype.slice.call(field.querySelectorAll("input, select, textarea"));
  }

  function rawValue(field) {
    var widget = field.getAttribute("data-widget");
    var inputs = controls(field);
    if (widget === "checkboxes") {
      return inputs.filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
    }
    if (widget === "radios") {
      var chosen = inputs.filter(function (i) { return i.checked; })[0];
      return chosen ? chosen.value : "";
    }
    return inputs[0].value;
  }

  function setRawValue(field, value) {
    var widget = field.getAttribute("data-widget");
    var inputs = controls(field);
    if (widget === "checkboxes" || widget === "radios") {
      var wanted = Array.isArray(value) ? value : [value];
      inputs.forEach(function (input) { input.checked = wanted.indexOf(input.value) !== -1; });
    } else if (typeof value === "string") {
      inputs[0].value = value;
    }
  }

  function leaves() {
    return Array.prototype.slice.call(form.querySelectorAll("[data-widget]")).filter(function (field) {
      var widget = field.getAttribute("data-widget");
      return widget !== "group" && widget !== "repeat" && !field.closest("template");
    });
  }

  function readState() {
    var values = {};
    leaves().forEach(function (field) { values[field.getAttribute("data-path")] = rawValue(field); });
    var counts = {};
    repeats().forEach(function (repeat) {
      counts[repeat.getAttribute("data-path")] = repeat.querySelector("[data-items]").children.length;
    });
    return { version: DRAFT_VERSION, step: current, counts: counts, values: values, idEdited: idEdited };
  }

  function applyState(state) {
    repeats().forEach(function (repeat) {
      var count = Number((state.counts || {})[repeat.getAttribute("data-path")]) || 0;
      setItemCount(repeat, Math.min(count, 200));
    });
    var values = state.values || {};
    leaves().forEach(function (field) {
      var path = field.getAttribute("data-path");
      if (Object.prototype.hasOwnProperty.call(values, path)) setRawValue(field, values[path]);
    });
    idEdited = Boolean(state.idEdited);
  }

  function save() {
    if (!storageWorks || !touched) return;
    try {
      window.localStorage.setItem(STORE, JSON.stringify(readState()));
    } catch (error) {
      storageWorks = false;
      announce("Your browser is not keeping a draft of this form: download or copy the file before you leave.");
    }
  }

  function loadDraft() {
    try {
      var text = window.localStorage.getItem(STORE);
      var state = text ? JSON.parse(text) : null;
      return state && state.version === DRAFT_VERSION && typeof state.values === "object" ? state : null;
    } catch (error) {
      return null;
    }
  }

  /* ---------- the case study the answers make ---------- */

  function typed(field) {
    var widget = field.getAttribute("data-widget");
    var raw = rawValue(field);
    if (widget === "checkboxes") return raw.length ? raw : undefined;
    var text = String(raw).replace(/\r\n?/g, "\n").trim();
    if (text === "") return undefined;
    if (widget === "lines") {
      var lines = text.split("\n").map(function (line) { return line.trim(); }).filter(Boolean);
      return lines.length ? lines : undefined;
    }
    if (widget === "whole-number" || widget === "year-or-word") {
      return /^[+-]?[0-9]{1,15}$/.test(text) ? Number(text) : text;
    }
    if (widget === "number") {
      var plain = text.replace(/^([+-]?[0-9]{1,3}(,[0-9]{3})+)(\.[0-9]+)?$/, function (whole) {
        return whole.replace(/,/g, "");
      });
      return /^[+-]?([0-9]{1,15}(\.[0-9]{1,10})?|\.[0-9]{1,10})$/.test(plain) ? Number(plain) : text;
    }
    return text;
  }

  function objectOf(container) {
    var result = {};
    fieldsIn(container).forEach(function (field) {
      var value = valueOf(field);
      if (value !== undefined) result[field.getAttribute("data-path").split("/").pop()] = value;
    });
    return result;
  }

  function valueOf(field) {
    var widget = field.getAttribute("data-widget");
    if (widget === "group") {
      var object = objectOf(field);
      return Object.keys(object).length ? object : undefined;
    }
    if (widget === "repeat") {
      var items = Array.prototype.slice.call(field.querySelector("[data-items]").children)
        .map(objectOf)
        .filter(function (item) { return Object.keys(item).length > 0; });
      if (items.length) return items;
      return field.getAttribute("data-required") === "true" ? [] : undefined;
    }
    return typed(field);
  }

  function caseStudy() {
    var data = {};
    steps.slice(0, finishStep - 1).forEach(function (step) {
      var part = objectOf(step);
      Object.keys(part).forEach(function (key) { data[key] = part[key]; });
    });
    return data;
  }

  function slugify(text) {
    return text
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80)
      .replace(/-+$/, "");
  }

  function yamlOf(data) {
    return window.ProposalFile.yamlText(data, Libraries.stringify, todayIso());
  }

  function todayIso() {
    var now = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  /* ---------- checking ---------- */

  function loadValidator() {
    if (validator) return Promise.resolve(validator);
    return fetch(form.getAttribute("data-schema"))
      .then(function (response) {
        if (!response.ok) throw new Error("schema " + response.status);
        return response.json();
      })
      .then(function (schema) {
        var ajv = new Libraries.Ajv({ allErrors: true, verbose: true, strict: false });
        Libraries.addFormats(ajv, ["date"]);
        validator = ajv.compile(schema);
        return validator;
      });
  }

  function problemsOf(data) {
    validator(data);
    var found = Messages.problems(validator.errors || []);
    if (typeof data.id === "string" && taken.indexOf(data.id) !== -1) {
      found.push({
        path: ["id"],
        field: "id",
        keyword: "taken",
        message: "is already the id of a published case study; choose another (add the place or the years)",
        hint: "",
      });
    }
    return found;
  }

  function fieldFor(path) {
    for (var length = path.length; length > 0; length--) {
      var key = path.slice(0, length).join("/");
      var field = form.querySelector('[data-path="' + cssEscape(key) + '"]');
      if (field && !field.closest("template")) return field;
    }
    return null;
  }

  function cssEscape(text) {
    return window.CSS && CSS.escape ? CSS.escape(text) : text.replace(/["\\]/g, "\\$&");
  }

  /* "Outcome 2, Before, Figure": the field's label after those of the groups around it. */
  function labelOf(field) {
    var labels = [field.getAttribute("data-label")];
    for (var node = field.parentElement; node && node !== form; node = node.parentElement) {
      if (node.hasAttribute("data-item")) labels.unshift(node.querySelector("legend").textContent.trim());
      else if (node.getAttribute("data-widget") === "group") labels.unshift(node.getAttribute("data-label"));
    }
    return labels.join(", ");
  }

  /* The validator's messages follow a field's name ("summary: is 12 characters long"); here
     they follow its label, as a sentence where they read as one. */
  function wording(problem, label) {
    if (problem.keyword === "required") return label + " is required";
    if (/^(is|has|must|contains|lists) /.test(problem.message)) return label + " " + problem.message;
    return label + ": " + problem.message;
  }

  function inFormOrder(problems) {
    return problems
      .map(function (problem) { return { problem: problem, field: fieldFor(problem.path) }; })
      .filter(function (entry) { return entry.field; })
      .sort(function (a, b) {
        if (a.field === b.field) return 0;
        return a.field.compareDocumentPosition(b.field) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
      });
  }

  function focusable(field) {
    return field.querySelector("input, select, textarea, button[data-add]") || field;
  }

  function clearProblems() {
    Array.prototype.forEach.call(form.querySelectorAll(".pf-error"), function (node) { node.remove(); });
    Array.prototype.forEach.call(form.querySelectorAll("[aria-invalid]"), function (node) {
      node.removeAttribute("aria-invalid");
    });
    Array.prototype.forEach.call(form.querySelectorAll("[data-described-before]"), function (node) {
      var before = node.getAttribute("data-described-before");
      if (before) node.setAttribute("aria-describedby", before);
      else node.removeAttribute("aria-describedby");
      node.removeAttribute("data-described-before");
    });
    Array.prototype.forEach.call(form.querySelectorAll(".pf-invalid"), function (node) {
      node.classList.remove("pf-invalid");
    });
    errorBox.hidden = true;
    errorBox.textContent = "";
  }

  function describeWith(node, id) {
    if (!node.hasAttribute("data-described-before")) {
      node.setAttribute("data-described-before", node.getAttribute("aria-describedby") || "");
    }
    var ids = (node.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    ids.unshift(id);
    node.setAttribute("aria-describedby", ids.join(" "));
  }

  function markField(field, text, number) {
    var errorId = "pf-error-" + number;
    var message = document.createElement("p");
    message.className = "pf-error";
    message.id = errorId;
    var prefix = document.createElement("span");
    prefix.className = "visually-hidden";
    prefix.textContent = "Error: ";
    message.appendChild(prefix);
    message.appendChild(document.createTextNode(text));
    var hint = field.querySelector(":scope > .pf-hint");
    var heading = field.querySelector(":scope > label, :scope > legend");
    var after = hint || heading;
    if (after) after.insertAdjacentElement("afterend", message);
    else field.insertBefore(message, field.firstChild);
    field.classList.add("pf-invalid");
    var widget = field.getAttribute("data-widget");
    if (widget === "radios" || widget === "checkboxes" || widget === "group" || widget === "repeat") {
      describeWith(field, errorId);
    } else {
      var control = controls(field)[0];
      control.setAttribute("aria-invalid", "true");
      describeWith(control, errorId);
    }
  }

  function showProblems(problems) {
    clearProblems();
    var heading = document.createElement("h2");
    heading.className = "pf-errors__title";
    var entries = inFormOrder(problems);
    heading.textContent = entries.length === 1 ? "There is a problem" : "There are " + entries.length + " problems";
    var list = document.createElement("ul");
    problems.forEach(function (problem) {
      if (problem.path.length) return;
      var whole = document.createElement("li"); // about the whole file: the 100-problem limit
      whole.textContent = problem.message[0].toUpperCase() + problem.message.slice(1) + ".";
      list.appendChild(whole);
    });
    var marked = new Map();
    entries.forEach(function (entry, number) {
      var field = entry.field;
      var text = wording(entry.problem, labelOf(field));
      if (!marked.has(field)) {
        marked.set(field, true);
        markField(field, text, number);
      }
      var target = focusable(field);
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "#" + (target.id || "");
      link.textContent = text;
      link.addEventListener("click", function (event) {
        event.preventDefault();
        showStep(stepOf(field), false);
        target.focus();
        target.scrollIntoView({ block: "center" });
      });
      item.appendChild(link);
      list.appendChild(item);
    });
    errorBox.appendChild(heading);
    errorBox.appendChild(list);
    errorBox.hidden = false;
    announce(heading.textContent + ". " + (entries.length === 1 ? "It is" : "They are") + " listed at the top of the form.");
    errorBox.focus();
  }

  function announce(text) {
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  /* ---------- steps ---------- */

  function showStep(number, focusHeading) {
    current = Math.max(1, Math.min(number, finishStep));
    steps.forEach(function (step, index) { step.hidden = index + 1 !== current; });
    Array.prototype.forEach.call(form.querySelectorAll("[data-goto]"), function (button) {
      if (Number(button.getAttribute("data-goto")) === current) button.setAttribute("aria-current", "step");
      else button.removeAttribute("aria-current");
    });
    if (current === finishStep) finish();
    if (focusHeading) {
      var heading = steps[current - 1].querySelector("h2");
      heading.focus();
      heading.scrollIntoView({ block: "start" });
    }
    save();
  }

  function stepProblems(number, all) {
    var paths = topLevelPaths(number);
    return all.filter(function (problem) { return paths.indexOf(String(problem.path[0])) !== -1; });
  }

  function whenChecked(then) {
    loadValidator().then(then, function () {
      clearProblems();
      announce("The checks could not be loaded. Check your connection and try again; your answers are kept.");
    });
  }

  function next() {
    whenChecked(function () {
      var problems = stepProblems(current, problemsOf(caseStudy()));
      if (problems.length) {
        showProblems(problems);
        return;
      }
      clearProblems();
      showStep(current + 1, true);
    });
  }

  function finish() {
    var problemsBox = form.querySelector("[data-finish-problems]");
    var ready = form.querySelector("[data-finish-ready]");
    whenChecked(function () {
      var data = caseStudy();
      var problems = problemsOf(data);
      if (problems.length) {
        ready.hidden = true;
        problemsBox.hidden = false;
        showProblems(problems);
        return;
      }
      clearProblems();
      problemsBox.hidden = true;
      offer(data, yamlOf(data));
      ready.hidden = false;
      announce("Your case study is ready to send.");
    });
  }

  function offer(data, yaml) {
    var name = data.id + ".yaml";
    form.querySelector("[data-yaml]").textContent = yaml;
    form.querySelector("[data-file-name]").textContent = "practice/" + name;
    if (downloadUrl) URL.revokeObjectURL(downloadUrl);
    downloadUrl = URL.createObjectURL(new Blob([yaml], { type: "application/yaml" }));
    var download = form.querySelector("[data-download]");
    download.href = downloadUrl;
    download.setAttribute("download", name);
    var host = form.querySelector("[data-open-host]");
    if (host) {
      var base = form.getAttribute("data-new-file") + "?filename=" + encodeURIComponent("practice/" + name);
      var full = base + "&value=" + encodeURIComponent(yaml);
      var tooLong = full.length > MAX_LINK;
      host.href = tooLong ? base : full;
      host.toggleAttribute("data-copy-first", tooLong);
      form.querySelector("[data-too-long]").hidden = !tooLong;
    }
  }

  function copy() {
    var text = form.querySelector("[data-yaml]").textContent;
    var told = form.querySelector("[data-copied]");
    var done = function () { told.textContent = "Copied."; };
    var failed = function () {
      var range = document.createRange();
      range.selectNodeContents(form.querySelector("[data-yaml]"));
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      told.textContent = "Selected: press Ctrl+C (or Cmd+C) to copy.";
    };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, failed);
    else failed();
  }

  function resetAll() {
    if (!window.confirm("Delete every answer on this form and start again?")) return;
    try {
      window.localStorage.removeItem(STORE);
    } catch (error) {
      /* nothing kept */
    }
    form.reset();
    repeats().forEach(function (repeat) { setItemCount(repeat, 0); });
    idEdited = false;
    touched = false;
    startFresh();
    clearProblems();
    showStep(1, true);
  }

  function startFresh() {
    repeats().forEach(function (repeat) {
      if (repeat.getAttribute("data-required") === "true") setItemCount(repeat, 1);
    });
    ["published", "last_reviewed", "evidence/rated_on"].forEach(function (path) {
      var field = form.querySelector('[data-path="' + path + '"]');
      if (field && !controls(field)[0].value) controls(field)[0].value = todayIso();
    });
  }

  function removeItem(item) {
    var repeat = item.closest("[data-widget=repeat]");
    var path = repeat.getAttribute("data-path");
    var index = Array.prototype.indexOf.call(item.parentElement.children, item);
    var state = readState();
    var values = {};
    Object.keys(state.values).forEach(function (key) {
      if (key.indexOf(path + "/") !== 0) {
        values[key] = state.values[key];
        return;
      }
      var rest = key.slice(path.length + 1).split("/");
      var at = Number(rest[0]);
      if (at === index) return;
      rest[0] = String(at > index ? at - 1 : at);
      values[path + "/" + rest.join("/")] = state.values[key];
    });
    state.values = values;
    state.counts[path] -= 1;
    setItemCount(repeat, 0);
    applyState(state);
    save();
    var items = repeat.querySelector("[data-items]").children;
    var focusTo = items[Math.min(index, items.length - 1)];
    focusable(focusTo || repeat).focus();
    announce(repeat.getAttribute("data-label") + ": item removed; " + items.length + " left.");
  }

  /* ---------- wiring ---------- */

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (current < finishStep) next();
  });
  form.addEventListener("input", function (event) {
    touched = true;
    var field = event.target.closest("[data-widget]");
    if (field && field.getAttribute("data-path") === "id") idEdited = event.target.value !== "";
    if (field && field.getAttribute("data-path") === "title" && !idEdited) {
      controls(form.querySelector('[data-path="id"]'))[0].value = slugify(event.target.value);
    }
    save();
  });
  form.addEventListener("change", function () {
    touched = true;
    save();
  });
  form.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button || !form.contains(button)) return;
    if (button.hasAttribute("data-add")) {
      touched = true;
      var repeat = button.closest("[data-widget=repeat]");
      var item = addItem(repeat);
      save();
      focusable(item).focus();
    } else if (button.hasAttribute("data-remove")) {
      removeItem(button.closest("[data-item]"));
    } else if (button.hasAttribute("data-back")) {
      clearProblems();
      showStep(current - 1, true);
    } else if (button.hasAttribute("data-goto")) {
      clearProblems();
      showStep(Number(button.getAttribute("data-goto")), true);
    } else if (button.hasAttribute("data-copy")) {
      copy();
    } else if (button.hasAttribute("data-reset")) {
      resetAll();
    }
  });
  var hostLink = form.querySelector("[data-open-host]");
  if (hostLink) {
    hostLink.addEventListener("click", function () {
      if (hostLink.hasAttribute("data-copy-first")) copy();
    });
  }

  var draft = loadDraft();
  if (draft) {
    touched = true;
    applyState(draft);
    showStep(Number(draft.step) || 1, false);
    announce("Your draft has been restored.");
  } else {
    startFresh();
    showStep(1, false);
  }
  form.setAttribute("data-ready", "");
  loadValidator().catch(function () { /* tried again when a step is checked */ });
})();
