// The proposal form (contributing/propose/): steps, checks, the draft and the file.
//
// The fields are in the page already, rendered from the JSON Schema by the generator
// (generator/render/proposal_form.py). This module:
// - shows one step at a time, and checks a step's answers against the same schema with Ajv
//   before moving on, in the words `practice validate` uses (messages.js);
// - keeps every keystroke in localStorage, so a reload or a closed tab loses nothing, and reads a
//   saved draft back as untrusted input (draft.js);
// - applies the validator's rules beyond the schema (dates in order, figures that agree with the
//   direction, a rating its evidence supports, ...: rules.js, in the validator's words), so that
//   it says "ready" only for a file `practice validate` accepts;
// - refuses at its field what the schema cannot say but `practice validate` refuses (answers.js,
//   fieldProblems);
// - at the end writes the case-study file as YAML 1.1 (file.js) and offers it (finish.js).
// Libraries: window.ProposalLibraries (assets/vendor/form-libraries.js, bundled from npm).
import { caseStudyOf, fieldProblems, has, slugify, todayIso } from "./answers.js";
import * as Draft from "./draft.js";
import { offer, wireSending } from "./finish.js";
import * as Fields from "./form-fields.js";
import { clearProblems, showProblems } from "./form-problems.js";
import { problems as schemaProblems } from "./messages.js";
import { ruleProblems } from "./rules.js";

const KEPT_NO_LONGER =
  "Your latest answers are not being kept in this browser: an answer is too long or holds a character " +
  "the file cannot take. Put it right and they will be kept again.";
const NOT_RESTORED =
  "Your saved draft could not be checked, because the form's checks did not load, so it is not shown. " +
  "It is kept: reload the page to try again. Until then, nothing you type here is kept.";
const TAKEN = "is already the id of a published case study; choose another (add the place or the years)";

