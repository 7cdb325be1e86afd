import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { createUser, sessionCookie } from "#tests/fixtures/factories";
import { createAssessmentWorld } from "#tests/fixtures/assessments";
import { collectionSnapshot, outcomeOf, routeModules } from "#tests/fixtures/routes";

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
      fields: ["intent"],
    },
    {
      file: "_portal.procurement.agreements.$id._index.tsx",
      url: `/procurement/agreements/${agreement}`,
      params: { id: agreement },
      actor: "procurement",
      fields: ["intent"],
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
    {
      file: "api.assessments.$id.evidence.tsx",
      url: `/api/assessments/${assessment}/evidence`,
      params: { id: assessment },
      actor: "supplier",
      fields: ["question"],
      multipart: true,
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
