import { describe, expect, it } from "vitest";
import { tIn } from "#app/i18n/messages.server";
import { auditKeyLabel } from "./audit-table";

describe("an audit entry's detail keys", () => {
  it("are labels in the reader's language; English and unknown keys show the key as recorded", () => {
    const keys = ["trigger", "teamAdmin", "knownDevice", "comment", "score", "source"];
    expect(keys.map((k) => auditKeyLabel(k, (id) => tIn("de", id)))).toEqual([
      "Auslöser",
      "Teamadministration",
      "Bekanntes Gerät",
      "Kommentar",
      "Punktzahl",
      "Quelle",
    ]);
    for (const k of keys) expect(auditKeyLabel(k, (id) => tIn("ja", id))).not.toBe(k);
    expect(keys.map((k) => auditKeyLabel(k, (id) => tIn("en", id)))).toEqual(keys);
    expect(auditKeyLabel("somethingNew", (id) => tIn("ar", id))).toBe("somethingNew");
  });
});
