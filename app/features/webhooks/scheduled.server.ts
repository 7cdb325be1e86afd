import { Agreement } from "#models/agreement.server";
import { todayIso } from "#models/today";
import { expiringCertificates } from "#app/features/agreements/compliance.server";
import { raiseWebhookEvent } from "./events.server";

/**
 * certificate.expiring: once per agreement, certificate and expiry date, when
 * a chain supplier's certificate comes within the 90 days the agreement page
 * flags. Several instances (or runs) raise the same event id, stored once.
 */
export async function raiseExpiringCertificates(today = todayIso()): Promise<number> {
  const agreements = await Agreement.find(
    { status: "active" },
    { _id: 1, chain: 1, recipientOrgId: 1, reference: 1 },
  ).lean();
  let raised = 0;
  for (const agreement of agreements) {
    for (const cert of await expiringCertificates(agreement, today)) {
      const ids = await raiseWebhookEvent({
        type: "certificate.expiring",
        orgIds: [agreement.recipientOrgId],
        key: `${String(agreement._id)}:${String(cert._id)}:${cert.expiryDate}`,
        data: {
          agreementId: String(agreement._id),
          supplierOrgId: String(cert.supplierOrgId),
          certificate: {
            id: String(cert._id),
            standard: cert.standard,
            number: cert.certificateNumber,
            expiryDate: cert.expiryDate,
          },
        },
      });
      raised += ids.length;
    }
  }
  return raised;
}
