import mongoose, { Schema, type Model, type Types } from "mongoose";
import type { ScoreBasis } from "#app/scoring/freshness";
import type { Reason, RequirementStatus, ScoringResult } from "#app/scoring/types";
import { syncAssessmentRow, type AssessmentSummary } from "./assessment-row.server";
import { claim, getClaim, STUCK_CLAIM_MS } from "./claim.server";
import { isoDateField } from "./iso-date-field";

import {
  ASSESSMENT_STATUSES,
  ASSESSMENT_TRANSITIONS,
  EDITABLE_STATUSES,
  type AssessmentStatus,
} from "./assessment-status";
import { Refusal } from "./refusal";

export {
  ASSESSMENT_STATUSES,
  ASSESSMENT_TRANSITIONS,
  EDITABLE_STATUSES,
  type AssessmentStatus,
  type AssessmentSummary,
};

export interface StatusChange {
  from: AssessmentStatus | null;
  to: AssessmentStatus;
  at: Date;
  byUserId: Types.ObjectId | null;
  byName: string;
  comment: string;
}

export interface OverrideRecord {
  requirementId: string;
  status: RequirementStatus;
  justification: string;
  byUserId: Types.ObjectId;
  byName: string;
  at: Date;
}

export const REMEDIATION_STATUSES = ["open", "answered", "accepted"] as const;
export type RemediationStatus = (typeof REMEDIATION_STATUSES)[number];

export interface RemediationItem {
  key: string;
  requirementId: string;
  description: string;
  dueDate: string;
  status: RemediationStatus;
  response: string;
  /** evidence references ("/evidence/<id>") the supplier attached */
  evidence: string[];
  requestedBy: string;
  requestedAt: Date;
  answeredBy: string | null;
  answeredAt: Date | null;
}

export interface AssessmentData {
  agreementId: Types.ObjectId;
  supplierOrgId: Types.ObjectId;
  /** the recipient organisation that sent it (procurement's organisation) */
  ownerOrgId: Types.ObjectId;
  templateId: string;
  /** pinned versions: template and catalogue version tags (version+content hash) */
  templateVersion: string;
  catalogueVersion: string;
  /** the questions asked, tailored to the agreement when sent (top-level names); empty or absent = every question */
  askedQuestions?: string[];
  status: AssessmentStatus;
  history: StatusChange[];
  dueDate: string;
  answers: Record<string, unknown>;
  /** increases with every accepted save; a save based on an older revision is refused */
  revision: number;
  submittedAt: Date | null;
  /** the current score: computed at submission, and again whenever what it was computed from changes */
  result: ScoringResult | null;
  /** what `result` was computed from (agreement revision, certificates, day, ...) and when */
  resultBasis: (ScoreBasis & { computedAt: Date }) | null;
  /** the result the assessment was approved on, kept while it stays approved (the current one may differ) */
  approvedResult: ScoringResult | null;
  approvedBasis: (ScoreBasis & { computedAt: Date }) | null;
  overrides: OverrideRecord[];
  /** remediation requested by procurement, answered by the supplier */
  remediation: RemediationItem[];
  /** kept up to date on every write, so lists filter and sort without joins */
  summary: AssessmentSummary;
  /** a re-assessment: the approved assessment it follows (whose answers pre-filled it) and why it was sent */
  reassessmentOf?: Types.ObjectId | null;
  /** why a re-assessment was sent: messages, said to each reader (English sentences in older ones) */
  reassessmentReasons?: Reason[];
  /**
   * Answers offered from the supplier's profile when the questionnaire was first opened (issue 22), by
   * question name: kept apart from `answers` until the supplier confirms or changes each.
   */
  reused?: Record<string, ReusedAnswer>;
  /** when the proposals were computed (once); null before the supplier first opened it */
  reusedAt?: Date | null;
  createdAt?: Date;
  updatedAt?: Date;
}

export const REUSED_STATES = ["pending", "confirmed", "changed"] as const;
export type ReusedState = (typeof REUSED_STATES)[number];

/** One answer offered from the supplier's profile. */
export interface ReusedAnswer {
  profileAnswerId: string;
  value: unknown;
  lastConfirmedAt: Date;
  match: "same" | "mapped";
  state: ReusedState;
  decidedAt: Date | null;
}

