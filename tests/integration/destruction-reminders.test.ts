import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { certify, createEndedAgreement } from "#tests/fixtures/lifecycle";
import { addDaysIso } from "#app/scoring/dates";

setupTestDatabase();

const { sendDueDestructionReminders } = await import("#app/features/lifecycle/destruction-reminders.server");
const { Outbox } = await import("#models/outbox.server");
const { User } = await import("#models/user.server");

const ORIGIN = "http://portal.test";
/** noon UTC on `day`: the day it still is at UTC−12, the calendar the deadlines are counted in */
const at = (day: string) => new Date(`${day}T12:00:00Z`);

async function run(day: string) {
  // two instances at the same moment, and the next hour again: each mail must still go once
  await Promise.all([
    sendDueDestructionReminders({ now: at(day), origin: ORIGIN }),
    sendDueDestructionReminders({ now: at(day), origin: ORIGIN }),
  ]);
  await sendDueDestructionReminders({ now: new Date(at(day).getTime() + 3_600_000), origin: ORIGIN });
}

async function mails(requestIds: string[]) {
  const rows = await Outbox.find({ relatedType: "destruction-request" }).lean();
  return rows
    .filter((m) => requestIds.includes(m.relatedId ?? ""))
    .map((m) => ({ kind: m.kind, to: m.to, request: m.relatedId, subject: m.subject, text: m.text }));
}

describe("return-or-destroy reminders and escalation", () => {
  it("reminds, tells and escalates each holder of a two-tier chain exactly once, in each recipient's language", async () => {
    const w = await createEndedAgreement({ endedOn: "2030-03-01", destroyWithinDays: 30 });
    expect(w.dueDate).toBe("2030-03-31");
    const ids = [w.tier1Request._id, w.tier2Request._id];
    const tier1 = w.tier1User.user.email;
    const tier2 = w.tier2User.user.email;
    const procurement = w.procurement.user.email;
    const discloser = w.discloserUser.user.email;
    await User.updateOne({ _id: w.tier2User.user._id }, { $set: { language: "ja" } });

    // four days before: nothing yet
    await run(addDaysIso(w.dueDate, -4));
    expect(await mails(ids)).toEqual([]);

    // three days before: each holder's supplier users, once
    await run(addDaysIso(w.dueDate, -3));
    let sent = await mails(ids);
    expect(sent.map((m) => [m.kind, m.request, m.to]).sort()).toEqual(
      [
        ["destruction.due-soon", w.tier1Request._id, tier1],
        ["destruction.due-soon", w.tier2Request._id, tier2],
      ].sort(),
    );
    const english = sent.find((m) => m.to === tier1)!;
    expect(english.subject).toBe(`${w.agreement.reference}: return or destroy the information by Mar 31, 2030`);
    expect(english.text).toContain("3 days left");
    const japanese = sent.find((m) => m.to === tier2)!;
    expect(japanese.subject).toContain("までに情報を返却または破棄してください");

    // the due date itself, and two days before it: no second reminder
    await run(addDaysIso(w.dueDate, -2));
    await run(w.dueDate);
    expect(await mails(ids)).toHaveLength(2);

    // tier 1 certifies its own part on the due date: it now waits on tier 2, and is not reminded itself
    await certify(w.tier1Request._id, w.tier1User.user._id);

    // the first overdue day: tier 2, the holder above it (tier 1) and procurement are told, once
    await run(addDaysIso(w.dueDate, 1));
    sent = await mails(ids);
    const overdue = sent.filter((m) => m.kind === "destruction.overdue");
    expect(overdue.map((m) => [m.request, m.to]).sort()).toEqual(
      [
        [w.tier2Request._id, tier2],
        [w.tier2Request._id, tier1],
        [w.tier2Request._id, procurement],
      ].sort(),
    );
    expect(overdue.find((m) => m.to === tier1)!.text).toContain("is 1 day overdue");
    expect(overdue.find((m) => m.to === tier2)!.text).toContain("1日超過しています");
    expect(overdue.find((m) => m.to === procurement)!.text).toContain(
      `${ORIGIN}/procurement/agreements/${w.agreement._id}?tab=lifecycle`,
    );

    // six days overdue: nothing new; seven: procurement and the disclosing party, once
    await run(addDaysIso(w.dueDate, 6));
    expect(await mails(ids)).toHaveLength(5);
    await run(addDaysIso(w.dueDate, 7));
    await run(addDaysIso(w.dueDate, 8));
    sent = await mails(ids);
    const escalated = sent.filter((m) => m.kind === "destruction.escalated");
    expect(escalated.map((m) => [m.request, m.to]).sort()).toEqual(
      [
        [w.tier2Request._id, procurement],
        [w.tier2Request._id, discloser],
      ].sort(),
    );
    expect(escalated[0].subject).toContain("is 7 days overdue");
    // nothing ever for tier 1's own request after it certified
    expect(sent.filter((m) => m.request === w.tier1Request._id).map((m) => m.kind)).toEqual(["destruction.due-soon"]);

    // tier 2 certifies: nothing more, whatever later runs find
    await certify(w.tier2Request._id, w.tier2User.user._id);
    await run(addDaysIso(w.dueDate, 30));
    expect(await mails(ids)).toHaveLength(7);
  });

  it("sends nothing to holders that certified before the reminder window", async () => {
    const w = await createEndedAgreement({ endedOn: "2030-05-01", destroyWithinDays: 10 });
    await certify(w.tier1Request._id, w.tier1User.user._id);
    await certify(w.tier2Request._id, w.tier2User.user._id);
    for (const offset of [-3, 0, 1, 7, 20]) await run(addDaysIso(w.dueDate, offset));
    expect(await mails([w.tier1Request._id, w.tier2Request._id])).toEqual([]);
  });

  it("keeps reminding a holder that certified without the certificate file the agreement requires", async () => {
    const w = await createEndedAgreement({ endedOn: "2030-07-01", destroyWithinDays: 10, certificateRequired: true });
    await certify(w.tier2Request._id, w.tier2User.user._id);
    await run(addDaysIso(w.dueDate, 1));
    const sent = await mails([w.tier2Request._id]);
    expect(sent.map((m) => m.kind)).toContain("destruction.overdue");
  });
});
