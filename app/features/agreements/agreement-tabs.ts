/** The agreement page's tabs (see agreement-page.server): `?tab=` in the URL, the compliance matrix by default. */
export const AGREEMENT_TABS = [
  { key: "compliance", label: "Compliance" },
  { key: "chain", label: "Subcontractor chain" },
  { key: "reassessments", label: "Re-assessments and incidents" },
  { key: "terms", label: "Terms" },
  { key: "reports", label: "Reports" },
] as const;
export type AgreementTab = (typeof AGREEMENT_TABS)[number]["key"];

export function parseAgreementTab(url: URL): AgreementTab {
  const tab = url.searchParams.get("tab");
  return AGREEMENT_TABS.find((t) => t.key === tab)?.key ?? "compliance";
}

/** Where a tab of an agreement lives, for procurement or the disclosing party. */
export function agreementTabHref(
  role: "procurement" | "discloser",
  id: string,
  tab: AgreementTab = "compliance",
): string {
  return `/${role}/agreements/${id}${tab === "compliance" ? "" : `?tab=${tab}`}`;
}
