import { ListTable } from "#app/components/list-table";
import { useFormat, useT } from "#app/i18n/react";
import type { SharedSection } from "./shared-profile.server";
import { sectionLabel } from "./section-label";

/**
 * The sections of a profile a grant shares, read-only. Stand-in for the
 * profile feature's profile-view.tsx (see shared-profile.server.ts).
 */
export function SharedProfileView({ sections }: { sections: SharedSection[] }) {
  const t = useT();
  const format = useFormat();
  return (
    <>
      {sections.map((s) => (
        <section key={s.section} className="card" aria-labelledby={`section-${s.section}`} data-section={s.section}>
          <h2 id={`section-${s.section}`}>{sectionLabel(t, s.section)}</h2>
          <ListTable
            rows={s.answers}
            rowKey={(a) => a.id}
            empty={t("sharing.profile.emptySection")}
            label={sectionLabel(t, s.section)}
            columns={[
              { header: t("sharing.col.question"), cell: (a) => a.title },
              { header: t("sharing.col.answer"), cell: (a) => a.answer },
              { header: t("sharing.col.confirmed"), cell: (a) => format.day(a.confirmedAt) },
            ]}
          />
        </section>
      ))}
    </>
  );
}
