// `npm run bench:autosave`: 50 suppliers autosaving at once from a second process (autocannon on loopback,
// bounded to 10 s), against the built portal on a throwaway embedded database. Prints requests per second,
// latency percentiles, and checks that every acknowledged answer is what the database holds afterwards.
import autocannon from "autocannon";
import mongoose from "mongoose";
import { connectDatabase, disconnectDatabase } from "#app/lib/db.server";
import { hashPassword } from "#app/features/accounts/password.server";
import { Assessment } from "#models/assessment.server";
import { Agreement } from "#models/agreement.server";
import { Organization } from "#models/organization.server";
import { User } from "#models/user.server";
import { signInOverHttp } from "#tests/helpers/served-portal";
import { startBenchApp } from "./lib/app";
import { seedBenchParties } from "./lib/seed";

const SUPPLIERS = Number(process.env.BENCH_SUPPLIERS ?? 50);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const PASSWORD = "bench-password-123";

const app = await startBenchApp();
try {
  await connectDatabase(app.mongoUri);
  const { catalogue, template, templateVersion, catalogueVersion, recipient, discloser } = await seedBenchParties();
  const suppliers = await Organization.insertMany(
    Array.from({ length: SUPPLIERS }, (_, i) => ({
      slug: `bench-supplier-${i}`,
      name: `Bench Supplier ${i}`,
      kind: "supplier",
      country: "DE",
      managedBy: [recipient._id],
    })),
  );
  const agreement = await Agreement.create({
    reference: "BENCH-1",
    title: "Bench agreement",
    discloserOrgId: discloser._id,
    recipientOrgId: recipient._id,
    effectiveDate: "2026-01-01",
    endDate: "2028-12-31",
    survivalMonths: 60,
    governingLaw: "Swiss law",
    purposes: ["evaluation"],
    informationClasses: ["confidential"],
    permittedJurisdictions: ["DE"],
    breachWindowHours: 72,
    recipientNotifyHours: 24,
    retention: { retentionDays: 365, destroyWithinDays: 30 },
    requirements: catalogue.requirements.map((r) => ({ requirementId: r.id, params: {} })),
    chain: suppliers.map((s) => ({
      supplierOrgId: s._id,
      tier: 1,
      parentSupplierOrgId: null,
      service: "",
      maxClass: "confidential",
      accessLevel: "read",
    })),
    catalogueVersion,
    createdBy: new mongoose.Types.ObjectId(),
  });
  const passwordHash = await hashPassword(PASSWORD);
  const users = await User.insertMany(
    suppliers.map((s, i) => ({
      email: `bench${i}@supplier.example`,
      name: `Bench ${i}`,
      role: "supplier",
      orgId: s._id,
      passwordHash,
    })),
  );
  const assessments = await Assessment.insertMany(
    suppliers.map((s) => ({
      agreementId: agreement._id,
      supplierOrgId: s._id,
      ownerOrgId: recipient._id,
      templateId: template.id,
      templateVersion,
      catalogueVersion,
      status: "in_progress",
      dueDate: "2099-01-01",
      answers: {},
      revision: 0,
    })),
  );
  const cookies: string[] = [];
  for (const u of users) cookies.push(await signInOverHttp(app.baseUrl, u.email, PASSWORD));

  // autocannon clears a connection's context after every request, so each supplier's state lives here:
  // a request takes an idle supplier, its response gives it back with the revision the server acknowledged.
  const acknowledged = new Map<number, string>();
  const revision = new Array<number>(SUPPLIERS).fill(0);
  const sequence = new Array<number>(SUPPLIERS).fill(0);
  const idle = Array.from({ length: SUPPLIERS }, (_, i) => i);
  const statuses = new Map<number, number>();
  let refused = 0;
  interface Ctx {
    i?: number;
    value?: string;
  }

  const result = await autocannon({
    url: app.baseUrl,
    connections: SUPPLIERS,
    duration: DURATION_S,
    pipelining: 1,
    requests: [
      {
        method: "POST",
        setupRequest: (req: Record<string, unknown>, context: Ctx) => {
          const i = idle.shift();
          if (i === undefined) throw new Error("more connections than suppliers");
          sequence[i] += 1;
          context.i = i;
          context.value = `supplier ${i} answer ${sequence[i]}`;
          return {
            ...req,
            path: `/api/assessments/${String(assessments[i]._id)}/answers`,
            headers: { "content-type": "application/json", cookie: cookies[i] },
            body: JSON.stringify({
              baseRevision: revision[i],
              changes: { orgLegalName: context.value, breachNotifyHours: sequence[i] % 72 },
            }),
          };
        },
        onResponse: (status: number, body: string, context: Ctx) => {
          const i = context.i!;
          if (status === 200) {
            revision[i] = JSON.parse(body).revision;
            acknowledged.set(i, context.value!);
          } else {
            refused++;
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
          }
          idle.push(i);
        },
      },
    ],
  } as unknown as autocannon.Options);

  // A request still in flight when the run stopped may have been stored without its answer arriving:
  // the database may hold a later answer than the last acknowledged one, never an earlier one.
  const seqOf = (v: unknown) => Number(String(v ?? "").match(/answer (\d+)$/)?.[1] ?? -1);
  let lost = 0;
  for (const [i, value] of acknowledged) {
    const stored = await Assessment.findById(assessments[i]._id, { answers: 1 }).lean();
    if (seqOf(stored?.answers?.orgLegalName) < seqOf(value)) lost++;
  }
  console.log(`autosave: ${SUPPLIERS} suppliers, ${DURATION_S} s, full security template`);
  console.log(
    `  requests:        ${result.requests.total} (${result.non2xx} not 2xx ${JSON.stringify(Object.fromEntries(statuses))}, ${result.errors} errors, ${result.timeouts} timeouts)`,
  );
  console.log(`  requests/second: ${result.requests.average.toFixed(0)}`);
  console.log(
    `  latency ms:      p50 ${result.latency.p50}  p90 ${result.latency.p90}  p99 ${result.latency.p99}  max ${result.latency.max}`,
  );
  console.log(`  acknowledged answers lost: ${lost} of ${acknowledged.size} checked`);
  await disconnectDatabase();
  if (lost > 0 || refused > 0) process.exitCode = 1;
} finally {
  await app.stop();
}
