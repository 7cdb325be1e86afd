import axe from "axe-core";
import type { Page } from "playwright-core";

/** What axe-core reports about one rule on one page (the part of its result a reader acts on). */
export interface AxeFinding {
  rule: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string; summary: string }[];
}

export interface AxeReport {
  /** rules that failed */
  violations: AxeFinding[];
  /** rules axe could not decide and asks a person to review (colour contrast over images, gradients, overlaps) */
  incomplete: AxeFinding[];
}

/** The impacts that fail the check: what stops or seriously hinders someone using a keyboard or a screen reader. */
export const BLOCKING_IMPACTS: readonly string[] = ["serious", "critical"];

/**
 * Runs axe-core over the whole page as it is now (all of axe's rules but the
 * experimental ones: WCAG 2.0 to 2.2 A and AA, and its best practices).
 * The script goes in through the DevTools protocol, which the page's
 * Content-Security-Policy does not govern, so the page is checked as served.
 */
export async function runAxe(page: Page): Promise<AxeReport> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
  const results = await page.evaluate(async () => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    return run(document, { resultTypes: ["violations", "incomplete"] });
  });
  const finding = (r: axe.Result): AxeFinding => ({
    rule: r.id,
    impact: r.impact ?? null,
    help: r.help,
    helpUrl: r.helpUrl,
    nodes: r.nodes.map((n) => ({
      target: n.target.map((t) => (Array.isArray(t) ? t.join(" >> ") : String(t))).join(" >> "),
      summary: (n.failureSummary ?? n.any.map((c) => c.message).join("; ")).replace(/\s+/g, " ").trim(),
    })),
  });
  return { violations: results.violations.map(finding), incomplete: results.incomplete.map(finding) };
}

/** The violations that fail the check, written so that a failure says what to fix, where, and where to read about it. */
export function blockingViolations(where: string, report: AxeReport): string[] {
  return report.violations
    .filter((v) => v.impact !== null && BLOCKING_IMPACTS.includes(v.impact))
    .map(
      (v) =>
        `${where}: ${v.rule} (${v.impact}) ${v.help}\n  ${v.helpUrl}\n` +
        v.nodes.map((n) => `  - ${n.target}: ${n.summary}`).join("\n"),
    );
}
