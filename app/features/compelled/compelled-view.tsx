import type { DisclosureView } from "./compelled.server";

/** The lifecycle tab's compelled disclosures. Built by the compelled feature. */
export function DisclosuresSection(_props: { disclosures: DisclosureView[] }) {
  return null;
}
