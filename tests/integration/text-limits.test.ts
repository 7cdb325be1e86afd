import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { formRequest, sessionCookie } from "#tests/fixtures/factories";
import { createAssessmentWorld } from "#tests/fixtures/assessments";
import { replyOf } from "#tests/helpers/responses";
import { collectionSnapshot } from "#tests/fixtures/routes";

/**
 * Text that is too long is refused beside its field and kept for the form,
 * never cut to fit and saved: a certificate's scope, a remediation answer,
 * the recipients of a questionnaire, a question name sent with a file.
 */
setupTestDatabase();

const { secureRouteModule } = await import("#app/lib/security.server");
const certificationsRoute = await import("#app/routes/_portal.supplier.certifications");
const supplierAssessmentRoute = await import("#app/routes/_portal.supplier.assessments.$id");
const sendRoute = await import("#app/routes/_portal.procurement.assessments.new");
const evidenceApi = await import("#app/routes/api.assessments.$id.evidence");
const { Certification } = await import("#models/certification.server");
const { Assessment } = await import("#models/assessment.server");
const { CERTIFICATION_LIMITS } = await import("#app/features/evidence/certification-input");
const { REVIEW_LIMITS } = await import("#app/features/review/review-limits");
const { RECIPIENTS_FIELD_MAX } = await import("#app/features/assessments/send-limits");
const { QUESTION_NAME_MAX } = await import("#app/features/evidence/assessment-uploads.server");

/** A multipart POST as the browser sends the form, through the same guard as the served build. */
function multipartRequest(url: string, form: FormData, cookie: string): Request {
  return new Request(`http://localhost${url}`, {
    method: "POST",
    body: form,
    headers: { Cookie: cookie, Origin: "http://localhost", "Sec-Fetch-Site": "same-origin" },
  });
}

const certificationAction = secureRouteModule(certificationsRoute as never).action!;

function certificateForm(fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  const values = {
    standard: "ISO/IEC 27001:2022",
    certificateNumber: `DE-${Math.random().toString(36).slice(2, 10)}`,
    certificationBody: "TÜV Nord Cert",
    scope: "Hosting of customer workloads in Frankfurt",
    issueDate: "2025-01-01",
    expiryDate: "2028-01-01",
    controls: "",
    ...fields,
  };
  for (const [k, v] of Object.entries(values)) form.append(k, v);
  return form;
}

async function supplierWorld() {
  const w = await createAssessmentWorld();
  return { ...w, cookie: await sessionCookie(String(w.supplierUser.user._id)) };
}

async function addCertificate(cookie: string, form: FormData) {
  return certificationAction({
    request: multipartRequest("/supplier/certifications", form, cookie),
    params: {},
    context: {},
  });
}

describe("a certificate's scope", () => {
  it("is refused beside the field when longer than its limit, kept for the form, and nothing is saved", async () => {
    const w = await supplierWorld();
    const scope = "s".repeat(CERTIFICATION_LIMITS.scope + 143);
    const before = await collectionSnapshot();
    const res = await addCertificate(w.cookie, certificateForm({ scope }));
    expect(res).toBeRefused("scope", "Scope is at most 2,000 characters (you entered 2,143)");
    // what the supplier typed comes back whole, to correct
    expect((replyOf(res).data as { values: Record<string, string> }).values.scope).toBe(scope);
    expect(await Certification.countDocuments({ supplierOrgId: w.tier1._id })).toBe(0);
    expect(await collectionSnapshot()).toEqual(before);
  });

  it("of exactly the limit is saved whole, and characters split across chunks of the upload stay whole", async () => {
    const w = await supplierWorld();
    // two-byte characters, sent in chunks of odd sizes so that characters fall across chunk boundaries
    const scope = "ü".repeat(CERTIFICATION_LIMITS.scope);
    const body = await new Response(certificateForm({ scope })).blob();
    const bytes = new Uint8Array(await body.arrayBuffer());
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 777) controller.enqueue(bytes.slice(i, i + 777));
        controller.close();
      },
    });
    const res = await certificationAction({
      request: new Request("http://localhost/supplier/certifications", {
        method: "POST",
        body: stream,
        duplex: "half",
        headers: {
          Cookie: w.cookie,
          "Content-Type": body.type,
          Origin: "http://localhost",
          "Sec-Fetch-Site": "same-origin",
        },
      } as RequestInit),
      params: {},
      context: {},
    });
    expect(res).toRedirectTo("/supplier/certifications?added=1");
    const stored = await Certification.findOne({ supplierOrgId: w.tier1._id }).lean();
    expect(stored!.scope).toBe(scope);
  });

  it("of 10 MB posted directly is refused with a clear error beside the field, not cut, not a 500", async () => {
    const w = await supplierWorld();
    const before = await collectionSnapshot();
    const res = await addCertificate(w.cookie, certificateForm({ scope: "x".repeat(10 * 1024 * 1024) }));
    const { status, data } = replyOf(res);
    expect(status).toBe(413);
    expect((data as { errors: Record<string, string[]> }).errors.scope).toEqual([
      "This text is too long: a form may send at most 2 MB of text.",
    ]);
    expect(await Certification.countDocuments({ supplierOrgId: w.tier1._id })).toBe(0);
    expect(await collectionSnapshot()).toEqual(before);
  });

  it("refuses each over-long text field of the form with its own limit", async () => {
    const w = await supplierWorld();
    const labels: Record<keyof typeof CERTIFICATION_LIMITS, string> = {
      standard: "The standard",
      certificateNumber: "The certificate number",
      certificationBody: "The certification body",
      scope: "Scope",
      controls: "The list of controls",
    };
    for (const [field, max] of Object.entries(CERTIFICATION_LIMITS)) {
      const res = await addCertificate(w.cookie, certificateForm({ [field]: "A".repeat(max + 1) }));
      expect(res).toBeRefused(
        field,
        `${labels[field as keyof typeof labels]} is at most ${max.toLocaleString("en-GB")} characters (you entered ${(max + 1).toLocaleString("en-GB")})`,
      );
    }
    expect(await Certification.countDocuments({ supplierOrgId: w.tier1._id })).toBe(0);
  });
});

