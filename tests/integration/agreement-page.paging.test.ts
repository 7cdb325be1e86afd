import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { createAgreement, createAgreementParties } from "#tests/fixtures/agreements";
import { createOrg, loadAs } from "#tests/fixtures/factories";
import { tabOf } from "#tests/fixtures/agreement-page";

setupTestDatabase();

const { loader: procurementAgreement } = await import("#app/routes/_portal.procurement.agreements.$id._index");
const { loader: discloserAgreement } = await import("#app/routes/_portal.discloser.agreements.$id");
const { SUPPLIERS_PER_PAGE } = await import("#app/features/agreements/agreement-page.server");

/** An agreement whose chain is `n` tier-1 suppliers, with one staged phase. */
async function wideAgreement(n: number) {
  const p = await createAgreementParties();
  const suppliers = [];
  for (let i = 0; i < n; i++)
    suppliers.push(
      await createOrg({
        kind: "supplier",
        country: "DE",
        managedBy: [String(p.recipient._id)],
        name: `Supplier ${String(i).padStart(3, "0")}`,
      }),
    );
  const agreement = await createAgreement(p, {
    chain: suppliers.map((s) => ({
      supplierOrgId: s._id,
      tier: 1,
      parentSupplierOrgId: null,
      service: "Hosting",
      maxClass: "confidential",
      accessLevel: "read",
    })),
    phases: [
      {
        key: "evaluation",
        name: "Evaluation",
        purpose: "",
        classes: ["internal"],
        permittedSupplierIds: suppliers.map((s) => s._id),
        requiredRequirementIds: [],
      },
    ] as never,
  });
  return { p, agreement };
}

describe("the compliance tab of a long chain", () => {
  it("shows the suppliers a page at a time, the matrix and the phase table alike, every supplier once", async () => {
    const total = SUPPLIERS_PER_PAGE * 2 + 30;
    const { p, agreement } = await wideAgreement(total);
    const id = String(agreement._id);
    const open = async (query: string) =>
      tabOf(
        await loadAs(
          procurementAgreement,
          `/procurement/agreements/${id}?tab=compliance${query}`,
          p.procurement.user._id,
          {
            id,
          },
        ),
        "compliance",
      ).compliance;

    const first = await open("");
    expect(first.paging).toEqual({ page: 1, pages: 3, total, from: 1, to: SUPPLIERS_PER_PAGE });
    expect(first.suppliers).toHaveLength(SUPPLIERS_PER_PAGE);
    const last = await open("&page=3");
    expect(last.paging).toMatchObject({ page: 3, from: SUPPLIERS_PER_PAGE * 2 + 1, to: total });
    expect(last.suppliers).toHaveLength(30);
    // the phase table shows the same suppliers as the matrix above it
    expect(new Set(last.clearances.map((c) => c.supplierId))).toEqual(new Set(last.suppliers.map((s) => s.id)));

    const seen = [first, await open("&page=2"), last].flatMap((page) => page.suppliers.map((s) => s.id));
    expect(new Set(seen).size).toBe(total);
    expect(new Set(seen)).toEqual(new Set(agreement.chain.map((l) => String(l.supplierOrgId))));

    // a page past the end is the last; anything that is not a page number is the first
    expect((await open("&page=40")).paging.page).toBe(3);
    expect((await open("&page=abc")).paging.page).toBe(1);
    expect((await open("&page=-2")).paging.page).toBe(1);

    // the headline counts the whole chain, whatever the page
    const page = await loadAs(
      procurementAgreement,
      `/procurement/agreements/${id}?tab=compliance&page=2`,
      p.procurement.user._id,
      { id },
    );
    expect(page.header.summary.suppliers).toBe(total);

    // the disclosing party pages the same way
    const discloser = tabOf(
      await loadAs(discloserAgreement, `/discloser/agreements/${id}?tab=compliance&page=2`, p.discloserUser.user._id, {
        id,
      }),
      "compliance",
    ).compliance;
    expect(discloser.suppliers.map((s) => s.id)).toEqual(seen.slice(SUPPLIERS_PER_PAGE, SUPPLIERS_PER_PAGE * 2));
  });

  it("has no pages for a chain that fits on one", async () => {
    const { p, agreement } = await wideAgreement(3);
    const id = String(agreement._id);
    const page = tabOf(
      await loadAs(
        procurementAgreement,
        `/procurement/agreements/${id}?tab=compliance&page=2`,
        p.procurement.user._id,
        {
          id,
        },
      ),
      "compliance",
    );
    expect(page.compliance.paging).toEqual({ page: 1, pages: 1, total: 3, from: 1, to: 3 });
  });
});
