// The proposal form's fields in the page: the questions they ask, the answers they hold, and
// the repeated groups' items. The fields are rendered from the JSON Schema by the generator
// (generator/render/proposal_form.py); each has data-widget and data-path.

/** The fields directly in a step, group or item, a folded group's among them (inside its
 *  details element). */
export function fieldsIn(container) {
  const found = [];
  for (const child of container.children) {
    if (child.hasAttribute("data-widget")) found.push(child);
    else if (child.hasAttribute("data-fold")) found.push(...fieldsIn(child));
  }
  return found;
}

export function controls(field) {
  return Array.from(field.querySelectorAll("input, select, textarea"));
}

/** The question a field asks, as a spec (see answers.js), read once from the page. */
export function describe(field) {
  const widget = field.getAttribute("data-widget");
  const spec = { path: field.getAttribute("data-path"), widget, children: [] };
  spec.key = spec.path.split("/").pop();
  if (widget === "group") {
    spec.children = fieldsIn(field).map(describe);
  } else if (widget === "repeat") {
    const item = field.querySelector("template[data-item-template]").content.querySelector("[data-item]");
    spec.children = fieldsIn(item).map(describe);
    spec.required = field.getAttribute("data-required") === "true";
    spec.maxItems = Number(field.getAttribute("data-max-items"));
  } else if (widget === "radios" || widget === "checkboxes" || widget === "select") {
    const inputs = widget === "select" ? Array.from(field.querySelector("select").options) : controls(field);
    spec.choices = inputs.map((input) => input.value).filter(Boolean);
  } else {
    spec.cap = Number(field.getAttribute("data-max-length"));
    if (field.hasAttribute("data-decimal-places")) spec.limits = limitsOf(field);
  }
  return spec;
}

function limitsOf(field) {
  return {
    maxDecimalPlaces: Number(field.getAttribute("data-decimal-places")),
    maxDigits: Number(field.getAttribute("data-max-digits")),
  };
}

/** The most a figure may have anywhere in the form, for the file's writer. */
export function figureLimits(form) {
  const limits = { maxDecimalPlaces: 0, maxDigits: 1 };
  for (const field of form.querySelectorAll("[data-decimal-places]")) {
    const own = limitsOf(field);
    limits.maxDecimalPlaces = Math.max(limits.maxDecimalPlaces, own.maxDecimalPlaces);
    limits.maxDigits = Math.max(limits.maxDigits, own.maxDigits);
  }
  return limits;
}

export function rawValue(field) {
  const widget = field.getAttribute("data-widget");
  const inputs = controls(field);
  if (widget === "checkboxes") return inputs.filter((input) => input.checked).map((input) => input.value);
  if (widget === "radios") {
    const chosen = inputs.find((input) => input.checked);
    return chosen ? chosen.value : "";
  }
  return inputs[0].value;
}

export function setRawValue(field, value) {
  const widget = field.getAttribute("data-widget");
  const inputs = controls(field);
  if (widget === "checkboxes" || widget === "radios") {
    const wanted = Array.isArray(value) ? value : [value];
    for (const input of inputs) input.checked = wanted.includes(input.value);
  } else if (typeof value === "string") {
    inputs[0].value = value;
  }
}

/** Every field that holds an answer, outside the repeated groups' templates. */
export function leaves(form) {
  return Array.from(form.querySelectorAll("[data-widget]")).filter((field) => {
    const widget = field.getAttribute("data-widget");
    return widget !== "group" && widget !== "repeat" && !field.closest("template");
  });
}

export function repeats(form) {
  return Array.from(form.querySelectorAll("[data-widget=repeat]"));
}

export function addItem(repeat) {
  const items = repeat.querySelector("[data-items]");
  const index = items.children.length;
  const template = repeat.querySelector("template[data-item-template]");
  const holder = document.createElement("template");
  holder.innerHTML = template.innerHTML.replace(/__i__/g, String(index)).replace(/__n__/g, String(index + 1));
  items.appendChild(holder.content);
  return items.lastElementChild;
}

export function setItemCount(repeat, count) {
  const items = repeat.querySelector("[data-items]");
  while (items.children.length > count) items.removeChild(items.lastElementChild);
  while (items.children.length < count) addItem(repeat);
}

/** Whether a folded group holds an answer: it is then shown open, so nothing typed is out of sight. */
export function holdsAnswer(container) {
  return Array.from(container.querySelectorAll("input, select, textarea")).some((control) =>
    control.type === "checkbox" || control.type === "radio" ? control.checked : control.value.trim() !== "",
  );
}

/** Opens every folded group around a field, so that a problem or a link to it is seen. */
export function unfold(field) {
  for (let details = field.closest("details"); details; details = details.parentElement.closest("details")) {
    details.open = true;
  }
}

export function focusable(field) {
  return field.querySelector("input, select, textarea, button[data-add]") || field;
}

/** The field a problem's path names, or the nearest field around it. */
export function fieldFor(form, path) {
  for (let length = path.length; length > 0; length--) {
    const key = path.slice(0, length).join("/");
    const field = form.querySelector(`[data-path="${CSS.escape(key)}"]`);
    if (field && !field.closest("template")) return field;
  }
  return null;
}

/** "Outcome 2, Before, Figure": the field's label after those of the groups around it. */
export function labelOf(form, field) {
  const labels = [field.getAttribute("data-label")];
  for (let node = field.parentElement; node && node !== form; node = node.parentElement) {
    if (node.hasAttribute("data-item")) labels.unshift(node.querySelector("legend").textContent.trim());
    else if (node.getAttribute("data-widget") === "group") labels.unshift(node.getAttribute("data-label"));
  }
  return labels.join(", ");
}

// The field that names one of the file's sources by its id (an outcome's; a cost's "source" is
// free text, who estimated the amount), and a source's id.
const NAMES_A_SOURCE = /^outcomes\/[0-9]+\/source$/;
const A_SOURCE_ID = /^sources\/[0-9]+\/id$/;

/** Offers the ids of the sources given (asked in the step before the results) as choices in
 *  each of `fields` that names a source; the reader may still type one. */
export function offerSourceIds(form, datalist, fields) {
  const ids = sourceIdsIn(form);
  datalist.replaceChildren(...ids.map((id) => new Option(id)));
  for (const field of fields) {
    if (NAMES_A_SOURCE.test(field.getAttribute("data-path") || "")) controls(field)[0].setAttribute("list", datalist.id);
  }
}

function sourceIdsIn(form) {
  const ids = leaves(form)
    .filter((field) => A_SOURCE_ID.test(field.getAttribute("data-path")))
    .map((field) => rawValue(field).trim())
    .filter(Boolean);
  return [...new Set(ids)];
}
