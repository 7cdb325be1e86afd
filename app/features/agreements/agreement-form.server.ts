import mongoose from "mongoose";
import { sayIssue } from "#app/lib/forms.server";
import { z } from "zod";
import { validateChainStructure } from "#app/scoring/chain";
import {
  ACCESS_LEVELS,
  EXCLUSIONS,
  IMPROVEMENT_OWNERS,
  INFO_CLASSES,
  PURPOSES,
  TRANSFER_MECHANISMS,
  type InfoClass,
} from "#models/agreement-enums";
import type { AgreementData, ParamValue } from "#models/agreement.server";
import { COUNTRY_CODES } from "#models/countries";
import { DEFAULT_GLOSSARY } from "#models/glossary";
import { isIsoDate } from "#app/scoring/dates";
import type { LoadedCatalogue } from "#questionnaires/loader";
import type { ParameterSpec } from "#questionnaires/types";
import { composeBreachBudget, findBreachRequirement, SUPPLIER_NOTIFY_PARAM } from "./agreement-form-breach";
import { glossaryToFormValues, parseGlossary } from "./glossary-form.server";
import type { MessageId } from "#app/i18n/catalogue";
import { currentLocale, t } from "#app/i18n/messages.server";
import { sayReason } from "#app/i18n/reasons";
import { AGREEMENT_LIMITS } from "./agreement-limits";

/**
 * The agreement form: flat form fields in, a validated agreement (or errors
 * keyed by field name) out. Field names are what the page uses, so every
 * error lands beside its field.
 */

export type FormValues = Record<string, string | string[]>;
export type FormErrors = Record<string, string[]>;

export interface SupplierOption {
  id: string;
  name: string;
  service: string;
}

export interface AgreementFormContext {
  catalogue: LoadedCatalogue;
  /** discloser organisations that may be named as the disclosing party */
  disclosers: { id: string; name: string }[];
  /** suppliers the recipient manages (the only ones it may put in a chain) */
  suppliers: SupplierOption[];
}

/** Collects a FormData into values; repeated names become arrays. */
export function formValues(formData: FormData): FormValues {
  const out: FormValues = {};
  for (const [key, raw] of formData.entries()) {
    if (typeof raw !== "string") continue;
    const existing = out[key];
    if (existing === undefined) out[key] = raw;
    else out[key] = Array.isArray(existing) ? [...existing, raw] : [existing, raw];
  }
  return out;
}

function one(values: FormValues, key: string): string {
  const v = values[key];
  return (Array.isArray(v) ? v[0] : (v ?? "")).trim();
}

function many(values: FormValues, key: string): string[] {
  const v = values[key];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean);
}

/** Row indexes present for a repeated group, e.g. "chain.3.supplierOrgId" → 3. */
function rowIndexes(values: FormValues, prefix: string): number[] {
  const seen = new Set<number>();
  const re = new RegExp(`^${prefix}\\.(\\d{1,3})\\.`);
  for (const key of Object.keys(values)) {
    const m = re.exec(key);
    if (m) seen.add(Number(m[1]));
  }
  return [...seen].sort((a, b) => a - b);
}

const L = AGREEMENT_LIMITS;
/** "At most 120 characters (you entered 130)", beside a field the parser checks by hand */
const atMost = (max: number, value: string) => t("agreements.error.atMost", { max, entered: value.length });
/**
 * The schema's messages are said when a form is checked, in the language of
 * the request: a field is named by its catalogue id ("agreements.field.…").
 */
type FieldName = MessageId;
const enter = (label: FieldName) => ({ error: () => t("agreements.error.enter", { label: t(label) }) });
const capitalised = (text: string) => `${text.slice(0, 1).toUpperCase()}${text.slice(1)}`;
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: (i) => atMost(max, String(i.input ?? "")) });
const required = (label: FieldName, max: number) => text(max).min(1, enter(label));
const wholeNumber = (label: FieldName, min: number, max: number) =>
  z
    .string()
    .trim()
    .min(1, enter(label))
    .regex(/^-?\d+$/, { error: () => t("agreements.error.wholeNumber", { label: capitalised(t(label)) }) })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { error: () => t("agreements.error.atLeastValue", { min: String(min) }) })
        .max(max, { error: () => t("agreements.error.atMostValue", { max: String(max) }) }),
    );
