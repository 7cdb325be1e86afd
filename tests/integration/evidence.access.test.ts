import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { createAssessmentWorld, signedInUser } from "#tests/fixtures/assessments";
import { getRequest } from "#tests/fixtures/factories";
import { secondRecipient } from "#tests/fixtures/profile";
import { keepProfileAnswers } from "#tests/fixtures/profile-answers";
import type { ProfileSection } from "#questionnaires/question-identity";

setupTestDatabase();

const { storeEvidence } = await import("#app/features/evidence/evidence.server");
const { downloadEvidence } = await import("#app/features/evidence/downloads.server");
const { answerableAssessment, saveAnswerChanges } = await import("#app/features/assessments/autosave.server");
const { Certification } = await import("#models/certification.server");
const { ProfileGrant } = await import("#models/profile-grant.server");

const PLAN = fs.readFileSync("tests/fixtures/files/incident-plan.pdf");

/** Whether `userId` gets the file (the download route's 404 otherwise). */
async function reads(userId: unknown, fileId: string): Promise<boolean> {
  const user = await signedInUser(userId);
  const file = await downloadEvidence(user, fileId, getRequest(`/evidence/${fileId}`));
  file?.stream.destroy();
  return file !== null;
}

/** A supplier answering recipient A with an incident plan, and recipient B that manages the supplier too. */
async function twoCustomers() {
  const a = await createAssessmentWorld({});
  const b = await secondRecipient(a);
  const supplier = await signedInUser(a.supplierUser.user._id);
  const plan = await storeEvidence({
    ownerOrgId: String(a.tier1._id),
    uploadedBy: String(a.supplierUser.user._id),
    fileName: "incident-plan.pdf",
    data: PLAN,
    assessmentId: String(a.assessment._id),
  });
  const answer = [{ name: "incident-plan.pdf", type: "application/pdf", content: `/evidence/${plan.id}` }];
  const answerable = (await answerableAssessment(supplier, String(a.assessment._id)))!;
  const saved = await saveAnswerChanges(supplier, answerable, {
    baseRevision: answerable.revision,
    changes: { incidentPlanEvidence: answer },
  });
  expect(saved.kind).toBe("saved");
  return { a, b, plan, answer };
}

describe("a supplier's evidence files, for the recipients that manage it", () => {
  it("are read by the customer they were given to, not by another customer of the supplier", async () => {
    const { a, b, plan } = await twoCustomers();
    expect(await reads(a.supplierUser.user._id, plan.id)).toBe(true);
    expect(await reads(a.procurement.user._id, plan.id)).toBe(true);
    expect(await reads(b.procurement.user._id, plan.id)).toBe(false);
  });

  it("reach another customer only through a grant in force of the profile section that holds them", async () => {
    const { a, b, plan, answer } = await twoCustomers();
    const supplierOrgId = String(a.tier1._id);
    await keepProfileAnswers(supplierOrgId, { incidentPlanEvidence: answer });
    expect(await reads(b.procurement.user._id, plan.id)).toBe(false);

    const grant = (section: ProfileSection) =>
      ProfileGrant.create({
        supplierOrgId,
        recipientOrgId: b.recipient._id,
        allSections: false,
        sections: [section],
        expiresAt: new Date(Date.now() + 86_400_000),
        createdBy: { userId: null, name: "Test" },
        createdAt: new Date(),
      });
    await grant("encryption");
    expect(await reads(b.procurement.user._id, plan.id)).toBe(false);
    const shared = await grant("incident-response");
    expect(await reads(b.procurement.user._id, plan.id)).toBe(true);
    await ProfileGrant.updateOne({ _id: shared._id }, { $set: { revokedAt: new Date() } });
    expect(await reads(b.procurement.user._id, plan.id)).toBe(false);
  });

  it("include the certificate files on record, which every recipient sees in the directory", async () => {
    const { a, b } = await twoCustomers();
    const certificate = await storeEvidence({
      ownerOrgId: String(a.tier1._id),
      uploadedBy: String(a.supplierUser.user._id),
      fileName: "iso-27001.pdf",
      data: PLAN,
    });
    expect(await reads(b.procurement.user._id, certificate.id)).toBe(false);
    await Certification.create({
      supplierOrgId: a.tier1._id,
      standard: "ISO/IEC 27001:2022",
      certificateNumber: "EE-77",
      issueDate: "2025-01-01",
      expiryDate: "2099-01-01",
      fileId: certificate.id,
      fileName: "iso-27001.pdf",
    });
    expect(await reads(b.procurement.user._id, certificate.id)).toBe(true);
    expect(await reads(a.procurement.user._id, certificate.id)).toBe(true);
  });
});
