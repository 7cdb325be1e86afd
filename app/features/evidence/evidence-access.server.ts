import mongoose from "mongoose";
import { Assessment } from "#models/assessment.server";
import { Certification } from "#models/certification.server";
import { activeGrant } from "#models/profile-grant.server";
import { ProfileAnswer } from "#models/supplier-profile.server";
import type { EvidenceInfo } from "./evidence.server";

/**
 * Whether a recipient organisation may read one of a supplier's evidence
 * files. A supplier managed by several recipients answers each of them
 * separately, and its profile is shared only by its consent (issue 22), so
 * managing the supplier is not enough. The file must be one of:
 * - a certificate file on record for the supplier (the directory shows certificates to every recipient);
 * - uploaded for, or referenced by the answers or remediation of, an
 *   assessment this organisation sent the supplier;
 * - evidence of an answer in a section of the supplier's profile that a
 *   grant in force shares with this organisation.
 */
export async function recipientMayReadEvidence(viewerOrgId: string, file: EvidenceInfo): Promise<boolean> {
  const supplierOrgId = new mongoose.Types.ObjectId(file.ownerOrgId);
  const fileId = new mongoose.Types.ObjectId(file.id);
  const ref = `/evidence/${file.id}`;
  if (await Certification.exists({ supplierOrgId, fileId })) return true;
  const theirs = await Assessment.find(
    { ownerOrgId: new mongoose.Types.ObjectId(viewerOrgId), supplierOrgId },
    { answers: 1, remediation: 1 },
  ).lean();
  if (file.assessmentId && theirs.some((a) => String(a._id) === file.assessmentId)) return true;
  // a reference is a plain string inside the answers (files of questions and dynamic panels) or remediation
  if (theirs.some((a) => JSON.stringify([a.answers ?? {}, a.remediation ?? []]).includes(`"${ref}"`))) return true;
  const grant = await activeGrant(file.ownerOrgId, viewerOrgId);
  if (!grant) return false;
  const kept = await ProfileAnswer.find({ orgId: supplierOrgId, evidence: ref }, { section: 1 }).lean();
  return kept.some((k) => grant.allSections || grant.sections.includes(k.section));
}
