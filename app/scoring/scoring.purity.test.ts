/** The engine must stay pure: no database, no files, no clock, no randomness. */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const folder = fileURLToPath(new URL(".", import.meta.url));
const engineFiles = readdirSync(folder).filter(
  (file) => file.endsWith(".ts") && !file.endsWith(".test.ts") && !file.startsWith("test-"),
);

const forbidden: [string, RegExp][] = [
  ["mongoose", /from\s+["']mongoose["']|require\(["']mongoose["']\)/],
  ["file system", /from\s+["'](node:)?fs(\/promises)?["']/],
  ["the clock", /Date\.now\(|new Date\(\s*\)|performance\.now\(/],
  ["randomness", /Math\.random\(|crypto\.random/],
  ["the environment", /process\.env/],
];

describe("the scoring engine is pure", () => {
  it("has engine files to check", () => {
    expect(engineFiles).toEqual(
      expect.arrayContaining(["assessment.ts", "rules.ts", "chain.ts", "phases.ts", "risk.ts"]),
    );
  });

  it.each(engineFiles)("%s uses no database, file system, clock, randomness or environment", (file) => {
    const source = readFileSync(`${folder}${file}`, "utf8");
    for (const [what, pattern] of forbidden) expect(pattern.test(source), `${file} uses ${what}`).toBe(false);
  });
});
