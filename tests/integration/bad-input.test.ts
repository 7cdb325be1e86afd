import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { createUser, sessionCookie } from "#tests/fixtures/factories";
import { createAssessmentWorld } from "#tests/fixtures/assessments";
import { collectionSnapshot, outcomeOf, routeModules } from "#tests/fixtures/routes";
import { replyOf } from "#tests/helpers/responses";
import { keepProfileAnswers } from "#tests/fixtures/profile-answers";

/**
 * Generated malformed input against every action and API, through the same
 * security layer as the served build: never a 500, and nothing stored.
 */
setupTestDatabase();

const { secureRouteModule } = await import("#app/lib/security.server");
const { Attempt } = await import("#models/attempt.server");
const { issueAccountToken } = await import("#models/account-token.server");
const { User } = await import("#models/user.server");

const routes = await routeModules();
const { EMAIL_MAX, formatCount } = await import("#app/lib/text-limits");
const { NAME_MAX, PASSWORD_MAX } = await import("#app/features/accounts/account-limits");
const { LIMITS: ORG } = await import("#app/features/directory/organization-input");
const { AGREEMENT_LIMITS: AG } = await import("#app/features/agreements/agreement-limits");
const { REVIEW_LIMITS } = await import("#app/features/review/review-limits");
const { RECIPIENTS_FIELD_MAX } = await import("#app/features/assessments/send-limits");
const { INCIDENT_DESCRIPTION_MAX } = await import("#app/features/incidents/incident-limits");
const { PUBLISH_LIMITS } = await import("#app/features/questionnaires/publish-limits");
const { CERTIFICATION_LIMITS } = await import("#app/features/evidence/certification-input");
const { ANSWER_TEXT_MAX } = await import("#app/features/assessments/answer-limits");
const { API_TOKEN_NAME_MAX } = await import("#models/api-token.server");
const { WEBHOOK_URL_MAX, WEBHOOK_DESCRIPTION_MAX } = await import("#models/webhook.server");
const { createApiToken } = await import("#app/features/api/tokens.server");
const { signedInUser } = await import("#tests/fixtures/assessments");
const { SUBCONTRACTOR_LIMITS: SUB } = await import("#app/features/subcontractors/subcontractor-limits");
const { AUTHORITY_MAX, BARRED_REASON_MAX, DEMAND_DESCRIPTION_MAX } = await import(
  "#app/features/compelled/compelled-limits"
);
const { MILESTONE_NOTE_MAX } = await import("#app/features/destruction/destruction-limits");
const AUDIT = await import("#app/features/audits/audit-rules");
const { SupplierAudit } = await import("#models/supplier-audit.server");

const HUGE = "A".repeat(200_000);
const VALUES = [
  "",
  " ",
  HUGE,
  "\u0000\u0007\u001b[31m\u202e\u2066",
  "\ud800",
  '{"$gt":""}',
  "[object Object]",
  "__proto__",
  "-1",
  "NaN",
  "1e309",
  "<script>alert(1)</script>",
  "../../../etc/passwd",
  "𝕏".repeat(5000),
  "ffffffffffffffffffffffff",
  "true",
];
const FIELD_NAMES = [
  "__proto__",
  "constructor",
  "prototype",
  "$where",
  "email[$ne]",
  "a.b.c",
  "__proto__[polluted]",
  "constructor.prototype.polluted",
  "items.99.description",
  "chain.0.__proto__",
];

/** Form bodies: each field of the route with each bad value, odd field names, repeats, nothing at all. */
function formCases(fields: string[], fixed: Record<string, string> = {}): URLSearchParams[] {
  const out: URLSearchParams[] = [new URLSearchParams(), new URLSearchParams(fixed)];
  for (const value of VALUES) {
    const p = new URLSearchParams(fixed);
    for (const f of fields) p.set(f, value);
    out.push(p);
  }
  for (const name of FIELD_NAMES) {
    const p = new URLSearchParams(fixed);
    p.set(name, "1");
    for (const f of fields) p.set(f, "");
    out.push(p);
  }
  const repeated = new URLSearchParams(fixed);
  for (const f of fields) for (let i = 0; i < 50; i++) repeated.append(f, `v${i}`);
  out.push(repeated);
  return out;
}

const JSON_BODIES = [
  "",
  "{",
  "null",
  "[]",
  '"text"',
  "123",
  "{}",
  "\ufeff{}",
  '{"baseRevision":"0","changes":{"orgLegalName":"x"}}',
  '{"baseRevision":-1,"changes":{"orgLegalName":"x"}}',
  '{"baseRevision":1.5,"changes":{"orgLegalName":"x"}}',
  '{"baseRevision":{"$gt":-1},"changes":{"orgLegalName":"x"}}',
  '{"baseRevision":0,"changes":[]}',
  '{"baseRevision":0,"changes":{}}',
  '{"baseRevision":0,"changes":null}',
  '{"baseRevision":0,"changes":{"__proto__":{"polluted":1}}}',
  '{"baseRevision":0,"changes":{"constructor":{"prototype":{"polluted":1}}}}',
  '{"__proto__":{"polluted":1},"baseRevision":0,"changes":{"orgLegalName":"x"}}',
  '{"baseRevision":0,"changes":{"$where":"1"}}',
  '{"baseRevision":0,"changes":{"a.b":"x"}}',
  '{"baseRevision":0,"changes":{"orgLegalName":{"$gt":""}}}',
  '{"baseRevision":0,"changes":{"orgLegalName":["a","b"]}}',
  '{"baseRevision":0,"changes":{"trainingIntervalMonths":"twelve"}}',
  '{"baseRevision":0,"changes":{"trainingIntervalMonths":1e309}}',
  '{"baseRevision":0,"changes":{"mfaScope":"remoteAccess"}}',
  '{"baseRevision":0,"changes":{"dataLocations":[[["DE"]]]}}',
  '{"baseRevision":0,"changes":{"evidenceFiles":[{"content":"/evidence/ffffffffffffffffffffffff"}]}}',
  '{"baseRevision":0,"changes":{"unknownQuestion":"x"}}',
  `{"baseRevision":0,"changes":{"orgLegalName":"${"x".repeat(300_000)}"}}`,
  `{"baseRevision":0,"changes":{${Array.from({ length: 600 }, (_, i) => `"k${i}":1`).join(",")}}}`,
  `${"[".repeat(5000)}${"]".repeat(5000)}`,
];

