import path from "node:path";
import ExcelJS from "exceljs";
import mongoose from "mongoose";
import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import type { Role } from "#models/user.server";
import { DEMO_ACCOUNTS, DEMO_AGREEMENT_REFERENCE } from "#scripts/demo/demo-data.server";
import type { SmtpFixture } from "#tests/fixtures/smtp";
import { signIn, type RunningApp } from "./harness";

/**
 * Every page of the portal, as each role sees it and signed out: every route
 * file that renders a page has its visits here (with real ids from the demo
 * data, forms with their errors shown, the agreement's tabs, the
 * questionnaire). The browser suites that walk every page (accessibility,
 * small screens) share it; the accessibility suite checks that it covers
 * every route file.
 */

export type Who = Role | "anonymous";

export interface World {
  agreementId: string;
  /** the demo assessments by supplier: Baltic Cloud's waits for its answers, Kestrel's is approved, Sakura's submitted */
  assessment: Record<"baltic" | "kestrel" | "sakura" | "meridian", string>;
  org: Record<"baltic" | "kestrel" | "sakura" | "helvion", string>;
  /** an answer in the demo supplier's (Baltic Cloud's) profile, copied from Kestrel's by loadWorld */
  profileAnswer: string;
  /** the SHA-256 of the approval report of Kestrel's assessment */
  reportHash: string;
  /** links the portal mailed, each to a page that needs a live token */
  links: { invite: string; welcome: string; reset: string };
  /** an audit of Baltic Cloud by procurement under the demo agreement, completed with one open finding (added by loadWorld) */
  audit: string;
}

export interface Visit {
  who: Who;
  path: (w: World) => string;
  /** what this visit shows beyond the page as it opens (a tab, a form's errors) */
  shows?: string;
  /** the HTTP status of the page (200 unless said) */
  status?: number;
  /** brings the page into the state to check */
  then?: (page: Page, w: World) => Promise<void>;
}

/** Not a page: the route answers with data, a file or a redirect. */
export interface NotAPage {
  notAPage: string;
}

const roles = (who: Who[], visit: Omit<Visit, "who">): Visit[] => who.map((w) => ({ ...visit, who: w }));
export const SIGNED_IN: Role[] = ["supplier", "procurement", "discloser", "admin"];
const TABS = ["chain", "reassessments", "lifecycle", "terms", "reports"] as const;

/** The form's own checks off, then the button pressed: the server's errors appear beside the fields. */
async function submitEmpty(page: Page, button: string | RegExp) {
  const submit = page.getByRole("button", { name: button, exact: typeof button === "string" }).first();
  await submit.evaluate((b) => {
    const form = (b as HTMLButtonElement).form;
    if (form) form.noValidate = true;
  });
  await submit.click();
  await page.locator(".field-errors, .form-error, [role='alert']").first().waitFor();
}

/** The page's workbook, downloaded, changed with exceljs as a person would in a spreadsheet, and uploaded through the page's form. */
async function uploadEditedWorkbook(page: Page, edit: (row: ExcelJS.Row) => boolean) {
  const response = await page
    .context()
    .request.get(new URL(`${new URL(page.url()).pathname}.xlsx?lang=en`, page.url()).href);
  expect(response.status()).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await response.body()) as unknown as ExcelJS.Buffer);
  let edited = false;
  book.worksheets[0].eachRow((row, n) => {
    if (n > 1 && !edited) edited = edit(row);
  });
  expect(edited).toBe(true);
  await page.locator("#workbook-file").setInputFiles({
    name: "answers.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from(await book.xlsx.writeBuffer()),
  });
  await page.getByRole("button", { name: "Upload and check" }).click();
}

async function fill(page: Page, label: string, value: string) {
  await page.getByLabel(label, { exact: true }).fill(value);
}

