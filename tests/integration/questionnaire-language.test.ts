import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { createAssessmentWorld } from "#tests/fixtures/assessments";
import { createUser, formRequest, sessionCookie } from "#tests/fixtures/factories";
import { thrown } from "#tests/helpers/responses";

setupTestDatabase();

const { loader, action } = await import("#app/routes/_portal.supplier.assessments.$id");
const { User } = await import("#models/user.server");

const page = (id: string, cookie: string, acceptLanguage?: string) =>
  new Request(`http://localhost/supplier/assessments/${id}`, {
    headers: { Cookie: cookie, ...(acceptLanguage ? { "Accept-Language": acceptLanguage } : {}) },
  });

describe("the questionnaire language", () => {
  it("follows Accept-Language until the supplier chooses, then the choice, on any device", async () => {
    const w = await createAssessmentWorld();
    const id = String(w.assessment._id);
    const cookie = await sessionCookie(String(w.supplierUser.user._id));
    const first = await loader({ request: page(id, cookie, "ja-JP,ja;q=0.9,en;q=0.5"), params: { id }, context: {} });
    expect(first.language).toBe("ja");
    expect(first.languages.map((l) => l.code)).toEqual(["en", "de", "ja", "ar"]);
    expect((await loader({ request: page(id, cookie, "fr-FR"), params: { id }, context: {} })).language).toBe("en");

    const chosen = await action({
      request: formRequest(`/supplier/assessments/${id}`, { intent: "language", language: "de" }, cookie),
      params: { id },
      context: {},
    });
    expect(chosen).toEqual({ kind: "language-saved", language: "de" });
    expect((await User.findById(w.supplierUser.user._id).lean())?.questionnaireLanguage).toBe("de");
    expect((await loader({ request: page(id, cookie, "ja"), params: { id }, context: {} })).language).toBe("de");
  });

  it("follows the portal language chosen on the account before Accept-Language, Arabic included", async () => {
    const w = await createAssessmentWorld();
    const id = String(w.assessment._id);
    const cookie = await sessionCookie(String(w.supplierUser.user._id));
    await User.updateOne({ _id: w.supplierUser.user._id }, { $set: { language: "ar" } });
    const arabic = await loader({ request: page(id, cookie, "ja-JP,ja;q=0.9"), params: { id }, context: {} });
    expect(arabic.language).toBe("ar");

    // a language chosen inside the questionnaire still comes first
    await action({
      request: formRequest(`/supplier/assessments/${id}`, { intent: "language", language: "de" }, cookie),
      params: { id },
      context: {},
    });
    expect((await loader({ request: page(id, cookie, "ja"), params: { id }, context: {} })).language).toBe("de");
  });

  it("refuses a language not offered, and another organisation's assessment", async () => {
    const w = await createAssessmentWorld();
    const id = String(w.assessment._id);
    const cookie = await sessionCookie(String(w.supplierUser.user._id));
    const bad = await action({
      request: formRequest(`/supplier/assessments/${id}`, { intent: "language", language: "fr" }, cookie),
      params: { id },
      context: {},
    });
    expect(bad).toHaveStatus(400);
    expect((await User.findById(w.supplierUser.user._id).lean())?.questionnaireLanguage).toBeNull();

    const stranger = await createUser("supplier");
    const strangerCookie = await sessionCookie(String(stranger.user._id));
    const res = await thrown(
      action({
        request: formRequest(`/supplier/assessments/${id}`, { intent: "language", language: "ja" }, strangerCookie),
        params: { id },
        context: {},
      }),
    );
    expect(res.status).toBe(404);
    expect((await User.findById(stranger.user._id).lean())?.questionnaireLanguage).toBeNull();
  });
});
