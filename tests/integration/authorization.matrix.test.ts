import fs from "node:fs";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { createUser, sessionCookie } from "#tests/fixtures/factories";
import { createAssessmentWorld } from "#tests/fixtures/assessments";
import { collectionSnapshot, outcomeOf, routeModules, type Outcome } from "#tests/fixtures/routes";
import { keepProfileAnswers } from "#tests/fixtures/profile-answers";

/**
 * Every loader and action of every route file, for every role, a user of
 * another organisation and an anonymous visitor, through the same security
 * layer server.ts puts around the served build. A route file without a
 * policy here fails the first test: a new route must say who may use it.
 */
setupTestDatabase();

const { secureRouteModule, CROSS_SITE_MESSAGE } = await import("#app/lib/security.server");
const { action: discloserAgreementAction } = await import("#app/routes/_portal.discloser.agreements.$id");
const { action: evidenceUpload } = await import("#app/routes/api.assessments.$id.evidence");
const { ReportRecord } = await import("#models/report.server");
const { Attempt } = await import("#models/attempt.server");
const { User } = await import("#models/user.server");
const { SupplierAudit } = await import("#models/supplier-audit.server");

const ACTORS = [
  "anonymous",
  "supplier",
  "procurement",
  "discloser",
  "admin",
  "otherSupplier",
  "otherProcurement",
  "otherDiscloser",
] as const;
type Actor = (typeof ACTORS)[number];
type Expect = Partial<Record<Actor, Outcome>> & { rest: Outcome };

interface World {
  /** the supplier's organisation (its user is a team administrator, as is the other supplier's) */
  orgId: string;
  assessmentId: string;
  agreementId: string;
  evidenceId: string;
  reportId: string;
  /** a supplier and a disclosing party in org A's directory */
  supplierId: string;
  discloserId: string;
  /** an answer in the supplier's profile */
  profileAnswerId: string;
  /** an audit of the supplier by org A's procurement under the agreement */
  auditId: string;
}
interface Case {
  url: (w: World, actor: Actor) => string;
  params: (w: World, actor: Actor) => Record<string, string>;
  loader?: Expect;
  /** the action gets a form that passes authorisation but not validation (or does nothing harmful) */
  action?: Expect & { body?: Record<string, string> | string; contentType?: string };
}

const signedIn = (o: Outcome): Expect => ({ anonymous: "login", rest: o });
const only = (allowed: Partial<Record<Actor, Outcome>>, denied: Outcome = 403): Expect => ({
  anonymous: "login",
  ...allowed,
  rest: denied,
});
const none = () => ({});

