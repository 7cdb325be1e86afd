import fs from "node:fs";
import mongoose from "mongoose";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { createAssessmentWorld, SHORT_TEMPLATE_GOOD_ANSWERS, signedInUser } from "#tests/fixtures/assessments";
import { createUser, formRequest, loadAs, sessionCookie } from "#tests/fixtures/factories";
import { outcomeOf } from "#tests/fixtures/routes";
import { replyOf } from "#tests/helpers/responses";

setupTestDatabase();

const { loader, action } = await import("#app/routes/_portal.supplier.evidence");
const { storeEvidence, openEvidence } = await import("#app/features/evidence/evidence.server");
const { removeLongUnusedEvidence, EVIDENCE_UNUSED_GRACE_DAYS } = await import(
  "#app/features/evidence/evidence-library.server"
);
const { answerableAssessment, saveAnswerChanges } = await import("#app/features/assessments/autosave.server");
const { Assessment } = await import("#models/assessment.server");
const { AuditEvent } = await import("#models/audit-event.server");
const { Certification } = await import("#models/certification.server");

const PLAN = fs.readFileSync("tests/fixtures/files/incident-plan.pdf");
const DAY_MS = 86_400_000;

type World = Awaited<ReturnType<typeof createAssessmentWorld>>;
type Library = Awaited<ReturnType<typeof loader>>;

/** A file the supplier uploaded, as the questionnaire's upload stores it. */
async function upload(w: World, name: string) {
  return storeEvidence({
    ownerOrgId: String(w.tier1._id),
    uploadedBy: String(w.supplierUser.user._id),
    assessmentId: String(w.assessment._id),
    questionName: "incidentPlanEvidence",
    fileName: name,
    data: PLAN,
  });
}

/** The supplier's answer to the file question becomes exactly these files (as the questionnaire saves it). */
async function answerWithFiles(w: World, files: { id: string; fileName: string }[], answers = {}) {
  const supplier = await signedInUser(w.supplierUser.user._id);
  const id = String(w.assessment._id);
  const answerable = (await answerableAssessment(supplier, id))!;
  const { revision } = (await Assessment.findById(id, { revision: 1 }).lean())!;
  const saved = await saveAnswerChanges(supplier, answerable, {
    baseRevision: revision,
    changes: {
      ...answers,
      incidentPlanEvidence: files.map((f) => ({
        name: f.fileName,
        type: "application/pdf",
        content: `/evidence/${f.id}`,
      })),
    },
  });
  expect(saved.kind).toBe("saved");
}

async function library(w: World, query = ""): Promise<Library> {
  return loadAs(loader, `/supplier/evidence${query}`, w.supplierUser.user._id);
}

async function deleteAs(userId: unknown, fileId: string) {
  const request = formRequest(
    "/supplier/evidence",
    { intent: "delete", id: fileId },
    await sessionCookie(String(userId)),
  );
  return action({ request, params: {}, context: {} });
}

const stored = async (w: World, id: string) =>
  (await openEvidence(id, { viewerOrgIds: [String(w.tier1._id)] }))?.stream.destroy() !== undefined;

