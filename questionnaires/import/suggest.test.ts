import { describe, expect, it } from "vitest";
import { loadCatalogue } from "#questionnaires/loader";
import { suggestRequirements, words } from "./suggest";

const suggest = suggestRequirements(loadCatalogue().requirements);

describe("requirement suggestions from a question's text and section", () => {
  it.each([
    ["Do you encrypt data in transit with TLS 1.2 or later?", "Encryption", "FD-ENC-01"],
    ["Is MFA enforced for remote access?", "Access control", "FD-ACC-02"],
    ["Within how many hours do you notify us of a security breach?", "Incidents", "FD-INC-01"],
    ["Do you run annual penetration tests by an independent firm?", "Vulnerability management", "FD-VUL-02"],
    ["Do you review user access rights periodically?", "Access control", "FD-ACC-01"],
    ["Do you use subcontractors?", "Third parties", "FD-SUB-01"],
    ["Do you return or destroy our information at the end of the contract?", "Retention", "FD-RET-02"],
  ])("suggests first, for %j in %j, %s", (title, section, expected) => {
    expect(suggest({ title, section })[0]).toBe(expected);
  });

  it("uses the section when the question alone says little", () => {
    const alone = suggest({ title: "How often?" });
    const inSection = suggest({ title: "How often?", section: "Penetration testing" });
    expect(alone).toEqual([]);
    expect(inSection).toContain("FD-VUL-02");
  });

  it("suggests nothing for text that matches no requirement, and at most three otherwise", () => {
    expect(suggest({ title: "Favourite colour", section: "About you" })).toEqual([]);
    expect(suggest({ title: "Legal name of your company", section: "Company" })).toEqual([]);
    expect(suggest({ title: "", section: "" })).toEqual([]);
    for (const title of ["Encryption of data at rest and in transit with keys", "Access control and logging"])
      expect(suggest({ title }).length).toBeLessThanOrEqual(3);
  });

  it("reads words as people write them: case, plurals, markup and abbreviations", () => {
    expect(words("<b>Backups</b> are ENCRYPTED")).toEqual(expect.arrayContaining(["backup", "encrypted"]));
    expect(words("MFA")).toEqual(expect.arrayContaining(["multi", "factor", "authentication"]));
    expect(words("Do you have the")).toEqual([]);
  });
});