/** Who may use what: one entry per route file (several cases where a URL parameter changes the answer). */
export const POLICIES: Record<string, Case[]> = {
  "_index.tsx": [{ url: () => "/", params: none, loader: { anonymous: "login", rest: "redirect" } }],
  "_portal.tsx": [{ url: () => "/supplier", params: none, loader: signedIn("ok") }],
  "_portal.account.tsx": [
    {
      url: () => "/account",
      params: none,
      loader: signedIn("ok"),
      action: { ...signedIn(400), body: { intent: "change-password" } },
    },
  ],
  // an organisation's team: its team administrators only (the supplier and the other supplier are)
  "_portal.account_.team.tsx": [
    {
      url: () => "/account/team",
      params: none,
      loader: only({ supplier: "ok", otherSupplier: "ok" }),
      action: { ...only({ supplier: 400, otherSupplier: 400 }), body: { intent: "nothing" } },
    },
  ],
  // the organisation's API tokens: its team administrators only
  "_portal.account_.team_.api-tokens.tsx": [
    {
      url: () => "/account/team/api-tokens",
      params: none,
      loader: only({ supplier: "ok", otherSupplier: "ok" }),
      action: { ...only({ supplier: 400, otherSupplier: 400 }), body: { intent: "nothing" } },
    },
  ],
  // the organisation's webhooks and their delivery log: its team administrators only
  "_portal.account_.team_.webhooks.tsx": [
    {
      url: () => "/account/team/webhooks",
      params: none,
      loader: only({ supplier: "ok", otherSupplier: "ok" }),
      action: { ...only({ supplier: 400, otherSupplier: 400 }), body: { intent: "nothing" } },
    },
  ],
  // the organisation's single sign-on settings: its team administrators only
  "_portal.account_.team_.sso.tsx": [
    {
      url: () => "/account/team/sso",
      params: none,
      loader: only({ supplier: "ok", otherSupplier: "ok" }),
      action: { ...only({ supplier: 400, otherSupplier: 400 }), body: { intent: "nothing" } },
    },
  ],
  // the identity provider's redirect back: without a sign-in started in this browser, a clear refusal for anyone
  // the hop to the identity provider: a browser that started no sign-in is told so, whoever it is
  "auth.oidc.go.tsx": [{ url: () => "/auth/oidc/go", params: none, loader: { rest: 400 } }],
  "auth.oidc.callback.tsx": [
    { url: () => "/auth/oidc/callback?code=x&state=y", params: none, loader: { rest: 400 } },
    { url: () => "/auth/oidc/callback?error=access_denied", params: none, loader: { rest: 400 } },
  ],
  "_portal.$role.agreements.$id.audit.tsx": [
    {
      url: (w) => `/procurement/agreements/${w.agreementId}/audit`,
      params: (w) => ({ role: "procurement", id: w.agreementId }),
      loader: only({ procurement: "ok", otherProcurement: 404 }),
    },
    {
      url: (w) => `/discloser/agreements/${w.agreementId}/audit`,
      params: (w) => ({ role: "discloser", id: w.agreementId }),
      loader: only({ discloser: "ok", otherDiscloser: 404 }),
    },
    {
      url: (w) => `/supplier/agreements/${w.agreementId}/audit`,
      params: (w) => ({ role: "supplier", id: w.agreementId }),
      loader: { rest: 404 },
    },
  ],
  // the benchmark's floor page: only while FLOWDOWN_BENCH_FLOOR=1, which only bench/dashboard.ts sets
  "_portal.bench-floor.tsx": [{ url: () => "/bench-floor", params: none, loader: { rest: 404 } }],
  "_portal.admin._index.tsx": [{ url: () => "/admin", params: none, loader: only({ admin: "ok" }) }],
  "_portal.admin.audit.tsx": [{ url: () => "/admin/audit", params: none, loader: only({ admin: "ok" }) }],
  "_portal.admin.questionnaires._index.tsx": [
    { url: () => "/admin/questionnaires", params: none, loader: only({ admin: "ok" }) },
  ],
  "_portal.admin.questionnaires.import.tsx": [
    {
      url: () => "/admin/questionnaires/import",
      params: none,
      loader: only({ admin: "ok" }),
      action: { ...only({ admin: 400 }), body: { intent: "nothing" } },
    },
  ],
  "_portal.admin.outbox.tsx": [{ url: () => "/admin/outbox", params: none, loader: only({ admin: "ok" }) }],
  "_portal.admin.users.tsx": [
    {
      url: () => "/admin/users",
      params: none,
      loader: only({ admin: "ok" }),
      action: { ...only({ admin: 400 }), body: { intent: "nothing" } },
    },
  ],
  "_portal.admin.organisations._index.tsx": [
    { url: () => "/admin/organisations", params: none, loader: only({ admin: "ok" }) },
  ],
  "_portal.admin.organisations.new.tsx": [
    {
      url: () => "/admin/organisations/new",
      params: none,
      loader: only({ admin: "ok" }),
      action: { ...only({ admin: 400 }), body: { kind: "" } },
    },
  ],
  "_portal.admin.organisations.$id.tsx": [
    {
      url: (w) => `/admin/organisations/${w.orgId}`,
      params: (w) => ({ id: w.orgId }),
      loader: only({ admin: "ok" }),
      action: { ...only({ admin: 400 }), body: { intent: "nothing" } },
    },
    {
      url: () => "/admin/organisations/ffffffffffffffffffffffff",
      params: () => ({ id: "ffffffffffffffffffffffff" }),
      loader: only({ admin: 404 }),
      action: { ...only({ admin: 404 }), body: { intent: "deactivate-org" } },
    },
  ],
  "_portal.discloser._index.tsx": [
    { url: () => "/discloser", params: none, loader: only({ discloser: "ok", otherDiscloser: "ok" }) },
  ],
  "_portal.discloser.agreements.$id.tsx": [
    {
      url: (w) => `/discloser/agreements/${w.agreementId}`,
      params: (w) => ({ id: w.agreementId }),
      loader: only({ discloser: "ok", otherDiscloser: 404 }),
      action: { ...only({ discloser: 400, otherDiscloser: 404 }), body: { intent: "matrix" } },
    },
  ],
  "_portal.procurement._index.tsx": [
    { url: () => "/procurement", params: none, loader: only({ procurement: "ok", otherProcurement: "ok" }) },
  ],
  "_portal.procurement.agreements.$id._index.tsx": [
    {
      url: (w) => `/procurement/agreements/${w.agreementId}`,
      params: (w) => ({ id: w.agreementId }),
      loader: only({ procurement: "ok", otherProcurement: 404 }),
      action: { ...only({ procurement: 400, otherProcurement: 404 }), body: { intent: "matrix" } },
    },
  ],
  "_portal.procurement.agreements.$id.edit.tsx": [
    {
      url: (w) => `/procurement/agreements/${w.agreementId}/edit`,
      params: (w) => ({ id: w.agreementId }),
      loader: only({ procurement: "ok", otherProcurement: 404 }),
      action: { ...only({ procurement: 400, otherProcurement: 404 }), body: { reference: "" } },
    },
  ],
  // a decision needs a proposal: an empty one is refused for the recipient, another recipient finds no agreement
  "_portal.procurement.agreements.$id.subcontractors.tsx": [
    {
      url: (w) => `/procurement/agreements/${w.agreementId}/subcontractors`,
      params: (w) => ({ id: w.agreementId }),
      loader: only({ procurement: "ok", otherProcurement: 404 }),
      action: { ...only({ procurement: 400, otherProcurement: 404 }), body: { intent: "accept" } },
    },
  ],
  "_portal.procurement.agreements._index.tsx": [
    { url: () => "/procurement/agreements", params: none, loader: only({ procurement: "ok", otherProcurement: "ok" }) },
  ],
  "_portal.procurement.agreements.new.tsx": [
    {
      url: () => "/procurement/agreements/new",
      params: none,
      loader: only({ procurement: "ok", otherProcurement: "ok" }),
      action: { ...only({ procurement: 400, otherProcurement: 400 }), body: { reference: "" } },
    },
  ],
  "_portal.procurement.assessments.$id.audit.tsx": [
    {
      url: (w) => `/procurement/assessments/${w.assessmentId}/audit`,
      params: (w) => ({ id: w.assessmentId }),
      loader: only({ procurement: "ok", otherProcurement: 404 }),
    },
  ],
  "_portal.procurement.assessments.$id.tsx": [
    {
      url: (w) => `/procurement/assessments/${w.assessmentId}`,
      params: (w) => ({ id: w.assessmentId }),
      loader: only({ procurement: "ok", otherProcurement: 404 }),
      action: { ...only({ procurement: 400, otherProcurement: 404 }), body: { intent: "matrix" } },
    },
  ],
  "_portal.procurement.assessments._index.tsx": [
    {
      url: () => "/procurement/assessments",
      params: none,
      loader: only({ procurement: "ok", otherProcurement: "ok" }),
    },
  ],
  "_portal.procurement.assessments.new.tsx": [
    {
      url: () => "/procurement/assessments/new",
      params: none,
      loader: only({ procurement: "ok", otherProcurement: "ok" }),
      action: { ...only({ procurement: 400, otherProcurement: 400 }), body: { agreementId: "" } },
    },
  ],
  "_portal.procurement.reassessments.tsx": [
    {
      url: () => "/procurement/reassessments",
      params: none,
      loader: only({ procurement: "ok", otherProcurement: "ok" }),
    },
  ],
  "_portal.procurement.suppliers._index.tsx": [
    { url: () => "/procurement/suppliers", params: none, loader: only({ procurement: "ok", otherProcurement: "ok" }) },
  ],
  "_portal.procurement.suppliers.new.tsx": [
    {
      url: () => "/procurement/suppliers/new",
      params: none,
      loader: only({ procurement: "ok", otherProcurement: "ok" }),
      action: { ...only({ procurement: 400, otherProcurement: 400 }), body: { name: "" } },
    },
  ],
  "_portal.procurement.suppliers.$id.edit.tsx": [
    {
      url: (w) => `/procurement/suppliers/${w.supplierId}/edit`,
      params: (w) => ({ id: w.supplierId }),
      loader: only({ procurement: "ok", otherProcurement: 404 }),
      action: { ...only({ procurement: 400, otherProcurement: 404 }), body: { name: "" } },
    },
  ],
  // a supplier's profile: procurement of an organisation that manages the supplier (without a grant, a page saying so)
  "_portal.procurement.suppliers.$id.profile.tsx": [
    {
      url: (w) => `/procurement/suppliers/${w.supplierId}/profile`,
      params: (w) => ({ id: w.supplierId }),
      loader: only({ procurement: "ok", otherProcurement: 404 }),
    },
  ],
  "_portal.procurement.suppliers.import.tsx": [
    {
      url: () => "/procurement/suppliers/import",
      params: none,
      loader: only({ procurement: "ok", otherProcurement: "ok" }),
      action: { ...only({ procurement: 400, otherProcurement: 400 }), body: { intent: "confirm" } },
    },
  ],
  "_portal.procurement.disclosing-parties._index.tsx": [
    {
      url: () => "/procurement/disclosing-parties",
      params: none,
      loader: only({ procurement: "ok", otherProcurement: "ok" }),
    },
  ],
  "_portal.procurement.disclosing-parties.new.tsx": [
    {
      url: () => "/procurement/disclosing-parties/new",
      params: none,
      loader: only({ procurement: "ok", otherProcurement: "ok" }),
      action: { ...only({ procurement: 400, otherProcurement: 400 }), body: { name: "" } },
    },
  ],
  "_portal.procurement.disclosing-parties.$id.edit.tsx": [
    {
      url: (w) => `/procurement/disclosing-parties/${w.discloserId}/edit`,
      params: (w) => ({ id: w.discloserId }),
      loader: only({ procurement: "ok", otherProcurement: 404 }),
      action: { ...only({ procurement: 400, otherProcurement: 404 }), body: { name: "" } },
    },
  ],
  "procurement.directory.tsx": [
    {
      url: () => "/procurement/directory",
      params: none,
      action: { ...only({ procurement: 400, otherProcurement: 400 }), body: { kind: "supplier", name: "" } },
    },
  ],
  "procurement.agreements.$id.contacts.tsx": [
    {
      url: (w) => `/procurement/agreements/${w.agreementId}/contacts`,
      params: (w) => ({ id: w.agreementId }),
      action: { ...only({ procurement: 400, otherProcurement: 404 }), body: { intent: "invite", email: "" } },
    },
  ],
  "_portal.supplier._index.tsx": [
    { url: () => "/supplier", params: none, loader: only({ supplier: "ok", otherSupplier: "ok" }) },
  ],
  // only a supplier of the agreement's chain declares subcontractors under it; any other supplier gets a 404
  "_portal.supplier.agreements.$id.subcontractors.tsx": [
    {
      url: (w) => `/supplier/agreements/${w.agreementId}/subcontractors`,
      params: (w) => ({ id: w.agreementId }),
      loader: only({ supplier: "ok", otherSupplier: 404 }),
      action: { ...only({ supplier: 400, otherSupplier: 404 }), body: { intent: "declare" } },
    },
  ],
  "_portal.supplier.assessments.$id.tsx": [
    {
      url: (w) => `/supplier/assessments/${w.assessmentId}`,
      params: (w) => ({ id: w.assessmentId }),
      loader: only({ supplier: "ok", otherSupplier: 404 }),
      // a real submit: the owner's is refused as incomplete, anyone else's finds nothing
      action: { ...only({ supplier: 400, otherSupplier: 404 }), body: { intent: "submit" } },
    },
  ],
  // the workbook page: the supplier's own assessment only; a decision on no pending import finds nothing to apply
  "_portal.supplier.assessments.$id_.workbook.tsx": [
    {
      url: (w) => `/supplier/assessments/${w.assessmentId}/workbook`,
      params: (w) => ({ id: w.assessmentId }),
      loader: only({ supplier: "ok", otherSupplier: 404 }),
      action: { ...only({ supplier: 410, otherSupplier: 404 }), body: { intent: "apply", importId: "0".repeat(24) } },
    },
  ],
  // whom a supplier shares its profile with: any supplier, for its own organisation
  "_portal.supplier.profile_.sharing.tsx": [
    {
      url: () => "/supplier/profile/sharing",
      params: none,
      loader: only({ supplier: "ok", otherSupplier: "ok" }),
      action: { ...only({ supplier: 400, otherSupplier: 400 }), body: { intent: "grant" } },
    },
  ],
  "_portal.supplier.certifications.tsx": [
    {
      url: () => "/supplier/certifications",
      params: none,
      loader: only({ supplier: "ok", otherSupplier: "ok" }),
      action: { ...only({ supplier: 400, otherSupplier: 400 }), body: { intent: "matrix" } },
    },
  ],
  // the supplier's own profile: every supplier organisation has one; nobody else opens it here
  "_portal.supplier.profile.tsx": [
    {
      url: () => "/supplier/profile",
      params: none,
      loader: only({ supplier: "ok", otherSupplier: "ok" }),
      action: { ...only({ supplier: 400, otherSupplier: 400 }), body: { intent: "matrix" } },
    },
  ],
  // one answer of the profile: its organisation's only, another supplier's id is a 404
  "_portal.supplier.profile_.$answerId.tsx": [
    {
      url: (w) => `/supplier/profile/${encodeURIComponent(w.profileAnswerId)}`,
      params: (w) => ({ answerId: w.profileAnswerId }),
      loader: only({ supplier: "ok", otherSupplier: 404 }),
      action: { ...only({ supplier: 400, otherSupplier: 404 }), body: { intent: "matrix" } },
    },
  ],
  // a supplier's own files only: a well-formed id of no file of theirs is a 404 for everyone allowed in
  "_portal.supplier.evidence.tsx": [
    {
      url: () => "/supplier/evidence",
      params: none,
      loader: only({ supplier: "ok", otherSupplier: "ok" }),
      action: {
        ...only({ supplier: 404, otherSupplier: 404 }),
        body: { intent: "delete", id: "0123456789abcdef01234567" },
      },
    },
  ],
  // an incident needs an agreement the supplier works under: an empty one is refused for everyone allowed in
  "_portal.supplier.incidents.tsx": [
    {
      url: () => "/supplier/incidents",
      params: none,
      loader: only({ supplier: "ok", otherSupplier: "ok" }),
      action: { ...only({ supplier: 400, otherSupplier: 400 }), body: { agreementId: "" } },
    },
  ],
  "api.assessments.$id.answers.tsx": [
    {
      url: (w) => `/api/assessments/${w.assessmentId}/answers`,
      params: (w) => ({ id: w.assessmentId }),
      loader: { rest: 405 },
      action: {
        anonymous: 401,
        supplier: 400,
        otherSupplier: 404,
        rest: 403,
        body: "{}",
        contentType: "application/json",
      },
    },
  ],
  // the REST API answers bearer tokens only (the token matrix below): a session cookie is a 401 for everyone
  "api.v1.agreements._index.tsx": [{ url: () => "/api/v1/agreements", params: none, loader: { rest: 401 } }],
  "api.v1.agreements.$id.suppliers.tsx": [
    {
      url: (w) => `/api/v1/agreements/${w.agreementId}/suppliers`,
      params: (w) => ({ id: w.agreementId }),
      loader: { rest: 401 },
    },
  ],
  "api.v1.agreements.$id.assessments.tsx": [
    {
      url: (w) => `/api/v1/agreements/${w.agreementId}/assessments`,
      params: (w) => ({ id: w.agreementId }),
      // POST only; with a session cookie, not a token, the send is a 401 for everyone
      loader: { rest: 405 },
      action: { rest: 401, body: "{}", contentType: "application/json" },
    },
  ],
  "api.v1.assessments.$id.tsx": [
    {
      url: (w) => `/api/v1/assessments/${w.assessmentId}`,
      params: (w) => ({ id: w.assessmentId }),
      loader: { rest: 401 },
    },
  ],
  "api.v1.assessments._index.tsx": [{ url: () => "/api/v1/assessments", params: none, loader: { rest: 401 } }],
  "api.v1.suppliers._index.tsx": [{ url: () => "/api/v1/suppliers", params: none, loader: { rest: 401 } }],
  "api.v1.suppliers.$id.tsx": [
    { url: (w) => `/api/v1/suppliers/${w.supplierId}`, params: (w) => ({ id: w.supplierId }), loader: { rest: 401 } },
  ],
  "api.v1.certificates._index.tsx": [{ url: () => "/api/v1/certificates", params: none, loader: { rest: 401 } }],
  "api.v1.reports._index.tsx": [{ url: () => "/api/v1/reports", params: none, loader: { rest: 401 } }],
  "api.v1.incidents._index.tsx": [{ url: () => "/api/v1/incidents", params: none, loader: { rest: 401 } }],
  "api.v1.questionnaires._index.tsx": [{ url: () => "/api/v1/questionnaires", params: none, loader: { rest: 401 } }],
  "api.v1.reports.$id.pdf.tsx": [
    {
      url: (w) => `/api/v1/reports/${w.reportId}/pdf`,
      params: (w) => ({ id: w.reportId }),
      loader: { rest: 401 },
    },
  ],
  "api.v1.reports.verify.tsx": [
    {
      url: () => "/api/v1/reports/verify",
      params: none,
      loader: { rest: 405 },
      action: { rest: 401, body: "{}", contentType: "application/json" },
    },
  ],
  // the API's description and reference are public
  "api.v1.openapi[.json].tsx": [{ url: () => "/api/v1/openapi.json", params: none, loader: { rest: "ok" } }],
  "api.v1.docs.tsx": [{ url: () => "/api/v1/docs", params: none, loader: { rest: "ok" } }],
  "api.assessments.$id.evidence.tsx": [
    {
      url: (w) => `/api/assessments/${w.assessmentId}/evidence`,
      params: (w) => ({ id: w.assessmentId }),
      loader: { rest: 405 },
      action: { anonymous: 401, supplier: 400, otherSupplier: 404, rest: 403, body: { question: "x" } },
    },
  ],
  "evidence.$id.tsx": [
    {
      url: (w) => `/evidence/${w.evidenceId}`,
      params: (w) => ({ id: w.evidenceId }),
      loader: only({ supplier: "ok", procurement: "ok", otherSupplier: 404, otherProcurement: 404 }),
    },
  ],
  "invite.$token.tsx": [
    {
      url: (_, actor) => `/invite/no-such-token-${actor}`,
      params: (_, actor) => ({ token: `no-such-token-${actor}` }),
      loader: { rest: "ok" },
      action: { rest: "redirect", body: { intent: "sign-in", password: "x" } },
    },
  ],
  "forgot-password.tsx": [
    {
      url: () => "/forgot-password",
      params: none,
      loader: { anonymous: "ok", rest: "redirect" },
      action: { anonymous: 400, rest: "redirect", body: { email: "" } },
    },
  ],
  "login.tsx": [
    {
      url: () => "/login",
      params: none,
      loader: { anonymous: "ok", rest: "redirect" },
      action: { anonymous: 400, rest: "redirect", body: { email: "" } },
    },
  ],
  "language.tsx": [
    {
      url: () => "/language",
      params: none,
      loader: { rest: "redirect" },
      action: { rest: "redirect", body: { language: "de", redirectTo: "/" } },
    },
  ],
  "logout.tsx": [
    { url: () => "/logout", params: none, loader: { rest: "redirect" }, action: { rest: "login", body: {} } },
  ],
  "procurement.assessments.new.preview.tsx": [
    {
      url: (w) => `/procurement/assessments/new/preview?agreementId=${w.agreementId}&templateId=short-low-risk`,
      params: none,
      loader: only({ procurement: "ok", otherProcurement: 404 }),
    },
  ],
  "procurement.assessments[.csv].tsx": [
    {
      url: () => "/procurement/assessments.csv",
      params: none,
      loader: only({ procurement: "ok", otherProcurement: "ok" }),
    },
  ],
  // the questionnaire as a workbook: the supplier it was sent to, and the procurement organisation that sent it
  "procurement.assessments.$id.workbook[.xlsx].tsx": [
    {
      url: (w) => `/procurement/assessments/${w.assessmentId}/workbook.xlsx`,
      params: (w) => ({ id: w.assessmentId }),
      loader: only({ procurement: "ok", otherProcurement: 404 }),
    },
  ],
  "supplier.assessments.$id.workbook[.xlsx].tsx": [
    {
      url: (w) => `/supplier/assessments/${w.assessmentId}/workbook.xlsx?lang=de`,
      params: (w) => ({ id: w.assessmentId }),
      loader: only({ supplier: "ok", otherSupplier: 404 }),
    },
  ],
  "reports.$id.tsx": [
    {
      url: (w) => `/reports/${w.reportId}`,
      params: (w) => ({ id: w.reportId }),
      loader: only({ procurement: "ok", discloser: "ok", otherProcurement: 404, otherDiscloser: 404 }),
    },
  ],
  // the link is the credential: without a live one, nobody gets further than the dead-link page
  "reset-password.$token.tsx": [
    {
      url: (_, actor) => `/reset-password/no-such-token-${actor}`,
      params: (_, actor) => ({ token: `no-such-token-${actor}` }),
      loader: { rest: 410 },
      action: { rest: 410, body: { password: "a long enough password", confirm: "a long enough password" } },
    },
  ],
  "verify.tsx": [
    { url: () => "/verify", params: none, loader: { rest: "ok" }, action: { rest: 400, body: { sha256: "" } } },
  ],
  "welcome.$token.tsx": [
    {
      url: (_, actor) => `/welcome/no-such-token-${actor}`,
      params: (_, actor) => ({ token: `no-such-token-${actor}` }),
      loader: { rest: 404 },
      action: {
        rest: 404,
        body: { intent: "set-up", name: "X", password: "a long enough password", confirm: "a long enough password" },
      },
    },
  ],
  // compelled disclosure (issue 23): a report needs an agreement the supplier works under; lifting the bar on a
  // demand that is not the supplier's own is a 404 (another organisation's: tests/integration/compelled.test.ts)
  "_portal.supplier.legal-demands.tsx": [
    {
      url: () => "/supplier/legal-demands",
      params: none,
      loader: only({ supplier: "ok", otherSupplier: "ok" }),
      action: { ...only({ supplier: 400, otherSupplier: 400 }), body: { agreementId: "" } },
    },
    {
      url: () => "/supplier/legal-demands",
      params: none,
      loader: only({ supplier: "ok", otherSupplier: "ok" }),
      action: {
        ...only({ supplier: 404, otherSupplier: 404 }),
        body: { intent: "lift", id: "0123456789abcdef01234567" },
      },
    },
  ],
  // return or destroy (issue 23): no request exists in this world, so those allowed in get a 404 for one
  // (tests/integration/destruction.test.ts follows real requests and certificates)
  "_portal.procurement.agreements.$id.milestones.tsx": [
    {
      url: (w) => `/procurement/agreements/${w.agreementId}/milestones`,
      params: (w) => ({ id: w.agreementId }),
      loader: only({ procurement: "ok", otherProcurement: 404 }),
      action: {
        ...only({ procurement: 400, otherProcurement: 404 }),
        body: { intent: "end", kind: "termination", effectiveDate: "", confirm: "" },
      },
    },
  ],
  "_portal.supplier.returns._index.tsx": [
    { url: () => "/supplier/returns", params: none, loader: only({ supplier: "ok", otherSupplier: "ok" }) },
  ],
  "_portal.supplier.returns.$requestId.tsx": [
    {
      url: (w) => `/supplier/returns/${encodeURIComponent(`${w.agreementId}:end:${w.orgId}`)}`,
      params: (w) => ({ requestId: `${w.agreementId}:end:${w.orgId}` }),
      loader: only({ supplier: 404, otherSupplier: 404 }),
      action: { ...only({ supplier: 404, otherSupplier: 404 }), body: { signedByName: "" } },
    },
  ],
  "destruction-certificates.$requestId.tsx": [
    {
      url: (w) => `/destruction-certificates/${encodeURIComponent(`${w.agreementId}:end:${w.orgId}`)}`,
      params: (w) => ({ requestId: `${w.agreementId}:end:${w.orgId}` }),
      loader: only({
        supplier: 404,
        procurement: 404,
        discloser: 404,
        otherSupplier: 404,
        otherProcurement: 404,
        otherDiscloser: 404,
      }),
    },
  ],
  // an agreement's audits: its procurement team and its disclosing party; suppliers have their own page
  "_portal.$role.agreements.$id.audits.tsx": [
    {
      url: (w) => `/procurement/agreements/${w.agreementId}/audits`,
      params: (w) => ({ role: "procurement", id: w.agreementId }),
      loader: only({ procurement: "ok", otherProcurement: 404 }),
      action: { ...only({ procurement: 400, otherProcurement: 404 }), body: { intent: "schedule" } },
    },
    {
      url: (w) => `/discloser/agreements/${w.agreementId}/audits`,
      params: (w) => ({ role: "discloser", id: w.agreementId }),
      loader: only({ discloser: "ok", otherDiscloser: 404 }),
      action: { ...only({ discloser: 400, otherDiscloser: 404 }), body: { intent: "schedule" } },
    },
    {
      url: (w) => `/supplier/agreements/${w.agreementId}/audits`,
      params: (w) => ({ role: "supplier", id: w.agreementId }),
      loader: { rest: 404 },
      action: { rest: 404, body: { intent: "schedule" } },
    },
  ],
  "_portal.$role.agreements.$id.audits_.$auditId.tsx": [
    {
      url: (w) => `/procurement/agreements/${w.agreementId}/audits/${w.auditId}`,
      params: (w) => ({ role: "procurement", id: w.agreementId, auditId: w.auditId }),
      loader: only({ procurement: "ok", otherProcurement: 404 }),
      action: { ...only({ procurement: 400, otherProcurement: 404 }), body: { intent: "outcome" } },
    },
    {
      url: (w) => `/discloser/agreements/${w.agreementId}/audits/${w.auditId}`,
      params: (w) => ({ role: "discloser", id: w.agreementId, auditId: w.auditId }),
      loader: only({ discloser: "ok", otherDiscloser: 404 }),
      action: { ...only({ discloser: 400, otherDiscloser: 404 }), body: { intent: "outcome" } },
    },
    {
      url: (w) => `/procurement/agreements/${w.agreementId}/audits/0123456789abcdef01234567`,
      params: (w) => ({ role: "procurement", id: w.agreementId, auditId: "0123456789abcdef01234567" }),
      loader: only({ procurement: 404, otherProcurement: 404 }),
      action: { ...only({ procurement: 404, otherProcurement: 404 }), body: { intent: "outcome" } },
    },
  ],
  // a supplier's own audits; a finding of another organisation is a 404
  "_portal.supplier.audits.tsx": [
    {
      url: () => "/supplier/audits",
      params: none,
      loader: only({ supplier: "ok", otherSupplier: "ok" }),
      action: { ...only({ supplier: 400, otherSupplier: 400 }), body: { findingId: "" } },
    },
  ],
};