const isoDateField = (label: FieldName) =>
  z
    .string()
    .trim()
    .min(1, enter(label))
    .refine(isIsoDate, { error: () => t("agreements.error.date") });
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true");
/** A number a form without that section (an older client) leaves out: the default applies; sent but empty is an error. */
const wholeNumberOr = (label: FieldName, min: number, max: number, fallback: number) =>
  z.preprocess((v) => (v === undefined || v === null ? String(fallback) : v), wholeNumber(label, min, max));

const ScalarsSchema = z.object({
  reference: required("agreements.field.reference", L.reference).regex(/^[A-Za-z0-9][A-Za-z0-9 ._/-]*$/, {
    error: () => t("agreements.error.referenceCharacters"),
  }),
  title: required("agreements.field.title", L.title),
  discloserOrgId: z.string().min(1, { error: () => t("agreements.error.chooseDiscloser") }),
  effectiveDate: isoDateField("agreements.field.effectiveDate"),
  endDate: isoDateField("agreements.field.endDate"),
  survivalMonths: wholeNumber("agreements.field.survival", 0, 600),
  governingLaw: required("agreements.field.governingLaw", L.governingLaw),
  arbitrationSeat: text(L.arbitrationSeat),
  arbitrationConfidential: checkbox,
  purposeDescription: text(L.purposeDescription),
  improvementsOwner: z.enum(IMPROVEMENT_OWNERS, { error: () => t("agreements.error.chooseOwner") }),
  knowHowConfidential: checkbox,
  licenceBack: checkbox,
  knowHowNotes: text(L.knowHowNotes),
  notifyBeforeDisclosure: checkbox,
  seekProtectiveOrder: checkbox,
  compelledNoticeDays: wholeNumberOr("compelled.field.noticeDays", 0, 90, 5),
  breachWindowHours: wholeNumber("agreements.field.breachWindow", 1, 720),
  recipientNotifyHours: wholeNumber("agreements.field.recipientTime", 1, 720),
  cooperationDuties: text(L.cooperationDuties),
  retentionDays: wholeNumber("agreements.field.retention", 1, 36500),
  destroyWithinDays: wholeNumber("agreements.field.destroy", 0, 3650),
  certificateOfDestruction: checkbox,
  auditNoticeDays: wholeNumber("agreements.field.auditNotice", 0, 365),
  auditsPerYear: wholeNumber("agreements.field.auditsPerYear", 0, 12),
  reassessCritical: wholeNumberOr("agreements.field.reassessCritical", 1, 60, 6),
  reassessHigh: wholeNumberOr("agreements.field.reassessHigh", 1, 60, 12),
  reassessMedium: wholeNumberOr("agreements.field.reassessMedium", 1, 60, 18),
  reassessLow: wholeNumberOr("agreements.field.reassessLow", 1, 60, 24),
  reassessCertificateDays: wholeNumberOr("agreements.field.certificateDays", 0, 365, 60),
  // the form sends reassessPolicy=1 with its re-assessment section; without it (an older client) the triggers stay on
  reassessPolicy: z.string().optional(),
  reassessOnRatingFall: checkbox,
  reassessOnIncident: checkbox,
  reassessOnNewPhase: checkbox,
});

function enumList<T extends string>(
  values: string[],
  allowed: readonly T[],
  key: string,
  errors: FormErrors,
  kind: "purpose" | "exclusion" | "class" | "mechanism",
): T[] {
  const bad = values.filter((v) => !(allowed as readonly string[]).includes(v));
  if (bad.length) (errors[key] ??= []).push(t("agreements.error.unknown", { kind, values: bad.join(", ") }));
  return values.filter((v): v is T => (allowed as readonly string[]).includes(v));
}

