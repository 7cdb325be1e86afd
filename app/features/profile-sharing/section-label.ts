import type { MessageId } from "#app/i18n/catalogue";
import type { useT } from "#app/i18n/react";

type T = ReturnType<typeof useT>;

/** A profile section's name: the organisation, else its requirement category's label. */
export function sectionLabel(t: T, section: string): string {
  if (section === "organisation") return t("sharing.section.organisation");
  const id = `labels.category.${section}` as MessageId;
  const text = t(id);
  return text === id ? section : text;
}
