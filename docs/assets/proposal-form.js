/* The proposal form (contributing/propose/): steps, checks, the draft and the file.

   The fields are in the page already, rendered from the JSON Schema by the generator
   (generator/render/proposal_form.py). This script:
   - shows one step at a time, and checks a step's answers against the same schema with Ajv
     before moving on, in the words `practice validate` uses (proposal-messages.js);
   - keeps every keystroke in localStorage, so a reload or a closed tab loses nothing, and reads
     a saved draft back as untrusted input (see "the draft", below);
   - applies the validator's rules beyond the schema (dates in order, figures that agree with
     the direction, a rating its evidence supports, ...: proposal-rules.js, in the validator's
     words), so that it says "ready" only for a file `practice validate` accepts;
   - refuses at its field what the schema cannot say but `practice validate` refuses: a figure
     with more digits after the point, or more digits in all, than its loader accepts (the
     page's data-decimal-places and data-max-digits), and a broken character (half of a UTF-16
     pair, which libyaml refuses);
   - at the end writes the case-study file as YAML 1.1 (what `practice validate` reads, so
     "yes", "010" or "1:20" come out quoted) and offers it: GitHub's "new file" page with the
     file filled in, a download, or a copy.
   Libraries: window.ProposalLibraries (assets/vendor/form-libraries.js, bundled from npm);
   window.ProposalMessages (proposal-messages.js), window.ProposalRules (proposal-rules.js) and
   window.ProposalFile (proposal-file.js). */