const routes = await routeModules();
let world: World;
const cookies = {} as Record<Actor, string | undefined>;

beforeAll(async () => {
  const a = await createAssessmentWorld();
  const b = await createAssessmentWorld();
  const admin = await createUser("admin");
  const ids: Record<Exclude<Actor, "anonymous">, unknown> = {
    supplier: a.supplierUser.user._id,
    procurement: a.procurement.user._id,
    discloser: a.discloserUser.user._id,
    admin: admin.user._id,
    otherSupplier: b.supplierUser.user._id,
    otherProcurement: b.procurement.user._id,
    otherDiscloser: b.discloserUser.user._id,
  };
  for (const [actor, id] of Object.entries(ids)) cookies[actor as Actor] = await sessionCookie(String(id));
  const assessmentId = String(a.assessment._id);
  const agreementId = String(a.agreement._id);
  // org A's evidence file and report, made through the routes themselves
  const form = new FormData();
  form.append(
    "file",
    new Blob([fs.readFileSync(path.join("tests/fixtures/files/incident-plan.pdf"))], { type: "application/pdf" }),
    "incident-plan.pdf",
  );
  const upload = (await evidenceUpload({
    request: new Request(`http://localhost/api/assessments/${assessmentId}/evidence`, {
      method: "POST",
      body: form,
      headers: { Cookie: cookies.supplier! },
    }),
    params: { id: assessmentId },
    context: {},
  })) as Response;
  expect(upload.status).toBe(200);
  const evidenceId = ((await upload.json()) as { files: { content: string }[] }).files[0].content.split("/").pop()!;
  const generated = (await discloserAgreementAction({
    request: new Request(`http://localhost/discloser/agreements/${agreementId}`, {
      method: "POST",
      body: new URLSearchParams({ intent: "report" }),
      headers: { Cookie: cookies.discloser!, "Content-Type": "application/x-www-form-urlencoded" },
    }),
    params: { id: agreementId },
    context: {},
  })) as Response;
  expect(generated.status).toBe(302);
  const report = await ReportRecord.findOne({ kind: "agreement", targetId: a.agreement._id }).lean();
  // each supplier organisation's user manages its team
  for (const id of [ids.supplier, ids.otherSupplier])
    await User.updateOne({ _id: String(id) }, { $set: { teamAdmin: true } });
  world = {
    orgId: String(a.supplierUser.orgId),
    assessmentId,
    agreementId,
    evidenceId,
    reportId: String(report!._id),
    supplierId: String(a.tier1._id),
    discloserId: String(a.discloser._id),
    profileAnswerId: (await keepProfileAnswers(String(a.supplierUser.orgId), { tlsMinimum: "tls13" })).tlsMinimum!,
    auditId: String(
      (
        await SupplierAudit.create({
          agreementId: a.agreement._id,
          seq: 1,
          supplierOrgId: a.tier1._id,
          recipientOrgId: a.recipient._id,
          discloserOrgId: a.discloser._id,
          auditorOrgId: a.recipient._id,
          auditorRole: "procurement",
          noticeGivenOn: "2026-01-05",
          scheduledFor: "2026-02-05",
          scope: "Access control",
          scheduledById: a.procurement.user._id,
          scheduledByName: "Procurement",
        })
      )._id,
    ),
  };
}, 120_000);

