import { describe, expect, it } from "vitest";
import { countryFromInput } from "./organization-input";
import { tIn } from "#app/i18n/messages.server";
import type { MessageId } from "#app/i18n/catalogue";
import { overlongLine, parseCsvRecords, readSupplierCsv, type CsvMessage } from "./supplier-csv";

/** A message about the file as an English reader sees it. */
const english = (m: CsvMessage) =>
  tIn(
    "en",
    m.id as MessageId,
    Object.fromEntries(Object.entries(m.values ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join(" and ") : v])),
  );

describe("reading a supplier list", () => {
  it("reads semicolon files with a BOM, CRLF, quoted cells across lines, and numbers rows by their first line", () => {
    const read = readSupplierCsv(
      '\uFEFFName;Country;Service\r\n"Alpha\r\nHoldings";DE;"Hosting; ""cold"""\r\n\r\nBeta;fr;\r\n',
    );
    expect(read).toEqual({
      ok: true,
      rows: [
        expect.objectContaining({ line: 2, name: "Alpha\r\nHoldings", country: "DE", service: 'Hosting; "cold"' }),
        expect.objectContaining({ line: 5, name: "Beta", country: "fr", service: "" }),
      ],
    });
  });

  it("refuses formula cells per row, whatever the column, and cells beyond the header", () => {
    const read = readSupplierCsv("name,country,service\nA,DE,@SUM(1)\n+B,DE,\n C,DE,\tx\nD,DE,x,extra\n");
    if (!read.ok) throw new Error(english(read.error));
    expect(read.rows.map((r) => r.readErrors.length)).toEqual([1, 1, 1, 1]);
    expect(english(read.rows[0].readErrors[0])).toMatch(/^The service cell starts with "@"/);
    expect(english(read.rows[2].readErrors[0])).toMatch(/^The service cell starts with "\\t"/);
    expect(english(read.rows[3].readErrors[0])).toBe("Has 4 cells but the first row names 3 columns");
  });

  it("says which line is too long, which quote is never closed, and what the header lacks", () => {
    expect(overlongLine(`a\nb\n${"x".repeat(2001)}`)).toBe(3);
    const errorOf = (text: string) => {
      const read = readSupplierCsv(text);
      return read.ok ? null : english(read.error);
    };
    expect(errorOf(`name,country\n${"x".repeat(2001)}`)).toMatch(/^Line 2 is longer than 2,000 characters/);
    expect(() => parseCsvRecords('a,"b\nc', ",")).toThrow("The quoted field that starts on line 1 is never closed.");
    expect(errorOf('a,"b\nc')).toBe(
      "The file is not valid CSV: The quoted field that starts on line 1 is never closed.",
    );
    expect(errorOf("name,service\nA,B\n")).toMatch(/country is missing/);
    expect(errorOf("name,country\n")).toMatch(/lists no supplier/);
  });
});

describe("countries as typed", () => {
  it("takes ISO codes in any case and English names with or without accents", () => {
    expect(countryFromInput("de")).toBe("DE");
    expect(countryFromInput(" United Kingdom ")).toBe("GB");
    expect(countryFromInput("UK")).toBe("GB");
    expect(countryFromInput("cote d'ivoire")).toBe("CI");
    expect(countryFromInput("Türkiye")).toBe("TR");
    expect(countryFromInput("XX")).toBeNull();
    expect(countryFromInput("Atlantis")).toBeNull();
  });
});