function multipart(
  parts: { name: string; filename?: string; type?: string; body: string }[],
  boundary = "----flowdownbad",
): { body: string; type: string } {
  const body =
    parts
      .map(
        (p) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ""}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ""}\r\n${p.body}\r\n`,
      )
      .join("") + `--${boundary}--\r\n`;
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

export const MULTIPART_BODIES: { body: string; type: string }[] = [
  { body: "not multipart at all", type: "multipart/form-data; boundary=xyz" },
  { body: "--abc\r\n\r\n", type: "multipart/form-data" },
  multipart([]),
  multipart([{ name: "file", filename: "", body: "" }]),
  multipart([{ name: "file", filename: "../../x.exe", type: "application/octet-stream", body: "MZ\u0000\u0000" }]),
  multipart([{ name: "file", filename: "a.pdf", type: "application/pdf", body: "PDF? not really" }]),
  multipart([{ name: "file", filename: `${"n".repeat(5000)}.pdf`, type: "application/pdf", body: "%PDF-1.4" }]),
  multipart([
    { name: "__proto__", body: "x" },
    { name: "standard", body: HUGE },
  ]),
  multipart([
    { name: "standard", body: '{"$gt":""}' },
    { name: "issueDate", body: "2026-13-45" },
    { name: "expiryDate", body: "yesterday" },
  ]),
  // a workbook upload that is a zip of nothing, and one that is not a zip
  multipart([
    { name: "intent", body: "upload" },
    { name: "workbook", filename: "answers.xlsx", type: "application/octet-stream", body: "PK\u0003\u0004broken" },
  ]),
  multipart([
    { name: "intent", body: "upload" },
    { name: "workbook", filename: "answers.xlsx", type: "text/csv", body: "question,answer\nconfUndertaking,=1+1\n" },
  ]),
  multipart([
    { name: "response.ffffffffffff", body: "" },
    { name: "evidence.x", filename: "e.pdf", type: "application/pdf", body: "nope" },
  ]),
];

interface Target {
  file: string;
  url: string;
  params: Record<string, string>;
  actor: string;
  fields: string[];
  fixed?: Record<string, string>;
  json?: boolean;
  multipart?: boolean;
}

let targets: Target[] = [];
const cookies: Record<string, string> = {};

/** One form of a route, with the free-text fields it takes and each field's limit. */
interface TextForm {
  file: string;
  url: string;
  params: Record<string, string>;
  actor: string;
  /** what the form sends besides the field (its intent, the choices that get it past the first checks) */
  fixed?: Record<string, string>;
  limits: Record<string, number>;
  multipart?: boolean;
}
let textForms: TextForm[] = [];
/** an API token of the world's procurement organisation, and the world's agreement */
const api = { token: "", agreement: "", owner: "", assessment: "", supplier: "" };
/** Routes whose actions take no free text a person types, and why. */
const NO_FREE_TEXT: Record<string, string> = {
  "logout.tsx": "takes no input",
  "language.tsx": "a language from a list, and the page to go back to",
  "verify.tsx": "a SHA-256 of exactly 64 hexadecimal characters, or a file",
  "invite.$token.tsx": "the same fields as welcome.$token (NAME_MAX, PASSWORD_MAX); a link is needed to reach them",
  "_portal.admin.users.tsx": "ids only",
  "_portal.supplier.profile_.sharing.tsx": "a customer and sections from lists, a date, a grant id",
  "_portal.discloser.agreements.$id.tsx": "an intent, and a report language from a list",
  "_portal.procurement.agreements.$id._index.tsx": "an intent, and a report language from a list",
  "_portal.procurement.suppliers.import.tsx": "a CSV file, with its own line limit",
  "_portal.supplier.assessments.$id.tsx": "remediation answers: tests/integration/text-limits.test.ts",
  "api.assessments.$id.evidence.tsx": "files, and a question name: tests/integration/text-limits.test.ts",
  "api.v1.reports.verify.tsx": "a SHA-256 as JSON, or a PDF's bytes: the API verify body test below",
  "api.v1.agreements.$id.assessments.tsx":
    "a JSON body of ids, a date and addresses: every field gets every bad value in the API body test below",
  "_portal.supplier.evidence.tsx": "an intent and a file id only",
  "_portal.supplier.assessments.$id_.workbook.tsx":
    "an intent, an import id, and a workbook whose cells app/features/workbook/workbook.test.ts checks",
  "_portal.supplier.profile.tsx": "an intent, an answer id and a revision",
  "_portal.supplier.profile_.$answerId.tsx":
    "the answer as JSON from the survey, checked as the questionnaire's autosave checks it (ANSWER_TEXT_MAX per text)",
  "_portal.supplier.returns.$requestId.tsx":
    "needs a return-or-destroy request; its limits (CERTIFY_LIMITS) are checked in tests/integration/destruction.test.ts",
};

beforeAll(async () => {
  const w = await createAssessmentWorld();
  const admin = await createUser("admin");
  cookies.supplier = await sessionCookie(String(w.supplierUser.user._id));
  cookies.procurement = await sessionCookie(String(w.procurement.user._id));
  cookies.discloser = await sessionCookie(String(w.discloserUser.user._id));
  cookies.admin = await sessionCookie(String(admin.user._id));
  // the supplier manages its organisation's team (/account/team)
  await User.updateOne({ _id: w.supplierUser.user._id }, { $set: { teamAdmin: true } });
  const org = String(w.supplierUser.orgId);
  const teamFields = ["intent", "email", "name", "teamAdmin", "userId", "teamRole", "invitationId"];
  const teamIntents = ["invite", "resend", "revoke", "team-role", "deactivate", "reactivate", "bogus"];
  const assessment = String(w.assessment._id);
  const agreement = String(w.agreement._id);
  // an answer in the supplier's profile, for its edit page
  const profileAnswer = (await keepProfileAnswers(org, { tlsMinimum: "tls13" })).tlsMinimum!;
  api.agreement = agreement;
  api.owner = String(w.procurement.user._id);
  api.assessment = assessment;
  api.supplier = String(w.tier2._id);
  api.token = (
    await createApiToken(
      await signedInUser(w.procurement.user._id),
      { name: "bad input", scope: "read", expiresInDays: 30 },
      { ip: null },
    )
  ).token;
  // live set-password links: every malformed form is refused while the link stays usable
  const invite = await issueAccountToken({
    purpose: "invite",
    email: "bad-input-invitee@example.test",
    orgId: w.procurement.user.orgId,
    role: "procurement",
  });
  const reset = await issueAccountToken({
    purpose: "reset",
    email: w.procurement.user.email,
    orgId: w.procurement.user.orgId,
    role: "procurement",
    userId: w.procurement.user._id,
  });
  // a completed audit of the supplier by procurement, for the audit page's forms
  const audit = String(
    (
      await SupplierAudit.create({
        agreementId: w.agreement._id,
        seq: 1,
        supplierOrgId: w.tier1._id,
        recipientOrgId: w.recipient._id,
        discloserOrgId: w.discloser._id,
        auditorOrgId: w.recipient._id,
        auditorRole: "procurement",
        noticeGivenOn: "2026-01-05",
        scheduledFor: "2026-02-05",
        scope: "Access control",
        status: "completed",
        outcome: "findings",
        completedOn: "2026-02-06",
        summary: "Gaps",
        scheduledById: w.procurement.user._id,
        scheduledByName: "Procurement",
      })
    )._id,
  );
  const auditUrl = `/procurement/agreements/${agreement}/audits/${audit}`;
  const auditParams = { role: "procurement", id: agreement, auditId: audit };
  // a confirmation that never matches: values that happen to make a valid password are refused too
  const mismatch = { confirm: "never the same as the password" };
  targets = [
    {
      file: "forgot-password.tsx",
      url: "/forgot-password",
      params: {},
      actor: "anonymous",
      fields: ["email"],
    },
    {
      file: "welcome.$token.tsx",
      url: `/welcome/${invite.token}`,
      params: { token: invite.token },
      actor: "anonymous",
      fields: ["name", "password"],
      fixed: { intent: "set-up", ...mismatch },
    },
    {
      file: "reset-password.$token.tsx",
      url: `/reset-password/${reset.token}`,
      params: { token: reset.token },
      actor: "anonymous",
      fields: ["password"],
      fixed: mismatch,
    },
    // dead links count against the client's `token` limit: after the live ones, which it would block
    {
      file: "welcome.$token.tsx",
      url: "/welcome/t",
      params: { token: "t" },
      actor: "anonymous",
      fields: ["intent", "name", "password", "confirm"],
    },
    {
      file: "reset-password.$token.tsx",
      url: "/reset-password/t",
      params: { token: "t" },
      actor: "anonymous",
      fields: ["password", "confirm"],
    },
    { file: "login.tsx", url: "/login", params: {}, actor: "anonymous", fields: ["email", "password", "redirectTo"] },
    {
      file: "login.tsx",
      url: "/login",
      params: {},
      actor: "anonymous",
      fields: ["email", "redirectTo"],
      fixed: { intent: "sso" },
    },
    {
      file: "invite.$token.tsx",
      url: "/invite/t",
      params: { token: "t" },
      actor: "anonymous",
      fields: ["intent", "name", "password", "confirm"],
    },
    ...[undefined, ...teamIntents].map((intent) => ({
      file: "_portal.account_.team.tsx",
      url: "/account/team",
      params: {},
      actor: "supplier",
      fields: intent ? teamFields.slice(1) : teamFields,
      fixed: intent ? { intent } : undefined,
    })),
    ...[undefined, "create", "revoke", "bogus"].map((intent) => ({
      file: "_portal.account_.team_.api-tokens.tsx",
      url: "/account/team/api-tokens",
      params: {},
      actor: "supplier",
      fields: [...(intent ? [] : ["intent"]), "name", "scope", "expiresInDays", "prefix"],
      fixed: intent ? { intent } : undefined,
    })),
    ...[undefined, "create", "rotate", "disable", "enable", "delete", "resend", "bogus"].map((intent) => ({
      file: "_portal.account_.team_.webhooks.tsx",
      url: "/account/team/webhooks",
      params: {},
      actor: "supplier",
      fields: [...(intent ? [] : ["intent"]), "url", "description", "events", "endpointId", "deliveryId", "confirm"],
      fixed: intent ? { intent } : undefined,
    })),
    ...[undefined, "save", "check", "remove", "bogus"].map((intent) => ({
      file: "_portal.account_.team_.sso.tsx",
      url: "/account/team/sso",
      params: {},
      actor: "supplier",
      fields: [
        ...(intent ? [] : ["intent"]),
        "issuer",
        "clientId",
        "clientSecret",
        "domains",
        "createAccounts",
        "newAccountTeamRole",
        "passwordSignInOff",
      ],
      fixed: intent ? { intent } : undefined,
    })),
    ...[undefined, "edit", ...teamIntents].map((intent) => ({
      file: "_portal.admin.organisations.$id.tsx",
      url: `/admin/organisations/${org}`,
      params: { id: org },
      actor: "admin",
      fields: [
        ...(intent ? [] : ["intent"]),
        ...teamFields.slice(1),
        "name",
        "legalName",
        "country",
        "registrationNumber",
        "parentOrgId",
      ],
      fixed: intent ? { intent } : undefined,
    })),
    {
      file: "_portal.admin.organisations.new.tsx",
      url: "/admin/organisations/new",
      params: {},
      actor: "admin",
      fields: ["kind", "name", "legalName", "country", "registrationNumber", "parentOrgId"],
    },
    ...[undefined, "deactivate", "reactivate"].map((intent) => ({
      file: "_portal.admin.users.tsx",
      url: "/admin/users",
      params: {},
      actor: "admin",
      fields: intent ? ["userId"] : ["intent", "userId"],
      fixed: intent ? { intent } : undefined,
    })),
    { file: "verify.tsx", url: "/verify", params: {}, actor: "anonymous", fields: ["sha256"], multipart: true },
    ...["anonymous", "supplier"].map((actor) => ({
      file: "language.tsx",
      url: "/language",
      params: {},
      actor,
      fields: ["language", "redirectTo"],
    })),
    {
      file: "_portal.account.tsx",
      url: "/account",
      params: {},
      actor: "admin",
      fields: ["intent", "currentPassword", "newPassword", "confirm"],
    },
    {
      file: "_portal.account.tsx",
      url: "/account",
      params: {},
      actor: "admin",
      fields: ["currentPassword", "newPassword", "confirm"],
      fixed: { intent: "change-password" },
    },
    {
      file: "_portal.discloser.agreements.$id.tsx",
      url: `/discloser/agreements/${agreement}`,
      params: { id: agreement },
      actor: "discloser",
      fields: ["intent", "language"],
    },
    {
      file: "_portal.procurement.agreements.$id._index.tsx",
      url: `/procurement/agreements/${agreement}`,
      params: { id: agreement },
      actor: "procurement",
      fields: ["intent", "language"],
    },
    {
      file: "_portal.procurement.agreements.$id.edit.tsx",
      url: `/procurement/agreements/${agreement}/edit`,
      params: { id: agreement },
      actor: "procurement",
      fields: [
        "revision",
        "reference",
        "title",
        "discloserOrgId",
        "effectiveDate",
        "chain.0.supplierOrgId",
        "phases.0.name",
      ],
    },
    {
      file: "_portal.procurement.agreements.new.tsx",
      url: "/procurement/agreements/new",
      params: {},
      actor: "procurement",
      fields: [
        "reference",
        "title",
        "discloserOrgId",
        "effectiveDate",
        "endDate",
        "breachWindowHours",
        "requirements",
        "chain.0.tier",
      ],
    },
    {
      file: "_portal.procurement.assessments.new.tsx",
      url: "/procurement/assessments/new",
      params: {},
      actor: "procurement",
      fields: ["agreementId", "supplierOrgId", "templateId", "dueDate", "emails"],
    },
    ...["revoke", "resend", "invite", "override", "remediate", "decide", "reapprove", "report", "bogus"].map(
      (intent) => ({
        file: "_portal.procurement.assessments.$id.tsx",
        url: `/procurement/assessments/${assessment}`,
        params: { id: assessment },
        actor: "procurement",
        fields: [
          "invitationId",
          "email",
          "requirementId",
          "status",
          "justification",
          "decision",
          "comment",
          "items.0.requirementId",
          "items.0.description",
          "items.0.dueDate",
          "language",
        ],
        fixed: { intent },
      }),
    ),
    {
      file: "_portal.supplier.assessments.$id.tsx",
      url: `/supplier/assessments/${assessment}`,
      params: { id: assessment },
      actor: "supplier",
      fields: ["intent"],
      multipart: true,
    },
    {
      file: "_portal.supplier.assessments.$id_.workbook.tsx",
      url: `/supplier/assessments/${assessment}/workbook`,
      params: { id: assessment },
      actor: "supplier",
      fields: ["intent", "importId"],
      multipart: true,
    },
    ...["declare", "withdraw", "bogus"].map((intent) => ({
      file: "_portal.supplier.agreements.$id.subcontractors.tsx",
      url: `/supplier/agreements/${agreement}/subcontractors`,
      params: { id: agreement },
      actor: "supplier",
      fields: [
        "name",
        "country",
        "registrationNumber",
        "service",
        "contactEmail",
        "maxClass",
        "accessLevel",
        "proposalId",
      ],
      fixed: { intent },
    })),
    ...["accept", "reject", "bogus"].map((intent) => ({
      file: "_portal.procurement.agreements.$id.subcontractors.tsx",
      url: `/procurement/agreements/${agreement}/subcontractors`,
      params: { id: agreement },
      actor: "procurement",
      fields: ["proposalId", "match", "service", "maxClass", "accessLevel", "reason"],
      fixed: { intent },
    })),
    {
      file: "_portal.supplier.certifications.tsx",
      url: "/supplier/certifications",
      params: {},
      actor: "supplier",
      fields: ["intent", "id"],
      multipart: true,
    },
    {
      file: "_portal.supplier.evidence.tsx",
      url: "/supplier/evidence",
      params: {},
      actor: "supplier",
      fields: ["intent", "id"],
    },
    ...[{}, { intent: "grant", scope: "chosen", expiresOn: "2099-01-01" }, { intent: "revoke" }].map((fixed) => ({
      file: "_portal.supplier.profile_.sharing.tsx",
      url: "/supplier/profile/sharing",
      params: {},
      actor: "supplier",
      fields: ["intent", "recipientOrgId", "scope", "sections", "expiresOn", "grantId"],
      fixed,
    })),
    {
      file: "_portal.supplier.profile.tsx",
      url: "/supplier/profile",
      params: {},
      actor: "supplier",
      fields: ["intent", "answerId", "revision"],
    },
    {
      file: "_portal.supplier.profile_.$answerId.tsx",
      url: `/supplier/profile/${encodeURIComponent(profileAnswer)}`,
      params: { answerId: profileAnswer },
      actor: "supplier",
      fields: ["value", "revision"],
      fixed: { intent: "save" },
    },
    {
      file: "_portal.supplier.incidents.tsx",
      url: "/supplier/incidents",
      params: {},
      actor: "supplier",
      fields: ["agreementId", "detectedAt", "classes", "description"],
    },
    {
      file: "_portal.admin.questionnaires.import.tsx",
      url: "/admin/questionnaires/import",
      params: {},
      actor: "admin",
      fields: [
        "intent",
        "draftId",
        "file",
        "templateId",
        "title",
        "version",
        "confirmNoRequired",
        "required:q",
        "req:q",
      ],
      multipart: true,
    },
    ...(
      [
        ["_portal.procurement.suppliers.new.tsx", "/procurement/suppliers/new", {}],
        [
          "_portal.procurement.suppliers.$id.edit.tsx",
          `/procurement/suppliers/${w.tier1._id}/edit`,
          { id: String(w.tier1._id) },
        ],
      ] as const
    ).map(([file, url, params]) => ({
      file,
      url,
      params,
      actor: "procurement",
      fields: ["name", "country", "registrationNumber", "contactEmail", "service", "useOrgId"],
    })),
    ...(
      [
        ["_portal.procurement.disclosing-parties.new.tsx", "/procurement/disclosing-parties/new", {}],
        [
          "_portal.procurement.disclosing-parties.$id.edit.tsx",
          `/procurement/disclosing-parties/${w.discloser._id}/edit`,
          { id: String(w.discloser._id) },
        ],
      ] as const
    ).map(([file, url, params]) => ({
      file,
      url,
      params,
      actor: "procurement",
      fields: ["name", "legalName", "country", "registrationNumber", "useOrgId"],
    })),
    {
      file: "_portal.procurement.suppliers.import.tsx",
      url: "/procurement/suppliers/import",
      params: {},
      actor: "procurement",
      fields: ["intent", "importId", "skipErrors", "file"],
      multipart: true,
    },
    ...([{}, { kind: "supplier" }, { kind: "supplier", agreementId: agreement }] as Record<string, string>[]).map(
      (fixed) => ({
        file: "procurement.directory.tsx",
        url: "/procurement/directory",
        params: {},
        actor: "procurement",
        fixed,
        fields: [
          "kind",
          "name",
          "legalName",
          "country",
          "registrationNumber",
          "contactEmail",
          "service",
          "useOrgId",
          "agreementId",
          "maxClass",
          "accessLevel",
        ],
      }),
    ),
    ...([{}, { intent: "invite" }, { intent: "revoke" }] as Record<string, string>[]).map((fixed) => ({
      file: "procurement.agreements.$id.contacts.tsx",
      url: `/procurement/agreements/${agreement}/contacts`,
      params: { id: agreement },
      actor: "procurement",
      fixed,
      fields: ["intent", "email", "name", "invitationId"],
    })),
    {
      file: "api.assessments.$id.answers.tsx",
      url: `/api/assessments/${assessment}/answers`,
      params: { id: assessment },
      actor: "supplier",
      fields: [],
      json: true,
    },
    // a session cookie is no API token (401 before the body is read): the bodies a token sends are in
    // "malformed input to every API operation" below
    {
      file: "api.v1.agreements.$id.assessments.tsx",
      url: `/api/v1/agreements/${agreement}/assessments`,
      params: { id: agreement },
      actor: "procurement",
      fields: [],
      json: true,
    },
    {
      file: "api.v1.reports.verify.tsx",
      url: "/api/v1/reports/verify",
      params: {},
      actor: "procurement",
      fields: [],
      json: true,
    },
    {
      file: "api.assessments.$id.evidence.tsx",
      url: `/api/assessments/${assessment}/evidence`,
      params: { id: assessment },
      actor: "supplier",
      fields: ["question"],
      multipart: true,
    },
    // compelled disclosure (issue 23)
    ...[{}, { intent: "lift" }].map((fixed) => ({
      file: "_portal.supplier.legal-demands.tsx",
      url: "/supplier/legal-demands",
      params: {},
      actor: "supplier",
      fields: [
        "intent",
        "id",
        "agreementId",
        "authority",
        "jurisdiction",
        "receivedOn",
        "complyBy",
        "classes",
        "noticePermitted",
        "barredReason",
        "description",
      ],
      fixed,
    })),
    // return or destroy (issue 23)
    {
      file: "_portal.procurement.agreements.$id.milestones.tsx",
      url: `/procurement/agreements/${agreement}/milestones`,
      params: { id: agreement },
      actor: "procurement",
      fields: ["intent", "phaseKey", "kind", "effectiveDate", "note", "confirm"],
    },
    // no request exists in this world: whatever is posted, the certify form answers 404 and keeps no file
    {
      file: "_portal.supplier.returns.$requestId.tsx",
      url: `/supplier/returns/${encodeURIComponent(`${agreement}:end:${org}`)}`,
      params: { requestId: `${agreement}:end:${org}` },
      actor: "supplier",
      fields: ["disposition.internal", "method.internal", "completedOn.internal", "signedByName", "certificate"],
      multipart: true,
    },
    {
      file: "_portal.$role.agreements.$id.audits.tsx",
      url: `/procurement/agreements/${agreement}/audits`,
      params: { role: "procurement", id: agreement },
      actor: "procurement",
      fields: ["intent", "supplierId", "scheduledFor", "scope", "afterIncident", "incidentId", "auditId"],
    },
    {
      file: "_portal.$role.agreements.$id.audits_.$auditId.tsx",
      url: auditUrl,
      params: auditParams,
      actor: "procurement",
      fields: [
        "intent",
        "outcome",
        "completedOn",
        "summary",
        "requirementId",
        "severity",
        "description",
        "dueDate",
        "findingId",
        "note",
      ],
    },
    {
      file: "_portal.supplier.audits.tsx",
      url: "/supplier/audits",
      params: {},
      actor: "supplier",
      fields: ["findingId", "response"],
    },
  ];
  const supplierFields = {
    name: ORG.name,
    registrationNumber: ORG.registrationNumber,
    contactEmail: ORG.contactEmail,
    service: ORG.service,
  };
  const discloserFields = { name: ORG.name, legalName: ORG.legalName, registrationNumber: ORG.registrationNumber };
  const agreementFields = {
    reference: AG.reference,
    title: AG.title,
    governingLaw: AG.governingLaw,
    arbitrationSeat: AG.arbitrationSeat,
    purposeDescription: AG.purposeDescription,
    knowHowNotes: AG.knowHowNotes,
    cooperationDuties: AG.cooperationDuties,
    "escalation.0.name": AG.contactName,
    "escalation.0.email": AG.contactEmail,
    "escalation.0.phone": AG.contactPhone,
    "phases.0.name": AG.phaseName,
    "phases.0.purpose": AG.phasePurpose,
    permittedJurisdictions: AG.permittedJurisdictions,
    requiredCertifications: AG.requiredCertifications,
  };
  const someId = "ffffffffffffffffffffffff";
  textForms = [
    {
      file: "forgot-password.tsx",
      url: "/forgot-password",
      params: {},
      actor: "anonymous",
      limits: { email: EMAIL_MAX },
    },
    {
      file: "login.tsx",
      url: "/login",
      params: {},
      actor: "anonymous",
      limits: { email: EMAIL_MAX, password: PASSWORD_MAX },
    },
    {
      file: "welcome.$token.tsx",
      url: `/welcome/${invite.token}`,
      params: { token: invite.token },
      actor: "anonymous",
      fixed: { intent: "set-up", ...mismatch },
      limits: { name: NAME_MAX, password: PASSWORD_MAX },
    },
    {
      file: "reset-password.$token.tsx",
      url: `/reset-password/${reset.token}`,
      params: { token: reset.token },
      actor: "anonymous",
      fixed: mismatch,
      limits: { password: PASSWORD_MAX },
    },
    {
      file: "_portal.account.tsx",
      url: "/account",
      params: {},
      actor: "admin",
      fixed: { intent: "change-password" },
      limits: { currentPassword: PASSWORD_MAX, newPassword: PASSWORD_MAX, confirm: PASSWORD_MAX },
    },
    {
      file: "_portal.account_.team.tsx",
      url: "/account/team",
      params: {},
      actor: "supplier",
      fixed: { intent: "invite" },
      limits: { email: EMAIL_MAX, name: NAME_MAX },
    },
    {
      file: "_portal.account_.team_.api-tokens.tsx",
      url: "/account/team/api-tokens",
      params: {},
      actor: "supplier",
      fixed: { intent: "create", scope: "read", expiresInDays: "30" },
      limits: { name: API_TOKEN_NAME_MAX },
    },
    {
      file: "_portal.account_.team_.webhooks.tsx",
      url: "/account/team/webhooks",
      params: {},
      actor: "supplier",
      fixed: { intent: "create", events: "incident.reported" },
      limits: { url: WEBHOOK_URL_MAX, description: WEBHOOK_DESCRIPTION_MAX },
    },
    {
      file: "_portal.account_.team_.sso.tsx",
      url: "/account/team/sso",
      params: {},
      actor: "supplier",
      fixed: {
        intent: "save",
        issuer: "https://login.bad-input.example",
        clientId: "client",
        clientSecret: "secret",
        domains: "bad-input.example",
      },
      limits: { issuer: 500, clientId: 500, clientSecret: 2000, domains: 5000 },
    },
    {
      file: "login.tsx",
      url: "/login",
      params: {},
      actor: "anonymous",
      fixed: { intent: "sso" },
      limits: { email: EMAIL_MAX },
    },
    {
      file: "procurement.agreements.$id.contacts.tsx",
      url: `/procurement/agreements/${agreement}/contacts`,
      params: { id: agreement },
      actor: "procurement",
      fixed: { intent: "invite", email: "contact@example.test" },
      limits: { email: EMAIL_MAX, name: NAME_MAX },
    },
    ...[
      ["_portal.admin.organisations.new.tsx", "/admin/organisations/new", {}, { kind: "supplier", country: "DE" }],
      [
        "_portal.admin.organisations.$id.tsx",
        `/admin/organisations/${org}`,
        { id: org },
        { intent: "edit", country: "DE" },
      ],
    ].map(([file, url, params, fixed]) => ({
      file: file as string,
      url: url as string,
      params: params as Record<string, string>,
      actor: "admin",
      fixed: fixed as Record<string, string>,
      limits: discloserFields,
    })),
    ...(
      [
        ["_portal.procurement.suppliers.new.tsx", "/procurement/suppliers/new", {}, supplierFields],
        [
          "_portal.procurement.suppliers.$id.edit.tsx",
          `/procurement/suppliers/${w.tier1._id}/edit`,
          { id: String(w.tier1._id) },
          supplierFields,
        ],
        ["_portal.procurement.disclosing-parties.new.tsx", "/procurement/disclosing-parties/new", {}, discloserFields],
        [
          "_portal.procurement.disclosing-parties.$id.edit.tsx",
          `/procurement/disclosing-parties/${w.discloser._id}/edit`,
          { id: String(w.discloser._id) },
          discloserFields,
        ],
      ] as const
    ).map(([file, url, params, limits]) => ({
      file,
      url,
      params,
      actor: "procurement",
      fixed: { country: "DE" },
      limits,
    })),
    {
      file: "procurement.directory.tsx",
      url: "/procurement/directory",
      params: {},
      actor: "procurement",
      fixed: { kind: "supplier", country: "DE" },
      limits: supplierFields,
    },
    {
      file: "_portal.procurement.agreements.new.tsx",
      url: "/procurement/agreements/new",
      params: {},
      actor: "procurement",
      limits: agreementFields,
    },
    {
      file: "_portal.procurement.agreements.$id.edit.tsx",
      url: `/procurement/agreements/${agreement}/edit`,
      params: { id: agreement },
      actor: "procurement",
      fixed: { revision: String(w.agreement.revision ?? 1) },
      limits: agreementFields,
    },
    {
      file: "_portal.procurement.assessments.new.tsx",
      url: "/procurement/assessments/new",
      params: {},
      actor: "procurement",
      limits: { emails: RECIPIENTS_FIELD_MAX },
    },
    ...(
      [
        [{ intent: "invite" }, { email: EMAIL_MAX }],
        [
          { intent: "override", requirementId: "FD-CONF-01", status: "met" },
          { justification: REVIEW_LIMITS.justification },
        ],
        [{ intent: "decide", decision: "rejected" }, { comment: REVIEW_LIMITS.comment }],
        [{ intent: "reapprove" }, { comment: REVIEW_LIMITS.comment }],
        [
          { intent: "remediate", "items.0.requirementId": "FD-CONF-01", "items.0.dueDate": "2099-01-01" },
          { "items.0.description": REVIEW_LIMITS.remediationDescription },
        ],
      ] as const
    ).map(([fixed, limits]) => ({
      file: "_portal.procurement.assessments.$id.tsx",
      url: `/procurement/assessments/${assessment}`,
      params: { id: assessment },
      actor: "procurement",
      fixed,
      limits,
    })),
    {
      file: "_portal.supplier.agreements.$id.subcontractors.tsx",
      url: `/supplier/agreements/${agreement}/subcontractors`,
      params: { id: agreement },
      actor: "supplier",
      fixed: { intent: "declare", country: "DE" },
      limits: {
        name: SUB.name,
        registrationNumber: SUB.registrationNumber,
        service: SUB.service,
        contactEmail: SUB.contactEmail,
      },
    },
    ...(
      [
        [
          { intent: "accept", proposalId: someId, match: "new", maxClass: "internal", accessLevel: "read" },
          { service: SUB.service },
        ],
        [{ intent: "reject", proposalId: someId }, { reason: SUB.reason }],
      ] as const
    ).map(([fixed, limits]) => ({
      file: "_portal.procurement.agreements.$id.subcontractors.tsx",
      url: `/procurement/agreements/${agreement}/subcontractors`,
      params: { id: agreement },
      actor: "procurement",
      fixed,
      limits,
    })),
    {
      file: "_portal.supplier.incidents.tsx",
      url: "/supplier/incidents",
      params: {},
      actor: "supplier",
      fixed: { agreementId: agreement, detectedAt: "2026-01-01T10:00", classes: "confidential" },
      limits: { description: INCIDENT_DESCRIPTION_MAX },
    },
    {
      file: "_portal.admin.questionnaires.import.tsx",
      url: "/admin/questionnaires/import",
      params: {},
      actor: "admin",
      fixed: { intent: "publish", draftId: someId },
      limits: PUBLISH_LIMITS,
    },
    {
      file: "_portal.supplier.certifications.tsx",
      url: "/supplier/certifications",
      params: {},
      actor: "supplier",
      fixed: {
        standard: "ISO/IEC 27001:2022",
        certificateNumber: "DE-1",
        certificationBody: "TÜV",
        scope: "Hosting",
        issueDate: "2025-01-01",
        expiryDate: "2028-01-01",
      },
      limits: CERTIFICATION_LIMITS,
      multipart: true,
    },
    {
      file: "api.assessments.$id.answers.tsx",
      url: `/api/assessments/${assessment}/answers`,
      params: { id: assessment },
      actor: "supplier",
      limits: { orgLegalName: ANSWER_TEXT_MAX },
    },
    // compelled disclosure (issue 23)
    {
      file: "_portal.supplier.legal-demands.tsx",
      url: "/supplier/legal-demands",
      params: {},
      actor: "supplier",
      fixed: {
        agreementId: agreement,
        authority: "District Court of Zurich",
        jurisdiction: "CH",
        receivedOn: "2026-01-05",
        complyBy: "2026-02-05",
        classes: "confidential",
        noticePermitted: "no",
        barredReason: "Non-disclosure order",
      },
      limits: { authority: AUTHORITY_MAX, barredReason: BARRED_REASON_MAX, description: DEMAND_DESCRIPTION_MAX },
    },
    // return or destroy (issue 23): not confirmed, so nothing is recorded whatever the note
    {
      file: "_portal.procurement.agreements.$id.milestones.tsx",
      url: `/procurement/agreements/${agreement}/milestones`,
      params: { id: agreement },
      actor: "procurement",
      fixed: { intent: "end", kind: "termination", effectiveDate: "2026-01-01", confirm: "" },
      limits: { note: MILESTONE_NOTE_MAX },
    },
    {
      file: "_portal.$role.agreements.$id.audits.tsx",
      url: `/procurement/agreements/${agreement}/audits`,
      params: { role: "procurement", id: agreement },
      actor: "procurement",
      fixed: { intent: "schedule", supplierId: String(w.tier1._id), scheduledFor: "2099-01-01" },
      limits: { scope: AUDIT.SCOPE_MAX },
    },
    {
      file: "_portal.$role.agreements.$id.audits_.$auditId.tsx",
      url: auditUrl,
      params: auditParams,
      actor: "procurement",
      fixed: { intent: "outcome", outcome: "findings", completedOn: "2026-02-06" },
      limits: { summary: AUDIT.SUMMARY_MAX },
    },
    {
      file: "_portal.$role.agreements.$id.audits_.$auditId.tsx",
      url: auditUrl,
      params: auditParams,
      actor: "procurement",
      fixed: { intent: "finding", requirementId: "FD-CONF-01", severity: "major", dueDate: "2099-01-01" },
      limits: { description: AUDIT.DESCRIPTION_MAX },
    },
    {
      file: "_portal.$role.agreements.$id.audits_.$auditId.tsx",
      url: auditUrl,
      params: auditParams,
      actor: "procurement",
      fixed: { intent: "close", findingId: someId },
      limits: { note: AUDIT.NOTE_MAX },
    },
    {
      file: "_portal.supplier.audits.tsx",
      url: "/supplier/audits",
      params: {},
      actor: "supplier",
      fixed: { findingId: someId },
      limits: { response: AUDIT.RESPONSE_MAX },
    },
  ];
}, 120_000);

beforeEach(async () => {
  await Attempt.deleteMany({});
});

function bodiesFor(t: Target): { body: BodyInit; type: string; label: string }[] {
  const out: { body: BodyInit; type: string; label: string }[] = [];
  if (t.json) for (const b of JSON_BODIES) out.push({ body: b, type: "application/json", label: b.slice(0, 60) });
  else
    for (const p of formCases(t.fields, t.fixed))
      out.push({ body: p.toString(), type: "application/x-www-form-urlencoded", label: p.toString().slice(0, 60) });
  if (t.multipart)
    for (const m of MULTIPART_BODIES)
      out.push({ body: m.body, type: m.type, label: `multipart ${m.body.slice(0, 160).replace(/\s+/g, " ")}` });
  out.push({ body: "email=a&password=b", type: "text/plain", label: "text/plain" });
  out.push({
    body: JSON.stringify({ email: { $ne: "" }, password: { $gt: "" } }),
    type: "application/json",
    label: "JSON where a form is expected",
  });
  return out;
}

describe("malformed input to every action", () => {
  it("covers every route with an action, and generates at least 200 inputs", () => {
    const withAction = Object.entries(routes)
      .filter(([, m]) => m.action)
      .map(([f]) => f)
      // signing out takes no input
      .filter((f) => f !== "logout.tsx");
    expect([...new Set(targets.map((t) => t.file))].sort()).toEqual(withAction.sort());
    expect(targets.reduce((n, t) => n + bodiesFor(t).length, 0)).toBeGreaterThanOrEqual(200);
  });

  it("never answers 500 and stores nothing from a rejected request", async () => {
    let tried = 0;
    const failures: string[] = [];
    for (const t of targets) {
      const action = secureRouteModule(routes[t.file]).action!;
      const before = await collectionSnapshot();
      for (const { body, type, label } of bodiesFor(t)) {
        tried++;
        // uploads write as they stream: check those one by one, so a failure names its input
        const own = type.startsWith("multipart/") ? await collectionSnapshot() : null;
        const headers: Record<string, string> = {
          "Content-Type": type,
          Origin: "http://localhost",
          "Sec-Fetch-Site": "same-origin",
        };
        if (cookies[t.actor]) headers.Cookie = cookies[t.actor];
        const request = new Request(`http://localhost${t.url}`, { method: "POST", body, headers });
        try {
          const outcome = await outcomeOf(() => action({ request, params: t.params, context: {} }));
          // accepted input would be a 2xx or a redirect; an unusable invitation link redirects to itself
          const accepted = outcome === "ok" || (outcome === "redirect" && t.file !== "invite.$token.tsx");
          if (typeof outcome === "number" && outcome >= 500) failures.push(`${t.file} ${label}: ${outcome}`);
          if (accepted) failures.push(`${t.file} ${label}: accepted (${outcome})`);
        } catch (error) {
          failures.push(
            `${t.file} ${label}: threw ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`,
          );
        }
        if (own && JSON.stringify(await collectionSnapshot()) !== JSON.stringify(own))
          failures.push(`${t.file} ${label}: stored something (${JSON.stringify(await outcomeOf(() => "n/a"))})`);
      }
      const after = await collectionSnapshot();
      if (JSON.stringify(after) !== JSON.stringify(before))
        failures.push(
          `${t.file} ${t.fixed?.intent ?? ""}: stored something: ${JSON.stringify(Object.keys(after).filter((k) => after[k] !== before[k]))}`,
        );
    }
    expect(failures).toEqual([]);
    expect(tried).toBeGreaterThanOrEqual(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  }, 600_000);
});

