import { describe, expect, it } from "vitest";
import { loadCatalogue } from "#questionnaires/loader";
import { filterRequirements } from "./requirement-picker";

const requirements = loadCatalogue().requirements.map((r) => ({ id: r.id, title: r.title, category: r.category }));
const ids = (query: string) => filterRequirements(requirements, query).map((r) => r.id);

describe("the requirement search", () => {
  it("offers all 45 requirements before anything is typed", () => {
    expect(ids("")).toHaveLength(45);
    expect(ids("   ")).toHaveLength(45);
  });

  it("finds requirements by id, by part of the title and by category, whatever the case", () => {
    expect(ids("fd-inc-01")).toEqual(["FD-INC-01"]);
    // ids first, then titles where a word starts so, then any other match ("evidence")
    expect(ids("ENC")).toEqual(["FD-ENC-01", "FD-ENC-02", "FD-ENC-03", "FD-INC-03"]);
    expect(ids("privileged")).toEqual(["FD-ACC-03"]);
    expect(ids("multi-factor")).toEqual(["FD-ACC-02"]);
    expect(ids("sub processing")).toEqual(["FD-SUB-01", "FD-SUB-02", "FD-SUB-03"]);
  });

  it("needs every word typed, in any order", () => {
    expect(ids("transit encryption")).toEqual(["FD-ENC-01"]);
    expect(ids("encryption nothing-like-this")).toEqual([]);
  });
});
