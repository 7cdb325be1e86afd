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
};
