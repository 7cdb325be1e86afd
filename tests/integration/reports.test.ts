import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { createOrg, createUser, formRequest, getRequest, sessionCookie, jsonRequest } from "#tests/fixtures/factories";
import { createAssessmentWorld, SHORT_TEMPLATE_GOOD_ANSWERS } from "#tests/fixtures/assessments";
import { tabOf } from "#tests/fixtures/agreement-page";
import { compact, pageTexts } from "#tests/helpers/pdf";
import { replyOf } from "#tests/helpers/responses";

setupTestDatabase();

const { action: reviewAction, loader: reviewLoader } = await import("#app/routes/_portal.procurement.assessments.$id");
const { action: supplierAction } = await import("#app/routes/_portal.supplier.assessments.$id");
const { action: discloserAgreementAction, loader: discloserAgreementLoader } = await import(
  "#app/routes/_portal.discloser.agreements.$id"
);
const { loader: downloadLoader } = await import("#app/routes/reports.$id");
const { action: verifyAction, loader: verifyLoader } = await import("#app/routes/verify");
const { action: saveAction } = await import("#app/routes/api.assessments.$id.answers");
const { ReportRecord } = await import("#models/report.server");
const { AuditEvent } = await import("#models/audit-event.server");

type Verified = {
  verification: {
    authentic: boolean;
    version?: number;
    subject?: string;
    agreementRef?: string;
    latest?: { version: number } | null;
  };
};

async function submittedWorld() {
  const w = await createAssessmentWorld();
  const id = String(w.assessment._id);
  const supplierCookie = await sessionCookie(String(w.supplierUser.user._id));
  const save = (await saveAction({
    request: jsonRequest(
      `/api/assessments/${id}/answers`,
      { baseRevision: 0, changes: { ...SHORT_TEMPLATE_GOOD_ANSWERS, breachNotifyHours: 48 } },
      supplierCookie,
    ),
    params: { id },
    context: {},
  })) as Response;
  expect(save.status).toBe(200);
  await supplierAction({
    request: formRequest(`/supplier/assessments/${id}`, { intent: "submit" }, supplierCookie),
    params: { id },
    context: {},
  });
  const procurementCookie = await sessionCookie(String(w.procurement.user._id));
  const discloserCookie = await sessionCookie(String(w.discloserUser.user._id));
  return { ...w, id, supplierCookie, procurementCookie, discloserCookie };
}

function review(w: { id: string; procurementCookie: string }, fields: Record<string, string>) {
  return reviewAction({
    request: formRequest(`/procurement/assessments/${w.id}`, fields, w.procurementCookie),
    params: { id: w.id },
    context: {},
  });
}

async function download(reportId: string, cookie: string): Promise<Buffer> {
  const res = (await downloadLoader({
    request: getRequest(`/reports/${reportId}`, cookie),
    params: { id: reportId },
    context: {},
  })) as Response;
  expect(res.status).toBe(200);
  expect(res.headers.get("Content-Type")).toBe("application/pdf");
  const bytes = Buffer.from(await res.arrayBuffer());
  expect(Number(res.headers.get("Content-Length"))).toBe(bytes.length);
  expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename=".+-v\d+\.pdf"/);
  return bytes;
}

async function status(p: Promise<unknown>): Promise<number> {
  try {
    const r = await p;
    return r instanceof Response ? r.status : 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

function sha256(b: Buffer) {
  return crypto.createHash("sha256").update(b).digest("hex");
}

function uploadRequest(bytes: Buffer, name = "report.pdf") {
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array(bytes)], { type: "application/pdf" }), name);
  return new Request("http://localhost/verify", { method: "POST", body: form });
}

