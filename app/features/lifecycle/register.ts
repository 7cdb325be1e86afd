import type { DestructionRequestData } from "#models/lifecycle.server";
import { daysLeft, daysOverdue } from "./deadlines";

/**
 * The destruction register of one milestone: for every holder in the chain,
 * whether it certified that it returned or destroyed the information, and
 * whether its certificate is complete, which it is only when the
 * certificates of every subcontractor below it are too (a tier-1 supplier
 * answers for its own chain).
 */
export interface RegisterRequest {
  id: string;
  supplierId: string;
  parentId: string | null;
  tier: number;
  dueDate: string;
  certificateRequired: boolean;
  certified: boolean;
  /** the certificate file is on record (only asked where the agreement requires one) */
  hasCertificateFile: boolean;
}

/** What a stored request's certification says: filed, and with its file. */
export function certificationFacts(
  r: Pick<DestructionRequestData, "certification">,
): Pick<RegisterRequest, "certified" | "hasCertificateFile"> {
  return { certified: Boolean(r.certification), hasCertificateFile: Boolean(r.certification?.certificateFileId) };
}

/** A holder's own part is done: certified, with the certificate file where the agreement requires one. */
export function ownPartDone(
  r: Pick<RegisterRequest, "certified" | "certificateRequired" | "hasCertificateFile">,
): boolean {
  return r.certified && (!r.certificateRequired || r.hasCertificateFile);
}

/** A stored request as the register reads it. */
export function registerRequestOf(r: DestructionRequestData): RegisterRequest {
  return {
    id: r._id,
    supplierId: String(r.supplierOrgId),
    parentId: r.parentSupplierOrgId ? String(r.parentSupplierOrgId) : null,
    tier: r.tier,
    dueDate: r.dueDate,
    certificateRequired: r.certificateRequired,
    ...certificationFacts(r),
  };
}

/** The register of stored requests (one milestone's). */
export function registerOfStored(requests: readonly DestructionRequestData[], now: Date): Register {
  return buildRegister(requests.map(registerRequestOf), now);
}

export type HolderState = "complete" | "waiting-on-subcontractors" | "open" | "overdue";

export interface RegisterRow extends RegisterRequest {
  /** own certification filed (with the file where one is required) */
  ownDone: boolean;
  /** own done, and every holder below it complete */
  complete: boolean;
  state: HolderState;
  /** days past the due date while not complete (0 when not overdue) */
  overdueDays: number;
  /** days left to the due date (negative once past) */
  daysLeft: number;
  /** holders below this one whose certificates are missing, nearest first */
  waitingOn: string[];
  depth: number;
}

export interface Register {
  rows: RegisterRow[];
  holders: number;
  complete: number;
  overdue: number;
  /** every holder complete */
  done: boolean;
}

/**
 * Rows in chain order (each holder followed by its subcontractors). A
 * request whose parent got no request of its own (the parent was never
 * cleared for the information) hangs from the recipient.
 */
export function buildRegister(requests: readonly RegisterRequest[], now: Date): Register {
  const byId = new Map(requests.map((r) => [r.supplierId, r]));
  const children = new Map<string | null, RegisterRequest[]>();
  for (const r of requests) {
    const parent = r.parentId && byId.has(r.parentId) && r.parentId !== r.supplierId ? r.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(r);
    children.set(parent, list);
  }
  for (const list of children.values())
    list.sort((a, b) => a.tier - b.tier || a.supplierId.localeCompare(b.supplierId));

  const rows: RegisterRow[] = [];
  const visited = new Set<string>();
  /** returns the holders below `r` (inclusive) that are not complete */
  const visit = (r: RegisterRequest, depth: number): string[] => {
    visited.add(r.supplierId);
    const own = ownPartDone(r);
    const row: RegisterRow = {
      ...r,
      ownDone: own,
      complete: false,
      state: "open",
      overdueDays: 0,
      daysLeft: daysLeft(r.dueDate, now),
      waitingOn: [],
      depth,
    };
    rows.push(row);
    const missing: string[] = [];
    for (const c of children.get(r.supplierId) ?? [])
      if (!visited.has(c.supplierId)) missing.push(...visit(c, depth + 1));
    row.waitingOn = missing;
    row.complete = own && missing.length === 0;
    const late = daysOverdue(r.dueDate, now);
    row.overdueDays = row.complete ? 0 : late;
    row.state = row.complete ? "complete" : late > 0 ? "overdue" : own ? "waiting-on-subcontractors" : "open";
    return row.complete ? [] : [r.supplierId, ...missing];
  };
  for (const r of children.get(null) ?? []) visit(r, 0);
  // a cycle in a damaged chain: still list every holder once
  for (const r of requests) if (!visited.has(r.supplierId)) visit(r, 0);
  const complete = rows.filter((r) => r.complete).length;
  return {
    rows,
    holders: rows.length,
    complete,
    overdue: rows.filter((r) => r.state === "overdue").length,
    done: complete === rows.length,
  };
}
