import type { Types } from "mongoose";
import { Organization, type OrgKind } from "./organization.server";
import { User, type Role } from "./user.server";
import { hashPassword } from "#app/utils/password.server";

/**
 * Demo data: a disclosing party, a recipient, suppliers in two tiers and four
 * countries (one name in Japanese), and one user per role. Upserts by stable
 * keys, so running it twice changes nothing.
 */
export const DEMO_ORGS: { slug: string; name: string; kind: OrgKind; country: string; service?: string }[] = [
  { slug: "helvion-robotics", name: "Helvion Robotics AG", kind: "discloser", country: "CH" },
  { slug: "northwind-integration", name: "Northwind Integration Ltd", kind: "recipient", country: "GB" },
  { slug: "baltic-cloud", name: "Baltic Cloud Hosting OÜ", kind: "supplier", country: "EE", service: "Cloud hosting" },
  { slug: "kestrel-secure-dev", name: "Kestrel Secure Development GmbH", kind: "supplier", country: "DE", service: "Software development" },
  { slug: "sakura-data", name: "株式会社さくらデータ", kind: "supplier", country: "JP", service: "Data backup" },
  { slug: "meridian-qa", name: "Meridian QA Services Pvt Ltd", kind: "supplier", country: "IN", service: "Software testing" },
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
  { email: "supplier@flowdown.test", name: "Liis Tamm", role: "supplier", org: "baltic-cloud", password: "demo-supplier-2026" },
  { email: "procurement@flowdown.test", name: "Priya Raman", role: "procurement", org: "northwind-integration", password: "demo-procurement-2026" },
  { email: "discloser@flowdown.test", name: "Dana Keller", role: "discloser", org: "helvion-robotics", password: "demo-discloser-2026" },
  { email: "admin@flowdown.test", name: "Alex Morgan", role: "admin", org: "flowdown-operations", password: "demo-admin-2026" },
];

export async function seedDemoData(): Promise<{ created: number }> {
  let created = 0;
  const orgIds = new Map<string, Types.ObjectId>();
  for (const org of DEMO_ORGS) {
    const res = await Organization.updateOne(
      { slug: org.slug },
      { $setOnInsert: { ...org, service: org.service ?? "", createdAt: new Date(), updatedAt: new Date() } },
      // timestamps off: mongoose would otherwise $set updatedAt on every run
      { upsert: true, runValidators: true, timestamps: false },
    );
    created += res.upsertedCount;
    const doc = await Organization.findOne({ slug: org.slug }, { _id: 1 }).lean();
    orgIds.set(org.slug, doc!._id);
  }
  const recipient = orgIds.get("northwind-integration")!;
  await Organization.updateMany(
    { slug: { $in: DEMO_ORGS.filter((o) => o.kind === "supplier").map((o) => o.slug) }, managedBy: { $ne: recipient } },
    { $push: { managedBy: recipient } },
    { timestamps: false },
  );
  for (const account of DEMO_ACCOUNTS) {
    if (await User.exists({ email: account.email })) continue;
    try {
      await User.create({
        email: account.email,
        name: account.name,
        role: account.role,
        orgId: orgIds.get(account.org),
        passwordHash: await hashPassword(account.password),
      });
      created++;
    } catch (error) {
      // a concurrent seed created it first: nothing to do
      if ((error as { code?: number }).code !== 11000) throw error;
    }
  }
  return { created };
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
