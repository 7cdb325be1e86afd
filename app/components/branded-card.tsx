import type { ReactNode } from "react";
import { useT } from "#app/i18n/react";

/** The frame of the pages seen before signing in: the brand above one card. */
export function BrandedCard({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <main className="centered">
      <p className="brand">
        Flowdown<small>{t("accounts.brandTagline")}</small>
      </p>
      <div className="card">{children}</div>
    </main>
  );
}