describe("the supplier's evidence library", () => {
  it("lists every upload with what uses it: answers, certificates, and nothing", async () => {
    const w = await createAssessmentWorld({ status: "in_progress" });
    const used = await upload(w, "incident-plan.pdf");
    const unused = await upload(w, "old-plan.pdf");
    const certFile = await upload(w, "iso-certificate.pdf");
    await answerWithFiles(w, [used]);
    await Certification.create({
      supplierOrgId: w.tier1._id,
      standard: "ISO/IEC 27001:2022",
      certificateNumber: "LIB-1",
      certificationBody: "TÜV",
      scope: "Hosting",
      issueDate: "2025-01-01",
      expiryDate: "2028-01-01",
      fileId: new mongoose.Types.ObjectId(certFile.id),
      fileName: certFile.fileName,
      createdBy: w.supplierUser.user._id,
    });

    const page = await library(w);
    const byName = new Map(page.files.map((f) => [f.name, f]));
    expect(page.counts).toEqual({ all: 3, unused: 1 });
    expect(byName.get("incident-plan.pdf")!.uses).toEqual([
      expect.objectContaining({
        kind: "answer",
        label: expect.stringContaining("“Upload your incident response plan (optional)”"),
        href: `/supplier/assessments/${String(w.assessment._id)}`,
      }),
    ]);
    expect(byName.get("incident-plan.pdf")!.uses[0].label).toContain(w.agreement.title);
    expect(byName.get("iso-certificate.pdf")!.uses).toEqual([
      expect.objectContaining({ kind: "certificate", label: "Certificate ISO/IEC 27001:2022 LIB-1" }),
    ]);
    const idle = byName.get("old-plan.pdf")!;
    expect(idle.uses).toEqual([]);
    expect(idle.unusedSince).not.toBeNull();
    const removedOn = new Date(Date.parse(idle.unusedSince!) + EVIDENCE_UNUSED_GRACE_DAYS * DAY_MS);
    expect(idle.removedOn).toBe(removedOn.toISOString().slice(0, 10));
    expect(idle.sha256).toBe(unused.sha256);
    expect(idle.uploadedBy).toBe(w.supplierUser.user.name);

    const onlyUnused = await library(w, "?show=unused");
    expect(onlyUnused.files.map((f) => f.name)).toEqual(["old-plan.pdf"]);
  });

  it("deletes an unused file, refuses one in use, and keeps both when another supplier asks", async () => {
    const w = await createAssessmentWorld({ status: "in_progress" });
    const used = await upload(w, "incident-plan.pdf");
    const unused = await upload(w, "draft.pdf");
    await answerWithFiles(w, [used]);
    const stranger = await createUser("supplier");

    expect(await outcomeOf(() => deleteAs(stranger.user._id, unused.id))).toBe(404);
    expect(await stored(w, unused.id)).toBe(true);
    const strangerPage = await loadAs(loader, "/supplier/evidence", stranger.user._id);
    expect(strangerPage.files).toEqual([]);

    const refused = replyOf(await deleteAs(w.supplierUser.user._id, used.id));
    expect(refused.status).toBe(409);
    expect(refused.data.errors[""][0]).toMatch(/incident-plan\.pdf is in use and was kept: Questionnaire for/);
    expect(await stored(w, used.id)).toBe(true);

    const done = (await deleteAs(w.supplierUser.user._id, unused.id)) as Response;
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe("/supplier/evidence?removed=draft.pdf");
    expect(await stored(w, unused.id)).toBe(false);
    const audit = await AuditEvent.findOne({ action: "evidence.delete", targetId: unused.id }).lean();
    expect(audit?.actorEmail).toBe(w.supplierUser.user.email);
  });

  it("removes a replaced upload once it has stayed unused for the grace period, and nothing in use", async () => {
    const w = await createAssessmentWorld({ status: "in_progress" });
    const first = await upload(w, "plan-v1.pdf");
    const second = await upload(w, "plan-v2.pdf");
    await answerWithFiles(w, [first]);
    // the supplier replaces the file in the questionnaire: the first is no longer used by anything
    await answerWithFiles(w, [second]);

    const now = Date.now();
    expect(await removeLongUnusedEvidence(new Date(now))).toBe(0);
    expect(await stored(w, first.id)).toBe(true);
    expect(await removeLongUnusedEvidence(new Date(now + (EVIDENCE_UNUSED_GRACE_DAYS - 1) * DAY_MS))).toBe(0);
    expect(await stored(w, first.id)).toBe(true);

    const removed = await removeLongUnusedEvidence(new Date(now + (EVIDENCE_UNUSED_GRACE_DAYS + 1) * DAY_MS));
    expect(removed).toBeGreaterThanOrEqual(1);
    expect(await stored(w, first.id)).toBe(false);
    expect(await stored(w, second.id)).toBe(true);
    const audit = await AuditEvent.findOne({ action: "evidence.delete", targetId: first.id }).lean();
    expect(audit?.details).toMatchObject({ name: "plan-v1.pdf" });
  });

  it("restarts the grace period when an unused file is used again", async () => {
    const w = await createAssessmentWorld({ status: "in_progress" });
    const file = await upload(w, "plan.pdf");
    const now = Date.now();
    await removeLongUnusedEvidence(new Date(now)); // noted unused from now
    await answerWithFiles(w, [file]);
    await removeLongUnusedEvidence(new Date(now + 10 * DAY_MS)); // used: the note is cleared
    await answerWithFiles(w, []);
    // unused again from day 20: not removed on day 35, removed after day 50
    await removeLongUnusedEvidence(new Date(now + 20 * DAY_MS));
    await removeLongUnusedEvidence(new Date(now + 35 * DAY_MS));
    expect(await stored(w, file.id)).toBe(true);
    await removeLongUnusedEvidence(new Date(now + 51 * DAY_MS));
    expect(await stored(w, file.id)).toBe(false);
  });

  it("keeps a file behind a recorded result after the supplier replaces it in the answers", async () => {
    const w = await createAssessmentWorld({ status: "in_progress" });
    const file = await upload(w, "plan-submitted.pdf");
    const id = String(w.assessment._id);
    await answerWithFiles(w, [file], SHORT_TEMPLATE_GOOD_ANSWERS);
    // submitted and scored with the file as evidence, then reopened for remediation
    const { submitAssessment } = await import("#app/features/assessments/submission.server");
    const { requestRemediation } = await import("#app/features/review/review.server");
    const supplier = await signedInUser(w.supplierUser.user._id);
    const submitted = await submitAssessment(supplier, id, formRequest(`/supplier/assessments/${id}`, {}));
    expect(submitted.kind).toBe("submitted");
    const reviewer = await signedInUser(w.procurement.user._id);
    await requestRemediation(
      reviewer,
      id,
      { items: [{ requirementId: "FD-INC-01", description: "Send the current plan", dueDate: "2099-01-01" }] },
      formRequest(`/procurement/assessments/${id}`, {}),
    );
    const replacement = await upload(w, "plan-current.pdf");
    await answerWithFiles(w, [replacement]);

    // the remediation answered with the new file too: submitted again, and scored on the new file; the
    // result recorded at the first submission still cites the old one
    const { answerRemediation } = await import("#app/features/review/review.server");
    const [item] = (await Assessment.findById(id, { remediation: 1 }).lean())!.remediation;
    await answerRemediation(
      supplier,
      id,
      { responses: [{ key: item.key, response: "The current plan.", evidence: [`/evidence/${replacement.id}`] }] },
      formRequest(`/supplier/assessments/${id}`, {}),
    );
    const current = await Assessment.findById(id, { status: 1, result: 1 }).lean();
    expect(current?.status).toBe("submitted");
    expect(JSON.stringify(current?.result)).not.toContain(file.id);

    const page = await library(w);
    const kept = page.files.find((f) => f.name === "plan-submitted.pdf")!;
    expect(kept.uses.map((u) => u.kind)).toEqual(["result"]);
    const current2 = page.files.find((f) => f.name === "plan-current.pdf")!;
    expect(current2.uses.map((u) => u.kind).sort()).toEqual(["answer", "remediation", "result"]);
    expect(replyOf(await deleteAs(w.supplierUser.user._id, file.id)).status).toBe(409);
    await removeLongUnusedEvidence(new Date(Date.now() + 400 * DAY_MS));
    expect(await stored(w, file.id)).toBe(true);
  });
});
