// ESLint for the front-end source tree (frontend/) and the Node scripts (scripts/*.mjs).
// The bundles in docs/assets/ are built from frontend/ and not linted again.
import js from "@eslint/js";
import globals from "globals";

export default [
  {
    ignores: ["docs/**", "site/**", "node_modules/**", ".venv/**", "tests/**", "benchmarks/**", "site_overrides/**"],
  },
  js.configs.recommended,
  {
    files: ["frontend/**/*.js"],
    languageOptions: { ecmaVersion: 2025, sourceType: "module", globals: { ...globals.browser } },
  },
  {
    files: ["frontend/**/*.test.js", "scripts/**/*.mjs"],
    languageOptions: { ecmaVersion: 2025, sourceType: "module", globals: { ...globals.node } },
  },
];