function request(
  c: Case,
  actor: Actor,
  method: "GET" | "POST",
  extra: Record<string, string> = {},
  cookie = cookies[actor],
): Request {
  const headers: Record<string, string> = { ...(cookie ? { Cookie: cookie } : {}), ...extra };
  if (method === "GET") return new Request(`http://localhost${c.url(world, actor)}`, { headers });
  const body = c.action?.body ?? {};
  if (typeof body === "string")
    return new Request(`http://localhost${c.url(world, actor)}`, {
      method,
      body,
      headers: { "Content-Type": c.action?.contentType ?? "text/plain", ...headers },
    });
  return new Request(`http://localhost${c.url(world, actor)}`, {
    method,
    body: new URLSearchParams(body),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
  });
}

const expected = (e: Expect, actor: Actor) => e[actor] ?? e.rest;

describe("authorization matrix", () => {
  // rate limits have tests of their own (security.test.ts): here every case starts with none counted
  beforeEach(async () => {
    await Attempt.deleteMany({});
  });

  it("has a policy for every route file, and none for a route that is gone", () => {
    expect(Object.keys(routes).sort()).toEqual(Object.keys(POLICIES).sort());
  });

  const cases = Object.entries(POLICIES).flatMap(([file, list]) =>
    list.map((c, i) => ({ file, c, label: `${file}${list.length > 1 ? ` #${i + 1}` : ""}` })),
  );

  it.each(cases)("loader of $label answers every actor as its policy says", async ({ file, c }) => {
    const mod = secureRouteModule(routes[file]);
    if (!c.loader) {
      expect(mod.loader, `${file} has a loader but no loader policy`).toBeUndefined();
      return;
    }
    const got: Record<string, Outcome> = {};
    const want: Record<string, Outcome> = {};
    for (const actor of ACTORS) {
      const args = { request: request(c, actor, "GET"), params: c.params(world, actor), context: {} };
      got[actor] = await outcomeOf(() => mod.loader!(args));
      want[actor] = expected(c.loader, actor);
    }
    expect(got).toEqual(want);
  });

  it.each(cases)("action of $label answers every actor as its policy says", async ({ file, c }) => {
    const mod = secureRouteModule(routes[file]);
    if (!c.action) {
      expect(mod.action, `${file} has an action but no action policy`).toBeUndefined();
      return;
    }
    const got: Record<string, Outcome> = {};
    const want: Record<string, Outcome> = {};
    for (const actor of ACTORS) {
      // as a browser sends a same-origin form; logout gets a session of its own to end
      const cookie = file === "logout.tsx" && actor !== "anonymous" ? await freshCookie(actor) : cookies[actor];
      const args = {
        request: request(c, actor, "POST", { Origin: "http://localhost", "Sec-Fetch-Site": "same-origin" }, cookie),
        params: c.params(world, actor),
        context: {},
      };
      got[actor] = await outcomeOf(() => mod.action!(args));
      want[actor] = expected(c.action, actor);
    }
    expect(got).toEqual(want);
  });

  it.each(cases.filter(({ c }) => c.action))(
    "action of $label refuses a cross-site post with 403 before it runs, and stores nothing",
    async ({ file, c }) => {
      const mod = secureRouteModule(routes[file]);
      const attacks = [
        { Origin: "https://attacker.example" },
        { "Sec-Fetch-Site": "cross-site" },
        { Referer: "https://attacker.example/page" },
        { Origin: "null" },
      ] as Record<string, string>[];
      // logout's sessions of its own are made before the snapshot (signing in touches the user)
      const logoutCookies = new Map<string, string>();
      if (file === "logout.tsx")
        for (const actor of ACTORS)
          for (const i of attacks.keys())
            if (actor !== "anonymous") logoutCookies.set(`${actor}${i}`, await freshCookie(actor));
      const before = await collectionSnapshot();
      for (const actor of ACTORS) {
        for (const [i, headers] of attacks.entries()) {
          const cookie = logoutCookies.get(`${actor}${i}`) ?? cookies[actor];
          let thrown: unknown = null;
          try {
            await mod.action!({
              request: request(c, actor, "POST", headers, cookie),
              params: c.params(world, actor),
              context: {},
            });
          } catch (error) {
            thrown = error;
          }
          expect(thrown, `${file} as ${actor} with ${JSON.stringify(headers)}`).toBeInstanceOf(Response);
          expect((thrown as Response).status).toBe(403);
          expect(await (thrown as Response).text()).toBe(CROSS_SITE_MESSAGE);
        }
      }
      expect(await collectionSnapshot()).toEqual(before);
    },
  );
});

/**
 * The API with a token of each actor's organisation, of each scope: a token
 * sees what its organisation's pages show (org A's agreement for its
 * recipient and its disclosing party), nothing of another organisation's.
 */
describe("authorization matrix of the API, by token", () => {
  // assessment: GET org A's assessment, as the assessment pages scope it (sender and supplier);
  // send: POST an empty body under org A's agreement with a read-write token (a read one is 403 for all):
  // only org A's procurement gets as far as the body (400)
  const TOKEN_EXPECT: Record<
    Exclude<Actor, "anonymous">,
    {
      list: string[];
      assessments: string[];
      suppliers: Outcome;
      assessment: Outcome;
      send: Outcome;
      reports: string[];
      pdf: Outcome;
      directorySupplier: Outcome;
      incidents: string[];
      questionnaires: Outcome;
    }
  > = {
    supplier: {
      list: [],
      assessments: ["A"],
      suppliers: 404,
      assessment: "ok",
      send: 403,
      reports: [],
      pdf: 404,
      directorySupplier: 404,
      incidents: ["A"],
      questionnaires: 403,
    },
    procurement: {
      list: ["A"],
      assessments: ["A"],
      suppliers: "ok",
      assessment: "ok",
      send: 400,
      reports: ["A"],
      pdf: "ok",
      directorySupplier: "ok",
      incidents: ["A"],
      questionnaires: "ok",
    },
    discloser: {
      list: ["A"],
      assessments: [],
      suppliers: "ok",
      assessment: 404,
      send: 403,
      reports: ["A"],
      pdf: "ok",
      directorySupplier: 404,
      incidents: ["A"],
      questionnaires: 403,
    },
    admin: {
      list: [],
      assessments: [],
      suppliers: 404,
      assessment: 404,
      send: 403,
      reports: [],
      pdf: 404,
      directorySupplier: 404,
      incidents: [],
      questionnaires: 403,
    },
    otherSupplier: {
      list: [],
      assessments: ["B"],
      suppliers: 404,
      assessment: 404,
      send: 403,
      reports: [],
      pdf: 404,
      directorySupplier: 404,
      incidents: ["B"],
      questionnaires: 403,
    },
    otherProcurement: {
      list: ["B"],
      assessments: ["B"],
      suppliers: 404,
      assessment: 404,
      send: 404,
      reports: [],
      pdf: 404,
      directorySupplier: 404,
      incidents: ["B"],
      questionnaires: "ok",
    },
    otherDiscloser: {
      list: ["B"],
      assessments: [],
      suppliers: 404,
      assessment: 404,
      send: 403,
      reports: [],
      pdf: 404,
      directorySupplier: 404,
      incidents: ["B"],
      questionnaires: 403,
    },
  };

  it.each(["read", "read-write"] as const)(
    "answers a %s token of each organisation as its pages would",
    async (scope) => {
      const { createApiToken } = await import("#app/features/api/tokens.server");
      const { getUser } = await import("#app/features/accounts/auth.server");
      const { Agreement } = await import("#models/agreement.server");
      const list = secureRouteModule(routes["api.v1.agreements._index.tsx"]).loader!;
      const listAssessments = secureRouteModule(routes["api.v1.assessments._index.tsx"]).loader!;
      const listReports = secureRouteModule(routes["api.v1.reports._index.tsx"]).loader!;
      const pdf = secureRouteModule(routes["api.v1.reports.$id.pdf.tsx"]).loader!;
      const verify = secureRouteModule(routes["api.v1.reports.verify.tsx"]).action!;
      const supplierRoute = secureRouteModule(routes["api.v1.suppliers.$id.tsx"]).loader!;
      const { Assessment } = await import("#models/assessment.server");
      const suppliers = secureRouteModule(routes["api.v1.agreements.$id.suppliers.tsx"]).loader!;
      const getAssessment = secureRouteModule(routes["api.v1.assessments.$id.tsx"]).loader!;
      const send = secureRouteModule(routes["api.v1.agreements.$id.assessments.tsx"]).action!;
      const { agreementId, assessmentId, reportId, supplierId } = world;
      const listIncidents = secureRouteModule(routes["api.v1.incidents._index.tsx"]).loader!;
      const listQuestionnaires = secureRouteModule(routes["api.v1.questionnaires._index.tsx"]).loader!;
      const { Incident } = await import("#models/incident.server");
      // an incident under org A's agreement, reported by its supplier, and one under org B's by B's supplier
      for (const [actor, ref] of [
        ["supplier", "A"],
        ["otherSupplier", "B"],
      ] as const) {
        const reporter = await getUser(new Request("http://localhost/", { headers: { Cookie: cookies[actor]! } }));
        const under =
          ref === "A"
            ? await Agreement.findById(agreementId).lean()
            : await Agreement.findOne({ "chain.supplierOrgId": reporter!.orgId }).lean();
        if (await Incident.exists({ agreementId: under!._id, description: `matrix ${ref}` })) continue;
        await Incident.create({
          agreementId: under!._id,
          supplierOrgId: reporter!.orgId,
          recipientOrgId: under!.recipientOrgId,
          discloserOrgId: under!.discloserOrgId,
          reportedById: reporter!.id,
          reportedByName: reporter!.name,
          detectedAt: new Date(Date.now() - 3_600_000),
          reportedAt: new Date(),
          classes: ["internal"],
          description: `matrix ${ref}`,
          timing: { delayHours: 1, discloserDeadline: new Date().toISOString(), path: [reporter!.orgId] },
        });
      }
      const got: Record<string, unknown> = {};
      const want: Record<string, unknown> = {};
      for (const [actor, expectation] of Object.entries(TOKEN_EXPECT)) {
        const user = await getUser(new Request("http://localhost/", { headers: { Cookie: cookies[actor as Actor]! } }));
        const { token } = await createApiToken(
          user!,
          { name: `${actor} ${scope}`, scope, expiresInDays: 1 },
          { ip: null },
        );
        const headers = { Authorization: `Bearer ${token}` };
        const listed = (await list({
          request: new Request("http://localhost/api/v1/agreements?limit=100", { headers }),
          params: {},
          context: {},
        })) as Response;
        const ids = ((await listed.json()) as { items: { id: string }[] }).items.map((i) => i.id);
        // org B's agreement: the one in the other world, named by its parties
        const names = await Promise.all(
          ids.map(async (id) => (id === agreementId ? "A" : (await Agreement.exists({ _id: id })) ? "B" : "?")),
        );
        const assessmentPage = (await listAssessments({
          request: new Request("http://localhost/api/v1/assessments?limit=100", { headers }),
          params: {},
          context: {},
        })) as Response;
        const assessmentIds = ((await assessmentPage.json()) as { items: { id: string }[] }).items.map((i) => i.id);
        const assessmentNames = await Promise.all(
          assessmentIds.map(async (id) =>
            id === assessmentId ? "A" : (await Assessment.exists({ _id: id })) ? "B" : "?",
          ),
        );
        const outcome = await outcomeOf(() =>
          suppliers({
            request: new Request(`http://localhost/api/v1/agreements/${agreementId}/suppliers`, { headers }),
            params: { id: agreementId },
            context: {},
          }),
        );
        const assessment = await outcomeOf(() =>
          getAssessment({
            request: new Request(`http://localhost/api/v1/assessments/${assessmentId}`, { headers }),
            params: { id: assessmentId },
            context: {},
          }),
        );
        const sent = await outcomeOf(() =>
          send({
            request: new Request(`http://localhost/api/v1/agreements/${agreementId}/assessments`, {
              method: "POST",
              headers: { ...headers, "Content-Type": "application/json" },
              body: "{}",
            }),
            params: { id: agreementId },
            context: {},
          }),
        );
        const reportPage = (await listReports({
          request: new Request("http://localhost/api/v1/reports?limit=100", { headers }),
          params: {},
          context: {},
        })) as Response;
        const reportIds = ((await reportPage.json()) as { items: { id: string }[] }).items.map((i) => i.id);
        const downloaded = await outcomeOf(() =>
          pdf({
            request: new Request(`http://localhost/api/v1/reports/${reportId}/pdf`, { headers }),
            params: { id: reportId },
            context: {},
          }),
        );
        // verifying is open to every token (the verify page is public): an empty body is a 400 for all
        const verified = await outcomeOf(() =>
          verify({
            request: new Request("http://localhost/api/v1/reports/verify", {
              method: "POST",
              headers: { ...headers, "Content-Type": "application/json" },
              body: "{}",
            }),
            params: {},
            context: {},
          }),
        );
        expect(verified, `${actor} verifies`).toBe(400);
        got[actor] = {
          list: names,
          assessments: assessmentNames,
          suppliers: outcome,
          assessment,
          send: sent,
          reports: reportIds.map((id) => (id === reportId ? "A" : "B")),
          pdf: downloaded,
          // org A's tier-1 supplier, as org A's supplier directory lists it
          directorySupplier: await outcomeOf(() =>
            supplierRoute({
              request: new Request(`http://localhost/api/v1/suppliers/${supplierId}`, { headers }),
              params: { id: supplierId },
              context: {},
            }),
          ),
        };
        (got[actor] as Record<string, unknown>).questionnaires = await outcomeOf(() =>
          listQuestionnaires({
            request: new Request("http://localhost/api/v1/questionnaires", { headers }),
            params: {},
            context: {},
          }),
        );
        const incidentPage = (await listIncidents({
          request: new Request("http://localhost/api/v1/incidents?limit=100", { headers }),
          params: {},
          context: {},
        })) as Response;
        (got[actor] as Record<string, unknown>).incidents = (
          (await incidentPage.json()) as { items: { agreementId: string }[] }
        ).items.map((i) => (i.agreementId === agreementId ? "A" : "B"));
        want[actor] = scope === "read" ? { ...expectation, send: 403 } : expectation;
      }
      expect(got).toEqual(want);
    },
  );
});

const actorIds = new Map<Actor, string>();
async function freshCookie(actor: Actor): Promise<string> {
  if (!actorIds.has(actor)) {
    const { getUser } = await import("#app/features/accounts/auth.server");
    const user = await getUser(new Request("http://localhost/", { headers: { Cookie: cookies[actor]! } }));
    expect(user, `${actor} is signed in`).toBeTruthy();
    actorIds.set(actor, user!.id);
  }
  return sessionCookie(actorIds.get(actor)!);
}
