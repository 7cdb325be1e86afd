import type { Types } from "mongoose";
import { Agreement } from "#models/agreement.server";
import { syncAssessmentRow } from "#models/assessment-row.server";
import { Assessment, transitionAssessment } from "#models/assessment.server";
import { recordAudit } from "#models/audit-event.server";
import { Certification } from "#models/certification.server";
import { addDaysIso } from "#app/scoring/dates";
import { todayIso } from "#models/today";
import { pinCatalogue, pinTemplate } from "#models/questionnaire-version.server";
import { getTemplate, loadCatalogue } from "#questionnaires/loader";
import { getEnv } from "#app/lib/env.server";
import { generateAssessmentReport } from "#app/features/reports/reports.server";
import { rescore } from "#app/features/assessments/scoring.server";
import { seedDemoProfile } from "./demo-profile.server";

/**
 * Demo assessments under the demo agreement, answered and scored by the real
 * engine, so a first start shows a working dashboard, matrix, phase gates and
 * re-assessment plan. All answer the full questionnaire (the chain receives
 * confidential and restricted information): Kestrel meets every flow-down,
 * holds the required ISO/IEC 27001 certificate and is approved (medium
 * residual risk: restricted information with write access); Sakura is
 * submitted with a late breach notice (a failed knock-out) and slow scans;
 * Meridian is half-way through; Baltic Cloud, the demo supplier account's
 * organisation, has been sent the questionnaire and not opened it, for the
 * visitor to answer. Skips any supplier that already has an assessment
 * under the agreement.
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

/**
 * A supplier that meets every flow-down of the demo agreement, answering the
 * full questionnaire (the one for confidential and restricted information);
 * its organisation, contacts and locations are added per supplier.
 */
const MODEL_FULL_ANSWERS: Record<string, unknown> = {
  staffInScope: 42,
  confUndertaking: true,
  confSurvivalMonths: 60,
  purposeControls: "technicalAndContractual",
  reverseEngineeringBan: true,
  classificationScheme: true,
  handlingRules: ["labelling", "storage", "copying", "transmission", "disposal"],
  derivedKnowhow: "perAgreement",
  derivedRegister: true,
  needToKnow: true,
  recipientApproval: "priorWritten",
  recipientRegister: true,
  recipientRegisterDays: 5,
  screeningChecks: ["identity", "rightToWork", "employment", "criminal", "sanctions", "qualifications"],
  screeningContractors: true,
  staffNda: true,
  ndaSurvives: true,
  trainingIntervalMonths: 12,
  trainingTopics: ["thirdPartyInfo", "phishing", "incidentReporting", "classification", "remoteWork"],
  disciplinaryProcess: true,
  leaverReminder: true,
  accessPolicy: true,
  accessModel: "roleBased",
  accessReviewMonths: 3,
  mfaScope: ["remoteAccess", "systemsInScope", "privileged", "email", "repositories"],
  mfaFactors: "phishingResistant",
  revokeWithinHours: 4,
  revocationScope: ["accounts", "keys", "physical", "devices", "sharedSecrets"],
  privilegedSeparate: true,
  privilegedGrant: "justInTime",
  privilegedLogging: true,
  accessLogging: true,
  logMonitoring: "continuous",
  tlsMinimum: "tls13",
  transitChannels: ["email", "fileTransfer", "apis", "internal", "backupTraffic"],
  encryptionAtRest: true,
  atRestScope: ["servers", "databases", "endpoints", "mobile", "removable", "backups"],
  atRestAlgorithm: "aes256",
  keyStorage: "hsm",
  keyRotationMonths: 12,
  hasIncidentPlan: true,
  breachNotifyHours: 12,
  notificationContent: ["nature", "dataAffected", "measures", "contact", "consequences"],
  securityContact24x7: true,
  contactsConfirmed: "changeAndQuarterly",
  logRetentionDays: 365,
  evidencePreservation: ["preserve", "forensics", "cooperation", "rootCause"],
  drillsPerformed: true,
  drillIntervalMonths: 12,
  drillScenarios: ["dataBreach", "notification", "ransomware", "insider", "supplierCompromise"],
  lessonsLearned: "tracked",
  vulnScanning: true,
  scanIntervalDays: 7,
  scanScope: ["external", "internal", "cloud", "authenticated", "containers"],
  pentestPerformed: true,
  pentestIntervalMonths: 12,
  pentestTester: "accreditedThirdParty",
  criticalPatchDays: 7,
  patchExceptions: true,
  hardeningBaseline: "industry",
  malwareProtection: true,
  developsSoftware: true,
  sdlc: "documented",
  threatModelling: true,
  securityTesting: ["peerReview", "sast", "sca", "dast", "secrets"],
  secureCodingStandard: true,
  testDataUse: "never",
  environmentSeparation: true,
  repoProtection: ["mfa", "leastPrivilege", "auditLog", "branchProtection"],
  changeApproval: true,
  remoteAccessElsewhere: false,
  transferImpactAssessment: "noTransfers",
  supplementaryMeasures: ["keysInPermitted", "pseudonymisation", "requestPolicy", "accessLogging"],
  locationChangeNoticeDays: 60,
  locationChangeApproval: true,
  subFlowdownStatus: "noSubprocessors",
  subApproval: "priorWritten",
  subNoticeDays: 30,
  subReviewMonths: 12,
  subAssessmentMethods: ["questionnaire", "certificates", "contractualAudit", "onsite", "continuous"],
  retentionDays: 365,
  retentionSchedule: true,
  retentionEnforcement: "automated",
  destroyWithinDays: 14,
  destructionMethod: "sanitisation",
  destructionCertificate: true,
  backupProtection: ["encrypted", "restricted", "permittedLocation", "expiry", "restoreTested"],
  auditRights: true,
  auditNoticeDays: 30,
  auditScope: ["documents", "premises", "systems", "subprocessors", "afterIncident"],
  ismsCertified: true,
  internalReviewMonths: 12,
  managementReview: true,
  compelledNotice: true,
  authorityRequestProcedure: true,
  compelledSafeguards: ["minimum", "protectiveOrder", "cooperate", "record", "legalReview"],
  authorityRequestsCount: 0,
};

