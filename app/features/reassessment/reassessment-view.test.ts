import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { IntlProvider } from "react-intl";
import { describe, expect, it } from "vitest";
import { messagesFor, tIn } from "#app/i18n/messages.server";
import { DEFAULT_POLICY, planReassessment, type ReassessmentPolicy, type SupplierHistory } from "./reassessment";
import { noReasonMessage, ReassessmentPolicyFacts } from "./reassessment-view";

const noReasonText = (plan: { openId: string | null }) => tIn("en", noReasonMessage(plan));

const none: SupplierHistory = { lastApproved: null, previousRating: null, open: null, certificates: [], incidents: [] };
const plan = (history: SupplierHistory) => planReassessment(DEFAULT_POLICY, { phases: [] }, history, "2026-12-02");

describe("the re-assessment list's explanation before any approval", () => {
  it("asks for a first assessment when none was sent, and says the first one is under way when it was", () => {
    const never = plan(none);
    expect(never.reasons).toEqual([]);
    expect(noReasonText(never)).toBe("Send a first assessment to start the cycle.");
    const sent = plan({ ...none, open: { id: "a1", dueDate: "2026-12-23", status: "invited" } });
    expect(sent.reasons).toEqual([]);
    expect(noReasonText(sent)).toBe("The first assessment is under way: the cycle starts when it is approved.");
  });

  it("is never needed once an assessment was approved: the plan then always has its reasons", () => {
    const approved = plan({
      ...none,
      lastApproved: { id: "a0", approvedOn: "2026-06-01", sentAt: "2026-05-20T09:00:00.000Z", rating: "medium" },
      open: { id: "a1", dueDate: "2026-12-23", status: "invited" },
    });
    expect(approved.reasons.length).toBeGreaterThan(0);
  });
});

describe("the agreement's re-assessment policy, as both parties read it", () => {
  const text = (policy: ReassessmentPolicy) =>
    renderToStaticMarkup(
      createElement(
        IntlProvider,
        { locale: "en", messages: messagesFor("en") },
        createElement(ReassessmentPolicyFacts, { policy }),
      ),
    )
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ");

  it("says how often by rating and every trigger that brings one forward", () => {
    const t = text({ ...DEFAULT_POLICY, months: { critical: 3, high: 9, medium: 18, low: 36 }, certificateDays: 45 });
    expect(t).toContain("every 3 months at critical risk, 9 at high, 18 at medium, 36 at low");
    expect(t).toContain("a required certificate expiring within 45 days");
    expect(t).toContain("a risk rating that fell");
    expect(t).toContain("an incident the supplier reports");
    expect(t).toContain("a disclosure phase added after the approval");
  });

  it("says which triggers the agreement turned off", () => {
    const t = text({ ...DEFAULT_POLICY, certificateDays: 0, onIncident: false });
    expect(t).toContain("not by an expiring certificate");
    expect(t).toContain("not by an incident");
  });
});