export function parseCountryList(raw: string): { codes: string[]; unknown: string[] } {
  const tokens = raw
    .split(/[\s,;]+/)
    .map((t) => t.trim().toUpperCase())
    .filter(Boolean);
  const codes = [...new Set(tokens.filter((t) => COUNTRY_CODES.has(t)))];
  const unknown = tokens.filter((t) => !COUNTRY_CODES.has(t));
  return { codes, unknown };
}

function parseParam(spec: ParameterSpec, raw: string): { value?: ParamValue; error?: string } {
  const trimmed = raw.trim();
  // an unticked checkbox sends nothing: for a boolean that means false, not the default
  if (spec.type === "boolean") return { value: trimmed === "on" || trimmed === "true" };
  if (trimmed === "") return { value: spec.default };
  switch (spec.type) {
    case "hours":
    case "days":
    case "months":
    case "count": {
      const label = spec.label;
      if (!/^-?\d+$/.test(trimmed)) return { error: t("agreements.error.paramWholeNumber", { label }) };
      const n = Number(trimmed);
      if (spec.min !== undefined && n < spec.min)
        return { error: t("agreements.error.paramAtLeast", { label, min: String(spec.min) }) };
      if (spec.max !== undefined && n > spec.max)
        return { error: t("agreements.error.paramAtMost", { label, max: String(spec.max) }) };
      if (n < 0) return { error: t("agreements.error.paramNegative", { label }) };
      return { value: n };
    }
    case "countries": {
      const { codes, unknown } = parseCountryList(trimmed);
      if (unknown.length) return { error: t("agreements.error.notIso", { codes: unknown.join(", ") }) };
      return { value: codes };
    }
    case "transferMechanisms": {
      const list = trimmed.split(/[\s,;]+/).filter(Boolean);
      const bad = list.filter((m) => !(TRANSFER_MECHANISMS as readonly string[]).includes(m));
      if (bad.length) return { error: t("agreements.error.unknownMechanisms", { values: bad.join(", ") }) };
      return { value: list };
    }
    default:
      if (trimmed.length > L.parameterText)
        return {
          error: t("agreements.error.paramTooLong", {
            label: spec.label,
            max: L.parameterText,
            entered: trimmed.length,
          }),
        };
      return { value: trimmed };
  }
}

/**
 * The window, the recipient's hours and each supplier's hours must fit
 * together along the deepest chain; a contradiction is refused beside the
 * field that holds it. Without the requirement in the agreement the window
 * alone counts; with the supplier hours already refused there is nothing to compose.
 */
function checkBreachBudget(
  windowHours: number,
  recipientHours: number,
  requirements: { requirementId: string; params: Record<string, ParamValue> }[],
  chain: AgreementData["chain"],
  errors: FormErrors,
  catalogue: LoadedCatalogue,
) {
  const requirement = findBreachRequirement(catalogue.requirements);
  const supplierField = requirement ? `param.${requirement.id}.${SUPPLIER_NOTIFY_PARAM}` : "";
  if (supplierField && errors[supplierField]) return;
  const chosen = requirement && requirements.find((r) => r.requirementId === requirement.id);
  const supplierHours = chosen ? chosen.params[SUPPLIER_NOTIFY_PARAM] : null;
  const budget = composeBreachBudget(
    {
      windowHours,
      recipientHours,
      supplierHours: typeof supplierHours === "number" ? supplierHours : null,
      // a tier refused beside its row does not count
      deepestTier: chain.reduce(
        (deepest, link) => (Number.isInteger(link.tier) && link.tier <= 10 ? Math.max(deepest, link.tier) : deepest),
        0,
      ),
      requirementId: requirement?.id ?? "",
    },
    t,
  );
  for (const problem of budget.problems) {
    const key = problem.field === "supplierHours" ? supplierField : problem.field;
    (errors[key] ??= []).push(problem.message);
  }
}

export type AgreementInputData = Omit<
  AgreementData,
  "createdBy" | "revision" | "status" | "recipientOrgId" | "catalogueVersion" | "createdAt" | "updatedAt"
>;

export type ParseResult = { ok: true; agreement: AgreementInputData } | { ok: false; errors: FormErrors };

