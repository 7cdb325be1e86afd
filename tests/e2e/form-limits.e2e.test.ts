import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "#models/user.server";
import { signIn, startApp, type RunningApp } from "./harness";

/**
 * Every text field a person types into, on every form page the served
 * portal renders, says its limit as `maxlength`, so the browser stops at
 * the length the server accepts (and the server refuses, never cuts,
 * anything longer: tests/integration/bad-input.test.ts). Read from the
 * pages themselves, so a new field without a limit fails here.
 */
let app: RunningApp;
const cookies: Partial<Record<Role, string>> = {};

beforeAll(async () => {
  app = await startApp();
  for (const role of ["supplier", "procurement", "admin"] as const) cookies[role] = await signIn(app, role);
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

async function html(path: string, role?: Role): Promise<string> {
  const res = await fetch(`${app.baseUrl}${path}`, { headers: role ? { Cookie: cookies[role]! } : {} });
  expect(res.status, path).toBe(200);
  return res.text();
}

/** The first link on a page that matches, e.g. an assessment of the demo data. */
async function firstLink(path: string, role: Role, pattern: RegExp): Promise<string> {
  const found = (await html(path, role)).match(pattern);
  if (!found) throw new Error(`No link matching ${pattern} on ${path}`);
  return found[0];
}

/** Inputs that hold no free text, or whose length their format fixes. */
const NOT_FREE_TEXT = new Set(["hidden", "password", "date", "datetime-local", "number", "file", "checkbox", "radio"]);

/** Fields of a form (posting, or a search) that take typed text and give no maxlength. */
function textFields(page: string): { name: string; limited: boolean }[] {
  const out: { name: string; limited: boolean }[] = [];
  for (const [form] of page.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/gi)) {
    for (const [element] of form.matchAll(/<(?:input|textarea)\b[^>]*>/gi)) {
      const name = /\bname="([^"]+)"/.exec(element)?.[1];
      const type = (/\btype="([^"]+)"/.exec(element)?.[1] ?? "text").toLowerCase();
      // unnamed inputs are not sent (a search box that picks from a list); numeric ones are checked as numbers
      if (!name || NOT_FREE_TEXT.has(type) || /\binputmode="numeric"/i.test(element)) continue;
      out.push({ name, limited: /\bmaxlength="\d+"/i.test(element) });
    }
  }
  return out;
}

describe("every form's text fields", () => {
  it("state their limit as maxlength, on every form page of every role", async () => {
    const assessment = await firstLink(
      "/procurement/assessments",
      "procurement",
      /\/procurement\/assessments\/[0-9a-f]{24}/,
    );
    const agreement = await firstLink(
      "/procurement/agreements",
      "procurement",
      /\/procurement\/agreements\/[0-9a-f]{24}/,
    );
    const supplierAgreement = await firstLink("/supplier", "supplier", /\/supplier\/agreements\/[0-9a-f]{24}/);
    const supplier = await firstLink("/procurement/suppliers", "procurement", /\/procurement\/suppliers\/[0-9a-f]{24}/);
    const org = await firstLink("/admin/organisations", "admin", /\/admin\/organisations\/[0-9a-f]{24}/);
    const pages: [string, Role | undefined][] = [
      ["/login", undefined],
      ["/forgot-password", undefined],
      ["/account", "supplier"],
      ["/account/team", "supplier"],
      ["/supplier/certifications", "supplier"],
      ["/procurement", "procurement"],
      ["/supplier/incidents", "supplier"],
      [`${supplierAgreement}/subcontractors`, "supplier"],
      ["/procurement/agreements/new", "procurement"],
      [`${agreement}/edit`, "procurement"],
      [agreement, "procurement"],
      [`${agreement}/subcontractors`, "procurement"],
      ["/procurement/assessments/new", "procurement"],
      [assessment, "procurement"],
      ["/procurement/suppliers/new", "procurement"],
      [`${supplier}/edit`, "procurement"],
      ["/procurement/disclosing-parties/new", "procurement"],
      ["/admin/organisations/new", "admin"],
      [org, "admin"],
    ];
    const missing: string[] = [];
    let checked = 0;
    for (const [path, role] of pages)
      for (const field of textFields(await html(path, role))) {
        checked++;
        if (!field.limited) missing.push(`${path} ${field.name}`);
      }
    // the pages were read: the demo's forms have many text fields
    expect(checked).toBeGreaterThan(60);
    expect(missing).toEqual([]);
  }, 180_000);
});
