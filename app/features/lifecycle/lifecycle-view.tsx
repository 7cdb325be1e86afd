import { useT } from "#app/i18n/react";
import { MilestonesSection } from "#app/features/destruction/register-view";
import { DisclosuresSection } from "#app/features/compelled/compelled-view";
import { AuditsSection } from "#app/features/audits/audits-view";
import type { LifecyclePageData } from "./lifecycle-page.server";

type Jsonified<T> = T extends (infer U)[] ? Jsonified<U>[] : T extends object ? { [K in keyof T]: Jsonified<T[K]> } : T;

/** The agreement page's "After signature" tab. */
export function LifecycleSection({
  v,
  role,
  agreementId,
}: {
  v: Jsonified<LifecyclePageData>;
  role: "procurement" | "discloser";
  agreementId: string;
}) {
  const t = useT();
  return (
    <>
      <section className="card form-section" aria-labelledby="lifecycle-heading">
        <h2 id="lifecycle-heading">{t("lifecycle.tab")}</h2>
        <p data-testid="lifecycle-state">{t(`lifecycle.state.${v.lifecycle.state}`)}</p>
      </section>
      <MilestonesSection milestones={v.milestones} role={role} agreementId={agreementId} />
      <DisclosuresSection disclosures={v.disclosures} />
      <AuditsSection audits={v.audits} role={role} agreementId={agreementId} />
    </>
  );
}
