import { useFormat, useT } from "#app/i18n/react";
import type { LifecycleState } from "./deadlines";

const TONE: Record<LifecycleState, string> = { active: "ok", "in-survival": "warn", archived: "none" };

/** Where an agreement is in its life, as a badge, with the day its survival ends once it has ended. */
export function LifecycleBadge({
  state,
  survivalEnds,
}: {
  state: LifecycleState;
  survivalEnds: string | null | undefined;
}) {
  const t = useT();
  const format = useFormat();
  return (
    <span className="lifecycle-badge" data-testid="lifecycle-badge" data-state={state}>
      <span className={`badge ${TONE[state]}`}>{t(`lifecycle.state.${state}`)}</span>
      {state !== "active" && survivalEnds ? (
        <span className="small muted">
          {" "}
          {t(state === "archived" ? "lifecycle.badge.archivedOn" : "lifecycle.badge.survivalEnds", {
            date: format.day(survivalEnds),
          })}
        </span>
      ) : null}
    </span>
  );
}
