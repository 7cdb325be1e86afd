import { describe, expect, it } from "vitest";
import { normalizeOrgName, normalizeRegistrationNumber } from "./org-name";

describe("organisation names compared for duplicates", () => {
  it("treats case, punctuation, accents and the legal form as the same name", () => {
    const key = normalizeOrgName("Baltic Cloud Hosting OÜ");
    expect(normalizeOrgName("baltic cloud hosting")).toBe(key);
    expect(normalizeOrgName("BALTIC-CLOUD  HOSTING, OÜ")).toBe(key);
    expect(normalizeOrgName("Kestrel Secure Development GmbH")).toBe(normalizeOrgName("kestrel secure development"));
    expect(normalizeOrgName("Meridian QA Services Pvt Ltd")).toBe(normalizeOrgName("Meridian QA Services"));
  });

  it("keeps names in scripts without case, and drops a Japanese legal form", () => {
    expect(normalizeOrgName("株式会社さくらデータ")).toBe(normalizeOrgName("さくらデータ"));
    expect(normalizeOrgName("ＳＡＫＵＲＡ Data")).toBe(normalizeOrgName("sakura data"));
  });

  it("does not make different suppliers equal, nor reduce a name that is only a legal form", () => {
    expect(normalizeOrgName("Baltic Cloud")).not.toBe(normalizeOrgName("Baltic Cloud Hosting"));
    expect(normalizeOrgName("AG")).toBe("ag");
  });

  it("compares registration numbers without separators or case", () => {
    expect(normalizeRegistrationNumber("hrb 12.345-a")).toBe("HRB12345A");
  });
});
