/**
 * Text a person sends is refused when too long, never cut to fit (see
 * app/lib/text-limits.ts). This check reads the code that handles requests
 * (routes, use cases, infrastructure) for the ways text gets cut: a prefix
 * slice, substring or substr with a fixed length. Each one that is not about
 * request input is listed below with the reason; a new one fails this test
 * until it is refused instead, or shown with `abbreviate` (display only,
 * with an ellipsis), or listed here with its reason.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOTS = ["app/routes", "app/features", "app/lib"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Code that handles a request: route modules, and the server side of features and infrastructure. */
const files = ROOTS.flatMap(sourceFiles).filter((f) => f.startsWith("app/routes/") || /\.server\.tsx?$/.test(f));

/** `.slice(0, n)`, `.substring(…)`, `.substr(…)`, and `.slice(a, b)` with two fixed numbers */
const CUT = /\.(?:slice\(\s*0\s*,\s*(?!-)[^)]+\)|substring\(|substr\(|slice\(\s*\d+\s*,\s*\d+\s*\))/g;

/** A timestamp cut to its date or minute ("2026-01-01T10:00:00Z" → "2026-01-01"): not input. */
const TIMESTAMP = /(toISOString\(\)|[a-z]At\??|Date|iso|Deadline|Notice!?)$/;

/** Cuts that are not of request input, each with its reason: file and the cutting expression. */
const ALLOWED: { file: string; code: string; why: string }[] = [
  {
    file: "app/features/api/paging.server.ts",
    code: "rows.slice(0, query.limit)",
    why: "one page of an API list out of the rows after the cursor: the rest are on the next pages",
  },
  {
    file: "app/features/api/http.server.ts",
    code: '.digest("base64url").slice(0, 27)',
    why: "an ETag: the first 160 bits of the body's SHA-256, not input",
  },
  {
    file: "app/routes/_portal.procurement.suppliers.import.tsx",
    code: ".flat().slice(0, 1)",
    why: "the first of the form's error messages: a list, not text",
  },
  {
    file: "app/features/reports/report-words.server.ts",
    code: "d.slice(0, 10)",
    why: "the calendar day of a stored ISO timestamp, for the report's date",
  },
  {
    file: "app/features/agreements/agreement-form.server.ts",
    code: "text.slice(0, 1).toUpperCase()",
    why: "the first letter of a message, capitalised; the rest follows",
  },
  {
    file: "app/features/accounts/known-device.server.ts",
    code: '.digest("base64url").slice(0, 32)',
    why: "a tag derived from the address (a hash shortened), not the address",
  },
  {
    file: "app/features/accounts/known-device.server.ts",
    code: ".slice(0, MAX_ACCOUNTS)",
    why: "the known-device cookie keeps the latest accounts: a list, not text",
  },
  {
    file: "app/lib/connection.server.ts",
    code: 'address.slice(0, address.lastIndexOf(":"))',
    why: "the port taken off an IPv4 address a proxy appended",
  },
  {
    file: "app/features/agreements/agreement-page.server.ts",
    code: ".slice(0, 10)",
    why: "the ten latest rows of a list",
  },
  {
    file: "app/features/agreements/agreement-editing.server.ts",
    code: ".slice(0, 5)",
    why: "the first five of a list",
  },
  { file: "app/features/audit/audit-view.server.ts", code: "targets.slice(0, 200)", why: "a list, not text" },
  {
    file: "app/routes/_portal.supplier.evidence.tsx",
    code: "f.sha256.slice(0, 12)",
    why: "a file's SHA-256 computed by the portal, shown shortened with the whole value beside it (title)",
  },
  { file: "app/features/audit/audit-view.server.ts", code: ".slice(0, limit)", why: "a page of rows" },
  {
    file: "app/features/audit/audit-view.server.ts",
    code: "problems.slice(0, SHOWN_PROBLEMS)",
    why: "the first problems of a list",
  },
  {
    file: "app/features/review/dashboard.server.ts",
    code: "url.search.slice(0, 300)",
    why: "a query string noted in the audit trail (a log), not stored as data",
  },
  { file: "app/features/assessments/scoring.server.ts", code: ".slice(0, 24)", why: "a list of reasons, not text" },
  {
    file: "app/features/assessments/scoring.server.ts",
    code: "trigger.slice(0, 200)",
    why: "the portal's own description of what triggered a re-scoring (a phrase in older callers)",
  },
  {
    file: "app/features/reports/reports.server.ts",
    code: ".slice(0, 60)",
    why: "a file name for the download, built from stored names",
  },
  {
    file: "app/features/accounts/auth.server.ts",
    code: '(request.headers.get("User-Agent") ?? "").slice(0, 400)',
    why: "a header kept as a hint beside the session, not something a person typed",
  },
  {
    file: "app/features/evidence/evidence.server.ts",
    code: "name.slice(0, dot)",
    why: "the stem of a file name before its extension",
  },
  {
    file: "app/features/evidence/evidence.server.ts",
    code: ".slice(0, 120 - [...ext].length)",
    why: "an uploaded file's name made safe to store and serve (sanitizeFileName); the file itself is whole",
  },
  {
    file: "app/features/directory/supplier-import.server.ts",
    code: "fileName.slice(0, 200)",
    why: "the uploaded CSV file's name, recorded beside the import",
  },
  {
    file: "app/features/questionnaires/questionnaire-import.server.ts",
    code: "file.name.slice(0, 200)",
    why: "the uploaded file's name, recorded beside the draft",
  },
  {
    file: "app/features/questionnaires/questionnaire-import.server.ts",
    code: "values.slice(0, 5)",
    why: "the first few values named in a message",
  },
  {
    file: "app/routes/verify.tsx",
    code: "filename.slice(0, 200)",
    why: "the checked file's name, shown back; the file is hashed whole and not kept",
  },
  {
    file: "app/routes/invite.$token.tsx",
    code: "token.slice(0, 100)",
    why: "a rate-limit key derived from the link",
  },
  {
    file: "app/lib/security.server.ts",
    code: "origin.slice(0, 200)",
    why: "a refused Origin header in a log line",
  },
  {
    file: "app/lib/rate-limit.server.ts",
    code: "subjects.account.toLowerCase().slice(0, 300)",
    why: "a rate-limit key derived from the account",
  },
  {
    file: "app/lib/rate-limit.server.ts",
    code: "account.toLowerCase().slice(0, 300)",
    why: "the same rate-limit key, to forget the account's failures",
  },
  {
    file: "app/lib/scheduler.server.ts",
    code: "(error instanceof Error ? error.message : String(error)).slice(0, 1000)",
    why: "an error message in a job's log",
  },
  {
    file: "app/lib/mail.server.ts",
    code: '(message || "unknown error").slice(0, 500)',
    why: "a mail error in the log",
  },
  {
    file: "app/routes/_portal.bench-floor.tsx",
    code: ".slice(0, bytes)",
    why: "filler text the page makes itself",
  },
];

interface Cut {
  file: string;
  line: number;
  code: string;
}

/** Every cut in the request-handling code, with the line it is on. */
function cuts(): Cut[] {
  const out: Cut[] = [];
  for (const file of files) {
    const lines = readFileSync(file, "utf8").split("\n");
    lines.forEach((text, i) => {
      for (const m of text.matchAll(CUT)) {
        if (TIMESTAMP.test(text.slice(0, m.index))) continue;
        out.push({ file, line: i + 1, code: text.trim() });
      }
    });
  }
  return out;
}

describe("request input is refused when too long, never cut", () => {
  const found = cuts();

  it("reads the request-handling code", () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files).toContain("app/features/evidence/uploads.server.ts");
  });

  it("finds a cut of text that is not listed with its reason", () => {
    const unexplained = found.filter((c) => !ALLOWED.some((a) => a.file === c.file && c.code.includes(a.code)));
    expect(unexplained.map((c) => `${c.file}:${c.line} ${c.code}`)).toEqual([]);
  });

  it("lists no cut that is gone", () => {
    const stale = ALLOWED.filter((a) => !found.some((c) => a.file === c.file && c.code.includes(a.code)));
    expect(stale).toEqual([]);
  });

  it("would find the cuts that silently shortened input", () => {
    const probe = (code: string) => [...code.matchAll(CUT)].length > 0;
    // the upload's text fields, the send form, the publish form and the question name, as they were
    expect(probe("fields[name] = text.slice(0, 2000);")).toBe(true);
    expect(probe('[k, typeof v === "string" ? v.slice(0, 4000) : ""]')).toBe(true);
    expect(probe('values[key] = typeof v === "string" ? v.slice(0, MAX_FIELD) : "";')).toBe(true);
    expect(probe("const name = key.slice(4, 204);")).toBe(true);
    expect(probe("z.string().transform((s) => s.substring(0, 200))")).toBe(true);
    // and leave alone what only reads text
    expect(probe('const name = key.slice("req:".length);')).toBe(false);
    expect(probe("const ext = name.slice(dot);")).toBe(false);
  });
});