export const PAGES: Record<string, Visit[] | NotAPage> = {
  "_index.tsx": { notAPage: "redirects to the role's dashboard or to sign in" },
  "_portal.tsx": { notAPage: "the frame (navigation, main landmark) of every signed-in page below" },
  "_portal.$role.agreements.$id.audit.tsx": [
    { who: "procurement", path: (w) => `/procurement/agreements/${w.agreementId}/audit` },
    { who: "discloser", path: (w) => `/discloser/agreements/${w.agreementId}/audit` },
  ],
  "_portal.account.tsx": [
    ...roles(SIGNED_IN, { path: () => "/account" }),
    {
      who: "supplier",
      path: () => "/account",
      shows: "a refused password change",
      then: async (page) => {
        await fill(page, "Current password", "not my password");
        await submitEmpty(page, "Change password");
      },
    },
  ],
  "_portal.account_.team.tsx": roles(SIGNED_IN, { path: () => "/account/team" }),
  "_portal.account_.team_.api-tokens.tsx": roles(SIGNED_IN, { path: () => "/account/team/api-tokens" }),
  "_portal.account_.team_.webhooks.tsx": roles(SIGNED_IN, { path: () => "/account/team/webhooks" }),
  "_portal.account_.team_.sso.tsx": [
    ...roles(SIGNED_IN, { path: () => "/account/team/sso" }),
    {
      who: "procurement",
      path: () => "/account/team/sso",
      shows: "the form's errors",
      then: (page) => submitEmpty(page, "Save settings"),
    },
  ],
  "_portal.admin._index.tsx": [{ who: "admin", path: () => "/admin" }],
  "_portal.admin.audit.tsx": [{ who: "admin", path: () => "/admin/audit" }],
  "_portal.admin.organisations.$id.tsx": [{ who: "admin", path: (w) => `/admin/organisations/${w.org.baltic}` }],
  "_portal.admin.organisations._index.tsx": [{ who: "admin", path: () => "/admin/organisations" }],
  "_portal.admin.organisations.new.tsx": [
    { who: "admin", path: () => "/admin/organisations/new" },
    {
      who: "admin",
      path: () => "/admin/organisations/new",
      shows: "the form's errors",
      then: (page) => submitEmpty(page, "Create organisation"),
    },
  ],
  "_portal.admin.outbox.tsx": [{ who: "admin", path: () => "/admin/outbox" }],
  "_portal.admin.questionnaires._index.tsx": [{ who: "admin", path: () => "/admin/questionnaires" }],
  "_portal.admin.questionnaires.import.tsx": [
    { who: "admin", path: () => "/admin/questionnaires/import" },
    {
      who: "admin",
      path: () => "/admin/questionnaires/import",
      shows: "an imported SurveyJS file's findings and preview",
      then: async (page) => {
        await page
          .getByLabel("File", { exact: true })
          .setInputFiles(path.join(import.meta.dirname, "../../questionnaires/import/fixtures/supplier-surveyjs.json"));
        await page.getByRole("button", { name: "Import and preview" }).click();
        await page.locator(".survey-preview .sd-root-modern").first().waitFor();
      },
    },
  ],
  "_portal.admin.users.tsx": [{ who: "admin", path: () => "/admin/users" }],
  "_portal.bench-floor.tsx": [
    // the benchmark's page is off outside the benchmark: this is the portal's not-found page
    { who: "procurement", path: () => "/bench-floor", status: 404, shows: "the not-found page" },
  ],
  "_portal.discloser._index.tsx": [{ who: "discloser", path: () => "/discloser" }],
  "_portal.discloser.agreements.$id.tsx": [
    { who: "discloser", path: (w) => `/discloser/agreements/${w.agreementId}`, shows: "the compliance matrix" },
    ...TABS.map(
      (tab): Visit => ({ who: "discloser", path: (w) => `/discloser/agreements/${w.agreementId}?tab=${tab}` }),
    ),
  ],
  "_portal.procurement._index.tsx": [
    { who: "procurement", path: () => "/procurement" },
    { who: "procurement", path: () => "/procurement?sort=supplier&dir=desc" },
    { who: "procurement", path: () => "/procurement?q=nobody", shows: "no assessment matching" },
  ],
  "_portal.procurement.agreements.$id._index.tsx": [
    { who: "procurement", path: (w) => `/procurement/agreements/${w.agreementId}`, shows: "the compliance matrix" },
    ...TABS.map(
      (tab): Visit => ({ who: "procurement", path: (w) => `/procurement/agreements/${w.agreementId}?tab=${tab}` }),
    ),
  ],
  "_portal.procurement.agreements.$id.edit.tsx": [
    { who: "procurement", path: (w) => `/procurement/agreements/${w.agreementId}/edit` },
  ],
  "_portal.procurement.agreements.$id.subcontractors.tsx": [
    { who: "procurement", path: (w) => `/procurement/agreements/${w.agreementId}/subcontractors` },
  ],
  "_portal.procurement.agreements._index.tsx": [{ who: "procurement", path: () => "/procurement/agreements" }],
  "_portal.procurement.agreements.new.tsx": [
    { who: "procurement", path: () => "/procurement/agreements/new" },
    {
      who: "procurement",
      path: () => "/procurement/agreements/new",
      shows: "the form's errors",
      then: (page) => submitEmpty(page, /^(Create|Save) (the )?agreement/),
    },
  ],
  "_portal.procurement.assessments.$id.audit.tsx": [
    { who: "procurement", path: (w) => `/procurement/assessments/${w.assessment.kestrel}/audit` },
  ],
  "_portal.procurement.assessments.$id.tsx": [
    { who: "procurement", path: (w) => `/procurement/assessments/${w.assessment.sakura}`, shows: "waiting for review" },
    { who: "procurement", path: (w) => `/procurement/assessments/${w.assessment.kestrel}`, shows: "approved" },
    { who: "procurement", path: (w) => `/procurement/assessments/${w.assessment.meridian}`, shows: "half answered" },
  ],
  "_portal.procurement.assessments._index.tsx": [{ who: "procurement", path: () => "/procurement/assessments" }],
  "_portal.procurement.assessments.new.tsx": [
    { who: "procurement", path: () => "/procurement/assessments/new" },
    {
      who: "procurement",
      path: () => "/procurement/assessments/new",
      shows: "the form's errors",
      then: (page) => submitEmpty(page, "Send questionnaire"),
    },
  ],
  "_portal.procurement.disclosing-parties.$id.edit.tsx": [
    { who: "procurement", path: (w) => `/procurement/disclosing-parties/${w.org.helvion}/edit` },
  ],
  "_portal.procurement.disclosing-parties._index.tsx": [
    { who: "procurement", path: () => "/procurement/disclosing-parties" },
  ],
  "_portal.procurement.disclosing-parties.new.tsx": [
    { who: "procurement", path: () => "/procurement/disclosing-parties/new" },
    {
      who: "procurement",
      path: () => "/procurement/disclosing-parties/new",
      shows: "the form's errors",
      then: (page) => submitEmpty(page, /^Add /),
    },
  ],
  "_portal.procurement.reassessments.tsx": [{ who: "procurement", path: () => "/procurement/reassessments" }],
  "_portal.procurement.suppliers.$id.edit.tsx": [
    { who: "procurement", path: (w) => `/procurement/suppliers/${w.org.kestrel}/edit` },
  ],
  // Kestrel shares its whole profile with the demo recipient; Sakura shares nothing: the page saying so
  "_portal.procurement.suppliers.$id.profile.tsx": [
    { who: "procurement", path: (w) => `/procurement/suppliers/${w.org.kestrel}/profile`, shows: "a shared profile" },
    { who: "procurement", path: (w) => `/procurement/suppliers/${w.org.sakura}/profile`, shows: "nothing shared" },
  ],
  "_portal.procurement.suppliers._index.tsx": [{ who: "procurement", path: () => "/procurement/suppliers" }],
  "_portal.procurement.suppliers.import.tsx": [
    { who: "procurement", path: () => "/procurement/suppliers/import" },
    {
      who: "procurement",
      path: () => "/procurement/suppliers/import",
      shows: "a preview with a refused row",
      then: async (page) => {
        await page.getByLabel("CSV file", { exact: true }).setInputFiles({
          name: "suppliers.csv",
          mimeType: "text/csv",
          buffer: Buffer.from(
            "name,country,registration_number,contact_email,service\nAurora Pentest Oy,FI,,,\n,XX,,,\n",
          ),
        });
        await page.getByRole("button", { name: "Upload and preview" }).click();
        await page.getByRole("heading", { name: "Preview of suppliers.csv" }).waitFor();
      },
    },
  ],
  "_portal.procurement.suppliers.new.tsx": [
    { who: "procurement", path: () => "/procurement/suppliers/new" },
    {
      who: "procurement",
      path: () => "/procurement/suppliers/new",
      shows: "the form's errors",
      then: (page) => submitEmpty(page, /^Add /),
    },
  ],
  "_portal.supplier._index.tsx": [{ who: "supplier", path: () => "/supplier" }],
  "_portal.supplier.agreements.$id.subcontractors.tsx": [
    { who: "supplier", path: (w) => `/supplier/agreements/${w.agreementId}/subcontractors` },
  ],
  "_portal.supplier.assessments.$id.tsx": [
    {
      who: "supplier",
      path: (w) => `/supplier/assessments/${w.assessment.baltic}`,
      shows: "the questionnaire",
      then: async (page) => {
        await page.locator("[data-testid='questionnaire'][data-ready='true']").waitFor();
      },
    },
    {
      who: "supplier",
      path: (w) => `/supplier/assessments/${w.assessment.baltic}`,
      shows: "the questionnaire's errors for unanswered required questions",
      then: async (page) => {
        await page.locator("[data-testid='questionnaire'][data-ready='true']").waitFor();
        // SurveyJS checks the answers when the last page is submitted, and shows the first page with an error
        const next = page.getByRole("button", { name: "Next", exact: true });
        while (await next.isVisible()) await next.click();
        await page.getByRole("button", { name: "Submit questionnaire" }).click();
        await page.locator(".sd-question__erbox").first().waitFor();
      },
    },
  ],
  "_portal.supplier.assessments.$id_.workbook.tsx": [
    { who: "supplier", path: (w) => `/supplier/assessments/${w.assessment.baltic}/workbook` },
    {
      who: "supplier",
      path: (w) => `/supplier/assessments/${w.assessment.baltic}/workbook`,
      shows: "the differences of an uploaded workbook, to apply or discard",
      then: async (page) => {
        await uploadEditedWorkbook(page, (row) => {
          if (row.getCell(1).text !== "orgLegalName") return false;
          row.getCell(7).value = "Baltic Cloud Services (edited offline)";
          return true;
        });
        await page.locator("[data-testid='workbook-diff']").waitFor();
      },
    },
    {
      who: "supplier",
      path: (w) => `/supplier/assessments/${w.assessment.baltic}/workbook`,
      shows: "the rows of an uploaded workbook that are wrong",
      then: async (page) => {
        await uploadEditedWorkbook(page, (row) => {
          if (!row.getCell(4).text.startsWith("Yes or No")) return false;
          row.getCell(7).value = "Maybe";
          return true;
        });
        await page.locator("[data-testid='workbook-row-errors']").waitFor();
      },
    },
  ],
  "_portal.supplier.certifications.tsx": [{ who: "supplier", path: () => "/supplier/certifications" }],
  "_portal.supplier.profile_.sharing.tsx": [
    { who: "supplier", path: () => "/supplier/profile/sharing" },
    {
      who: "supplier",
      path: () => "/supplier/profile/sharing",
      shows: "the form's errors",
      then: (page) => submitEmpty(page, "Share"),
    },
    {
      who: "supplier",
      path: () => "/supplier/profile/sharing",
      shows: "a grant made",
      then: async (page) => {
        await page.getByLabel("Customer", { exact: true }).selectOption({ index: 1 });
        await page.getByLabel("Only the sections chosen below").check();
        await page.getByLabel("Encryption", { exact: true }).check();
        await fill(page, "Access until (inclusive)", new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
        await page.getByRole("button", { name: "Share", exact: true }).click();
        await page.getByText("can now read your profile").waitFor();
      },
    },
  ],
  "_portal.supplier.profile.tsx": [{ who: "supplier", path: () => "/supplier/profile" }],
  "_portal.supplier.profile_.$answerId.tsx": [
    {
      who: "supplier",
      path: (w) => `/supplier/profile/${encodeURIComponent(w.profileAnswer)}`,
      shows: "the answer's question as a survey, and its history",
      then: async (page) => {
        await page.locator(".profile-editor[data-ready='true'] .sd-question").first().waitFor();
      },
    },
  ],
  "_portal.supplier.evidence.tsx": [
    { who: "supplier", path: () => "/supplier/evidence" },
    {
      who: "supplier",
      path: () => "/supplier/evidence",
      shows: "an upload nothing uses",
      then: async (page, w) => {
        // uploaded from the page, as the questionnaire does, and never put in an answer
        const status = await page.evaluate(async (url) => {
          const form = new FormData();
          form.append(
            "file",
            new Blob(["Incident response plan, draft 1\n"], { type: "text/plain" }),
            "plan-draft.txt",
          );
          return (await fetch(url, { method: "POST", body: form })).status;
        }, `/api/assessments/${w.assessment.baltic}/evidence`);
        expect(status).toBe(200);
        await page.reload();
        await page.getByRole("button", { name: "Delete" }).first().waitFor();
      },
    },
  ],
  "_portal.supplier.incidents.tsx": [
    { who: "supplier", path: () => "/supplier/incidents" },
    {
      who: "supplier",
      path: () => "/supplier/incidents",
      shows: "the form's errors",
      then: (page) => submitEmpty(page, "Report the incident"),
    },
  ],
  "api.assessments.$id.answers.tsx": { notAPage: "the questionnaire's autosave (JSON)" },
  "api.assessments.$id.evidence.tsx": { notAPage: "evidence uploads (JSON)" },
  "api.v1.agreements._index.tsx": { notAPage: "the REST API (JSON)" },
  "api.v1.agreements.$id.suppliers.tsx": { notAPage: "the REST API (JSON)" },
  "api.v1.agreements.$id.assessments.tsx": { notAPage: "the REST API (JSON)" },
  "api.v1.assessments.$id.tsx": { notAPage: "the REST API (JSON)" },
  "api.v1.assessments._index.tsx": { notAPage: "the REST API (JSON)" },
  "api.v1.reports._index.tsx": { notAPage: "the REST API (JSON)" },
  "api.v1.incidents._index.tsx": { notAPage: "the REST API (JSON)" },
  "api.v1.questionnaires._index.tsx": { notAPage: "the REST API (JSON)" },
  "api.v1.suppliers._index.tsx": { notAPage: "the REST API (JSON)" },
  "api.v1.suppliers.$id.tsx": { notAPage: "the REST API (JSON)" },
  "api.v1.certificates._index.tsx": { notAPage: "the REST API (JSON)" },
  "api.v1.reports.$id.pdf.tsx": { notAPage: "the REST API (a PDF download)" },
  "api.v1.reports.verify.tsx": { notAPage: "the REST API (JSON)" },
  "api.v1.openapi[.json].tsx": { notAPage: "the API's OpenAPI document (JSON)" },
  "api.v1.docs.tsx": roles(["anonymous", "procurement"], { path: () => "/api/v1/docs" }),
  "evidence.$id.tsx": { notAPage: "an evidence file" },
  "supplier.assessments.$id.workbook[.xlsx].tsx": { notAPage: "the questionnaire as an XLSX workbook" },
  "forgot-password.tsx": [
    { who: "anonymous", path: () => "/forgot-password" },
    {
      who: "anonymous",
      path: () => "/forgot-password",
      shows: "the form's errors",
      then: (page) => submitEmpty(page, "Send me a link"),
    },
  ],
  "invite.$token.tsx": [
    { who: "anonymous", path: (w) => new URL(w.links.invite).pathname, shows: "setting up an account" },
    {
      who: "anonymous",
      path: (w) => new URL(w.links.invite).pathname,
      shows: "the set-up form's errors",
      then: async (page) => {
        await fill(page, "Choose a password", "a very long passphrase");
        await fill(page, "Repeat the password", "another long passphrase");
        await submitEmpty(page, /^Create account/);
      },
    },
    { who: "anonymous", path: () => "/invite/no-such-invitation", shows: "a dead link" },
  ],
  "login.tsx": [
    { who: "anonymous", path: () => "/login" },
    {
      who: "anonymous",
      path: () => "/login",
      shows: "a refused sign-in",
      then: async (page) => {
        await fill(page, "E-mail", "supplier@flowdown.test");
        await fill(page, "Password", "not the password");
        await submitEmpty(page, "Sign in");
      },
    },
    {
      who: "anonymous",
      path: () => "/login",
      shows: "an address no organisation signs in with through single sign-on",
      then: async (page) => {
        await fill(page, "E-mail", "someone@no-sso.example");
        await submitEmpty(page, "Use your organisation's single sign-on");
      },
    },
  ],
  "auth.oidc.go.tsx": [
    // with a sign-in in progress it moves on to the provider at once; without one it says so
    { who: "anonymous", path: () => "/auth/oidc/go", shows: "no sign-in in progress", status: 400 },
  ],
  "auth.oidc.callback.tsx": [
    {
      who: "anonymous",
      path: () => "/auth/oidc/callback?error=access_denied",
      shows: "a sign-in cancelled at the provider",
      status: 400,
    },
  ],
  "language.tsx": { notAPage: "the language menu's form: keeps the choice and goes back" },
  "logout.tsx": { notAPage: "signs out and redirects" },
  "procurement.agreements.$id.contacts.tsx": { notAPage: "an action of the agreement page" },
  "procurement.assessments.new.preview.tsx": { notAPage: "the send form's preview (JSON)" },
  "procurement.assessments[.csv].tsx": { notAPage: "a CSV file" },
  "procurement.assessments.$id.workbook[.xlsx].tsx": { notAPage: "the questionnaire as an XLSX workbook" },
  "procurement.directory.tsx": { notAPage: "an action of the agreement form" },
  "reports.$id.tsx": { notAPage: "a PDF file" },
  "reset-password.$token.tsx": [
    { who: "anonymous", path: (w) => new URL(w.links.reset).pathname },
    {
      who: "anonymous",
      path: (w) => new URL(w.links.reset).pathname,
      shows: "the form's errors",
      then: async (page) => {
        await page.getByLabel("New password", { exact: true }).fill("short");
        await submitEmpty(page, "Set the new password");
      },
    },
    { who: "anonymous", path: () => "/reset-password/no-such-link", status: 410, shows: "a dead link" },
  ],
  "verify.tsx": [
    { who: "anonymous", path: () => "/verify" },
    { who: "anonymous", path: (w) => `/verify?sha256=${w.reportHash}`, shows: "an authentic report" },
    { who: "anonymous", path: () => "/verify?sha256=not-a-hash", shows: "the form's errors" },
  ],
  "welcome.$token.tsx": [
    { who: "anonymous", path: (w) => new URL(w.links.welcome).pathname },
    {
      who: "anonymous",
      path: (w) => new URL(w.links.welcome).pathname,
      shows: "the form's errors",
      then: async (page) => {
        await fill(page, "Choose a password", "a very long passphrase");
        await fill(page, "Repeat the password", "another long passphrase");
        await submitEmpty(page, "Create my account");
      },
    },
    { who: "anonymous", path: () => "/welcome/no-such-link", status: 404, shows: "a dead link" },
  ],
  // compelled disclosure (issue 23)
  "_portal.supplier.legal-demands.tsx": [
    { who: "supplier", path: () => "/supplier/legal-demands" },
    {
      who: "supplier",
      path: () => "/supplier/legal-demands",
      shows: "the form's errors",
      then: (page) => submitEmpty(page, "Report the demand"),
    },
  ],
  // return or destroy (issue 23); the demo data has no request, so its certify page is visited as a 404
  "_portal.procurement.agreements.$id.milestones.tsx": [
    { who: "procurement", path: (w) => `/procurement/agreements/${w.agreementId}/milestones` },
    {
      who: "procurement",
      path: (w) => `/procurement/agreements/${w.agreementId}/milestones`,
      shows: "the end form's errors (not confirmed: nothing is recorded)",
      then: (page) => submitEmpty(page, "Record the end"),
    },
  ],
  "_portal.supplier.returns._index.tsx": [{ who: "supplier", path: () => "/supplier/returns" }],
  "_portal.supplier.returns.$requestId.tsx": [
    {
      who: "supplier",
      path: (w) => `/supplier/returns/${encodeURIComponent(`${w.agreementId}:end:${w.org.baltic}`)}`,
      shows: "a request that does not exist",
      status: 404,
    },
  ],
  "destruction-certificates.$requestId.tsx": { notAPage: "a certificate of destruction file" },
  "_portal.$role.agreements.$id.audits.tsx": [
    { who: "procurement", path: (w) => `/procurement/agreements/${w.agreementId}/audits` },
    { who: "discloser", path: (w) => `/discloser/agreements/${w.agreementId}/audits` },
    {
      who: "procurement",
      path: (w) => `/procurement/agreements/${w.agreementId}/audits`,
      shows: "the form's errors",
      then: (page) => submitEmpty(page, "Schedule the audit"),
    },
  ],
  "_portal.$role.agreements.$id.audits_.$auditId.tsx": [
    { who: "procurement", path: (w) => `/procurement/agreements/${w.agreementId}/audits/${w.audit}` },
    { who: "discloser", path: (w) => `/discloser/agreements/${w.agreementId}/audits/${w.audit}` },
    {
      who: "procurement",
      path: (w) => `/procurement/agreements/${w.agreementId}/audits/${w.audit}`,
      shows: "the finding form's errors",
      then: (page) => submitEmpty(page, "Add the finding"),
    },
  ],
  "_portal.supplier.audits.tsx": [
    { who: "supplier", path: () => "/supplier/audits" },
    {
      who: "supplier",
      path: () => "/supplier/audits",
      shows: "the answer form's errors",
      then: async (page) => {
        await page.getByLabel("What you did").first().fill("");
        await submitEmpty(page, "Send the answer");
      },
    },
  ],
};

/**
 * The demo data has no audits: one of Baltic Cloud by procurement, completed
 * with one open finding, for the audit pages to show (kept when the world is
 * loaded again).
 */
async function demoAudit(conn: mongoose.Connection, agreement: Record<string, unknown>, supplier: string) {
  const audits = conn.collection("supplieraudits");
  const supplierOrgId = new mongoose.Types.ObjectId(supplier);
  const existing = await audits.findOne({ agreementId: agreement._id, supplierOrgId, seq: 1 });
  if (existing) return String(existing._id);
  const procurement = (await conn
    .collection("users")
    .findOne({ orgId: agreement.recipientOrgId, role: "procurement" }))!;
  const at = new Date();
  const today = at.toISOString().substring(0, 10);
  const { insertedId } = await audits.insertOne({
    agreementId: agreement._id,
    seq: 1,
    supplierOrgId,
    recipientOrgId: agreement.recipientOrgId,
    discloserOrgId: agreement.discloserOrgId,
    auditorOrgId: agreement.recipientOrgId,
    auditorRole: "procurement",
    noticeGivenOn: today,
    scheduledFor: today,
    scope: "Access control and backups of the hosting platform",
    afterIncidentId: null,
    status: "completed",
    outcome: "findings",
    summary: "One gap in the backups' encryption.",
    completedOn: today,
    scheduledById: procurement._id,
    scheduledByName: String(procurement.name),
    recordedById: procurement._id,
    createdAt: at,
    updatedAt: at,
  });
  const requirements = agreement.requirements as { requirementId: string }[];
  await conn.collection("auditfindings").insertOne({
    auditId: insertedId,
    agreementId: agreement._id,
    supplierOrgId,
    recipientOrgId: agreement.recipientOrgId,
    discloserOrgId: agreement.discloserOrgId,
    requirementId: requirements[0].requirementId,
    severity: "minor",
    description: "Backups of the staging database are not encrypted.",
    dueDate: "2099-01-01",
    status: "open",
    response: "",
    respondedAt: null,
    closedOn: null,
    closedById: null,
    closingNote: "",
    createdAt: at,
    updatedAt: at,
  });
  return String(insertedId);
}

/**
 * The demo supplier's organisation has not submitted anything, so its profile
 * is empty: one of Kestrel's kept answers (its minimum TLS version) becomes
 * Baltic Cloud's, as if edited on its profile, for the profile pages to show.
 */
async function copyProfileAnswer(conn: mongoose.Connection, from: string, to: string): Promise<string> {
  const answers = conn.collection<Record<string, unknown> & { _id: string }>("profileanswers");
  const source = (await answers.findOne({ orgId: new mongoose.Types.ObjectId(from), name: "tlsMinimum" }))!;
  const { _id: _kestrels, ...fields } = source;
  const id = `${to}:${String(source.name)}:${String(source.version)}`;
  const at = new Date();
  const by = { userId: null, name: "Liis Tamm" };
  const kept = { kind: "profile", assessmentId: null };
  await answers.updateOne(
    { _id: id },
    {
      $setOnInsert: {
        ...fields,
        orgId: new mongoose.Types.ObjectId(to),
        confirmedAt: at,
        confirmedBy: by,
        source: kept,
        revision: 0,
      },
    },
    { upsert: true },
  );
  const changes = conn.collection("profilechanges");
  if (!(await changes.findOne({ answerId: id })))
    await changes.insertOne({
      orgId: new mongoose.Types.ObjectId(to),
      answerId: id,
      name: source.name,
      value: source.value,
      previous: null,
      kind: "changed",
      at,
      by,
      source: kept,
    });
  return id;
}

/** The demo data's ids that the visits need (the mailed links are added by `mailedLinks`). */
export async function loadWorld(mongoUri: string): Promise<World> {
  const world = {} as World;
  const conn = await mongoose.createConnection(mongoUri).asPromise();
  try {
    const orgId = async (slug: string) => String((await conn.collection("organizations").findOne({ slug }))!._id);
    world.org = {
      baltic: await orgId("baltic-cloud"),
      kestrel: await orgId("kestrel-secure-dev"),
      sakura: await orgId("sakura-data"),
      helvion: await orgId("helvion-robotics"),
    };
    const agreement = await conn.collection("agreements").findOne({ reference: DEMO_AGREEMENT_REFERENCE });
    world.agreementId = String(agreement!._id);
    const assessmentOf = async (slug: string) =>
      String(
        (await conn
          .collection("assessments")
          .findOne({ agreementId: agreement!._id, supplierOrgId: new mongoose.Types.ObjectId(await orgId(slug)) }))!
          ._id,
      );
    world.assessment = {
      baltic: await assessmentOf("baltic-cloud"),
      kestrel: await assessmentOf("kestrel-secure-dev"),
      sakura: await assessmentOf("sakura-data"),
      meridian: await assessmentOf("meridian-qa"),
    };
    const report = await conn
      .collection("reports")
      .findOne({ kind: "assessment", targetId: new mongoose.Types.ObjectId(world.assessment.kestrel) });
    world.reportHash = String(report!.sha256);
    world.profileAnswer = await copyProfileAnswer(conn, world.org.kestrel, world.org.baltic);
    world.audit = await demoAudit(conn, agreement!, world.org.baltic);
  } finally {
    await conn.close();
  }
  return world;
}

/** Links to the pages that need a live token, mailed by the portal as it would mail a person. */
export async function mailedLinks(
  portal: { app: RunningApp; browser: Browser; smtp: SmtpFixture },
  world: Pick<World, "org">,
): Promise<World["links"]> {
  const context = await portal.browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(45_000);
  try {
    // a questionnaire to a new contact: an invitation
    await signIn(portal.app, "procurement", page);
    await page.goto(`${portal.app.baseUrl}/procurement/assessments/new`);
    await page.getByLabel("Agreement").selectOption({ index: 1 });
    await page.getByLabel("Supplier in its chain").selectOption({ label: "Kestrel Secure Development GmbH (tier 1)" });
    await page.getByLabel("Questionnaire").selectOption("short-low-risk");
    await page.getByLabel("Recipients' e-mail addresses").fill("a11y.invite@kestrel.example");
    await page.getByRole("button", { name: "Send questionnaire" }).click();
    await page.getByText("Questionnaire sent.").waitFor();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/login/);
    // an administrator's invitation: a welcome link
    await signIn(portal.app, "admin", page);
    await page.goto(`${portal.app.baseUrl}/admin/organisations/${world.org.baltic}`);
    await page.getByLabel("E-mail").fill("a11y.welcome@baltic-cloud.example");
    await page.getByRole("button", { name: "Send invitation" }).click();
    await page.getByText("Invitation sent.").waitFor();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/login/);
    // a forgotten password: a reset link
    await page.goto(`${portal.app.baseUrl}/forgot-password`);
    await page.getByRole("heading", { name: "Forgotten password" }).waitFor();
    await page.getByLabel("E-mail").fill(DEMO_ACCOUNTS.find((a) => a.role === "discloser")!.email);
    await page.getByRole("button", { name: "Send me a link" }).click();
    await page.getByText("If an account exists for that address, we have sent a link").waitFor();
  } finally {
    await context.close();
  }
  const link = async (to: string, pattern: RegExp) => {
    const mail = await portal.smtp.waitForMessage((m) => m.envelopeTo.includes(to) && pattern.test(m.text));
    return pattern.exec(mail.text)![0];
  };
  return {
    invite: await link("a11y.invite@kestrel.example", /https?:\/\/\S+\/invite\/[A-Za-z0-9_-]{43}/),
    welcome: await link("a11y.welcome@baltic-cloud.example", /https?:\/\/\S+\/welcome\/[A-Za-z0-9_-]{43}/),
    reset: await link(
      DEMO_ACCOUNTS.find((a) => a.role === "discloser")!.email,
      /https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]{43}/,
    ),
  };
}

