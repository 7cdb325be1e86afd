import mongoose, { type Types } from "mongoose";
import { Organization, organizationKeys, type OrgKind } from "#models/organization.server";
import { User, type Role } from "#models/user.server";
import { hashPassword } from "#app/features/accounts/password.server";
import { loadCatalogue } from "#questionnaires/loader";
import { Agreement } from "#models/agreement.server";
import { recordAudit } from "#models/audit-event.server";
import { seedDemoAssessments } from "./demo-assessments.server";
import { seedDemoGrant } from "./demo-profile.server";
import { DEFAULT_GLOSSARY } from "#models/glossary";
import { isDuplicateKey } from "#models/duplicate-key";

/**
 * Demo data: a disclosing party, a recipient, suppliers in two tiers and four
 * countries (one name in Japanese), and one user per role. Upserts by stable
 * keys, so running it twice changes nothing.
 */
export const DEMO_ORGS: { slug: string; name: string; kind: OrgKind; country: string; service?: string }[] = [
  { slug: "helvion-robotics", name: "Helvion Robotics AG", kind: "discloser", country: "CH" },
  { slug: "northwind-integration", name: "Northwind Integration Ltd", kind: "recipient", country: "GB" },
  { slug: "baltic-cloud", name: "Baltic Cloud Hosting OÜ", kind: "supplier", country: "EE", service: "Cloud hosting" },
  {
    slug: "kestrel-secure-dev",
    name: "Kestrel Secure Development GmbH",
    kind: "supplier",
    country: "DE",
    service: "Software development",
  },
  { slug: "sakura-data", name: "株式会社さくらデータ", kind: "supplier", country: "JP", service: "Data backup" },
  {
    slug: "meridian-qa",
    name: "Meridian QA Services Pvt Ltd",
    kind: "supplier",
    country: "IN",
    service: "Software testing",
  },
  { slug: "flowdown-operations", name: "Flowdown Operations", kind: "operator", country: "GB" },
];

/** Tier relationships of the demo chain (used by the demo agreement). */
export const DEMO_CHAIN: { slug: string; tier: number; worksFor: string | null }[] = [
  { slug: "baltic-cloud", tier: 1, worksFor: null },
  { slug: "kestrel-secure-dev", tier: 1, worksFor: null },
  { slug: "sakura-data", tier: 2, worksFor: "baltic-cloud" },
  { slug: "meridian-qa", tier: 2, worksFor: "kestrel-secure-dev" },
];

export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; org: string; password: string }[] = [
  {
    email: "supplier@flowdown.test",
    name: "Liis Tamm",
    role: "supplier",
    org: "baltic-cloud",
    password: "demo-supplier-2026",
  },
  {
    email: "procurement@flowdown.test",
    name: "Priya Raman",
    role: "procurement",
    org: "northwind-integration",
    password: "demo-procurement-2026",
  },
  {
    email: "discloser@flowdown.test",
    name: "Dana Keller",
    role: "discloser",
    org: "helvion-robotics",
    password: "demo-discloser-2026",
  },
  {
    email: "admin@flowdown.test",
    name: "Alex Morgan",
    role: "admin",
    org: "flowdown-operations",
    password: "demo-admin-2026",
  },
];

export async function seedDemoData(): Promise<{ created: number }> {
  let created = 0;
  const orgIds = new Map<string, Types.ObjectId>();
  for (const org of DEMO_ORGS) {
    const res = await Organization.updateOne(
      { slug: org.slug },
      {
        $setOnInsert: {
          ...org,
          ...organizationKeys(org.name, ""),
          service: org.service ?? "",
          createdAt: new Date(),
          updatedAt: new Date(),
        },
      },
      // timestamps off: mongoose would otherwise $set updatedAt on every run
      { upsert: true, runValidators: true, timestamps: false },
    );
    created += res.upsertedCount;
    const doc = await Organization.findOne({ slug: org.slug }, { _id: 1 }).lean();
    orgIds.set(org.slug, doc!._id);
  }
  const recipient = orgIds.get("northwind-integration")!;
  await Organization.updateMany(
    {
      slug: mongoose.trusted({
        $in: DEMO_ORGS.filter((o) => o.kind === "supplier" || o.kind === "discloser").map((o) => o.slug),
      }),
      managedBy: mongoose.trusted({ $ne: recipient }),
    },
    { $push: { managedBy: recipient } },
    { timestamps: false },
  );
  const users = await seedUsers(orgIds);
  created += users.created;
  created += await seedAgreement(orgIds, users.procurementUserId);
  const procurement = DEMO_ACCOUNTS.find((a) => a.role === "procurement")!;
  created += await seedDemoAssessments(orgIds, DEMO_AGREEMENT_REFERENCE, {
    id: users.procurementUserId,
    name: procurement.name,
    email: procurement.email,
    orgId: recipient,
    orgName: DEMO_ORGS.find((o) => o.slug === "northwind-integration")!.name,
  });
  const kestrel = DEMO_ORGS.find((o) => o.slug === "kestrel-secure-dev")!;
  created += await seedDemoGrant({
    supplierOrgId: orgIds.get(kestrel.slug)!,
    recipientOrgId: recipient,
    by: `${kestrel.name} (demo)`,
  });
  return { created };
}

