import { INFO_CLASSES, type InfoClass } from "#app/scoring/types";

/**
 * Who holds the information a milestone concerns, and so who must return or
 * destroy it. Pure: the chain, the phase clearances and the classes in.
 */
export interface HolderLink {
  supplierId: string;
  tier: number;
  parentId: string | null;
  maxClass: InfoClass;
}

export interface Holder {
  supplierId: string;
  tier: number;
  parentId: string | null;
  /** the milestone's classes this holder could have received (up to its link's highest class) */
  classes: InfoClass[];
}

/** The classes of `classes` at or below `maxClass`, in INFO_CLASSES order. */
export function classesUpTo(classes: readonly InfoClass[], maxClass: InfoClass): InfoClass[] {
  const max = INFO_CLASSES.indexOf(maxClass);
  return INFO_CLASSES.filter((c) => classes.includes(c) && INFO_CLASSES.indexOf(c) <= max);
}

/**
 * For an end (`cleared` null): every supplier in the chain. For a phase:
 * the suppliers cleared for it (within its permitted suppliers when the
 * phase names any), and every supplier above each of them, since the
 * information reached them through their parents. A holder none of whose
 * classes its link may receive gets no request.
 */
export function holdersOf(
  chain: readonly HolderLink[],
  classes: readonly InfoClass[],
  cleared: ReadonlySet<string> | null,
  permitted: readonly string[] = [],
): Holder[] {
  const byId = new Map(chain.map((l) => [l.supplierId, l]));
  let chosen: Set<string>;
  if (cleared === null) chosen = new Set(byId.keys());
  else {
    chosen = new Set();
    for (const id of cleared) {
      if (!byId.has(id) || (permitted.length > 0 && !permitted.includes(id))) continue;
      // the cleared holder and its parents up to the recipient (a damaged chain's cycle stops at a repeat)
      let at: string | null = id;
      while (at && byId.has(at) && !chosen.has(at)) {
        chosen.add(at);
        at = byId.get(at)!.parentId;
      }
    }
  }
  const holders: Holder[] = [];
  for (const link of chain) {
    if (!chosen.has(link.supplierId)) continue;
    const own = classesUpTo(classes, link.maxClass);
    if (own.length === 0) continue;
    holders.push({ supplierId: link.supplierId, tier: link.tier, parentId: link.parentId, classes: own });
  }
  return holders;
}
