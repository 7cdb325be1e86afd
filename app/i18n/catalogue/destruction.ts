import type { Messages } from "./entry";

/**
 * Messages of the destruction namespace; every key starts with "destruction.".
 * Return-or-destroy requests at milestones and termination, the holders'
 * certificates and the destruction register (issue 23).
 */
export const destruction = {
  "destruction.heading": {
    en: "Return or destruction",
    de: "Rückgabe oder Vernichtung",
    ja: "返却または破棄",
    ar: "الإرجاع أو الإتلاف",
  },
} satisfies Messages;
