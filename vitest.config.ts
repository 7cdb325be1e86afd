import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    // both projects extend this: the custom matchers (toBeRefused, toRedirectTo, …) everywhere
    setupFiles: ["tests/helpers/matchers.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: [
            "tests/unit/**/*.test.ts",
            "app/**/*.test.ts",
            "questionnaires/**/*.test.ts",
            "reports/**/*.test.ts",
            "models/**/*.test.ts",
          ],
          environment: "node",
          // rendering and reading back PDFs takes seconds on a busy two-core CI machine; these are not speed tests
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts", "tests/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/setup/global-db.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
