import type { Types } from "mongoose";
import { Agreement } from "#models/agreement.server";
import { syncAssessmentRow } from "#models/assessment-row.server";
import { Assessment, transitionAssessment } from "#models/assessment.server";
import { addDaysIso, todayIso } from "#models/dates";
import { pinCatalogue, pinTemplate } from "#models/questionnaire-version.server";
import { getTemplate, loadCatalogue } from "#questionnaires/loader";
import { getEnv } from "./env.server";
import { generateAssessmentReport } from "./reports.server";
import { rescore } from "./scoring.server";

/**
 * Demo assessments under the demo agreement, answered and scored by the real
 * engine, so a first start shows a working dashboard, matrix, phase gates and
 * re-assessment plan: Kestrel approved, Sakura submitted with a late breach
 * notice (a failed knock-out), Meridian half-way through. Baltic Cloud (the
 * demo supplier account) is left for the visitor to answer. Skips any
 * supplier that already has an assessment under the agreement.
 */
/** Answers to the short questionnaire that meet the demo agreement's requirements (the organisation's own details aside); the tests' fixtures use them too. */
export const COMPLIANT_SHORT_ANSWERS: Record<string, unknown> = {
  confUndertaking: true,
  needToKnow: true,
  staffNda: true,
  trainingIntervalMonths: 12,
  mfaScope: ["remoteAccess", "systemsInScope", "privileged", "email"],
  tlsMinimum: "tls13",
  encryptionAtRest: true,
  vulnScanning: true,
  scanIntervalDays: 7,
  breachNotifyHours: 12,
  securityContact24x7: true,
  destroyWithinDays: 14,
  destructionCertificate: true,
  subFlowdownStatus: "allBound",
  compelledNotice: true,
};

interface DemoAssessment {
  slug: string;
  status: "approved" | "submitted" | "in_progress";
  dueInDays: number;
  answers: Record<string, unknown>;
}

const DEMO_ASSESSMENTS: DemoAssessment[] = [
  {
    slug: "kestrel-secure-dev",
    status: "approved",
    dueInDays: -10,
    answers: { ...COMPLIANT_SHORT_ANSWERS, orgLegalName: "Kestrel Secure Development GmbH", securityContactName: "Jonas Weber", securityContactEmail: "security@kestrel.example", dataLocations: [{ country: "DE", purpose: "storage", transferMechanism: "none" }] },
  },
  {
    slug: "sakura-data",
    status: "submitted",
    dueInDays: 5,
    answers: {
      ...COMPLIANT_SHORT_ANSWERS,
      orgLegalName: "株式会社さくらデータ",
      securityContactName: "佐藤 花子",
      securityContactEmail: "security@sakura-data.example",
      breachNotifyHours: 48,
      scanIntervalDays: 45,
      dataLocations: [{ country: "JP", purpose: "backup", transferMechanism: "none" }],
    },
  },
  {
    slug: "meridian-qa",
    status: "in_progress",
    dueInDays: 12,
    answers: { orgLegalName: "Meridian QA Services Pvt Ltd", securityContactName: "Ananya Iyer", securityContactEmail: "security@meridian-qa.example", confUndertaking: true, needToKnow: true },
  },
];

export async function seedDemoAssessments(
  orgIds: Map<string, Types.ObjectId>,
  agreementReference: string,
  procurement: { id: Types.ObjectId; name: string; email: string; orgId: Types.ObjectId; orgName: string },
): Promise<number> {
  const recipientOrgId = orgIds.get("northwind-integration")!;
  const agreement = await Agreement.findOne({ recipientOrgId, reference: agreementReference }).lean();
  if (!agreement) return 0;
  const template = getTemplate("short-low-risk");
  if (!template) return 0;
  const [templateVersion, catalogueVersion] = await Promise.all([pinTemplate(template), pinCatalogue(loadCatalogue())]);
  const today = todayIso();
  let created = 0;
  for (const demo of DEMO_ASSESSMENTS) {
    const supplierOrgId = orgIds.get(demo.slug);
    if (!supplierOrgId || (await Assessment.exists({ agreementId: agreement._id, supplierOrgId }))) continue;
    const supplierName = String(demo.answers.orgLegalName);
    const doc = await Assessment.create({
      agreementId: agreement._id,
      supplierOrgId,
      ownerOrgId: recipientOrgId,
      templateId: template.id,
      templateVersion,
      catalogueVersion,
      status: "invited",
      history: [{ from: null, to: "invited", at: new Date(), byUserId: procurement.id, byName: procurement.name, comment: "" }],
      dueDate: addDaysIso(today, demo.dueInDays),
      answers: demo.answers,
      revision: 0,
      summary: { supplierName, supplierKey: supplierName.toLowerCase(), agreementRef: agreement.reference, score: null, rating: null, openRemediation: 0 },
    });
    created++;
    const supplier = { userId: null, name: `${supplierName} (demo)` };
    await transitionAssessment(doc._id, "in_progress", supplier);
    if (demo.status === "in_progress") continue;
    const submitted = await transitionAssessment(doc._id, "submitted", supplier, "", { submittedAt: new Date() });
    await rescore(submitted, agreement);
    if (demo.status === "approved") await transitionAssessment(doc._id, "approved", { userId: procurement.id, name: procurement.name }, "Meets the flow-down requirements for the evaluation phase.");
    await syncAssessmentRow(doc._id);
    if (demo.status === "approved") {
      // as an approval in the portal does: the approved state is kept as report version 1
      const author = { id: String(procurement.id), name: `${procurement.name} (${procurement.orgName})`, actor: { id: String(procurement.id), email: procurement.email, orgId: String(procurement.orgId) } };
      // the demo is served where `npm start` serves it unless PUBLIC_URL says otherwise
      const origin = (getEnv().PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
      await generateAssessmentReport(String(doc._id), author, "approval", origin);
    }
  }
  return created;
}