/** The page as a person would meet it: loaded, hydrated (its buttons work), and no transition running. */
export async function settle(page: Page) {
  await page.waitForLoadState("load");
  // React marks the elements it has hydrated; a form sent before then would be a plain document post
  await page.waitForFunction(() => Object.keys(document.body).some((k) => k.startsWith("__react")));
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
}

export function visitsOf(who: Who): { route: string; visit: Visit }[] {
  return Object.entries(PAGES).flatMap(([route, entry]) =>
    "notAPage" in entry ? [] : entry.filter((v) => v.who === who).map((visit) => ({ route, visit })),
  );
}

/**
 * Opens each page of one role in `page`, in order, brings it into the state
 * its visit describes, and hands it to `check` with its description
 * ("role url (what it shows) [route file]"). A page that cannot be brought
 * into that state goes to `stuck` instead, which may throw to end the walk.
 */
export async function visitEach(
  page: Page,
  who: Who,
  at: { baseUrl: string; world: World },
  check: (where: string) => Promise<void>,
  stuck: (where: string, error: Error) => Promise<void>,
): Promise<void> {
  // a page the server rendered can still break once its script runs (then it shows the error page, which
  // passes every other check): an uncaught error in the browser fails the visit
  const thrown: string[] = [];
  const onError = (error: Error) => {
    if (!/ResizeObserver loop/.test(error.message)) thrown.push(error.message);
  };
  page.on("pageerror", onError);
  try {
    for (const { route, visit } of visitsOf(who)) {
      const url = visit.path(at.world);
      const where = `${who} ${url}${visit.shows ? ` (${visit.shows})` : ""} [${route}]`;
      thrown.length = 0;
      const response = await page.goto(`${at.baseUrl}${url}`);
      expect(response?.status(), where).toBe(visit.status ?? 200);
      try {
        await settle(page);
        if (visit.then) {
          await visit.then(page, at.world);
          await settle(page);
        }
      } catch (error) {
        await stuck(where, error as Error);
        continue;
      }
      expect(thrown, `${where} threw in the browser`).toEqual([]);
      await check(where);
    }
  } finally {
    page.off("pageerror", onError);
  }
}
