import { describe, expect, it } from "vitest";
import { buildRegister, type RegisterRequest } from "./register";

const req = (supplierId: string, parentId: string | null, tier: number, over: Partial<RegisterRequest> = {}) => ({
  id: `m:${supplierId}`,
  supplierId,
  parentId,
  tier,
  dueDate: "2027-01-05",
  certificateRequired: true,
  certified: false,
  hasCertificateFile: false,
  ...over,
});

describe("destruction register", () => {
  const before = new Date("2027-01-01T12:00:00Z");
  const after = new Date("2027-01-09T13:00:00Z");

  it("keeps a tier-1 certificate incomplete until its subcontractors' are", () => {
    const reg = buildRegister(
      [
        req("t1", null, 1, { certified: true, hasCertificateFile: true }),
        req("t2a", "t1", 2, { certified: true, hasCertificateFile: true }),
        req("t2b", "t1", 2),
      ],
      before,
    );
    expect(reg.rows.map((r) => [r.supplierId, r.state, r.depth])).toEqual([
      ["t1", "waiting-on-subcontractors", 0],
      ["t2a", "complete", 1],
      ["t2b", "open", 1],
    ]);
    expect(reg.rows[0].waitingOn).toEqual(["t2b"]);
    expect(reg.done).toBe(false);
    expect(reg.complete).toBe(1);
  });

  it("needs the certificate file where the agreement requires one", () => {
    const reg = buildRegister([req("a", null, 1, { certified: true })], before);
    expect(reg.rows[0].state).toBe("open");
    const notRequired = buildRegister([req("a", null, 1, { certified: true, certificateRequired: false })], before);
    expect(notRequired.rows[0].state).toBe("complete");
    expect(notRequired.done).toBe(true);
  });

  it("says who is overdue and by how much, the parent too while it waits", () => {
    const reg = buildRegister(
      [req("t1", null, 1, { certified: true, hasCertificateFile: true }), req("t2", "t1", 2)],
      after,
    );
    expect(reg.rows.map((r) => [r.supplierId, r.state, r.overdueDays])).toEqual([
      ["t1", "overdue", 4],
      ["t2", "overdue", 4],
    ]);
    expect(reg.overdue).toBe(2);
  });

  it("hangs a holder whose parent got no request from the recipient", () => {
    const reg = buildRegister([req("t2", "t1", 2)], before);
    expect(reg.rows[0]).toMatchObject({ supplierId: "t2", depth: 0 });
  });
});
