/** Wording shared by the modules that explain a status. */
import type { RequirementStatus } from "./types";

export const STATUS_LABELS: Record<RequirementStatus, string> = {
  met: "met",
  partially_met: "partially met",
  not_met: "not met",
  not_answered: "not answered",
};

export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}
