import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { getRequest, loadAs, sessionCookie } from "#tests/fixtures/factories";
import { replyOf } from "#tests/helpers/responses";
import type { SendPreview } from "#app/features/assessments/send-form.server";
import { createAssessmentWorld } from "#tests/fixtures/assessments";

setupTestDatabase();

const { loader: reviewLoader } = await import("#app/routes/_portal.procurement.assessments.$id");
const { loader: questionnaireLoader } = await import("#app/routes/_portal.supplier.assessments.$id");
const { loader: supplierDashboard } = await import("#app/routes/_portal.supplier._index");
const { loader: sendFormLoader } = await import("#app/routes/_portal.procurement.assessments.new");
const { loader: previewLoader } = await import("#app/routes/procurement.assessments.new.preview");
const { runInLocale } = await import("#app/lib/locale-scope.server");
const { default: deTable } = await import("#questionnaires/locales/de.json");
const { default: ar } = await import("#questionnaires/locales/ar.json");
const { default: jaTable } = await import("#questionnaires/locales/ja.json");
const ja: { strings: Record<string, string> } = jaTable;

const de: { strings: Record<string, string> } = deTable;

async function reviewPageIn(locale: string) {
  const w = await createAssessmentWorld({ status: "submitted" });
  const id = String(w.assessment._id);
  const cookie = await sessionCookie(String(w.procurement.user._id));
  const load = () =>
    reviewLoader({ request: getRequest(`/procurement/assessments/${id}`, cookie), params: { id }, context: {} });
  return { en: await load(), there: await runInLocale(locale, load) };
}

describe("the reviewer's page in the reader's language", () => {
  it("shows the supplier's chosen options, question titles and yes/no in German; typed answers as typed", async () => {
    const { en, there } = await reviewPageIn("de");
    const answers = (page: typeof en) => page.result!.requirements.flatMap((r) => r.answers);
    const find = (page: typeof en, question: string) => answers(page).find((a) => a.question === question)!;
    const english = find(en, "subFlowdownStatus");
    expect(english.answerText).toBe("Yes, every sub-processor is bound by equivalent flow-down terms");
    const german = find(there, "subFlowdownStatus");
    expect(german.answerText).toBe(de.strings[english.answerText!]);
    expect(german.title).toBe(de.strings[english.title]);
    expect(german.value).toBe("allBound");
    expect(find(en, "confUndertaking").answerText).toBe("Yes");
    expect(find(there, "confUndertaking").answerText).toBe("Ja");
    expect(find(there, "breachNotifyHours").answerText).toBe(find(en, "breachNotifyHours").answerText);
    // the questionnaire's title too; English pages as before
    expect(en.assessment.template).toBe("Short questionnaire for low-risk suppliers");
    expect(there.assessment.template).toBe(de.strings["Short questionnaire for low-risk suppliers"]);
  });
});

describe("the supplier's pages in Arabic", () => {
  it("title the questionnaire in Arabic on its page and in the supplier's list", async () => {
    const w = await createAssessmentWorld();
    const id = String(w.assessment._id);
    const cookie = await sessionCookie(String(w.supplierUser.user._id));
    const page = () =>
      questionnaireLoader({ request: getRequest(`/supplier/assessments/${id}`, cookie), params: { id }, context: {} });
    const arabic = ar.strings["Short questionnaire for low-risk suppliers"];
    expect(arabic).toMatch(/\p{Script=Arabic}/u);
    expect((await runInLocale("ar", page)).title).toBe(arabic);
    expect((await page()).title).toBe("Short questionnaire for low-risk suppliers");
    const list = await runInLocale("ar", () =>
      supplierDashboard({ request: getRequest("/supplier", cookie), params: {}, context: {} }),
    );
    expect(list.rows.map((r) => r.title)).toEqual([arabic]);
  });
});

describe("the send form in Japanese", () => {
  it("lists the questionnaires and the preview's pages by their Japanese titles", async () => {
    const w = await createAssessmentWorld();
    const userId = w.procurement.user._id;
    const form = await runInLocale("ja", () => loadAs(sendFormLoader, "/procurement/assessments/new", userId));
    expect(form.templates.map((t) => t.title).sort()).toEqual(
      [
        ja.strings["Full security and flow-down questionnaire"],
        ja.strings["Short questionnaire for low-risk suppliers"],
      ].sort(),
    );
    const url = `/procurement/assessments/new/preview?agreementId=${String(w.agreement._id)}&templateId=short-low-risk`;
    const english = replyOf<{ preview: SendPreview }>(await loadAs(previewLoader, url, userId)).data.preview;
    const japanese = replyOf<{ preview: SendPreview }>(
      await runInLocale("ja", () => loadAs(previewLoader, url, userId)),
    ).data.preview;
    expect(english.pages).toContain("Organisation and contacts");
    expect(japanese.pages).toEqual(english.pages.map((p) => ja.strings[p]));
  });
});
