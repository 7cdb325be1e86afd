import { createElement, type FunctionComponent } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { IntlProvider } from "react-intl";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { CertificationFields } from "#app/features/evidence/certification-fields";
import { CERTIFICATION_LIMITS, CertificationSchema } from "#app/features/evidence/certification-input";
import { OrganizationFields } from "#app/features/directory/organization-fields";
import { DiscloserInputSchema, LIMITS, SupplierInputSchema } from "#app/features/directory/organization-input";
import { NewPasswordFields } from "#app/features/accounts/token-link-page";
import { messagesFor as catalogueIn, say } from "#app/i18n/messages.server";
import { sayIssue } from "./forms.server";
import { runInLocale } from "./locale-scope.server";
import { abbreviate, formatCount, limitedText, tooLongMessage } from "./text-limits";

/** name → maxlength of every input and textarea a form renders */
function maxLengths(html: string): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [element] of html.matchAll(/<(input|textarea)\b[^>]*>/g)) {
    const name = /\bname="([^"]+)"/.exec(element)?.[1];
    const type = /\btype="([^"]+)"/.exec(element)?.[1] ?? "text";
    if (!name || ["hidden", "date", "file", "checkbox", "radio"].includes(type)) continue;
    const max = /\bmaxLength="(\d+)"/i.exec(element)?.[1];
    out[name] = max ? Number(max) : null;
  }
  return out;
}

function render<P extends object>(component: FunctionComponent<P>, props: P): string {
  // components say their words through the catalogue: render them in English
  return renderToStaticMarkup(
    createElement(IntlProvider, { locale: "en", messages: catalogueIn("en") }, createElement(component, props)),
  );
}

/** The schema's verdict on `field` alone: its messages when `value` is put into an otherwise empty form. */
function messagesFor(schema: z.ZodType, field: string, value: string): string[] {
  const parsed = schema.safeParse({ [field]: value });
  return parsed.success ? [] : parsed.error.issues.filter((i) => i.path[0] === field).map((i) => sayIssue(i));
}

/** Each field stops in the browser where its schema starts to refuse: the same number drives both. */
function expectFormMatchesSchema(html: string, schema: z.ZodType, limits: Record<string, number>) {
  const rendered = maxLengths(html);
  for (const [field, max] of Object.entries(limits)) {
    expect(rendered[field], `${field}: maxlength`).toBe(max);
    const atLimit = messagesFor(schema, field, "a".repeat(max));
    expect(
      atLimit.filter((m) => /at most/i.test(m)),
      `${field} at its limit`,
    ).toEqual([]);
    const over = messagesFor(schema, field, "a".repeat(max + 1));
    expect(over.join(" "), `${field} over its limit`).toMatch(
      new RegExp(`at most ${formatCount(max)} characters`, "i"),
    );
  }
}

describe("text limits", () => {
  it("say the limit and what was entered, with thousands separated", () => {
    expect(tooLongMessage("Scope", 2000, 2143)).toBe("Scope is at most 2,000 characters (you entered 2,143)");
    const parsed = limitedText("Scope", 2000).safeParse("x".repeat(2143));
    expect(parsed.success ? [] : parsed.error.issues.map((i) => say(i.message))).toEqual([
      "Scope is at most 2,000 characters (you entered 2,143)",
    ]);
    // in the reader's language, with the language's own separators; the field's label stands beside it
    expect(parsed.success ? [] : runInLocale("de", () => parsed.error.issues.map((i) => say(i.message)))).toEqual([
      "Höchstens 2.000 Zeichen (Sie haben 2.143 eingegeben)",
    ]);
  });

  it("refuse, never cut: a value at the limit comes back whole, trimmed only", () => {
    const value = "é".repeat(2000);
    expect(limitedText("Scope", 2000).parse(`  ${value}  `)).toBe(value);
  });

  it("shorten text only for display, and show it", () => {
    expect(abbreviate("short", 10)).toBe("short");
    expect(abbreviate("a".repeat(50), 10)).toBe(`${"a".repeat(9)}…`);
  });
});

describe("a form's fields and its schema share their limits", () => {
  it("the certificate form", () => {
    const html = render(CertificationFields, { values: {}, errors: {} });
    expectFormMatchesSchema(html, CertificationSchema, CERTIFICATION_LIMITS);
    // the scope says its limit in the form
    expect(html).toContain("at most 2,000 characters");
  });

  it("the supplier and disclosing-party forms", () => {
    expectFormMatchesSchema(
      render(OrganizationFields, { kind: "supplier", values: {}, errors: {} }),
      SupplierInputSchema,
      {
        name: LIMITS.name,
        registrationNumber: LIMITS.registrationNumber,
        contactEmail: LIMITS.contactEmail,
        service: LIMITS.service,
      },
    );
    expectFormMatchesSchema(
      render(OrganizationFields, { kind: "discloser", values: {}, errors: {} }),
      DiscloserInputSchema,
      { name: LIMITS.name, legalName: LIMITS.legalName, registrationNumber: LIMITS.registrationNumber },
    );
  });

  it("password fields have no maxlength: a browser would cut a longer pasted password unseen", () => {
    const html = render(NewPasswordFields, { errors: {}, label: "Password", repeatLabel: "Repeat" });
    expect(maxLengths(html)).toEqual({ password: null, confirm: null });
  });
});