describe("assessment reports", () => {
  it("approving stores a report of the approved assessment whose text matches the review page, with the override and its justification", async () => {
    const w = await submittedWorld();
    const justification = "Addendum of 2026-11-20 commits the supplier to 24 h notification.";
    expect(
      ((await review(w, { intent: "override", requirementId: "FD-INC-01", status: "met", justification })) as Response)
        .status,
    ).toBe(302);
    expect(
      ((await review(w, { intent: "decide", decision: "approved", comment: "Cleared for phase 1." })) as Response)
        .status,
    ).toBe(302);

    const page = await reviewLoader({
      request: getRequest(`/procurement/assessments/${w.id}`, w.procurementCookie),
      params: { id: w.id },
      context: {},
    });
    expect(page.reports).toHaveLength(1);
    const v1 = page.reports[0];
    expect(v1).toMatchObject({ version: 1, trigger: "approval" });

    const pdf = await download(v1.id, w.procurementCookie);
    expect(sha256(pdf)).toBe(v1.sha256);
    const text = (await pageTexts(pdf)).join("\n");
    const flat = compact(text);
    expect(flat).toContain(compact("Tier One Hosting GmbH"));
    expect(flat).toContain(compact(w.agreement.reference));
    expect(text).toMatch(new RegExp(`\\b${page.result!.score}\\b`));
    expect(flat).toContain(compact(justification));
    expect(flat).toContain("Approved");
    for (const r of page.result!.requirements) expect(flat).toContain(r.requirementId);
    // the overridden requirement shows both results
    expect(text).toMatch(/OVERRIDDEN/);
    // times as the rest of the report and the review page print them, never a raw ISO instant
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    expect(flat).toMatch(/Overriddenby.+on\d{4}-\d{2}-\d{2}\d{2}:\d{2}UTC/);

    const audit = await AuditEvent.findOne({ action: "report.assessment.generated", targetId: w.id }).lean();
    expect(audit!.details).toMatchObject({ version: "1", sha256: v1.sha256, trigger: "approval" });
  });

  it("generates a new version on demand; versions are listed newest first and only the recipient and the discloser can download them", async () => {
    const w = await submittedWorld();
    expect(((await review(w, { intent: "report" })) as Response).status).toBe(302);
    expect(((await review(w, { intent: "report" })) as Response).status).toBe(302);
    const page = await reviewLoader({
      request: getRequest(`/procurement/assessments/${w.id}`, w.procurementCookie),
      params: { id: w.id },
      context: {},
    });
    expect(page.reports.map((r) => r.version)).toEqual([2, 1]);
    expect(page.reports[0].sha256).not.toBe(page.reports[1].sha256);
    const text = (await pageTexts(await download(page.reports[0].id, w.discloserCookie))).join(" ");
    expect(text).toMatch(/version 2/i);

    const other = await createOrg({ kind: "recipient" });
    const outsider = await createUser("procurement", { orgId: String(other._id) });
    const outsiderCookie = await sessionCookie(String(outsider.user._id));
    expect(
      await status(
        downloadLoader({
          request: getRequest(`/reports/${page.reports[0].id}`, outsiderCookie),
          params: { id: page.reports[0].id },
          context: {},
        }),
      ),
    ).toBe(404);
    expect(
      await status(
        downloadLoader({
          request: getRequest(`/reports/${page.reports[0].id}`, w.supplierCookie),
          params: { id: page.reports[0].id },
          context: {},
        }),
      ),
    ).toBe(403);
    expect(
      await status(
        downloadLoader({
          request: getRequest(`/reports/not-an-id`, w.procurementCookie),
          params: { id: "not-an-id" },
          context: {},
        }),
      ),
    ).toBe(404);
  });

  it("refuses a report of an assessment that has no score yet, and stores nothing", async () => {
    const w = await createAssessmentWorld();
    const id = String(w.assessment._id);
    const cookie = await sessionCookie(String(w.procurement.user._id));
    const res = await reviewAction({
      request: formRequest(`/procurement/assessments/${id}`, { intent: "report" }, cookie),
      params: { id },
      context: {},
    });
    expect(res).toHaveStatus(409);
    expect(replyOf(res).data.errors.report[0]).toMatch(/no score yet/);
    expect(await ReportRecord.countDocuments({ targetId: id })).toBe(0);
  });
});

