import { describe, expect, it } from "vitest";
import { runInLocale } from "#app/lib/locale-scope.server";
import { loadCatalogue } from "#questionnaires/loader";
import { catalogueForForm } from "./agreements.server";

describe("the agreement form's requirements", () => {
  it("are in the request's language; ids, kinds and defaults as in the English catalogue", () => {
    const english = catalogueForForm();
    const japanese = runInLocale("ja", () => catalogueForForm());
    const fd = (list: typeof english) => list.find((r) => r.id === "FD-INC-01")!;
    expect(fd(english).title).toBe(loadCatalogue().byId.get("FD-INC-01")!.title);
    expect(fd(japanese).title).toBe("合意した期限内の侵害通知");
    expect(fd(japanese).parameters[0].label).toBe("侵害通知の期限（時間）");
    const shape = (list: typeof english) =>
      list.map((r) => ({ ...r, title: "", parameters: r.parameters.map((p) => ({ ...p, label: "" })) }));
    expect(shape(japanese)).toEqual(shape(english));
  });
});
