import { describe, expect, it } from "vitest";
import { countryFromInput } from "./organization-input";
import { overlongLine, parseCsvRecords, readSupplierCsv } from "./supplier-csv";

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
    if (!read.ok) throw new Error(read.error);
    expect(read.rows.map((r) => r.readErrors.length)).toEqual([1, 1, 1, 1]);
    expect(read.rows[0].readErrors[0]).toMatch(/^The service cell starts with "@"/);
    expect(read.rows[2].readErrors[0]).toMatch(/^The service cell starts with "\\t"/);
    expect(read.rows[3].readErrors[0]).toBe("Has 4 cells but the first row names 3 columns");
  });

  it("says which line is too long, which quote is never closed, and what the header lacks", () => {
    expect(overlongLine(`a\nb\n${"x".repeat(2001)}`)).toBe(3);
    expect(readSupplierCsv(`name,country\n${"x".repeat(2001)}`)).toEqual({
      ok: false,
      error: expect.stringMatching(/^Line 2 is longer than 2,000 characters/),
    });
    expect(() => parseCsvRecords('a,"b\nc', ",")).toThrow("The quoted field that starts on line 1 is never closed.");
    expect(readSupplierCsv("name,service\nA,B\n")).toEqual({
      ok: false,
      error: expect.stringMatching(/country is missing/),
    });
    expect(readSupplierCsv("name,country\n")).toEqual({ ok: false, error: expect.stringMatching(/lists no supplier/) });
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