const assessmentSchema = new Schema<AssessmentData>(
  {
    agreementId: { type: Schema.Types.ObjectId, ref: "Agreement", required: true },
    supplierOrgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true },
    ownerOrgId: { type: Schema.Types.ObjectId, ref: "Organization", required: true },
    templateId: { type: String, required: true },
    templateVersion: { type: String, required: true },
    catalogueVersion: { type: String, required: true },
    askedQuestions: { type: [{ type: String, maxlength: 200 }], default: [] },
    status: { type: String, enum: ASSESSMENT_STATUSES, required: true, default: "invited" },
    history: [
      {
        _id: false,
        from: { type: String, enum: [...ASSESSMENT_STATUSES, null], default: null },
        to: { type: String, enum: ASSESSMENT_STATUSES, required: true },
        at: { type: Date, required: true },
        byUserId: { type: Schema.Types.ObjectId, ref: "User", default: null },
        byName: { type: String, default: "" },
        comment: { type: String, maxlength: 4000, default: "" },
      },
    ],
    dueDate: isoDateField,
    answers: { type: Schema.Types.Mixed, default: {} },
    revision: { type: Number, default: 0 },
    submittedAt: { type: Date, default: null },
    result: { type: Schema.Types.Mixed, default: null },
    resultBasis: { type: Schema.Types.Mixed, default: null },
    approvedResult: { type: Schema.Types.Mixed, default: null },
    approvedBasis: { type: Schema.Types.Mixed, default: null },
    remediation: [
      {
        _id: false,
        key: { type: String, required: true },
        requirementId: { type: String, required: true },
        description: { type: String, required: true, maxlength: 4000 },
        dueDate: isoDateField,
        status: { type: String, enum: REMEDIATION_STATUSES, default: "open" },
        response: { type: String, maxlength: 10000, default: "" },
        evidence: [{ type: String, match: /^\/evidence\/[0-9a-f]{24}$/ }],
        requestedBy: { type: String, required: true },
        requestedAt: { type: Date, required: true },
        answeredBy: { type: String, default: null },
        answeredAt: { type: Date, default: null },
      },
    ],
    summary: {
      supplierName: { type: String, default: "" },
      supplierKey: { type: String, default: "" },
      agreementRef: { type: String, default: "" },
      score: { type: Number, default: null },
      rating: { type: String, enum: ["low", "medium", "high", "critical", null], default: null },
      openRemediation: { type: Number, default: 0 },
      cells: { type: Schema.Types.Mixed, default: {} },
      notifyHours: { type: Number, default: null },
      locations: [{ _id: false, country: String, transferMechanism: { type: String, default: null } }],
      evaluationDate: { type: String, default: null },
      computedAt: { type: Date, default: null },
      basis: { type: Schema.Types.Mixed, default: null },
      // messages (app/scoring/said.ts); English sentences in assessments scored before
      drift: { type: [Schema.Types.Mixed], default: [] },
      lastChange: { type: Schema.Types.Mixed, default: null },
    },
    reassessmentOf: { type: Schema.Types.ObjectId, ref: "Assessment", default: null },
    // question name -> ReusedAnswer (names are safe keys: questionnaires/mongo-keys.ts)
    reused: { type: Schema.Types.Mixed, default: {} },
    reusedAt: { type: Date, default: null },
    // messages (app/scoring/said.ts); English sentences in assessments sent before
    reassessmentReasons: [Schema.Types.Mixed],
    overrides: [
      {
        _id: false,
        requirementId: { type: String, required: true },
        status: { type: String, enum: ["met", "partially_met", "not_met", "not_answered"], required: true },
        justification: { type: String, required: true, minlength: 10, maxlength: 4000 },
        byUserId: { type: Schema.Types.ObjectId, ref: "User", required: true },
        byName: { type: String, required: true },
        at: { type: Date, required: true },
      },
    ],
  },
  { timestamps: true, minimize: false },
);
assessmentSchema.index({ ownerOrgId: 1, status: 1, dueDate: 1 });
// the procurement dashboard's filters and sorts
assessmentSchema.index({ ownerOrgId: 1, dueDate: 1 });
assessmentSchema.index({ ownerOrgId: 1, updatedAt: -1 });
assessmentSchema.index({ ownerOrgId: 1, "summary.rating": 1, dueDate: 1 });
assessmentSchema.index({ ownerOrgId: 1, "summary.score": 1 });
assessmentSchema.index({ ownerOrgId: 1, "summary.supplierKey": 1 });
assessmentSchema.index({ ownerOrgId: 1, agreementId: 1, dueDate: 1 });
assessmentSchema.index({ supplierOrgId: 1, status: 1 });
assessmentSchema.index({ agreementId: 1, supplierOrgId: 1, updatedAt: -1 });

export const Assessment: Model<AssessmentData> =
  (mongoose.models.Assessment as Model<AssessmentData>) ??
  mongoose.model<AssessmentData>("Assessment", assessmentSchema);

