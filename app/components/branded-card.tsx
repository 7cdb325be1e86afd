import type { ReactNode } from "react";

/** The frame of the pages seen before signing in: the brand above one card. */
export function BrandedCard({ children }: { children: ReactNode }) {
  return (
    <main className="centered">
      <p className="brand">
        Flowdown<small>Supplier assurance for confidential technology transfers</small>
      </p>
      <div className="card">{children}</div>
    </main>
  );
}