/** Starts the form in the page; does nothing where the page has none or its libraries are missing. */
export function start(form, Libraries) {
  if (!form || !Libraries) return;
  let ruleData = null; // what the rules read from the taxonomy, written into the page by the generator
  try {
    ruleData = JSON.parse(form.getAttribute("data-rules") || "null");
  } catch {
    ruleData = null; // a page without it: the checks count as not loaded, and no file is offered
  }
  const steps = Array.from(form.querySelectorAll("[data-step]"));
  const finishStep = steps.length;
  const errorBox = form.querySelector("[data-errors]");
  const status = form.querySelector("[data-status]");
  const taken = (form.getAttribute("data-taken") || "").split(" ").filter(Boolean);
  const questions = steps.slice(0, finishStep - 1).flatMap((step) => Fields.fieldsIn(step).map(Fields.describe));
  const limits = Fields.figureLimits(form);
  const sourceChoices = document.createElement("datalist"); // the sources given, offered where one is named
  sourceChoices.id = "pf-source-ids";
  form.appendChild(sourceChoices);
  const draftForm = { questions, steps: finishStep, textRule: null }; // textRule: the schema's, once loaded
  let current = 1;
  let validator = null;
  let validatorLoading = null;
  let idEdited = false;
  let storageWorks = true;
  let touched = false; // nothing is stored until the reader answers something
  let decided = false; // nothing is stored until a saved draft has been restored or set aside
  let holding = false; // the answers hold what a draft may not, so the last good draft is kept

  const topLevelPaths = (number) => Fields.fieldsIn(steps[number - 1]).map((field) => field.getAttribute("data-path"));
  const stepOf = (element) => Number(element.closest("[data-step]")?.getAttribute("data-step") || 1);

  function announce(text) {
    status.textContent = "";
    window.setTimeout(() => {
      status.textContent = text;
    }, 50);
  }

  function readState() {
    const values = {};
    for (const field of Fields.leaves(form)) values[field.getAttribute("data-path")] = Fields.rawValue(field);
    const counts = {};
    for (const repeat of Fields.repeats(form)) {
      counts[repeat.getAttribute("data-path")] = repeat.querySelector("[data-items]").children.length;
    }
    return { version: Draft.VERSION, step: current, counts, values, idEdited };
  }

  /** Only ever given a state that passed draftProblem, or the form's own from readState. */
  function applyState(state) {
    for (const repeat of Fields.repeats(form)) {
      const path = repeat.getAttribute("data-path");
      Fields.setItemCount(repeat, has(state.counts, path) ? state.counts[path] : 0);
    }
    for (const field of Fields.leaves(form)) {
      const path = field.getAttribute("data-path");
      if (has(state.values, path)) Fields.setRawValue(field, state.values[path]);
    }
    idEdited = state.idEdited;
    Fields.offerSourceIds(form, sourceChoices, Fields.leaves(form)); // the items are made anew
    for (const details of form.querySelectorAll("details[data-fold]")) {
      if (!details.closest("template") && Fields.holdsAnswer(details)) details.open = true;
    }
  }

  /** Why a draft cannot be used, or null. Reading a draft back waits for the validator; saving
   *  one does not (without the schema, the form's own answers are kept on the shape check). */
  function draftProblem(state) {
    return Draft.shapeProblem(state, draftForm) || (validator ? Draft.schemaProblem(state, questions, validator) : null);
  }

  /** The form never stores a draft it would refuse on reading it back: while an answer holds what
   *  a draft may not, the last good draft stays, and the reader is told, once. */
  function save() {
    if (!decided || !storageWorks || !touched) return;
    const state = readState();
    if (draftProblem(state)) {
      if (!holding) announce(KEPT_NO_LONGER);
      holding = true;
      return;
    }
    try {
      window.localStorage.setItem(Draft.STORE, JSON.stringify(state));
    } catch {
      storageWorks = false;
      announce("Your browser is not keeping a draft of this form: download or copy the file before you leave.");
      return;
    }
    if (holding) announce("Your answers are kept in this browser again.");
    holding = false;
  }

  function storedDraft() {
    try {
      return window.localStorage.getItem(Draft.STORE);
    } catch {
      return null; // storage is off: there is no draft, and save() finds out it cannot keep one
    }
  }

  function removeDraft() {
    try {
      window.localStorage.removeItem(Draft.STORE);
    } catch {
      /* nothing kept */
    }
  }

  function notice(title, text) {
    form.querySelector("[data-notice]")?.remove();
    const box = document.createElement("div");
    box.className = "admonition warning";
    box.setAttribute("data-notice", "");
    const heading = document.createElement("p");
    heading.className = "admonition-title";
    heading.textContent = title;
    const body = document.createElement("p");
    body.textContent = text;
    box.append(heading, body);
    errorBox.parentNode.insertBefore(box, errorBox);
    announce(text);
  }

  /** One request at a time; after a failure the next call asks again. */
  function loadValidator() {
    if (validator) return Promise.resolve(validator);
    if (validatorLoading) return validatorLoading;
    if (!ruleData || typeof ruleData.ratings !== "object" || !Array.isArray(ruleData.outputs)) {
      return Promise.reject(new Error("the page carries no rules"));
    }
    validatorLoading = fetch(form.getAttribute("data-schema"))
      .then((response) => {
        if (!response.ok) throw new Error(`schema ${response.status}`);
        return response.json();
      })
      .then((schema) => {
        const ajv = new Libraries.Ajv({ allErrors: true, verbose: true, strict: false });
        Libraries.addFormats(ajv, ["date"]);
        validator = ajv.compile(schema);
        const rule = ((schema.definitions || {}).textCharacters || {}).not;
        draftForm.textRule = rule && typeof rule.pattern === "string" ? rule.pattern : null;
        return validator;
      });
    validatorLoading.catch(() => {
      validatorLoading = null;
    });
    return validatorLoading;
  }

  function problemsOf(state) {
    const data = caseStudyOf(questions, state);
    const own = fieldProblems(questions, state);
    const ownFields = own.map((problem) => problem.field);
    validator(data);
    // The field's own problem says more than the schema's about it.
    const found = [...own, ...schemaProblems(validator.errors || []).filter((p) => !ownFields.includes(p.field))];
    // The rules beyond the schema, where the field has no problem yet (the validator runs them
    // once the schema accepts the file; the form shows them as soon as they can be told).
    const context = { today: todayIso(), MarkdownIt: Libraries.MarkdownIt, outputs: ruleData.outputs, ratings: ruleData.ratings };
    const named = found.map((problem) => problem.field);
    found.push(...ruleProblems(data, context).filter((problem) => !named.includes(problem.field)));
    if (typeof data.id === "string" && taken.includes(data.id)) {
      found.push({ path: ["id"], field: "id", keyword: "taken", message: TAKEN, hint: "" });
    }
    return found;
  }

  const clear = () => clearProblems(form, errorBox);
  // The top of the form: the list of steps, then the problems or the step's heading, which has
  // the focus and stays in sight (a notice above it, or a zoomed page, can push it down).
  const toTop = () => {
    form.querySelector(".pf-progress").scrollIntoView({ block: "start" });
    document.activeElement?.scrollIntoView({ block: "nearest" });
  };
  const show = (problems) => {
    showProblems(form, errorBox, problems, { goTo: (field) => showStep(stepOf(field), false), announce });
    toTop();
  };

  function showStep(number, focusHeading) {
    current = Math.max(1, Math.min(number, finishStep));
    steps.forEach((step, index) => {
      step.hidden = index + 1 !== current;
    });
    for (const button of form.querySelectorAll("[data-goto]")) {
      if (Number(button.getAttribute("data-goto")) === current) button.setAttribute("aria-current", "step");
      else button.removeAttribute("aria-current");
    }
    if (current === finishStep) finish();
    Fields.offerSourceIds(form, sourceChoices, Fields.leaves(form));
    if (focusHeading) {
      steps[current - 1].querySelector("h2").focus({ preventScroll: true });
      toTop();
    }
    save();
  }

  /** A step's own problems: those of the fields it asks. */
  function stepProblems(number, all) {
    const paths = topLevelPaths(number);
    return all.filter((problem) => paths.includes(String(problem.path[0])));
  }

  function whenChecked(then) {
    loadValidator().then(then, () => {
      clear();
      announce("The checks could not be loaded. Check your connection and try again; your answers are kept.");
    });
  }

  function next() {
    whenChecked(() => {
      const problems = stepProblems(current, problemsOf(readState()));
      if (problems.length) {
        show(problems);
        return;
      }
      clear();
      showStep(current + 1, true);
    });
  }

  function finish() {
    const problemsBox = form.querySelector("[data-finish-problems]");
    const ready = form.querySelector("[data-finish-ready]");
    whenChecked(() => {
      const state = readState();
      const data = caseStudyOf(questions, state);
      const problems = problemsOf(state);
      if (problems.length) {
        ready.hidden = true;
        problemsBox.hidden = false;
        show(problems);
        return;
      }
      clear();
      problemsBox.hidden = true;
      offer(form, data, Libraries, limits);
      ready.hidden = false;
      announce("Your case study is ready to send.");
    });
  }

  function startFresh() {
    for (const repeat of Fields.repeats(form)) {
      if (repeat.getAttribute("data-required") === "true") Fields.setItemCount(repeat, 1);
    }
    for (const path of ["published", "last_reviewed", "evidence/rated_on"]) {
      const field = form.querySelector(`[data-path="${path}"]`);
      if (field && !Fields.controls(field)[0].value) Fields.controls(field)[0].value = todayIso();
    }
  }

  function resetAll() {
    if (!window.confirm("Delete every answer on this form and start again?")) return;
    removeDraft();
    form.querySelector("[data-notice]")?.remove();
    holding = false;
    decided = true; // a draft that could not be checked is gone now too
    form.reset();
    for (const repeat of Fields.repeats(form)) Fields.setItemCount(repeat, 0);
    idEdited = false;
    touched = false;
    startFresh();
    clear();
    showStep(1, true);
  }

  /** Removes an item of a repeated group; the answers of the items after it move up one. */
  function removeItem(item) {
    const repeat = item.closest("[data-widget=repeat]");
    const path = repeat.getAttribute("data-path");
    const index = Array.prototype.indexOf.call(item.parentElement.children, item);
    const state = readState();
    const values = {};
    for (const [key, value] of Object.entries(state.values)) {
      if (!key.startsWith(`${path}/`)) {
        values[key] = value;
        continue;
      }
      const rest = key.slice(path.length + 1).split("/");
      const at = Number(rest[0]);
      if (at === index) continue;
      rest[0] = String(at > index ? at - 1 : at);
      values[`${path}/${rest.join("/")}`] = value;
    }
    state.values = values;
    state.counts[path] -= 1;
    Fields.setItemCount(repeat, 0);
    applyState(state);
    save();
    const items = repeat.querySelector("[data-items]").children;
    Fields.focusable(items[Math.min(index, items.length - 1)] || repeat).focus();
    announce(`${repeat.getAttribute("data-label")}: item removed; ${items.length} left.`);
  }

  function addTo(repeat) {
    const most = Number(repeat.getAttribute("data-max-items"));
    if (repeat.querySelector("[data-items]").children.length >= most) {
      announce(`${repeat.getAttribute("data-label")}: the form takes at most ${most}.`);
      return;
    }
    touched = true;
    const item = Fields.addItem(repeat);
    Fields.offerSourceIds(form, sourceChoices, Fields.leaves(item));
    save();
    Fields.focusable(item).focus();
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (current < finishStep) next();
  });
  form.addEventListener("input", (event) => {
    touched = true;
    const field = event.target.closest("[data-widget]");
    if (field && field.getAttribute("data-path") === "id") idEdited = event.target.value !== "";
    if (field && field.getAttribute("data-path") === "title" && !idEdited) {
      Fields.controls(form.querySelector('[data-path="id"]'))[0].value = slugify(event.target.value);
    }
    save();
  });
  form.addEventListener("change", () => {
    touched = true;
    save();
  });
  wireSending(form);
  form.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button || !form.contains(button)) return;
    if (button.hasAttribute("data-add")) addTo(button.closest("[data-widget=repeat]"));
    else if (button.hasAttribute("data-remove")) removeItem(button.closest("[data-item]"));
    else if (button.hasAttribute("data-reset")) resetAll();
    else if (button.hasAttribute("data-back") || button.hasAttribute("data-goto")) {
      clear();
      showStep(button.hasAttribute("data-back") ? current - 1 : Number(button.getAttribute("data-goto")), true);
    }
  });

  function begin(state) {
    if (state) applyState(state);
    else startFresh();
    showStep(state ? state.step : 1, false);
    touched = Boolean(state);
    decided = true;
    form.setAttribute("data-ready", "");
    if (state) announce("Your draft has been restored.");
  }

  function setAside() {
    removeDraft();
    begin(null);
    notice("Saved draft removed", Draft.REMOVED);
  }

  const draftText = storedDraft();
  const draft = draftText === null ? undefined : Draft.parsedDraft(draftText);
  if (draftText === null) {
    begin(null);
  } else if (draft === undefined || Draft.shapeProblem(draft, draftForm)) {
    setAside(); // no need to wait for the schema to refuse it
  } else {
    loadValidator().then(
      () => (draftProblem(draft) ? setAside() : begin(draft)),
      () => {
        startFresh();
        showStep(1, false);
        form.setAttribute("data-ready", ""); // decided stays false: nothing the reader types replaces the draft
        notice("Saved draft not restored", NOT_RESTORED);
      },
    );
  }
  loadValidator().catch(() => {
    /* tried again when a step is checked */
  });
}