/** The summary of an assessment just sent: named for its supplier and agreement, not yet scored. */
export function unscoredSummary(supplierName: string, agreementRef: string) {
  return {
    supplierName,
    supplierKey: supplierName.toLowerCase(),
    agreementRef,
    score: null,
    rating: null,
    openRemediation: 0,
  };
}

export class TransitionError extends Refusal {
  constructor(from: AssessmentStatus, to: AssessmentStatus) {
    super(`An assessment that is ${from.replace("_", " ")} cannot become ${to.replace("_", " ")}.`);
    this.name = "TransitionError";
  }
}

/** Someone else changed the assessment first; the caller re-reads and decides again. */
export class RevisionConflictError extends Refusal {
  constructor() {
    super("The assessment was changed by someone else at the same moment. Reload and try again.");
    this.name = "RevisionConflictError";
  }
}

interface RevisionChange {
  set?: Record<string, unknown>;
  unset?: string[];
  status?: AssessmentStatus;
  history?: StatusChange;
  extra?: Record<string, unknown>;
  /** appended to arrays of the document, e.g. { overrides: {...} } */
  push?: Record<string, unknown>;
  /** written only while the assessment is in this status (what the caller decided from) */
  ifStatus?: AssessmentStatus;
  /** set on the document like `extra`, but nothing a list shows (no row sync) */
  fields?: Record<string, unknown>;
}

function revisionKey(id: string, revision: number) {
  return `assessment:${id}:r${revision}`;
}

async function applyRevision(id: string, revision: number, change: RevisionChange) {
  const $set: Record<string, unknown> = { revision, ...(change.fields ?? {}), ...(change.extra ?? {}) };
  for (const [k, v] of Object.entries(change.set ?? {})) $set[`answers.${k}`] = v;
  if (change.status) $set.status = change.status;
  const update: Record<string, unknown> = { $set };
  if (change.unset?.length) update.$unset = Object.fromEntries(change.unset.map((k) => [`answers.${k}`, ""]));
  const push: Record<string, unknown> = { ...(change.push ?? {}) };
  if (change.history) push.history = change.history;
  if (Object.keys(push).length) update.$push = push;
  const filter: Record<string, unknown> = { _id: id, revision: mongoose.trusted({ $lt: revision }) };
  if (change.ifStatus) filter.status = change.ifStatus;
  const written = await Assessment.updateOne(filter, update);
  return written.matchedCount > 0;
}

/**
 * Every change to an assessment (answers or status) takes the next revision
 * by claiming it (an insert into a unique index: exactly one winner on MongoDB
 * and on FerretDB), then writes it. A stale or concurrent change loses the
 * claim and changes nothing.
 */
async function commitRevision(id: string, baseRevision: number, change: RevisionChange): Promise<boolean> {
  const revision = baseRevision + 1;
  const key = revisionKey(id, revision);
  // stored as text: the change may hold dotted paths ("summary.score"), which may not be document keys
  if (await claim(key, JSON.stringify(change))) {
    // the claim proves no one else took this revision; the write proves the document was still before it
    // (it is gone, or already past it when a claim of this revision was pruned): then nothing changed
    if (!(await applyRevision(id, revision, change))) return false;
    // an autosave changes nothing a list shows; a status or summary change does
    if (change.status || change.extra) await syncAssessmentRow(id);
    return true;
  }
  // the holder of that revision may have died between claiming and writing: finish its write
  const held = await getClaim(key);
  const doc = await Assessment.findById(id, { revision: 1 }).lean();
  if (held && doc && doc.revision < revision && Date.now() - new Date(held.at).getTime() > STUCK_CLAIM_MS) {
    await applyRevision(id, revision, JSON.parse(String(held.data)) as RevisionChange);
  }
  return false;
}

/**
 * Moves an assessment to a new status and records who did it and when.
 * `expectedRevision` (optional) makes it refuse when anything changed since the caller looked.
 */
export async function transitionAssessment(
  id: Types.ObjectId | string,
  to: AssessmentStatus,
  by: { userId: Types.ObjectId | string | null; name: string },
  comment = "",
  extra: Record<string, unknown> = {},
  expectedRevision?: number,
): Promise<AssessmentData & { _id: Types.ObjectId }> {
  const current = await Assessment.findById(id, { status: 1, revision: 1 }).lean();
  if (!current) throw new Refusal("common.assessmentGone", { status: 404 });
  if (!ASSESSMENT_TRANSITIONS[current.status].includes(to)) throw new TransitionError(current.status, to);
  if (expectedRevision !== undefined && current.revision !== expectedRevision) throw new RevisionConflictError();
  const history: StatusChange = {
    from: current.status,
    to,
    at: new Date(),
    byUserId: by.userId as Types.ObjectId | null,
    byName: by.name,
    comment,
  };
  const won = await commitRevision(String(id), current.revision, { status: to, history, extra });
  if (!won) throw new RevisionConflictError();
  return (await Assessment.findById(id).lean()) as AssessmentData & { _id: Types.ObjectId };
}