/** Validates the whole form; nothing is saved unless everything is valid. */
export function parseAgreementForm(values: FormValues, ctx: AgreementFormContext): ParseResult {
  const errors: FormErrors = {};
  const add = (key: string, message: string) => (errors[key] ??= []).push(message);

  const scalarInput: Record<string, string | undefined> = {};
  for (const key of Object.keys(ScalarsSchema.shape)) {
    // a form without the re-assessment section or the compelled-disclosure notice (an older client): defaults
    if ((key.startsWith("reassess") || key === "compelledNoticeDays") && !(key in values)) continue;
    const v = one(values, key);
    scalarInput[key] =
      v === "" &&
      [
        "arbitrationConfidential",
        "knowHowConfidential",
        "licenceBack",
        "notifyBeforeDisclosure",
        "seekProtectiveOrder",
        "certificateOfDestruction",
      ].includes(key)
        ? undefined
        : v;
  }
  const scalars = ScalarsSchema.safeParse(scalarInput);
  if (!scalars.success) {
    for (const issue of scalars.error.issues) add(issue.path.map(String).join("."), sayIssue(issue));
  }
  const s = scalars.success ? scalars.data : null;

  if (s) {
    if (s.endDate <= s.effectiveDate) add("endDate", t("agreements.error.endAfterStart"));
    if (!ctx.disclosers.some((d) => d.id === s.discloserOrgId))
      add("discloserOrgId", t("agreements.error.discloserFromList"));
  }

  const purposes = enumList(many(values, "purposes"), PURPOSES, "purposes", errors, "purpose");
  if (purposes.length === 0 && !errors.purposes) add("purposes", t("agreements.error.choosePurpose"));
  const exclusions = enumList(many(values, "exclusions"), EXCLUSIONS, "exclusions", errors, "exclusion");
  const informationClasses = enumList(
    many(values, "informationClasses"),
    INFO_CLASSES,
    "informationClasses",
    errors,
    "class",
  );
  if (informationClasses.length === 0 && !errors.informationClasses)
    add("informationClasses", t("agreements.error.chooseClasses"));
  const acceptedTransferMechanisms = enumList(
    many(values, "acceptedTransferMechanisms"),
    TRANSFER_MECHANISMS,
    "acceptedTransferMechanisms",
    errors,
    "mechanism",
  );

  const jurisdictionsText = one(values, "permittedJurisdictions");
  const jurisdictions = parseCountryList(jurisdictionsText);
  if (jurisdictionsText.length > L.permittedJurisdictions)
    add("permittedJurisdictions", atMost(L.permittedJurisdictions, jurisdictionsText));
  else if (jurisdictions.unknown.length)
    add("permittedJurisdictions", t("agreements.error.notIso", { codes: jurisdictions.unknown.join(", ") }));
  else if (jurisdictions.codes.length === 0) add("permittedJurisdictions", t("agreements.error.enterCountry"));

  const certificationsText = one(values, "requiredCertifications");
  if (certificationsText.length > L.requiredCertifications)
    add("requiredCertifications", atMost(L.requiredCertifications, certificationsText));
  const requiredCertifications = certificationsText
    .split(/\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (requiredCertifications.some((c) => c.length > L.certificationStandard))
    add("requiredCertifications", t("agreements.error.certificationTooLong", { max: L.certificationStandard }));

  // escalation contacts
  const escalationContacts = [];
  for (const i of rowIndexes(values, "escalation")) {
    const name = one(values, `escalation.${i}.name`);
    const email = one(values, `escalation.${i}.email`);
    const phone = one(values, `escalation.${i}.phone`);
    if (!name && !email && !phone) continue;
    if (!name) add(`escalation.${i}.name`, t("agreements.error.contactName"));
    if (name.length > L.contactName) add(`escalation.${i}.name`, atMost(L.contactName, name));
    if (email.length > L.contactEmail) add(`escalation.${i}.email`, atMost(L.contactEmail, email));
    else if (email && !z.email().safeParse(email).success) add(`escalation.${i}.email`, t("agreements.error.email"));
    if (phone.length > L.contactPhone) add(`escalation.${i}.phone`, atMost(L.contactPhone, phone));
    escalationContacts.push({ name, email, phone });
  }

  // flow-down requirements with their parameters
  const submittedIds = many(values, "requirements");
  const unknownIds = submittedIds.filter((id) => !ctx.catalogue.byId.has(id));
  if (unknownIds.length) add("requirements", t("agreements.error.unknownRequirements", { ids: unknownIds.join(", ") }));
  const requirementIds = [...new Set(submittedIds.filter((id) => ctx.catalogue.byId.has(id)))];
  if (requirementIds.length === 0 && !unknownIds.length) add("requirements", t("agreements.error.chooseRequirement"));
  const requirements = requirementIds.map((id) => {
    const req = ctx.catalogue.byId.get(id)!;
    const params: Record<string, ParamValue> = {};
    for (const spec of req.parameters) {
      const key = `param.${id}.${spec.key}`;
      // the catalogue calls it a notification window too; beside the agreement's window the form names it apart
      const named =
        spec.key === SUPPLIER_NOTIFY_PARAM ? { ...spec, label: t("agreements.error.supplierOwnTime") } : spec;
      const parsed = parseParam(named, one(values, key));
      if (parsed.error) add(key, parsed.error);
      else params[spec.key] = parsed.value!;
    }
    return { requirementId: id, params };
  });

  // subcontractor chain
  const supplierById = new Map(ctx.suppliers.map((sup) => [sup.id, sup]));
  const chain: AgreementData["chain"] = [];
  const chainRows = rowIndexes(values, "chain").filter((i) => one(values, `chain.${i}.supplierOrgId`) !== "");
  const rowOfSupplier = new Map<string, number>();
  for (const i of chainRows) {
    const supplierOrgId = one(values, `chain.${i}.supplierOrgId`);
    const parent = one(values, `chain.${i}.parentSupplierOrgId`);
    const tierRaw = one(values, `chain.${i}.tier`);
    const maxClass = one(values, `chain.${i}.maxClass`);
    const accessLevel = one(values, `chain.${i}.accessLevel`);
    const service = one(values, `chain.${i}.service`) || supplierById.get(supplierOrgId)?.service || "";
    if (!supplierById.has(supplierOrgId)) add(`chain.${i}.supplierOrgId`, t("agreements.error.chooseSupplier"));
    if (parent && !mongoose.isValidObjectId(parent))
      add(`chain.${i}.parentSupplierOrgId`, t("agreements.error.chooseParent"));
    if (!/^\d{1,2}$/.test(tierRaw) || Number(tierRaw) < 1 || Number(tierRaw) > 10)
      add(`chain.${i}.tier`, t("agreements.error.tier"));
    if (!(INFO_CLASSES as readonly string[]).includes(maxClass))
      add(`chain.${i}.maxClass`, t("agreements.error.chooseMaxClass"));
    else if (informationClasses.length && !informationClasses.includes(maxClass as InfoClass))
      add(`chain.${i}.maxClass`, t("agreements.error.classNotShared"));
    if (!(ACCESS_LEVELS as readonly string[]).includes(accessLevel))
      add(`chain.${i}.accessLevel`, t("agreements.error.chooseAccess"));
    if (service.length > L.service) add(`chain.${i}.service`, atMost(L.service, service));
    rowOfSupplier.set(supplierOrgId, i);
    if (supplierById.has(supplierOrgId) && (!parent || mongoose.isValidObjectId(parent))) {
      chain.push({
        supplierOrgId: new mongoose.Types.ObjectId(supplierOrgId),
        tier: Number(tierRaw),
        parentSupplierOrgId: parent ? new mongoose.Types.ObjectId(parent) : null,
        service,
        maxClass: maxClass as InfoClass,
        accessLevel: accessLevel as (typeof ACCESS_LEVELS)[number],
      });
    }
  }
  const structure = validateChainStructure(
    chain.map((link) => ({
      supplierId: String(link.supplierOrgId),
      supplierName: supplierById.get(String(link.supplierOrgId))?.name ?? "",
      tier: link.tier,
      parentSupplierId: link.parentSupplierOrgId ? String(link.parentSupplierOrgId) : null,
      service: link.service,
      maxClass: link.maxClass,
      accessLevel: link.accessLevel,
    })),
  );
  for (const problem of structure) {
    // put each structural error beside the row it names (its supplier's id is among the message's values)
    const named = typeof problem === "string" ? problem : JSON.stringify(problem.values ?? {});
    const row = [...rowOfSupplier.entries()].find(([id]) => named.includes(id))?.[1];
    add(row === undefined ? "chain" : `chain.${row}.parentSupplierOrgId`, sayReason(currentLocale(), problem));
  }

  // on the breach fields alone, so that it shows in the same round as a missing title
  const windowHours = ScalarsSchema.shape.breachWindowHours.safeParse(scalarInput.breachWindowHours);
  const recipientHours = ScalarsSchema.shape.recipientNotifyHours.safeParse(scalarInput.recipientNotifyHours);
  if (windowHours.success && recipientHours.success)
    checkBreachBudget(windowHours.data, recipientHours.data, requirements, chain, errors, ctx.catalogue);

  // phases of staged disclosure
  const phases: AgreementData["phases"] = [];
  const chainIds = new Set(chain.map((l) => String(l.supplierOrgId)));
  const phaseNames = new Set<string>();
  for (const i of rowIndexes(values, "phases")) {
    const name = one(values, `phases.${i}.name`);
    const purpose = one(values, `phases.${i}.purpose`);
    const classes = many(values, `phases.${i}.classes`);
    const required = many(values, `phases.${i}.requiredRequirementIds`);
    const permitted = many(values, `phases.${i}.permittedSupplierIds`);
    if (!name && !purpose && classes.length === 0 && required.length === 0) continue;
    if (!name) add(`phases.${i}.name`, t("agreements.error.phaseName"));
    else if (phaseNames.has(name.toLowerCase())) add(`phases.${i}.name`, t("agreements.error.phaseDuplicate"));
    phaseNames.add(name.toLowerCase());
    if (name.length > L.phaseName) add(`phases.${i}.name`, atMost(L.phaseName, name));
    if (purpose.length > L.phasePurpose) add(`phases.${i}.purpose`, atMost(L.phasePurpose, purpose));
    const goodClasses = enumList(classes, INFO_CLASSES, `phases.${i}.classes`, errors, "class");
    if (goodClasses.length === 0 && !errors[`phases.${i}.classes`])
      add(`phases.${i}.classes`, t("agreements.error.phaseClasses"));
    const notShared = goodClasses.filter((c) => !informationClasses.includes(c));
    if (notShared.length)
      add(`phases.${i}.classes`, t("agreements.error.notShared", { classes: notShared.join(", ") }));
    const notInAgreement = required.filter((id) => !requirementIds.includes(id));
    if (notInAgreement.length)
      add(
        `phases.${i}.requiredRequirementIds`,
        t("agreements.error.notAmongRequirements", { ids: notInAgreement.join(", ") }),
      );
    const notInChain = permitted.filter((id) => !chainIds.has(id));
    if (notInChain.length) add(`phases.${i}.permittedSupplierIds`, t("agreements.error.permittedInChain"));
    phases.push({
      key: `phase-${phases.length + 1}`,
      name,
      purpose,
      classes: goodClasses,
      permittedSupplierIds: permitted.filter((id) => chainIds.has(id)).map((id) => new mongoose.Types.ObjectId(id)),
      requiredRequirementIds: required.filter((id) => requirementIds.includes(id)),
    });
  }

  const glossary = parseGlossary(values, add);

  if (Object.keys(errors).length > 0 || !s) return { ok: false, errors };
  return {
    ok: true,
    agreement: {
      reference: s.reference,
      title: s.title,
      discloserOrgId: new mongoose.Types.ObjectId(s.discloserOrgId),
      effectiveDate: s.effectiveDate,
      endDate: s.endDate,
      survivalMonths: s.survivalMonths,
      governingLaw: s.governingLaw,
      forum: { arbitrationSeat: s.arbitrationSeat, arbitrationConfidential: s.arbitrationConfidential },
      purposes,
      purposeDescription: s.purposeDescription,
      exclusions,
      derivedKnowHow: {
        improvementsOwner: s.improvementsOwner,
        confidential: s.knowHowConfidential,
        licenceBack: s.licenceBack,
        notes: s.knowHowNotes,
      },
      compelledDisclosure: {
        notifyBeforeDisclosure: s.notifyBeforeDisclosure,
        seekProtectiveOrder: s.seekProtectiveOrder,
        noticeDays: s.compelledNoticeDays,
      },
      informationClasses,
      permittedJurisdictions: jurisdictions.codes,
      acceptedTransferMechanisms,
      breachWindowHours: s.breachWindowHours,
      recipientNotifyHours: s.recipientNotifyHours,
      cooperationDuties: s.cooperationDuties,
      escalationContacts,
      retention: {
        retentionDays: s.retentionDays,
        destroyWithinDays: s.destroyWithinDays,
        certificateOfDestruction: s.certificateOfDestruction,
      },
      auditRights: { noticeDays: s.auditNoticeDays, auditsPerYear: s.auditsPerYear },
      reassessment: {
        months: { critical: s.reassessCritical, high: s.reassessHigh, medium: s.reassessMedium, low: s.reassessLow },
        certificateDays: s.reassessCertificateDays,
        onRatingFall: s.reassessPolicy ? s.reassessOnRatingFall : true,
        onIncident: s.reassessPolicy ? s.reassessOnIncident : true,
        onNewPhase: s.reassessPolicy ? s.reassessOnNewPhase : true,
      },
      requiredCertifications: requiredCertifications.map((standard) => ({ standard })),
      requirements,
      phases,
      chain,
      glossary,
    },
  };
}

/** The form values that show a stored agreement in the form (for editing). */
export function agreementToFormValues(a: AgreementData): FormValues {
  const values: FormValues = {
    reference: a.reference,
    title: a.title,
    discloserOrgId: String(a.discloserOrgId),
    effectiveDate: a.effectiveDate,
    endDate: a.endDate,
    survivalMonths: String(a.survivalMonths),
    governingLaw: a.governingLaw,
    arbitrationSeat: a.forum?.arbitrationSeat ?? "",
    purposeDescription: a.purposeDescription ?? "",
    improvementsOwner: a.derivedKnowHow?.improvementsOwner ?? "discloser",
    knowHowNotes: a.derivedKnowHow?.notes ?? "",
    compelledNoticeDays: String(a.compelledDisclosure?.noticeDays ?? 5),
    breachWindowHours: String(a.breachWindowHours),
    recipientNotifyHours: String(a.recipientNotifyHours),
    cooperationDuties: a.cooperationDuties ?? "",
    retentionDays: String(a.retention.retentionDays),
    destroyWithinDays: String(a.retention.destroyWithinDays),
    auditNoticeDays: String(a.auditRights?.noticeDays ?? 30),
    auditsPerYear: String(a.auditRights?.auditsPerYear ?? 1),
    reassessCritical: String(a.reassessment?.months?.critical ?? 6),
    reassessHigh: String(a.reassessment?.months?.high ?? 12),
    reassessMedium: String(a.reassessment?.months?.medium ?? 18),
    reassessLow: String(a.reassessment?.months?.low ?? 24),
    reassessCertificateDays: String(a.reassessment?.certificateDays ?? 60),
    purposes: a.purposes,
    exclusions: a.exclusions,
    informationClasses: a.informationClasses,
    acceptedTransferMechanisms: a.acceptedTransferMechanisms,
    permittedJurisdictions: a.permittedJurisdictions.join(", "),
    requiredCertifications: a.requiredCertifications.map((c) => c.standard).join("\n"),
    requirements: a.requirements.map((r) => r.requirementId),
  };
  const flags: [string, boolean | undefined][] = [
    ["arbitrationConfidential", a.forum?.arbitrationConfidential],
    ["knowHowConfidential", a.derivedKnowHow?.confidential],
    ["licenceBack", a.derivedKnowHow?.licenceBack],
    ["notifyBeforeDisclosure", a.compelledDisclosure?.notifyBeforeDisclosure],
    ["seekProtectiveOrder", a.compelledDisclosure?.seekProtectiveOrder],
    ["certificateOfDestruction", a.retention?.certificateOfDestruction],
    ["reassessOnRatingFall", a.reassessment?.onRatingFall ?? true],
    ["reassessOnIncident", a.reassessment?.onIncident ?? true],
    ["reassessOnNewPhase", a.reassessment?.onNewPhase ?? true],
  ];
  for (const [key, on] of flags) if (on) values[key] = "on";
  for (const r of a.requirements) {
    for (const [key, v] of Object.entries(r.params ?? {})) {
      values[`param.${r.requirementId}.${key}`] = Array.isArray(v)
        ? v.join(", ")
        : typeof v === "boolean"
          ? v
            ? "on"
            : ""
          : String(v);
    }
  }
  a.escalationContacts.forEach((c, i) => {
    values[`escalation.${i}.name`] = c.name;
    values[`escalation.${i}.email`] = c.email;
    values[`escalation.${i}.phone`] = c.phone;
  });
  a.chain.forEach((l, i) => {
    values[`chain.${i}.supplierOrgId`] = String(l.supplierOrgId);
    values[`chain.${i}.tier`] = String(l.tier);
    values[`chain.${i}.parentSupplierOrgId`] = l.parentSupplierOrgId ? String(l.parentSupplierOrgId) : "";
    values[`chain.${i}.service`] = l.service;
    values[`chain.${i}.maxClass`] = l.maxClass;
    values[`chain.${i}.accessLevel`] = l.accessLevel;
  });
  Object.assign(values, glossaryToFormValues(a.glossary));
  a.phases.forEach((p, i) => {
    values[`phases.${i}.name`] = p.name;
    values[`phases.${i}.purpose`] = p.purpose;
    values[`phases.${i}.classes`] = p.classes;
    values[`phases.${i}.requiredRequirementIds`] = p.requiredRequirementIds;
    values[`phases.${i}.permittedSupplierIds`] = p.permittedSupplierIds.map(String);
  });
  return values;
}

/** Defaults for a new agreement: sensible values a user edits rather than types. */
export function newAgreementDefaults(catalogue: LoadedCatalogue): FormValues {
  const values: FormValues = {
    survivalMonths: "60",
    compelledNoticeDays: "5",
    breachWindowHours: "72",
    recipientNotifyHours: "24",
    retentionDays: "365",
    destroyWithinDays: "30",
    auditNoticeDays: "30",
    auditsPerYear: "1",
    reassessCritical: "6",
    reassessHigh: "12",
    reassessMedium: "18",
    reassessLow: "24",
    reassessCertificateDays: "60",
    reassessOnRatingFall: "on",
    reassessOnIncident: "on",
    reassessOnNewPhase: "on",
    improvementsOwner: "discloser",
    arbitrationConfidential: "on",
    knowHowConfidential: "on",
    notifyBeforeDisclosure: "on",
    seekProtectiveOrder: "on",
    certificateOfDestruction: "on",
    purposes: ["evaluation"],
    exclusions: ["public-domain", "already-known", "independently-developed"],
    informationClasses: ["internal", "confidential"],
    requiredCertifications: "ISO/IEC 27001:2022",
    requirements: catalogue.requirements.map((r) => r.id),
    ...glossaryToFormValues(DEFAULT_GLOSSARY),
  };
  for (const r of catalogue.requirements) {
    for (const p of r.parameters)
      values[`param.${r.id}.${p.key}`] = Array.isArray(p.default)
        ? p.default.join(", ")
        : typeof p.default === "boolean"
          ? p.default
            ? "on"
            : ""
          : String(p.default);
  }
  return values;
}