interface DemoAssessment {
  slug: string;
  status: "approved" | "submitted" | "in_progress" | "invited";
  name: string;
  dueInDays: number;
  answers: Record<string, unknown>;
}

const DEMO_ASSESSMENTS: DemoAssessment[] = [
  {
    slug: "kestrel-secure-dev",
    name: "Kestrel Secure Development GmbH",
    status: "approved",
    dueInDays: -10,
    answers: {
      ...MODEL_FULL_ANSWERS,
      orgLegalName: "Kestrel Secure Development GmbH",
      orgRegistration: "HRB 204417, Amtsgericht München",
      serviceDescription:
        "Develops and maintains the integration layer between the gripper control stack and Northwind's assembly-line controller.",
      securityContactName: "Jonas Weber",
      securityContactEmail: "security@kestrel.example",
      escalationContacts: [
        { name: "Jonas Weber", role: "Head of Security", email: "security@kestrel.example", phone: "+49 89 0000 0000" },
      ],
      dataLocations: [{ country: "DE", purpose: "storage", transferMechanism: "none" }],
      subFlowdownStatus: "allBound",
      subprocessors: [
        { name: "Meridian QA Services Pvt Ltd", country: "IN", service: "Software testing", flowdownSigned: true },
      ],
    },
  },
  {
    slug: "sakura-data",
    name: "株式会社さくらデータ",
    status: "submitted",
    dueInDays: 5,
    answers: {
      ...MODEL_FULL_ANSWERS,
      orgLegalName: "株式会社さくらデータ",
      serviceDescription: "Encrypted off-site backup of the integration environment.",
      securityContactName: "佐藤 花子",
      securityContactEmail: "security@sakura-data.example",
      escalationContacts: [
        {
          name: "佐藤 花子",
          role: "情報セキュリティ責任者",
          email: "security@sakura-data.example",
          phone: "+81 3 0000 0000",
        },
      ],
      developsSoftware: false,
      // a late breach notice (the agreement asks for 24 h) and monthly-and-a-half scans
      breachNotifyHours: 48,
      scanIntervalDays: 45,
      pentestTester: "internalTeam",
      dataLocations: [{ country: "JP", purpose: "backup", transferMechanism: "none" }],
    },
  },
  {
    slug: "meridian-qa",
    name: "Meridian QA Services Pvt Ltd",
    status: "in_progress",
    dueInDays: 12,
    answers: {
      orgLegalName: "Meridian QA Services Pvt Ltd",
      securityContactName: "Ananya Iyer",
      securityContactEmail: "security@meridian-qa.example",
      staffInScope: 12,
      confUndertaking: true,
      confSurvivalMonths: 60,
      needToKnow: true,
    },
  },
  { slug: "baltic-cloud", name: "Baltic Cloud Hosting OÜ", status: "invited", dueInDays: 21, answers: {} },
];