/** A value one character over `max` that is otherwise well formed for the field (an address for e-mail fields). */
function overLong(field: string, max: number): string {
  if (/email/i.test(field)) return `${"a".repeat(max + 1 - "@example.test".length)}@example.test`;
  return "x".repeat(max + 1);
}

function textFormRequest(t: TextForm, field: string, value: string): Request {
  const headers: Record<string, string> = { Origin: "http://localhost", "Sec-Fetch-Site": "same-origin" };
  if (cookies[t.actor]) headers.Cookie = cookies[t.actor];
  const url = `http://localhost${t.url}`;
  if (t.file.startsWith("api.")) {
    headers["Content-Type"] = "application/json";
    return new Request(url, {
      method: "POST",
      headers,
      body: JSON.stringify({ baseRevision: 0, changes: { [field]: value } }),
    });
  }
  if (t.multipart) {
    const form = new FormData();
    for (const [k, v] of Object.entries({ ...t.fixed, [field]: value })) form.append(k, v);
    return new Request(url, { method: "POST", headers, body: form });
  }
  headers["Content-Type"] = "application/x-www-form-urlencoded";
  return new Request(url, { method: "POST", headers, body: new URLSearchParams({ ...t.fixed, [field]: value }) });
}

/** The messages a refusal gives beside `field` (or, for the JSON API, its message). */
async function refusalMessages(result: unknown, field: string): Promise<{ status: number; messages: string[] }> {
  if (result instanceof Response) {
    const body = (await result.json().catch(() => ({}))) as { error?: string };
    return { status: result.status, messages: body.error ? [body.error] : [] };
  }
  const { status, data } = replyOf(result);
  return { status, messages: (data as { errors?: Record<string, string[]> } | null)?.errors?.[field] ?? [] };
}

