// `npm run bench:rescoring`: what keeping results current costs, on a throwaway embedded database.
// One agreement with BENCH_SUPPLIERS (default 50) tier-1 suppliers, each with a submitted
// assessment of the full template (random answers, one certificate). Prints:
//  - the re-scoring after an agreement edit (every assessment computed again and stored once),
//  - the check a page makes before showing the agreement when everything is current (the cost on
//    every page load),
//  - the same refresh asked again (nothing to do).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedDb } from "../scripts/lib/embedded-db.mjs";
import { connectDatabase, disconnectDatabase } from "#app/lib/db.server";
import { randomAnswers, seededRandom } from "#tests/fixtures/scoring-random";
import { refreshAgreementResults, ensureAgreementResultsCurrent } from "#app/features/assessments/freshness.server";
import { rescore } from "#app/features/assessments/scoring.server";
import { Agreement } from "#models/agreement.server";
import { Assessment, unscoredSummary } from "#models/assessment.server";
import { syncAssessmentRow } from "#models/assessment-row.server";
import { Certification } from "#models/certification.server";
import { Organization } from "#models/organization.server";
import { createBenchAgreement, seedBenchParties } from "./lib/seed";

const SUPPLIERS = Number(process.env.BENCH_SUPPLIERS ?? 50);
const random = seededRandom(7);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "flowdown-bench-rescoring-"));
const db = process.env.MONGODB_URI ? null : await startEmbeddedDb({ dataDir: dir, quiet: true });
const uri = process.env.MONGODB_URI
  ? process.env.MONGODB_URI.replace(/\/[^/?]*(\?|$)/, `/flowdown_bench_${Date.now()}$1`)
  : db!.uri;
process.env.MONGODB_URI = uri;

function ms(t0: number) {
  return `${(performance.now() - t0).toFixed(0)} ms`;
}

try {
  await connectDatabase(uri);
  const parties = await seedBenchParties();
  const suppliers = await Organization.insertMany(
    Array.from({ length: SUPPLIERS }, (_, i) => ({
      slug: `bench-rescore-${i}`,
      name: `Rescore Supplier ${String(i).padStart(3, "0")}`,
      kind: "supplier",
      country: random.pick(["DE", "FR", "NL", "US"]),
      managedBy: [parties.recipient._id],
    })),
  );
  const agreement = await createBenchAgreement(parties, {
    reference: "BENCH-RESCORE",
    title: "Re-scoring benchmark",
    permittedJurisdictions: ["CH", "DE", "GB"],
    acceptedTransferMechanisms: [],
    breachWindowHours: 72,
    retention: { retentionDays: 365, destroyWithinDays: 30, certificateOfDestruction: true },
    requiredCertifications: [{ standard: "ISO/IEC 27001:2022" }],
    phases: [],
    chain: suppliers.map((s) => ({
      supplierOrgId: s._id,
      tier: 1,
      parentSupplierOrgId: null,
      service: "Cloud hosting",
      maxClass: "confidential",
      accessLevel: "write",
    })),
  });
  await Certification.insertMany(
    suppliers.map((s, i) => ({
      supplierOrgId: s._id,
      standard: "ISO/IEC 27001:2022",
      certificateNumber: `BENCH-${i}`,
      certificationBody: "Bench Cert",
      scope: "Cloud hosting",
      issueDate: "2025-06-01",
      expiryDate: "2029-05-31",
    })),
  );
  for (const s of suppliers) {
    const a = await Assessment.create({
      agreementId: agreement._id,
      supplierOrgId: s._id,
      ownerOrgId: parties.recipient._id,
      templateId: parties.template.id,
      templateVersion: parties.templateVersion,
      catalogueVersion: parties.catalogueVersion,
      status: "submitted",
      dueDate: "2027-01-01",
      answers: randomAnswers(parties.template, random),
      summary: unscoredSummary(s.name, agreement.reference),
    });
    await syncAssessmentRow(a._id);
  }
  let t0 = performance.now();
  const stored = (await Agreement.findById(agreement._id).lean())!;
  for (const a of await Assessment.find({ agreementId: agreement._id }).lean())
    await rescore(a, stored, { trigger: "submitted" });
  console.log(`first scoring of ${SUPPLIERS} assessments (as on submission): ${ms(t0)}`);

  // an edit: SCCs accepted, a new revision
  await Agreement.updateOne({ _id: agreement._id }, { $set: { acceptedTransferMechanisms: ["SCC"], revision: 2 } });
  t0 = performance.now();
  const edited = await refreshAgreementResults(agreement._id, "agreement edited");
  console.log(
    `re-scoring after an edit: ${edited.rescored} assessments (${edited.changed.length} changed) in ${ms(t0)}` +
      ` = ${((performance.now() - t0) / Math.max(1, edited.rescored)).toFixed(1)} ms each`,
  );

  const current = (await Agreement.findById(agreement._id).lean())!;
  const runs: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    await ensureAgreementResultsCurrent(current);
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  console.log(
    `page check with everything current (${SUPPLIERS} rows, 20 runs): median ${runs[10].toFixed(1)} ms, max ${runs[19].toFixed(1)} ms`,
  );

  t0 = performance.now();
  const again = await refreshAgreementResults(agreement._id, "asked again");
  console.log(`the same refresh asked again: ${again.rescored} re-scored in ${ms(t0)}`);
} finally {
  await disconnectDatabase();
  await db?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
