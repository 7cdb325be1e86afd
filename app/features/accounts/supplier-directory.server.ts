import { Certification } from "#models/certification.server";
import { compareNames } from "#app/i18n/collation";
import { currentLocale } from "#app/i18n/messages.server";
import { countryName } from "#models/countries";
import { todayIso } from "#models/today";
import { listSuppliersForRecipient } from "#models/organization.server";
import { daysBetween } from "#app/scoring/dates";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { orgReadModel } from "#app/features/assessments/read-model.server";
import { trusted } from "#app/lib/ids.server";

/**
 * The recipient's suppliers, each with its most recent assessment from this
 * organisation (from the list rows kept in memory, no query per supplier)
 * and its certificates on file with their validity.
 */
export async function supplierDirectory(user: Pick<CurrentUser, "orgId">) {
  const suppliers = await listSuppliersForRecipient({ orgId: user.orgId });
  const [model, certs] = await Promise.all([
    orgReadModel(user.orgId, { listOnly: true }),
    Certification.find(
      { supplierOrgId: trusted({ $in: suppliers.map((s) => s._id) }) },
      { supplierOrgId: 1, standard: 1, expiryDate: 1 },
    )
      .sort({ expiryDate: -1 })
      .lean(),
  ]);
  const { latest, count } = model.memo("latest-by-supplier", (rows) => {
    const latest = new Map<string, (typeof rows)[number]>();
    const count = new Map<string, number>();
    for (const r of rows) {
      count.set(r.supplier, (count.get(r.supplier) ?? 0) + 1);
      const seen = latest.get(r.supplier);
      if (!seen || r.updatedMs > seen.updatedMs) latest.set(r.supplier, r);
    }
    return { latest, count };
  });
  const today = todayIso();
  // in the reader's alphabet, not by code points: the database sorts "Zeta" before "apex" and "Ärger" after "Zoo"
  const inOrder = [...suppliers].sort((a, b) => compareNames(currentLocale())(a.name, b.name));
  return inOrder.map((s) => {
    const id = String(s._id);
    const last = latest.get(id);
    return {
      id,
      name: s.name,
      country: s.country,
      countryName: countryName(s.country),
      service: s.service,
      assessments: count.get(id) ?? 0,
      latest: last
        ? {
            id: last.id,
            agreementRef: last.agreementRef,
            status: last.status,
            score: last.score,
            rating: last.rating,
          }
        : null,
      certificates: certs
        .filter((c) => String(c.supplierOrgId) === id)
        .map((c) => ({ standard: c.standard, expiryDate: c.expiryDate, daysLeft: daysBetween(today, c.expiryDate) })),
    };
  });
}
