/**
 * The message catalogue: every namespace of every language in one object.
 * Each namespace file is owned by its feature; app/i18n/catalogue.test.ts
 * checks that every key starts with its namespace, every language is
 * complete and every message has the same ICU arguments in each language.
 */
import { common } from "./catalogue/common";
import { language } from "./catalogue/language";
import { labels } from "./catalogue/labels";
import { accounts } from "./catalogue/accounts";
import { admin } from "./catalogue/admin";
import { agreements } from "./catalogue/agreements";
import { assessments } from "./catalogue/assessments";
import { review } from "./catalogue/review";
import { directory } from "./catalogue/directory";
import { dashboard } from "./catalogue/dashboard";
import { subcontractors } from "./catalogue/subcontractors";
import { incidents } from "./catalogue/incidents";
import { reassessment } from "./catalogue/reassessment";
import { evidence } from "./catalogue/evidence";
import { reports } from "./catalogue/reports";
import { questionnaires } from "./catalogue/questionnaires";
import { discloser } from "./catalogue/discloser";
import { supplier } from "./catalogue/supplier";
import { pdf } from "./catalogue/pdf";
import { matrix } from "./catalogue/matrix";
import { scoring } from "./catalogue/scoring";
import { rules } from "./catalogue/rules";
import { certs } from "./catalogue/certs";
import { chain } from "./catalogue/chain";
import { answers } from "./catalogue/answers";
import { api } from "./catalogue/api";
import { webhooks } from "./catalogue/webhooks";
import { sso } from "./catalogue/sso";
import { workbook } from "./catalogue/workbook";
import { sharing } from "./catalogue/sharing";
import { prefill } from "./catalogue/prefill";
import { profile } from "./catalogue/profile";
import { lifecycle } from "./catalogue/lifecycle";
import { destruction } from "./catalogue/destruction";
import { compelled } from "./catalogue/compelled";
import { audits } from "./catalogue/audits";

export const NAMESPACES = {
  common,
  language,
  labels,
  accounts,
  admin,
  agreements,
  assessments,
  review,
  directory,
  dashboard,
  subcontractors,
  incidents,
  reassessment,
  evidence,
  reports,
  questionnaires,
  discloser,
  supplier,
  pdf,
  matrix,
  scoring,
  rules,
  certs,
  chain,
  answers,
  api,
  webhooks,
  sso,
  workbook,
  sharing,
  prefill,
  profile,
  lifecycle,
  destruction,
  compelled,
  audits,
};

export const CATALOGUE = {
  ...common,
  ...language,
  ...labels,
  ...accounts,
  ...admin,
  ...agreements,
  ...assessments,
  ...review,
  ...directory,
  ...dashboard,
  ...subcontractors,
  ...incidents,
  ...reassessment,
  ...evidence,
  ...reports,
  ...questionnaires,
  ...discloser,
  ...supplier,
  ...pdf,
  ...matrix,
  ...scoring,
  ...rules,
  ...certs,
  ...chain,
  ...answers,
  ...api,
  ...webhooks,
  ...sso,
  ...workbook,
  ...sharing,
  ...prefill,
  ...profile,
  ...lifecycle,
  ...destruction,
  ...compelled,
  ...audits,
};

/** The id of a message in the catalogue. */
export type MessageId = keyof typeof CATALOGUE;
