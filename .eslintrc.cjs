/**
 * Layers point one way (docs/decisions/007-feature-folder-layout.md):
 * app/routes → app/features → models → app/scoring and questionnaires/;
 * app/lib is infrastructure, app/components shared UI, reports/ turns plain
 * data into PDFs. Each folder below names what it may not import.
 */
const layer = (...groups) => ({
  "@typescript-eslint/no-restricted-imports": [
    "error",
    {
      patterns: [
        // parent-relative paths would walk around the aliases the rules below check
        { group: ["../*"], message: "Import by alias (#app/…, #models/…), not by a parent-relative path." },
        { group: ["\\#tests/*"], message: "Production code never imports test code." },
        ...groups,
      ],
    },
  ],
});
const no = (group, message) => ({ group, message });

const TESTS = ["**/*.test.ts", "**/*.test.tsx"];

/** @type {import('eslint').Linter.Config} */
module.exports = {
  root: true,
  extends: ["@remix-run/eslint-config", "@remix-run/eslint-config/node"],
  ignorePatterns: ["node_modules", "build", "public/build", "data", "bin", "test-results", ".cache"],
  settings: {
    "import/resolver": { typescript: { alwaysTryTypes: true } },
  },
  rules: {
    "@typescript-eslint/consistent-type-imports": ["warn", { prefer: "type-imports", fixStyle: "inline-type-imports" }],
    "import/no-duplicates": ["warn", { "prefer-inline": true }],
  },
  overrides: [
    {
      files: ["app/routes/**"],
      excludedFiles: TESTS,
      rules: layer(
        no(["\\#models/*"], "Routes call a feature's use case (app/features/…), never the models."),
        no(["\\#scripts/*"], "Routes do not import scripts."),
      ),
    },
    {
      files: ["app/features/**"],
      excludedFiles: TESTS,
      rules: layer(
        no(["\\#app/routes/*"], "Features do not import routes."),
        no(["\\#scripts/*"], "Features do not import scripts."),
      ),
    },
    {
      files: ["app/components/**"],
      excludedFiles: TESTS,
      rules: layer(
        no(["\\#app/routes/*", "\\#app/features/*"], "Shared components sit below the features."),
        no(["\\#scripts/*"], "Components do not import scripts."),
      ),
    },
    {
      files: ["app/lib/**"],
      excludedFiles: TESTS,
      rules: layer(
        no(
          ["\\#app/*", "!\\#app/lib", "!\\#app/lib/*", "!\\#app/i18n", "!\\#app/i18n/*"],
          "app/lib is infrastructure: no routes, features or domain code (the message catalogue is shared).",
        ),
        no(["\\#scripts/*", "!\\#scripts/lib", "!\\#scripts/lib/*"], "app/lib may share only scripts/lib helpers."),
      ),
    },
    {
      files: ["app/i18n/**"],
      excludedFiles: TESTS,
      rules: layer(
        no(["\\#app/routes/*", "\\#app/features/*", "\\#app/components/*"], "The catalogue sits below every page."),
        no(["\\#scripts/*", "\\#models/*"], "The catalogue imports no models or scripts."),
      ),
    },
    {
      files: ["models/**"],
      excludedFiles: TESTS,
      rules: layer(
        no(
          ["\\#app/*", "!\\#app/scoring", "!\\#app/scoring/*"],
          "models/ imports nothing from app/ but the scoring engine.",
        ),
        no(["\\#reports/*", "\\#scripts/*"], "models/ sits below reports and scripts."),
      ),
    },
    {
      files: ["app/scoring/**"],
      excludedFiles: TESTS,
      rules: layer(
        no(["\\#app/*", "!\\#app/scoring", "!\\#app/scoring/*"], "The scoring engine is a pure leaf."),
        no(["\\#models/*", "\\#reports/*", "\\#scripts/*", "mongoose"], "The scoring engine is a pure leaf."),
      ),
    },
    {
      files: ["reports/**"],
      excludedFiles: TESTS,
      rules: layer(
        no(["\\#app/*", "!\\#app/scoring", "!\\#app/scoring/*"], "reports/ turns plain data into PDFs: no app code."),
        no(["\\#scripts/*", "mongoose"], "reports/ turns plain data into PDFs: no database."),
      ),
    },
    {
      files: ["questionnaires/**"],
      excludedFiles: TESTS,
      rules: layer(
        no(["\\#app/*", "\\#models/*", "\\#reports/*", "\\#scripts/*"], "questionnaires/ is data and its loader."),
      ),
    },
  ],
};
