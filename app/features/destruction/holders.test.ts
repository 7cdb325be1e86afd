import { describe, expect, it } from "vitest";
import { classesUpTo, holdersOf, type HolderLink } from "./holders";

const chain: HolderLink[] = [
  { supplierId: "t1", tier: 1, parentId: null, maxClass: "confidential" },
  { supplierId: "t2", tier: 2, parentId: "t1", maxClass: "internal" },
  { supplierId: "t3", tier: 3, parentId: "t2", maxClass: "restricted" },
  { supplierId: "other", tier: 1, parentId: null, maxClass: "restricted" },
];

describe("which holders get a return-or-destroy request", () => {
  it("an end reaches every supplier in the chain, each with the classes its link allows", () => {
    const holders = holdersOf(chain, ["internal", "confidential"], null);
    expect(holders.map((h) => [h.supplierId, h.classes])).toEqual([
      ["t1", ["internal", "confidential"]],
      ["t2", ["internal"]],
      ["t3", ["internal", "confidential"]],
      ["other", ["internal", "confidential"]],
    ]);
  });

  it("a phase reaches the cleared holders and every parent the information passed through", () => {
    const holders = holdersOf(chain, ["internal"], new Set(["t3"]));
    expect(holders.map((h) => h.supplierId)).toEqual(["t1", "t2", "t3"]);
  });

  it("a cleared holder outside the phase's permitted suppliers gets nothing", () => {
    expect(holdersOf(chain, ["internal"], new Set(["t3", "other"]), ["other"]).map((h) => h.supplierId)).toEqual([
      "other",
    ]);
  });

  it("a holder whose link may receive none of the classes gets no request", () => {
    const holders = holdersOf(chain, ["restricted"], new Set(["t3"]));
    expect(holders.map((h) => [h.supplierId, h.classes])).toEqual([["t3", ["restricted"]]]);
  });

  it("nobody cleared: nobody asked", () => {
    expect(holdersOf(chain, ["internal"], new Set())).toEqual([]);
  });

  it("a damaged chain with a cycle still lists each holder once", () => {
    const cyclic: HolderLink[] = [
      { supplierId: "a", tier: 1, parentId: "b", maxClass: "restricted" },
      { supplierId: "b", tier: 2, parentId: "a", maxClass: "restricted" },
    ];
    expect(holdersOf(cyclic, ["internal"], new Set(["a"])).map((h) => h.supplierId)).toEqual(["a", "b"]);
  });

  it("classes keep the catalogue's order", () => {
    expect(classesUpTo(["restricted", "public", "confidential"], "confidential")).toEqual(["public", "confidential"]);
  });
});