describe("over-long text in every form", () => {
  it("covers every route with an action: each has its text fields here, or says why it has none", () => {
    const withAction = Object.entries(routes)
      .filter(([, m]) => m.action)
      .map(([f]) => f);
    const covered = new Set([...textForms.map((t) => t.file), ...Object.keys(NO_FREE_TEXT)]);
    expect(withAction.filter((f) => !covered.has(f))).toEqual([]);
  });

  it("refuses a value one character over a field's limit beside that field, naming the limit, and stores nothing", async () => {
    const failures: string[] = [];
    const before = await collectionSnapshot();
    for (const t of textForms) {
      const action = secureRouteModule(routes[t.file]).action!;
      for (const [field, max] of Object.entries(t.limits)) {
        let value: unknown;
        try {
          value = await action({
            request: textFormRequest(t, field, overLong(field, max)),
            params: t.params,
            context: {},
          });
        } catch (thrown) {
          if (!(thrown instanceof Response)) throw thrown;
          value = thrown;
        }
        const result = await refusalMessages(value, field);
        const limit = new RegExp(`at most ${formatCount(max)} characters`, "i");
        if (result.status !== 400 || !result.messages.some((m) => limit.test(m)))
          failures.push(
            `${t.file} ${t.fixed?.intent ?? ""} ${field}: ${result.status} ${JSON.stringify(result.messages)}`,
          );
      }
    }
    expect(failures).toEqual([]);
    expect(await collectionSnapshot()).toEqual(before);
  }, 300_000);
});