describe("a supplier's answer to a remediation item", () => {
  async function answer(w: Awaited<ReturnType<typeof supplierWorld>>, response: string) {
    const stored = (await Assessment.findById(w.assessment._id).lean())!;
    const key = stored.remediation[0].key;
    const form = new FormData();
    form.append(`response.${key}`, response);
    const id = String(w.assessment._id);
    const res = await secureRouteModule(supplierAssessmentRoute as never).action!({
      request: multipartRequest(`/supplier/assessments/${id}`, form, w.cookie),
      params: { id },
      context: {},
    });
    return { res, key };
  }

  it("is saved whole up to its limit (it was cut to 2,000 characters)", async () => {
    const w = { ...(await createAssessmentWorld({ status: "remediation_requested" })) };
    const world = { ...w, cookie: await sessionCookie(String(w.supplierUser.user._id)) };
    const response = `${"Our incident procedure requires notice within 24 hours. ".repeat(100)}`.trim();
    expect(response.length).toBeGreaterThan(2000);
    expect(response.length).toBeLessThanOrEqual(REVIEW_LIMITS.remediationResponse);
    const { res } = await answer(world, response);
    expect(res).toEqual({ kind: "remediation-answered" });
    const stored = (await Assessment.findById(w.assessment._id).lean())!;
    expect(stored.remediation[0].response).toBe(response);
  });

  it("longer than its limit is refused beside the item, kept for the form, and nothing changes", async () => {
    const w = await createAssessmentWorld({ status: "remediation_requested" });
    const world = { ...w, cookie: await sessionCookie(String(w.supplierUser.user._id)) };
    const response = "r".repeat(REVIEW_LIMITS.remediationResponse + 1);
    const before = await collectionSnapshot();
    const { res, key } = await answer(world, response);
    const { status, data } = replyOf(res);
    expect(status).toBe(400);
    const body = data as unknown as { error: string; errors: Record<string, string[]>; fields: Record<string, string> };
    expect(body.errors[`response.${key}`]).toEqual(["Your answer is at most 10,000 characters (you entered 10,001)"]);
    expect(body.error).toMatch(/FD-CONF-01: Your answer is at most 10,000 characters/);
    expect(body.fields[`response.${key}`]).toBe(response);
    expect(await collectionSnapshot()).toEqual(before);
  });
});

describe("the recipients of a questionnaire", () => {
  it("are refused when the field is longer than its limit, never cut into another address", async () => {
    const w = await createAssessmentWorld();
    const cookie = await sessionCookie(String(w.procurement.user._id));
    // cut at 4,000 characters this was "ops@baltic.exam": a valid address, and the wrong one
    const emails = `${" ".repeat(3985)}ops@baltic.example.org`;
    expect(emails.length).toBeGreaterThan(RECIPIENTS_FIELD_MAX);
    const before = await collectionSnapshot();
    const res = await secureRouteModule(sendRoute as never).action!({
      request: formRequest(
        "/procurement/assessments/new",
        {
          agreementId: String(w.agreement._id),
          supplierOrgId: String(w.tier2._id),
          templateId: "short-low-risk",
          dueDate: "2099-01-01",
          emails,
        },
        cookie,
      ),
      params: {},
      context: {},
    });
    expect(res).toBeRefused(
      "emails",
      `The list of addresses is at most ${RECIPIENTS_FIELD_MAX.toLocaleString("en-GB")} characters (you entered 4,007)`,
    );
    expect((replyOf(res).data as { values: Record<string, string> }).values.emails).toBe(emails);
    expect(await collectionSnapshot()).toEqual(before);
  });
});

describe("the question name sent with an evidence file", () => {
  it("longer than any question's is refused and keeps none of the files", async () => {
    const w = await supplierWorld();
    const id = String(w.assessment._id);
    const form = new FormData();
    form.append("question", "q".repeat(QUESTION_NAME_MAX + 1));
    form.append("file", new File([Buffer.from("%PDF-1.4\n%%EOF\n")], "policy.pdf", { type: "application/pdf" }));
    const before = await collectionSnapshot();
    const res = (await secureRouteModule(evidenceApi as never).action!({
      request: multipartRequest(`/api/assessments/${id}/evidence`, form, w.cookie),
      params: { id },
      context: {},
    })) as Response;
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "The question name is at most 200 characters (you entered 201)" });
    expect(await collectionSnapshot()).toEqual(before);
  });
});
