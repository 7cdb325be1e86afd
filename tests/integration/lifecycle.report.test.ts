import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { getRequest, sessionCookie } from "#tests/fixtures/factories";
import { tabOf } from "#tests/fixtures/agreement-page";
import { certify, createEndedAgreement } from "#tests/fixtures/lifecycle";
import { compact, pageTexts, renderToBuffer } from "#tests/helpers/pdf";
import { addDaysIso, addMonthsIso } from "#app/scoring/dates";
import { todayIso } from "#models/today";

setupTestDatabase();

const { agreementReportData } = await import("#app/features/reports/reports.server");
const { renderAgreementReport } = await import("#reports/agreement-report");
const { loader: procurementPage } = await import("#app/routes/_portal.procurement.agreements.$id._index");
const { Agreement } = await import("#models/agreement.server");
const { CompelledDisclosure } = await import("#models/compelled-disclosure.server");
const { SupplierAudit, AuditFinding } = await import("#models/supplier-audit.server");

const today = todayIso();

/** An agreement terminated 40 days ago, with a two-tier register, a notified and a barred compelled disclosure, an audit with a finding. */
async function endedWorld() {
  const w = await createEndedAgreement({
    endedOn: addDaysIso(today, -40),
    destroyWithinDays: 30,
    note: "Breach of clause 7",
  });
  await certify(w.tier1Request._id, w.tier1User.user._id, {
    entries: [
      {
        infoClass: "confidential",
        disposition: "destroyed",
        method: "Cryptographic erase of the storage volumes",
        standard: "NIST SP 800-88 Rev. 1 purge",
        completedOn: addDaysIso(today, -20),
      },
      {
        infoClass: "internal",
        disposition: "returned",
        method: "Courier to the recipient",
        standard: "",
        completedOn: addDaysIso(today, -19),
      },
    ],
    signedByName: "Ada Sommer",
    signedByTitle: "CISO",
    signedOn: addDaysIso(today, -18),
    certificateFileName: "tier1-destruction-certificate.pdf",
  });
  const base = {
    agreementId: w.agreement._id,
    supplierOrgId: w.tier2._id,
    recipientOrgId: w.recipient._id,
    discloserOrgId: w.discloser._id,
    classes: ["internal" as const],
    description: "",
    reportedById: w.tier2User.user._id,
    reportedByName: "Tier two user",
  };
  await CompelledDisclosure.create({
    ...base,
    authority: "Tokyo District Court",
    jurisdiction: "JP",
    receivedOn: addDaysIso(today, -60),
    complyBy: addDaysIso(today, -57),
    noticePermitted: true,
    barredReason: "",
    notice: { reportDelayDays: 0, noticeDays: 3, requiredDays: 5, verdict: "short" },
    notified: ["recipient", "discloser"],
    noticeGivenAt: new Date(`${addDaysIso(today, -60)}T10:00:00Z`),
    reportedAt: new Date(`${addDaysIso(today, -60)}T10:00:00Z`),
  });
  await CompelledDisclosure.create({
    ...base,
    authority: "Sealed Grand Jury Panel",
    jurisdiction: "US",
    receivedOn: addDaysIso(today, -10),
    complyBy: addDaysIso(today, 20),
    noticePermitted: false,
    barredReason: "Gag order under seal",
    notice: { reportDelayDays: 0, noticeDays: 30, requiredDays: 5, verdict: "barred" },
    notified: [],
    noticeGivenAt: null,
    reportedAt: new Date(`${addDaysIso(today, -10)}T10:00:00Z`),
  });
  const audit = await SupplierAudit.create({
    agreementId: w.agreement._id,
    seq: 1,
    supplierOrgId: w.tier1._id,
    recipientOrgId: w.recipient._id,
    discloserOrgId: w.discloser._id,
    auditorOrgId: w.discloser._id,
    auditorRole: "discloser",
    noticeGivenOn: addDaysIso(today, -120),
    scheduledFor: addDaysIso(today, -90),
    scope: "Data centre access controls",
    status: "completed",
    outcome: "findings",
    summary: "One finding",
    completedOn: addDaysIso(today, -89),
    scheduledById: w.discloserUser.user._id,
    scheduledByName: "Discloser user",
  });
  await AuditFinding.create({
    auditId: audit._id,
    agreementId: w.agreement._id,
    supplierOrgId: w.tier1._id,
    recipientOrgId: w.recipient._id,
    discloserOrgId: w.discloser._id,
    requirementId: "FD-CONF-01",
    severity: "major",
    description: "Visitor log not reviewed",
    dueDate: addDaysIso(today, 30),
  });
  return w;
}

describe("the agreement report after the agreement ended", () => {
  it("prints the state, the two-tier register, the notified compelled disclosure (never the barred one) and the audit, as the tab shows them", async () => {
    const w = await endedWorld();
    const now = new Date();
    const agreement = (await Agreement.findById(w.agreement._id).lean())!;
    const data = await agreementReportData(
      agreement as never,
      { version: 1, generatedAt: now.toISOString(), generatedBy: "Test", verifyUrl: "/verify", language: "en" },
      now,
    );
    const all = compact((await pageTexts(await renderToBuffer(renderAgreementReport, data))).join("\n"));
    const has = (text: string) => expect(all).toContain(compact(text));

    // where it is
    has("After signature");
    has("In survival");
    has(`Terminated on ${addDaysIso(today, -40)}`);
    has("Petra Procurement");
    has("Breach of clause 7");
    has(addMonthsIso(addDaysIso(today, -40), 60));
    // the register: tier 1 certified but answers for tier 2, both 10 days overdue
    has(`Termination, ${addDaysIso(today, -40)}: 0 of 2 complete`);
    has("Tier One Hosting GmbH");
    has("株式会社ティアツー");
    has("10 days overdue");
    has(addDaysIso(today, -18));
    has("Ada Sommer, CISO");
    has("destroyed (Cryptographic erase of the storage volumes; NIST SP 800-88 Rev. 1 purge)");
    has("internal: returned (Courier to the recipient; —)");
    has("tier1-destruction-certificate.pdf");
    // compelled disclosures: the one the parties were told of, measured; nothing of the barred one
    has("Tokyo District Court");
    has("Japan");
    has("3 / 5 days");
    has("Short");
    expect(all).not.toContain(compact("Sealed Grand Jury Panel"));
    expect(all).not.toContain(compact("Gag order"));
    // the audit and its finding
    has(`Tier One Hosting GmbH, audited by ${w.discloser.name} on ${addDaysIso(today, -90)}`);
    has("FD-CONF-01");
    has("Visitor log not reviewed");
    has("Major");
    has(addDaysIso(today, 30));

    // the same numbers and states as the After signature tab
    const id = String(w.agreement._id);
    const tab = tabOf(
      await procurementPage({
        request: getRequest(
          `/procurement/agreements/${id}?tab=lifecycle`,
          await sessionCookie(String(w.procurement.user._id)),
        ),
        params: { id },
        context: {},
      }),
      "lifecycle",
    );
    expect(data.lifecycle!.state).toBe(tab.lifecycle.lifecycle.state);
    const end = data.lifecycle!.milestones.find((m) => m.kind === "termination")!;
    expect(end).toMatchObject({
      holders: tab.lifecycle.destruction.holders,
      complete: tab.lifecycle.destruction.complete,
    });
    expect(end.rows.map((r) => [r.supplierName, r.state, r.overdueDays])).toEqual(
      tab.lifecycle.destruction.outstanding.map((r) => [r.name, r.state, r.overdueDays]),
    );
  });
});