describe("malformed input to every API operation", () => {
  const operations = [
    {
      file: "api.v1.agreements._index.tsx",
      path: () => "/api/v1/agreements",
      params: () => ({}),
      query: "ListAgreementsQuery" as const,
    },
    {
      file: "api.v1.assessments._index.tsx",
      path: () => "/api/v1/assessments",
      params: () => ({}),
      query: "ListAssessmentsQuery" as const,
    },
    {
      file: "api.v1.incidents._index.tsx",
      path: () => "/api/v1/incidents",
      params: () => ({}),
      query: "ListIncidentsQuery" as const,
    },
    {
      file: "api.v1.agreements.$id.suppliers.tsx",
      path: () => `/api/v1/agreements/${api.agreement}/suppliers`,
      params: () => ({ id: api.agreement }),
    },
    {
      file: "api.v1.suppliers._index.tsx",
      path: () => "/api/v1/suppliers",
      params: () => ({}),
      query: "ListSuppliersQuery" as const,
    },
    {
      file: "api.v1.suppliers.$id.tsx",
      path: () => `/api/v1/suppliers/${api.supplier}`,
      params: () => ({ id: api.supplier }),
    },
    {
      file: "api.v1.questionnaires._index.tsx",
      path: () => "/api/v1/questionnaires",
      params: () => ({}),
    },
    {
      file: "api.v1.certificates._index.tsx",
      path: () => "/api/v1/certificates",
      params: () => ({}),
      query: "ListCertificatesQuery" as const,
    },
    {
      file: "api.v1.reports._index.tsx",
      path: () => "/api/v1/reports",
      params: () => ({}),
      query: "ListReportsQuery" as const,
    },
    {
      file: "api.v1.reports.$id.pdf.tsx",
      // any well-formed id: a bad query is refused before the report is looked up
      path: () => `/api/v1/reports/${api.agreement}/pdf`,
      params: () => ({ id: api.agreement }),
    },
    {
      file: "api.v1.assessments.$id.tsx",
      path: () => `/api/v1/assessments/${api.assessment}`,
      params: () => ({ id: api.assessment }),
    },
  ];

  /** operations that take a JSON body: every field of it gets every bad value (the next test) */
  const bodyOperations = ["api.v1.agreements.$id.assessments.tsx", "api.v1.reports.verify.tsx"];

  it("covers every API operation that takes input", () => {
    const withInput = Object.keys(routes).filter((f) => f.startsWith("api.v1.") && !/openapi|docs/.test(f));
    expect([...operations.map((o) => o.file), ...bodyOperations].sort()).toEqual(withInput.sort());
  });

  it("answers each bad body field of a send with a 400 or 422 problem naming it, never a 500, sending nothing", async () => {
    const { SendAssessmentBody } = await import("#app/features/api/schemas");
    const { API_RATE_LIMIT } = await import("#app/features/api/auth.server");
    const owner = await signedInUser(api.owner);
    const tokens: string[] = [];
    const action = secureRouteModule(routes["api.v1.agreements.$id.assessments.tsx"]).action!;
    const valid = {
      supplierId: api.supplier,
      templateId: "full-security",
      dueDate: "2099-03-01",
      recipients: ["bad-input@tier2.example"],
    };
    let calls = 0;
    const post = async (body: unknown) => {
      if (calls++ % (API_RATE_LIMIT.max - 1) === 0)
        tokens.push(
          (await createApiToken(owner, { name: `send ${calls}`, scope: "read-write", expiresInDays: 30 }, { ip: null }))
            .token,
        );
      const request = new Request(`http://localhost/api/v1/agreements/${api.agreement}/assessments`, {
        method: "POST",
        headers: { Authorization: `Bearer ${tokens[tokens.length - 1]}`, "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      try {
        return (await action({ request, params: { id: api.agreement }, context: {} })) as Response;
      } catch (thrown) {
        if (thrown instanceof Response) return thrown;
        throw thrown;
      }
    };
    const { Assessment } = await import("#models/assessment.server");
    const { Outbox } = await import("#models/outbox.server");
    const before = [await Assessment.countDocuments({}), await Outbox.countDocuments({})];
    const failures: string[] = [];
    const values: unknown[] = [...VALUES, null, 1, -1, true, [], {}, { $gt: "" }, [HUGE], ["a@b.example", { $ne: 1 }]];
    for (const name of [...Object.keys(SendAssessmentBody.shape), ...FIELD_NAMES])
      for (const value of values) {
        // a boolean is what sendAnother takes: that would send
        if (name === "sendAnother" && typeof value === "boolean") continue;
        const body = JSON.parse(JSON.stringify(valid)) as Record<string, unknown>;
        Object.defineProperty(body, name, { value, enumerable: true, configurable: true, writable: true });
        const res = await post(body);
        const problem = (await res.json().catch(() => null)) as { errors?: Record<string, string[]> } | null;
        const named = Object.keys(problem?.errors ?? {}).some((k) => k === name || k.startsWith(`${name}.`));
        if (
          ![400, 422].includes(res.status) ||
          res.headers.get("Content-Type") !== "application/problem+json" ||
          !named
        )
          failures.push(
            `${name}=${JSON.stringify(value).slice(0, 30)}: ${res.status} ${JSON.stringify(problem?.errors)}`,
          );
      }
    expect(failures).toEqual([]);
    expect([await Assessment.countDocuments({}), await Outbox.countDocuments({})]).toEqual(before);
  }, 300_000);

  it("answers each bad verify body with a 400 problem naming the field, never a 500", async () => {
    const { VerifyReportBody } = await import("#app/features/api/schemas");
    const owner = await signedInUser(api.owner);
    let token = "";
    let calls = 0;
    const action = secureRouteModule(routes["api.v1.reports.verify.tsx"]).action!;
    const failures: string[] = [];
    const values: unknown[] = [...VALUES, null, 1, true, [], {}, { $gt: "" }, "0".repeat(63), "g".repeat(64)];
    for (const name of [...Object.keys(VerifyReportBody.shape), ...FIELD_NAMES])
      for (const value of values) {
        // a token makes API_RATE_LIMIT.max requests a minute: a fresh one every 100
        if (calls++ % 100 === 0)
          token = (
            await createApiToken(owner, { name: `verify ${calls}`, scope: "read", expiresInDays: 30 }, { ip: null })
          ).token;
        const body = { sha256: "0".repeat(64) } as Record<string, unknown>;
        Object.defineProperty(body, name, { value, enumerable: true, configurable: true, writable: true });
        const request = new Request("http://localhost/api/v1/reports/verify", {
          method: "POST",
          headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
          body: JSON.stringify(body),
        });
        let res: Response;
        try {
          res = (await action({ request, params: {}, context: {} })) as Response;
        } catch (thrown) {
          if (!(thrown instanceof Response)) throw thrown;
          res = thrown;
        }
        const problem = (await res.json().catch(() => null)) as { errors?: Record<string, string[]> } | null;
        if (res.status !== 400 || !Object.keys(problem?.errors ?? {}).includes(name))
          failures.push(`${name}=${JSON.stringify(value).slice(0, 30)}: ${res.status}`);
      }
    expect(failures).toEqual([]);
  }, 120_000);

  it("answers each bad query parameter and path id with a 400 problem naming it, never a 500, storing nothing", async () => {
    const failures: string[] = [];
    const schemas = await import("#app/features/api/schemas");
    const { API_RATE_LIMIT } = await import("#app/features/api/auth.server");
    // a token makes API_RATE_LIMIT.max requests a minute: enough tokens, each used once before the
    // snapshot (its first use notes lastUsedAt, the only write an API read makes)
    const tokens = [api.token];
    const owner = await signedInUser(api.owner);
    for (let i = 0; i < 30; i++)
      tokens.push(
        (await createApiToken(owner, { name: `bad input ${i}`, scope: "read", expiresInDays: 30 }, { ip: null })).token,
      );
    let calls = 0;
    const call = async (op: (typeof operations)[number], query: string, params = op.params()) => {
      const loader = secureRouteModule(routes[op.file]).loader!;
      const token = tokens[Math.floor(calls++ / (API_RATE_LIMIT.max - 1))];
      const request = new Request(`http://localhost${op.path()}?${query}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      try {
        return (await loader({ request, params, context: {} })) as Response;
      } catch (thrown) {
        if (thrown instanceof Response) return thrown;
        throw thrown;
      }
    };
    for (const token of tokens) {
      const loader = secureRouteModule(routes[operations[0].file]).loader!;
      const request = new Request("http://localhost/api/v1/agreements", {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(((await loader({ request, params: {}, context: {} })) as Response).status).toBe(200);
    }
    const before = await collectionSnapshot();
    for (const op of operations) {
      const query = op.query ? schemas[op.query] : null;
      const names = [...(query ? Object.keys(query.shape) : []), ...FIELD_NAMES];
      for (const name of names)
        for (const value of VALUES) {
          const res = await call(op, new URLSearchParams({ [name]: value }).toString());
          // a free-text field (a search) takes most of these: its schema says which, and those are answered
          const field =
            query && Object.hasOwn(query.shape, name)
              ? (query.shape[name as keyof typeof query.shape] as { safeParse(v: unknown): { success: boolean } })
              : null;
          if (field?.safeParse(new URLSearchParams({ v: value }).get("v")).success) {
            if (res.status !== 200) failures.push(`${op.file} ?${name}=${value.slice(0, 30)}: ${res.status}, not 200`);
            continue;
          }
          const body = res.status === 400 ? ((await res.json()) as { errors?: Record<string, string[]> }) : null;
          if (
            res.status !== 400 ||
            res.headers.get("Content-Type") !== "application/problem+json" ||
            !body?.errors?.[name]
          )
            failures.push(`${op.file} ?${name}=${value.slice(0, 30)}: ${res.status}`);
        }
      if (op.file.includes("$id"))
        for (const value of VALUES) {
          const res = await call(op, "", { id: value });
          if (![400, 404].includes(res.status)) failures.push(`${op.file} id=${value.slice(0, 30)}: ${res.status}`);
        }
    }
    expect(failures).toEqual([]);
    expect(await collectionSnapshot()).toEqual(before);
  }, 300_000);
});
