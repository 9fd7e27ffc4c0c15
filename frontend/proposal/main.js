// The proposal form's bundle (docs/assets/proposal-form.js): starts the form where the page has
// one, with the libraries bundled from npm (window.ProposalLibraries, loaded before it). The
// form's checks and its file writer are exported too, as the bundle's global ProposalForm, so
// that the Python tests run the very code the page runs (tests/site/test_form_rules.py,
// test_proposal_messages.py, test_proposal_yaml.py).
import { start } from "./form.js";

export { problems } from "./messages.js";
export { ruleProblems } from "./rules.js";
export { readFigure, yamlText } from "./file.js";

if (typeof document !== "undefined") start(document.querySelector("[data-proposal]"), window.ProposalLibraries);
