import { z } from "zod";
/** The agreement page's tabs (see agreement-page.server): `?tab=` in the URL, the compliance matrix by default. */
export const AGREEMENT_TABS = [
  { key: "compliance", label: "agreements.tab.compliance" },
  { key: "chain", label: "agreements.tab.chain" },
  { key: "reassessments", label: "agreements.tab.reassessments" },
  { key: "lifecycle", label: "lifecycle.tab" },
  { key: "terms", label: "agreements.tab.terms" },
  { key: "reports", label: "agreements.tab.reports" },
] as const;
export type AgreementTab = (typeof AGREEMENT_TABS)[number]["key"];

export function parseAgreementTab(url: URL): AgreementTab {
  const tab = url.searchParams.get("tab");
  return AGREEMENT_TABS.find((t) => t.key === tab)?.key ?? "compliance";
}

/** The compliance tab's page of suppliers (`?page=`); anything else is the first. */
export function parseSuppliersPage(url: URL): number {
  return SuppliersPage.parse(url.searchParams.get("page") ?? undefined);
}
const SuppliersPage = z.coerce.number().int().min(1).max(100_000).default(1).catch(1);

/** Where a tab of an agreement lives, for procurement or the disclosing party. */
export function agreementTabHref(
  role: "procurement" | "discloser",
  id: string,
  tab: AgreementTab = "compliance",
): string {
  return `/${role}/agreements/${id}${tab === "compliance" ? "" : `?tab=${tab}`}`;
}
