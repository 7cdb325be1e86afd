import { Agreement } from "#models/agreement.server";
import { Assessment } from "#models/assessment.server";
import { EDITABLE_STATUSES } from "#models/assessment-status";
import { todayIso } from "#models/today";
import { Organization } from "#models/organization.server";
import { trusted } from "#app/lib/ids.server";
import { currentLocale } from "#app/i18n/messages.server";
import { templateTitleIn } from "#questionnaires/loader";
import { answeredPercent, askedTemplateFor } from "./survey-model.server";
import { sayReasons } from "#app/i18n/reasons";

/** The supplier's dashboard rows: every questionnaire sent to the organisation, soonest due first. */
export async function supplierAssessmentRows(supplierOrgId: string) {
  const assessments = await Assessment.find({ supplierOrgId }, { result: 0, history: 0 })
    .sort({ dueDate: 1 })
    .limit(200)
    .lean();
  const [agreements, owners] = await Promise.all([
    Agreement.find({ _id: trusted({ $in: assessments.map((a) => a.agreementId) }) }, { reference: 1, title: 1 }).lean(),
    Organization.find({ _id: trusted({ $in: assessments.map((a) => a.ownerOrgId) }) }, { name: 1 }).lean(),
  ]);
  const agreementOf = new Map(agreements.map((a) => [String(a._id), `${a.reference}: ${a.title}`]));
  const ownerOf = new Map(owners.map((o) => [String(o._id), o.name]));
  const today = todayIso();
  const rows = [];
  for (const a of assessments) {
    const template = await askedTemplateFor(a);
    rows.push({
      id: String(a._id),
      title: templateTitleIn(template.title, currentLocale()),
      client: ownerOf.get(String(a.ownerOrgId)) ?? "",
      agreement: agreementOf.get(String(a.agreementId)) ?? "",
      status: a.status,
      dueDate: a.dueDate,
      overdue: a.dueDate < today && EDITABLE_STATUSES.includes(a.status),
      progress: answeredPercent(template, a.answers ?? {}),
      reassessment:
        a.reassessmentOf && ["invited", "in_progress"].includes(a.status)
          ? sayReasons(currentLocale(), a.reassessmentReasons)
          : null,
    });
  }
  return rows;
}