async function seedUsers(
  orgIds: Map<string, Types.ObjectId>,
): Promise<{ created: number; procurementUserId: Types.ObjectId }> {
  let created = 0;
  for (const account of DEMO_ACCOUNTS) {
    if (await User.exists({ email: account.email })) continue;
    try {
      await User.create({
        email: account.email,
        name: account.name,
        role: account.role,
        orgId: orgIds.get(account.org),
        // each demo account manages its organisation's team
        teamAdmin: true,
        passwordHash: await hashPassword(account.password),
      });
      created++;
    } catch (error) {
      // a concurrent seed created it first: nothing to do
      if (!isDuplicateKey(error)) throw error;
    }
  }
  const procurement = await User.findOne(
    { email: DEMO_ACCOUNTS.find((a) => a.role === "procurement")!.email },
    { _id: 1 },
  ).lean();
  return { created, procurementUserId: procurement!._id };
}

export const DEMO_AGREEMENT_REFERENCE = "TTA-2026-001";

/** A technology transfer agreement with the demo chain and two disclosure phases. */
async function seedAgreement(orgIds: Map<string, Types.ObjectId>, createdBy: Types.ObjectId): Promise<number> {
  const recipientOrgId = orgIds.get("northwind-integration")!;
  if (await Agreement.exists({ recipientOrgId, reference: DEMO_AGREEMENT_REFERENCE })) return 0;
  const catalogue = loadCatalogue();
  const org = (slug: string) => orgIds.get(slug)!;
  const service = (slug: string) => DEMO_ORGS.find((o) => o.slug === slug)?.service ?? "";
  try {
    const doc = await Agreement.create({
      reference: DEMO_AGREEMENT_REFERENCE,
      title: "Transfer of the Helvion gripper control stack for integration testing",
      status: "active",
      glossary: DEFAULT_GLOSSARY,
      discloserOrgId: org("helvion-robotics"),
      recipientOrgId,
      effectiveDate: "2026-01-15",
      endDate: "2029-01-14",
      survivalMonths: 60,
      governingLaw: "Swiss law",
      forum: { arbitrationSeat: "Geneva (Swiss Rules of International Arbitration)", arbitrationConfidential: true },
      purposes: ["evaluation", "integration"],
      purposeDescription:
        "Evaluating and integrating the gripper control firmware into Northwind's assembly-line controller.",
      exclusions: ["public-domain", "already-known", "independently-developed", "rightfully-received"],
      derivedKnowHow: {
        improvementsOwner: "discloser",
        confidential: true,
        licenceBack: true,
        notes: "Joint test fixtures are owned jointly.",
      },
      compelledDisclosure: { notifyBeforeDisclosure: true, seekProtectiveOrder: true },
      informationClasses: ["internal", "confidential", "restricted"],
      permittedJurisdictions: ["CH", "DE", "EE", "GB", "JP"],
      acceptedTransferMechanisms: ["SCC"],
      breachWindowHours: 72,
      recipientNotifyHours: 24,
      cooperationDuties:
        "Preserve evidence, share forensic findings within 5 days, and join the discloser's incident calls.",
      escalationContacts: [
        { name: "Helvion Security Operations", email: "soc@helvion.example", phone: "+41 44 000 00 00" },
      ],
      retention: { retentionDays: 730, destroyWithinDays: 30, certificateOfDestruction: true },
      auditRights: { noticeDays: 30, auditsPerYear: 1 },
      requiredCertifications: [{ standard: "ISO/IEC 27001:2022" }],
      requirements: catalogue.requirements.map((r) => ({
        requirementId: r.id,
        params: Object.fromEntries(r.parameters.map((p) => [p.key, p.key === "notifyWithinHours" ? 24 : p.default])),
      })),
      phases: [
        {
          key: "phase-1",
          name: "Evaluation",
          purpose: "Architecture documents and binaries for evaluation",
          classes: ["internal", "confidential"],
          permittedSupplierIds: [],
          requiredRequirementIds: ["FD-CONF-01", "FD-INC-01"].filter((id) => catalogue.byId.has(id)),
        },
        {
          key: "phase-2",
          name: "Integration",
          purpose: "Source code of the control stack for integration",
          classes: ["restricted"],
          permittedSupplierIds: [org("baltic-cloud"), org("kestrel-secure-dev")],
          requiredRequirementIds: ["FD-CONF-01", "FD-INC-01", "FD-ENC-01", "FD-LOC-01", "FD-AUD-02"].filter((id) =>
            catalogue.byId.has(id),
          ),
        },
      ],
      chain: DEMO_CHAIN.map((link) => ({
        supplierOrgId: org(link.slug),
        tier: link.tier,
        parentSupplierOrgId: link.worksFor ? org(link.worksFor) : null,
        service: service(link.slug),
        maxClass: link.tier === 1 ? "restricted" : "confidential",
        accessLevel: link.slug === "kestrel-secure-dev" ? "write" : link.tier === 1 ? "admin" : "read",
      })),
      catalogueVersion: catalogue.versionTag,
      createdBy,
      revision: 1,
    });
    const procurement = DEMO_ACCOUNTS.find((a) => a.role === "procurement")!;
    // the audit trail starts where the agreement does, as it would had procurement created it in the portal
    await recordAudit({
      action: "agreement.create",
      actor: { id: String(createdBy), email: procurement.email, orgId: String(recipientOrgId) },
      targetType: "agreement",
      targetId: String(doc._id),
      details: { reference: DEMO_AGREEMENT_REFERENCE, source: "demo data" },
    });
    return 1;
  } catch (error) {
    if (isDuplicateKey(error)) return 0;
    throw error;
  }
}

/** Seeds only a database that has no organisations yet (a first start). */
export async function seedDemoDataIfEmpty(): Promise<boolean> {
  if ((await Organization.estimatedDocumentCount()) > 0) return false;
  await seedDemoData();
  return true;
}

export function demoCredentialsText(): string {
  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length));
  return [
    "Demo accounts:",
    ...DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(12)} ${a.email.padEnd(width)}  password: ${a.password}`),
  ].join("\n");
}