export async function seedDemoAssessments(
  orgIds: Map<string, Types.ObjectId>,
  agreementReference: string,
  procurement: { id: Types.ObjectId; name: string; email: string; orgId: Types.ObjectId; orgName: string },
): Promise<number> {
  const recipientOrgId = orgIds.get("northwind-integration")!;
  const agreement = await Agreement.findOne({ recipientOrgId, reference: agreementReference }).lean();
  if (!agreement) return 0;
  // the demo chain receives confidential and restricted information: the full questionnaire
  const template = getTemplate("full-security");
  if (!template) return 0;
  const [templateVersion, catalogueVersion] = await Promise.all([pinTemplate(template), pinCatalogue(loadCatalogue())]);
  const today = todayIso();
  let created = 0;
  // Kestrel holds the certificate the agreement requires (recorded by procurement, as the portal lets it)
  const kestrel = orgIds.get("kestrel-secure-dev");
  if (kestrel && !(await Certification.exists({ supplierOrgId: kestrel }))) {
    await Certification.create({
      supplierOrgId: kestrel,
      standard: "ISO/IEC 27001:2022",
      certificateNumber: "DE-ISMS-0417",
      certificationBody: "Example Certification GmbH (demo)",
      scope: "Secure software development and maintenance of industrial control integrations, Munich",
      // issued before the agreement's term began, so it covers the term from its start (the certificate rule)
      issueDate: [addDaysIso(today, -270), addDaysIso(agreement.effectiveDate, -60)].sort()[0],
      expiryDate: addDaysIso(today, 825),
      controls: [],
      createdBy: procurement.id,
    });
  }
  for (const demo of DEMO_ASSESSMENTS) {
    const supplierOrgId = orgIds.get(demo.slug);
    if (!supplierOrgId || (await Assessment.exists({ agreementId: agreement._id, supplierOrgId }))) continue;
    const supplierName = demo.name;
    const doc = await Assessment.create({
      agreementId: agreement._id,
      supplierOrgId,
      ownerOrgId: recipientOrgId,
      templateId: template.id,
      templateVersion,
      catalogueVersion,
      status: "invited",
      history: [
        { from: null, to: "invited", at: new Date(), byUserId: procurement.id, byName: procurement.name, comment: "" },
      ],
      dueDate: addDaysIso(today, demo.dueInDays),
      // dates relative to the day the demo is seeded
      answers: demo.answers.drillsPerformed ? { lastDrillDate: addDaysIso(today, -75), ...demo.answers } : demo.answers,
      revision: 0,
      summary: {
        supplierName,
        supplierKey: supplierName.toLowerCase(),
        agreementRef: agreement.reference,
        score: null,
        rating: null,
        openRemediation: 0,
      },
    });
    created++;
    // the audit entries the portal would have written for these steps, marked as demo data
    const actor = { id: String(procurement.id), email: procurement.email, orgId: String(procurement.orgId) };
    const audit = (action: string, details: Record<string, string | number>) =>
      recordAudit({
        action,
        actor,
        targetType: "assessment",
        targetId: String(doc._id),
        details: { ...details, source: "demo data" },
      });
    await audit("assessment.create", {
      agreement: agreement.reference,
      supplier: supplierName,
      template: templateVersion,
    });
    if (demo.status === "invited") {
      await syncAssessmentRow(doc._id);
      continue;
    }
    const supplier = { userId: null, name: `${supplierName} (demo)` };
    await transitionAssessment(doc._id, "in_progress", supplier);
    if (demo.status === "in_progress") continue;
    const submitted = await transitionAssessment(doc._id, "submitted", supplier, "", { submittedAt: new Date() });
    const { result } = await rescore(submitted, agreement, { trigger: "submitted by the supplier" });
    await recordAudit({
      action: "assessment.submit",
      targetType: "assessment",
      targetId: String(doc._id),
      details: { by: `${supplierName} (demo)`, score: result.score, rating: result.rating, source: "demo data" },
    });
    // as a submission does: the supplier's profile keeps the answers it gave
    await seedDemoProfile({
      supplierOrgId,
      assessmentId: doc._id,
      templateId: template.id,
      templateVersion,
      answers: submitted.answers ?? {},
      by: `${supplierName} (demo)`,
    });
    if (demo.status === "approved") {
      const comment =
        "Meets every flow-down requirement of the agreement and holds the required ISO/IEC 27001 certificate.";
      const approved = await transitionAssessment(
        doc._id,
        "approved",
        { userId: procurement.id, name: procurement.name },
        comment,
      );
      await audit("assessment.approved", { comment, score: approved.result?.score ?? 0 });
      // as an approval in the portal does: the approved state is kept as report version 1, where
      // `npm start` serves the demo unless PUBLIC_URL says otherwise
      const origin = (getEnv().PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
      await generateAssessmentReport(
        String(doc._id),
        { id: actor.id, name: `${procurement.name} (${procurement.orgName})`, actor },
        "approval",
        origin,
      );
    }
    await syncAssessmentRow(doc._id);
  }
  return created;
}