/**
 * Applies a change on top of whatever the assessment holds now (reviewer
 * actions that do not depend on what the page showed). Concurrent changes are
 * serialised by the revision claim: a loser re-reads and tries again.
 */
export async function mutateAssessment(
  id: string,
  build: (current: AssessmentData & { _id: Types.ObjectId }) => RevisionChange | Error,
): Promise<AssessmentData & { _id: Types.ObjectId }> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const current = await Assessment.findById(id).lean<AssessmentData & { _id: Types.ObjectId }>();
    if (!current) throw new Refusal("common.assessmentGone", { status: 404 });
    const change = build(current);
    if (change instanceof Error) throw change;
    if (await commitRevision(id, current.revision, change))
      return (await Assessment.findById(id).lean<AssessmentData & { _id: Types.ObjectId }>())!;
    await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * (attempt + 1)));
  }
  throw new RevisionConflictError();
}

export type SaveAnswersResult =
  | { kind: "saved"; revision: number; status: AssessmentStatus }
  | { kind: "conflict"; revision: number; answers: Record<string, unknown> }
  | { kind: "closed"; status: AssessmentStatus }
  | { kind: "missing" };

/**
 * Applies one autosave: only if the stored revision is the one the browser
 * started from and the assessment is still open for answers. A stale save
 * (another tab, a colleague) is refused and gets the newer answers back.
 */
export async function saveAnswers(input: {
  assessmentId: string;
  supplierOrgId: string;
  baseRevision: number;
  set: Record<string, unknown>;
  unset: string[];
  by: { userId: string; name: string };
  /** the assessment's revision and status as the caller just read them (saves reading them again) */
  seen?: { revision: number; status: AssessmentStatus };
  /** answers offered from the profile that this save confirms or changes, written in the same revision */
  reusedStates?: Record<string, "confirmed" | "changed">;
}): Promise<SaveAnswersResult> {
  const current = async (): Promise<SaveAnswersResult> => {
    const doc = await Assessment.findOne(
      { _id: input.assessmentId, supplierOrgId: input.supplierOrgId },
      { revision: 1, status: 1, answers: 1 },
    ).lean();
    if (!doc) return { kind: "missing" };
    if (!EDITABLE_STATUSES.includes(doc.status)) return { kind: "closed", status: doc.status };
    return { kind: "conflict", revision: doc.revision, answers: doc.answers ?? {} };
  };
  // a stale `seen` is harmless: the revision claim below is what refuses a concurrent change
  const doc =
    input.seen ??
    (await Assessment.findOne(
      { _id: input.assessmentId, supplierOrgId: input.supplierOrgId },
      { revision: 1, status: 1 },
    ).lean());
  if (!doc || !EDITABLE_STATUSES.includes(doc.status) || doc.revision !== input.baseRevision) return current();
  const change: RevisionChange = { set: input.set, unset: input.unset, ifStatus: doc.status };
  const decided = Object.entries(input.reusedStates ?? {});
  if (decided.length) {
    const at = new Date();
    change.fields = {};
    for (const [name, state] of decided) {
      change.fields[`reused.${name}.state`] = state;
      change.fields[`reused.${name}.decidedAt`] = at;
    }
  }
  if (doc.status === "invited") {
    change.status = "in_progress";
    change.history = {
      from: "invited",
      to: "in_progress",
      at: new Date(),
      byUserId: new mongoose.Types.ObjectId(input.by.userId),
      byName: input.by.name,
      comment: "",
    };
  }
  if (!(await commitRevision(input.assessmentId, input.baseRevision, change))) return current();
  return { kind: "saved", revision: input.baseRevision + 1, status: change.status ?? doc.status };
}

/**
 * Stores the answers offered from the supplier's profile, once: only while
 * no proposals were stored and the assessment is still at `baseRevision` and
 * open. The change takes the next revision (claimed, like every change), so
 * two first opens at once store one set, and the autosave's kept revision
 * no longer matches. False when another change came first (read again).
 */
export async function storeReusedAnswers(
  id: string,
  base: { revision: number; status: AssessmentStatus },
  reused: Record<string, ReusedAnswer>,
): Promise<boolean> {
  const current = await Assessment.findById(id, { revision: 1, status: 1, reusedAt: 1 }).lean();
  if (!current || current.reusedAt || current.revision !== base.revision || current.status !== base.status)
    return false;
  return commitRevision(id, base.revision, {
    ifStatus: base.status,
    fields: { reused, reusedAt: new Date() },
  });
}