describe("agreement reports", () => {
  it("the disclosing party generates the compliance report: every supplier of the chain, in its own script, with its result", async () => {
    const w = await submittedWorld();
    const agreementId = String(w.agreement._id);
    const res = (await discloserAgreementAction({
      request: formRequest(`/discloser/agreements/${agreementId}`, { intent: "report" }, w.discloserCookie),
      params: { id: agreementId },
      context: {},
    })) as Response;
    expect(res.status).toBe(302);
    const page = tabOf(
      await discloserAgreementLoader({
        request: getRequest(`/discloser/agreements/${agreementId}?tab=reports`, w.discloserCookie),
        params: { id: agreementId },
        context: {},
      }),
      "reports",
    );
    const matrix = tabOf(
      await discloserAgreementLoader({
        request: getRequest(`/discloser/agreements/${agreementId}`, w.discloserCookie),
        params: { id: agreementId },
        context: {},
      }),
      "compliance",
    );
    expect(page.reports).toHaveLength(1);
    const pdf = await download(page.reports[0].id, w.discloserCookie);
    expect(sha256(pdf)).toBe(page.reports[0].sha256);
    const flat = compact((await pageTexts(pdf)).join(" "));
    expect(flat).toContain(compact("Tier One Hosting GmbH"));
    expect(flat).toContain("株式会社ティアツー");
    const tier1 = matrix.compliance.suppliers.find((s) => s.name === "Tier One Hosting GmbH")!;
    expect(flat).toContain(`${tier1.latest!.score}`);
    for (const r of matrix.compliance.requirements) expect(flat).toContain(r.id);

    // a disclosing party of another agreement cannot generate or download it
    const otherDiscloser = await createOrg({ kind: "discloser" });
    const stranger = await createUser("discloser", { orgId: String(otherDiscloser._id) });
    const strangerCookie = await sessionCookie(String(stranger.user._id));
    expect(
      await status(
        discloserAgreementAction({
          request: formRequest(`/discloser/agreements/${agreementId}`, { intent: "report" }, strangerCookie),
          params: { id: agreementId },
          context: {},
        }),
      ),
    ).toBe(404);
    expect(
      await status(
        downloadLoader({
          request: getRequest(`/reports/${page.reports[0].id}`, strangerCookie),
          params: { id: page.reports[0].id },
          context: {},
        }),
      ),
    ).toBe(404);
    expect(await ReportRecord.countDocuments({ targetId: agreementId })).toBe(1);
  });
});

describe("verification", () => {
  it("accepts the original file, names the report and its version, says a newer one exists, and rejects a copy with one byte changed", async () => {
    const w = await submittedWorld();
    await review(w, { intent: "report" });
    const page1 = await reviewLoader({
      request: getRequest(`/procurement/assessments/${w.id}`, w.procurementCookie),
      params: { id: w.id },
      context: {},
    });
    const original = await download(page1.reports[0].id, w.procurementCookie);

    const fresh = replyOf<Verified>(
      await verifyAction({
        request: uploadRequest(original),
        params: {},
        context: {},
      }),
    );
    expect(fresh.data.verification).toMatchObject({
      authentic: true,
      version: 1,
      subject: "Tier One Hosting GmbH",
      agreementRef: w.agreement.reference,
      latest: null,
    });

    await review(w, { intent: "report" });
    const stale = replyOf<Verified>(
      await verifyAction({
        request: uploadRequest(original),
        params: {},
        context: {},
      }),
    );
    expect(stale.data.verification).toMatchObject({ authentic: true, version: 1, latest: { version: 2 } });

    const tampered = Buffer.from(original);
    const at = Math.floor(tampered.length / 2);
    tampered[at] = tampered[at] ^ 0x01;
    const rejected = replyOf<Verified>(
      await verifyAction({
        request: uploadRequest(tampered),
        params: {},
        context: {},
      }),
    );
    expect(rejected.data.verification.authentic).toBe(false);
  });

  it("checks a pasted SHA-256 (any case, with spaces around) and refuses one that is not a SHA-256 with a clear message", async () => {
    const w = await submittedWorld();
    await review(w, { intent: "report" });
    const [latest] = (
      await reviewLoader({
        request: getRequest(`/procurement/assessments/${w.id}`, w.procurementCookie),
        params: { id: w.id },
        context: {},
      })
    ).reports;
    const pasted = replyOf<Verified>(
      await verifyAction({
        request: formRequest("/verify", { sha256: `  ${latest.sha256.toUpperCase()} ` }),
        params: {},
        context: {},
      }),
    );
    expect(pasted.data.verification).toMatchObject({ authentic: true, version: 1, latest: null });

    const unknown = replyOf<Verified>(
      await verifyAction({
        request: formRequest("/verify", { sha256: "ab".repeat(32) }),
        params: {},
        context: {},
      }),
    );
    expect(unknown.data.verification.authentic).toBe(false);

    const bad = await verifyAction({
      request: formRequest("/verify", { sha256: "not a hash" }),
      params: {},
      context: {},
    });
    expect(bad).toBeRefused("sha256", /64 hexadecimal/);

    const byLink = await verifyLoader({
      request: getRequest(`/verify?sha256=${latest.sha256}`),
      params: {},
      context: {},
    });
    expect(byLink.result).toMatchObject({ verification: { authentic: true, version: 1 } });

    const empty = await verifyAction({
      request: uploadRequest(Buffer.alloc(0)),
      params: {},
      context: {},
    });
    expect(empty).toHaveStatus(400);
  });
});