(function () {
  "use strict";

  var form = document.querySelector("[data-proposal]");
  if (!form || !window.ProposalLibraries || !window.ProposalMessages || !window.ProposalRules || !window.ProposalFile) {
    return;
  }

  var Libraries = window.ProposalLibraries;
  var Messages = window.ProposalMessages;
  var CaseFile = window.ProposalFile;
  var Rules = window.ProposalRules;
  var ruleData = null; // what the rules read from the taxonomy, written into the page by the generator
  try {
    ruleData = JSON.parse(form.getAttribute("data-rules") || "null");
  } catch (error) {
    ruleData = null; // a page without it: the checks count as not loaded, and no file is offered
  }
  var STORE = "practice-proposal-draft";
  var DRAFT_VERSION = 1;
  var DRAFT_PARTS = ["version", "step", "counts", "values", "idEdited"];
  var MAX_DRAFT = 5000000; // characters: more than a browser keeps for a site, and far more than any draft
  var DRAFT_REMOVED = "A saved draft could not be used and has been removed. The form is empty.";
  var MAX_LINK = 8000; // characters: GitHub answers longer addresses with "414 URI Too Long"
  var steps = Array.prototype.slice.call(form.querySelectorAll("[data-step]"));
  var finishStep = steps.length;
  var errorBox = form.querySelector("[data-errors]");
  var status = form.querySelector("[data-status]");
  var taken = (form.getAttribute("data-taken") || "").split(" ").filter(Boolean);
  var current = 1;
  var validator = null;
  var validatorLoading = null;
  var textRule = null; // the schema's own rule for the characters a text may hold
  var idEdited = false;
  var storageWorks = true;
  var touched = false; // nothing is stored until the reader answers something
  var decided = false; // nothing is stored until a saved draft has been restored or set aside
  var holding = false; // the answers hold what a draft may not, so the last good draft is kept
  var downloadUrl = null;

  /* ---------- the form's structure ---------- */

  /* The fields directly in a step, group or item, a folded group's among them (inside its
     details element). */
  function fieldsIn(container) {
    var found = [];
    Array.prototype.forEach.call(container.children, function (child) {
      if (child.hasAttribute("data-widget")) found.push(child);
      else if (child.hasAttribute("data-fold")) found = found.concat(fieldsIn(child));
    });
    return found;
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

  /* The questions as a tree, read once from the page: what each holds and its bounds. Paths
     inside a repeated group hold __i__ for the item's number. */
  function describe(field) {
    var widget = field.getAttribute("data-widget");
    var spec = { path: field.getAttribute("data-path"), widget: widget, children: [] };
    spec.key = spec.path.split("/").pop();
    if (widget === "group") {
      spec.children = fieldsIn(field).map(describe);
    } else if (widget === "repeat") {
      var item = field.querySelector("template[data-item-template]").content.querySelector("[data-item]");
      spec.children = fieldsIn(item).map(describe);
      spec.required = field.getAttribute("data-required") === "true";
      spec.maxItems = Number(field.getAttribute("data-max-items"));
    } else if (widget === "radios" || widget === "checkboxes" || widget === "select") {
      var inputs = widget === "select" ? Array.prototype.slice.call(field.querySelector("select").options) : controls(field);
      spec.choices = inputs.map(function (input) { return input.value; }).filter(Boolean);
    } else {
      spec.cap = Number(field.getAttribute("data-max-length"));
      if (field.hasAttribute("data-decimal-places")) {
        spec.limits = {
          maxDecimalPlaces: Number(field.getAttribute("data-decimal-places")),
          maxDigits: Number(field.getAttribute("data-max-digits")),
        };
      }
    }
    return spec;
  }

  var questions = [];
  steps.slice(0, finishStep - 1).forEach(function (step) { questions = questions.concat(fieldsIn(step).map(describe)); });

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  function concrete(path, indexes) {
    var at = 0;
    return path.replace(/__i__/g, function () { return String(indexes[at++]); });
  }

  function isCount(value, spec) {
    return Number.isInteger(value) && value >= 0 && value <= spec.maxItems;
  }

  /* How many items a repeated group has in `counts`: 0 where the count is missing or not a
     count this group can have (the check of a draft refuses those; this keeps walks bounded). */
  function countOf(counts, path, spec) {
    return has(counts, path) && isCount(counts[path], spec) ? counts[path] : 0;
  }

  /* visit(spec, path) for each question the form has with these item counts. */
  function eachQuestion(specs, counts, indexes, visit) {
    specs.forEach(function (spec) {
      var path = concrete(spec.path, indexes);
      visit(spec, path);
      if (spec.widget === "group") eachQuestion(spec.children, counts, indexes, visit);
      if (spec.widget === "repeat") {
        for (var n = 0, count = countOf(counts, path, spec); n < count; n++) {
          eachQuestion(spec.children, counts, indexes.concat([n]), visit);
        }
      }
    });
  }

  // The most a figure may have, for the writer: what the page's number fields allow.
  var figureLimits = { maxDecimalPlaces: 0, maxDigits: 1 };
  Array.prototype.forEach.call(form.querySelectorAll("[data-decimal-places]"), function (field) {
    figureLimits.maxDecimalPlaces = Math.max(figureLimits.maxDecimalPlaces, Number(field.getAttribute("data-decimal-places")));
    figureLimits.maxDigits = Math.max(figureLimits.maxDigits, Number(field.getAttribute("data-max-digits")));
  });

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

  /* Only ever given a state that passed draftProblem (or the form's own, from readState). */
  function applyState(state) {
    repeats().forEach(function (repeat) {
      var path = repeat.getAttribute("data-path");
      setItemCount(repeat, has(state.counts, path) ? state.counts[path] : 0);
    });
    leaves().forEach(function (field) {
      var path = field.getAttribute("data-path");
      if (has(state.values, path)) setRawValue(field, state.values[path]);
    });
    idEdited = state.idEdited;
    Array.prototype.forEach.call(form.querySelectorAll("details[data-fold]"), function (details) {
      if (!details.closest("template") && holdsAnswer(details)) details.open = true;
    });
  }

  /* A folded group holding an answer is shown open, so that nothing typed is out of sight. */
  function holdsAnswer(container) {
    return Array.prototype.some.call(container.querySelectorAll("input, select, textarea"), function (control) {
      if (control.type === "checkbox" || control.type === "radio") return control.checked;
      return control.value.trim() !== "";
    });
  }

  /* Opens every folded group around a field, so that a problem or a link to it is seen. */
  function unfold(field) {
    for (var details = field.closest("details"); details; details = details.parentElement.closest("details")) {
      details.open = true;
    }
  }

  /* The form never stores a draft it would refuse on reading it back: while an answer holds
     what a draft may not (a control character, a broken character, a text longer than the
     schema allows), the last good draft stays, and the reader is told, once. */
  function save() {
    if (!decided || !storageWorks || !touched) return;
    var state = readState();
    if (draftProblem(state)) {
      if (!holding) {
        holding = true;
        announce(
          "Your latest answers are not being kept in this browser: an answer is too long or holds a character " +
            "the file cannot take. Put it right and they will be kept again."
        );
      }
      return;
    }
    try {
      window.localStorage.setItem(STORE, JSON.stringify(state));
    } catch (error) {
      storageWorks = false;
      announce("Your browser is not keeping a draft of this form: download or copy the file before you leave.");
      return;
    }
    if (holding) {
      holding = false;
      announce("Your answers are kept in this browser again.");
    }
  }

  /* ---------- the draft: untrusted input ----------

     localStorage belongs to an origin, not to a site: on GitHub Pages every project site of the
     same owner (owner.github.io/any-project/) reads and writes the same storage, so any of them
     can plant a draft here. A saved draft is therefore read as untrusted input, and used whole
     or not at all. It must pass both checks, or it is removed and the reader told, with the form
     left empty:

     1. Its shape (draftShapeProblem): exactly the parts the form saves; version 1; step a whole
        number from 1 to the last step; idEdited true or false; each count that of a repeated
        group the form has, a whole number from 0 to that group's data-max-items; each value
        keyed by a path the form has with those counts, of the kind its widget holds (text, or a
        list of texts for ticks), a choice the field offers, at most twice the field's
        data-max-length in UTF-16 units (room for characters outside the BMP and for spaces the
        form trims), and free of the characters the schema refuses in any text and of lone
        surrogates.
     2. The case study it would make (draftSchemaProblem), made by the same code as the form's
        file and checked by the same Ajv validator. A draft is normally unfinished, so the
        schema's complaints about an unfinished or mistaken answer do not refuse it: a required
        field missing, a text too short, a date, an address or a figure not yet right, a word
        where a number goes, a choice the rules do not allow together. The reader sees those when
        moving on. What refuses it is what no state the form saves can hold: a text longer than
        the schema's maxLength, a list longer than its maxItems, a forbidden character, a field
        the schema does not have, a list or set of fields where a text or number goes.

     The second check needs the schema. Until it has loaded nothing is stored; if it cannot be
     loaded the draft is neither used nor removed (a reload can check it), and the reader told. */
  function isRecord(value) {
    return value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype;
  }

  function valueProblem(spec, value) {
    if (spec.widget === "checkboxes") {
      if (!Array.isArray(value) || value.length > spec.choices.length) return "ticks";
      var wrong = value.filter(function (choice, index) {
        return typeof choice !== "string" || spec.choices.indexOf(choice) === -1 || value.indexOf(choice) !== index;
      });
      return wrong.length ? "a tick not offered" : null;
    }
    if (typeof value !== "string") return "not text";
    if (spec.choices) return value === "" || spec.choices.indexOf(value) !== -1 ? null : "a choice not offered";
    if (!(value.length <= 2 * spec.cap)) return "too long";
    if (CaseFile.LONE_SURROGATE.test(value)) return "a lone surrogate";
    if (textRule && Messages.firstForbidden(value, textRule)) return "a forbidden character";
    return null;
  }

  function draftShapeProblem(state) {
    if (!isRecord(state)) return "not a set of fields";
    var keys = Object.keys(state);
    if (keys.length !== DRAFT_PARTS.length || keys.some(function (key) { return DRAFT_PARTS.indexOf(key) === -1; })) {
      return "parts";
    }
    if (state.version !== DRAFT_VERSION) return "version";
    if (!Number.isInteger(state.step) || state.step < 1 || state.step > finishStep) return "step";
    if (typeof state.idEdited !== "boolean") return "idEdited";
    if (!isRecord(state.counts) || !isRecord(state.values)) return "counts or values";
    var groups = new Map();
    var answers = new Map();
    eachQuestion(questions, state.counts, [], function (spec, path) {
      if (spec.widget === "repeat") groups.set(path, spec);
      else if (spec.widget !== "group") answers.set(path, spec);
    });
    var countKeys = Object.keys(state.counts);
    for (var i = 0; i < countKeys.length; i++) {
      var group = groups.get(countKeys[i]);
      if (!group || !isCount(state.counts[countKeys[i]], group)) return "count of " + countKeys[i];
    }
    var paths = Object.keys(state.values);
    for (var j = 0; j < paths.length; j++) {
      var spec = answers.get(paths[j]);
      var problem = spec ? valueProblem(spec, state.values[paths[j]]) : "unknown path";
      if (problem) return problem + " at " + paths[j];
    }
    return null;
  }

  function refusesDraft(error) {
    if (error.keyword === "maxLength" || error.keyword === "maxItems" || error.keyword === "additionalProperties") return true;
    if (error.keyword === "not") return Boolean(error.schema && typeof error.schema.pattern === "string"); // characters
    if (error.keyword === "type") return error.data !== null && typeof error.data === "object";
    return false;
  }

  function draftSchemaProblem(state) {
    validator(caseStudyOf(state));
    var refused = (validator.errors || []).filter(refusesDraft)[0];
    return refused ? refused.keyword + " at " + refused.instancePath : null;
  }

  /* Why a draft cannot be used, or null. Reading a draft back waits for the validator; saving
     one does not (without the schema, the form's own answers are kept on the shape check). */
  function draftProblem(state) {
    return draftShapeProblem(state) || (validator ? draftSchemaProblem(state) : null);
  }

  function storedDraft() {
    try {
      return window.localStorage.getItem(STORE);
    } catch (error) {
      return null; // storage is off: there is no draft, and save() finds out it cannot keep one
    }
  }

  function parsedDraft(text) {
    if (text.length > MAX_DRAFT) return undefined;
    try {
      return JSON.parse(text);
    } catch (error) {
      return undefined;
    }
  }

  function removeDraft() {
    try {
      window.localStorage.removeItem(STORE);
    } catch (error) {
      /* nothing kept */
    }
  }

  function notice(title, text) {
    var old = form.querySelector("[data-notice]");
    if (old) old.remove();
    var box = document.createElement("div");
    box.className = "admonition warning";
    box.setAttribute("data-notice", "");
    var heading = document.createElement("p");
    heading.className = "admonition-title";
    heading.textContent = title;
    var body = document.createElement("p");
    body.textContent = text;
    box.appendChild(heading);
    box.appendChild(body);
    errorBox.parentNode.insertBefore(box, errorBox);
    announce(text);
  }

  /* ---------- the case study the answers make ---------- */

  /* An answer as the case study holds it. A figure the validator's loader would refuse (too many
     digits) stays text here, so the schema check calls it text; fieldProblemsOf names why. */
  function typedValue(spec, raw) {
    if (spec.widget === "checkboxes") return raw.length ? raw.slice() : undefined;
    var text = String(raw).replace(/\r\n?/g, "\n").trim();
    if (text === "") return undefined;
    if (spec.widget === "lines") {
      var lines = text.split("\n").map(function (line) { return line.trim(); }).filter(Boolean);
      return lines.length ? lines : undefined;
    }
    if (spec.widget === "whole-number" || spec.widget === "year-or-word") {
      var digits = text.replace(/^[+-]/, "");
      return /^[0-9]+$/.test(digits) && digits.length <= spec.limits.maxDigits ? Number(text) : text;
    }
    if (spec.widget === "number") {
      var figure = CaseFile.readFigure(text, spec.limits);
      return figure && figure.value !== undefined ? figure.value : text;
    }
    return text;
  }

  function objectFrom(specs, state, indexes) {
    var result = {};
    specs.forEach(function (spec) {
      var value = valueFrom(spec, state, indexes);
      if (value !== undefined) result[spec.key] = value;
    });
    return result;
  }

  function valueFrom(spec, state, indexes) {
    var path = concrete(spec.path, indexes);
    if (spec.widget === "group") {
      var object = objectFrom(spec.children, state, indexes);
      return Object.keys(object).length ? object : undefined;
    }
    if (spec.widget === "repeat") {
      var items = [];
      for (var n = 0, count = countOf(state.counts, path, spec); n < count; n++) {
        var item = objectFrom(spec.children, state, indexes.concat([n]));
        if (Object.keys(item).length) items.push(item);
      }
      if (items.length) return items;
      return spec.required ? [] : undefined;
    }
    var raw = has(state.values, path) ? state.values[path] : spec.widget === "checkboxes" ? [] : "";
    return typedValue(spec, raw);
  }

  /* The case study a state of the form makes: the form's answers (readState) or a saved draft. */
  function caseStudyOf(state) {
    return objectFrom(questions, state, []);
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
    return CaseFile.yamlText(data, Libraries, todayIso(), figureLimits);
  }

  /* Today in UTC, the day the pull request's checks count by (their runners keep UTC): with the
     reader's own day, a contributor east of UTC was offered a file dated "in the future". */
  function todayIso() {
    return new Date().toISOString().slice(0, 10);
  }

  /* ---------- checking ---------- */

  /* One request at a time; after a failure the next call asks again. */
  function loadValidator() {
    if (validator) return Promise.resolve(validator);
    if (validatorLoading) return validatorLoading;
    if (!ruleData || typeof ruleData.ratings !== "object" || !Array.isArray(ruleData.outputs)) {
      return Promise.reject(new Error("the page carries no rules"));
    }
    validatorLoading = fetch(form.getAttribute("data-schema"))
      .then(function (response) {
        if (!response.ok) throw new Error("schema " + response.status);
        return response.json();
      })
      .then(function (schema) {
        var ajv = new Libraries.Ajv({ allErrors: true, verbose: true, strict: false });
        Libraries.addFormats(ajv, ["date"]);
        validator = ajv.compile(schema);
        var rule = ((schema.definitions || {}).textCharacters || {}).not;
        textRule = rule && typeof rule.pattern === "string" ? rule.pattern : null;
        return validator;
      });
    validatorLoading.catch(function () { validatorLoading = null; });
    return validatorLoading;
  }

  function problemAt(path, message, keyword) {
    var parts = path.split("/").map(function (part) { return /^(0|[1-9][0-9]*)$/.test(part) ? Number(part) : part; });
    return { path: parts, field: Messages.fieldPath(parts), keyword: keyword, message: message, hint: "" };
  }

  /* What the schema cannot say but the validator's loader refuses, named at the field: a broken
     character (half of a UTF-16 pair: libyaml refuses the file), and a figure with more digits
     after the point, or more digits in all, than the loader accepts. */
  function fieldProblemsOf(state) {
    var found = [];
    eachQuestion(questions, state.counts, [], function (spec, path) {
      var raw = has(state.values, path) ? state.values[path] : null;
      if (typeof raw !== "string") return;
      var index = 0;
      for (var character of raw) {
        index += 1;
        var code = character.codePointAt(0);
        if (code >= 0xd800 && code <= 0xdfff) {
          var where = Messages.escapeInvisible(character) + " at character " + index;
          found.push(problemAt(path, "contains a broken character (" + where + "): retype the text around it", "broken"));
          return;
        }
      }
      if (spec.widget !== "number" || raw.trim() === "") return;
      var figure = CaseFile.readFigure(raw.trim(), spec.limits);
      if (figure && figure.problem === "places") {
        found.push(problemAt(path, "has " + figure.count + " digits after the decimal point; give at most " +
          spec.limits.maxDecimalPlaces, "decimals"));
      } else if (figure && figure.problem === "digits") {
        found.push(problemAt(path, "has " + figure.count + " digits; give at most " + spec.limits.maxDigits, "digits"));
      }
    });
    return found;
  }

  function problemsOf(state) {
    var data = caseStudyOf(state);
    var own = fieldProblemsOf(state);
    var ownFields = own.map(function (problem) { return problem.field; });
    validator(data);
    var found = own.concat(Messages.problems(validator.errors || []).filter(function (problem) {
      return ownFields.indexOf(problem.field) === -1; // the field's own problem says more
    }));
    // The rules beyond the schema, where the field has no problem yet (the validator runs them
    // once the schema accepts the file; the form shows them as soon as they can be told).
    var context = { today: todayIso(), MarkdownIt: Libraries.MarkdownIt, outputs: ruleData.outputs, ratings: ruleData.ratings };
    var named = found.map(function (problem) { return problem.field; });
    Rules.ruleProblems(data, context).forEach(function (problem) {
      if (named.indexOf(problem.field) === -1) found.push(problem);
    });
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
    unfold(field);
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
        unfold(field); // a folded group the reader closed again opens to show the field
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

  /* A step's own problems. An outcome naming a source that is not given is told at the step
     that asks for the sources, not at the outcomes' step before it, when none is given yet. */
  function stepProblems(number, all) {
    var paths = topLevelPaths(number);
    return all.filter(function (problem) {
      if (problem.rule === "source-unknown") return number === sourcesStep;
      return paths.indexOf(String(problem.path[0])) !== -1;
    });
  }

  function stepNumberOf(property) {
    for (var number = 1; number < finishStep; number++) {
      if (topLevelPaths(number).indexOf(property) !== -1) return number;
    }
    return finishStep;
  }

  var sourcesStep = stepNumberOf("sources"); // the steps are fixed once the page is built

  function whenChecked(then) {
    loadValidator().then(then, function () {
      clearProblems();
      announce("The checks could not be loaded. Check your connection and try again; your answers are kept.");
    });
  }

  function next() {
    whenChecked(function () {
      var problems = stepProblems(current, problemsOf(readState()));
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
      var state = readState();
      var data = caseStudyOf(state);
      var problems = problemsOf(state);
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
    var email = form.querySelector("[data-email]");
    if (email) email.href = mailtoFor(email.getAttribute("data-email-to"), name, data);
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

  /* The editors' address (mkdocs.yml, extra.publication.email) with a subject and a message
     naming the file, for a contributor without a GitHub account. A mail link cannot carry an
     attachment, so the message asks for the downloaded file to be attached. */
  function mailtoFor(address, name, data) {
    var title = typeof data.title === "string" ? data.title : "";
    var body = "Hello,\n\nI would like to propose a case study" + (title ? ", \"" + title + "\"" : "") +
      ". The file " + name + ", made with the proposal form, is attached.\n\n(Attach the file you downloaded before you send this.)\n";
    return "mailto:" + address + "?subject=" + encodeURIComponent("Case study proposal: " + name) +
      "&body=" + encodeURIComponent(body);
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
    removeDraft();
    var shown = form.querySelector("[data-notice]");
    if (shown) shown.remove();
    holding = false;
    decided = true; // a draft that could not be checked is gone now too
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
      var repeat = button.closest("[data-widget=repeat]");
      var most = Number(repeat.getAttribute("data-max-items"));
      if (repeat.querySelector("[data-items]").children.length >= most) {
        announce(repeat.getAttribute("data-label") + ": the form takes at most " + most + ".");
        return;
      }
      touched = true;
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

  function ready() {
    form.setAttribute("data-ready", "");
  }

  function beginEmpty() {
    startFresh();
    showStep(1, false);
    decided = true;
    ready();
  }

  function restore(state) {
    applyState(state);
    showStep(state.step, false);
    touched = true;
    decided = true;
    ready();
    announce("Your draft has been restored.");
  }

  function setAside() {
    removeDraft();
    beginEmpty();
    notice("Saved draft removed", DRAFT_REMOVED);
  }

  var draftText = storedDraft();
  var draft = draftText === null ? undefined : parsedDraft(draftText);
  if (draftText === null) {
    beginEmpty();
  } else if (draft === undefined || draftShapeProblem(draft)) {
    setAside(); // no need to wait for the schema to refuse it
  } else {
    loadValidator().then(
      function () {
        if (draftProblem(draft)) setAside();
        else restore(draft);
      },
      function () {
        startFresh();
        showStep(1, false);
        ready(); // decided stays false: nothing the reader types replaces the draft
        notice(
          "Saved draft not restored",
          "Your saved draft could not be checked, because the form's checks did not load, so it is not shown. " +
            "It is kept: reload the page to try again. Until then, nothing you type here is kept."
        );
      }
    );
  }
  loadValidator().catch(function () { /* tried again when a step is checked */ });
})();
