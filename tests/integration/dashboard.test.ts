import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { createOrg, createUser, getRequest, sessionCookie } from "#tests/fixtures/factories";
import { createAssessmentWorld } from "#tests/fixtures/assessments";
import type { AssessmentStatus } from "#models/assessment-status";

setupTestDatabase();

const { loader: dashboardLoader } = await import("#app/routes/_portal.procurement._index");
const { runInLocale } = await import("#app/lib/locale-scope.server");
const { loader: csvLoader } = await import("#app/routes/procurement.assessments[.csv]");
const { Assessment } = await import("#models/assessment.server");
const { AssessmentRow, RowChange, changeId, recordRowChange, syncAssessmentRow } = await import(
  "#models/assessment-row.server"
);

type Rating = "low" | "medium" | "high" | "critical";

/**
 * A recipient with `specs.length` assessments of one agreement, each with the
 * status, score, rating, due date and supplier name given.
 */
async function dashboardWorld(
  specs: { status: AssessmentStatus; score: number | null; rating: Rating | null; dueDate: string; supplier: string }[],
) {
  const w = await createAssessmentWorld();
  const base = w.assessment.toObject();
  const ids: string[] = [];
  for (const s of specs) {
    const { _id, ...rest } = base;
    void _id;
    const a = await Assessment.create({
      ...rest,
      status: s.status,
      dueDate: s.dueDate,
      summary: {
        ...base.summary,
        supplierName: s.supplier,
        supplierKey: s.supplier.toLowerCase(),
        score: s.score,
        rating: s.rating,
      },
    });
    await syncAssessmentRow(a._id);
    ids.push(String(a._id));
  }
  // the world's own (invited, unscored) assessment is not part of the spec
  await Assessment.deleteOne({ _id: w.assessment._id });
  await AssessmentRow.deleteOne({ _id: w.assessment._id });
  await recordRowChange(String(w.recipient._id), String(w.assessment._id));
  const cookie = await sessionCookie(String(w.procurement.user._id));
  return { ...w, ids, cookie };
}

async function dashboard(cookie: string, query = "") {
  return dashboardLoader({ request: getRequest(`/procurement${query}`, cookie), params: {}, context: {} });
}

const SPECS = Array.from({ length: 60 }, (_, i) => ({
  status: (["submitted", "approved", "in_progress", "remediation_requested"] as const)[i % 4],
  score: i % 4 === 2 ? null : 20 + i,
  rating: i % 4 === 2 ? null : (["low", "medium", "high", "critical"] as const)[i % 3],
  dueDate: `2099-01-${String((i % 28) + 1).padStart(2, "0")}`,
  supplier: `${i % 2 ? "Alpha" : "Beta"} Supplier ${String(i).padStart(2, "0")}`,
}));

describe("procurement dashboard", () => {
  it("counts, filters, sorts, searches and pages what is stored", async () => {
    const w = await dashboardWorld(SPECS);
    const all = await dashboard(w.cookie);
    expect(all.page.total).toBe(60);
    expect(all.page.rows).toHaveLength(25);
    expect(all.page.pages).toBe(3);
    expect(all.page.statusCounts).toMatchObject({
      submitted: 15,
      approved: 15,
      in_progress: 15,
      remediation_requested: 15,
    });
    expect(all.page.ratingCounts.unscored).toBe(15);
    expect(all.agreements).toEqual([{ id: String(w.agreement._id), reference: w.agreement.reference }]);
    // default order: due date ascending
    const due = all.page.rows.map((r) => r.dueDate);
    expect(due).toEqual([...due].sort());

    const filtered = await dashboard(w.cookie, "?status=submitted&sort=score&dir=desc");
    expect(filtered.page.total).toBe(15);
    const scores = filtered.page.rows.map((r) => r.score!);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(filtered.page.rows.every((r) => r.status === "submitted")).toBe(true);

    const search = await dashboard(w.cookie, "?q=alpha");
    expect(search.page.total).toBe(30);
    expect(search.page.rows.every((r) => r.supplier.startsWith("Alpha"))).toBe(true);

    const last = await dashboard(w.cookie, "?page=3");
    expect(last.page.rows).toHaveLength(10);
    const seen = new Set(
      [...all.page.rows, ...(await dashboard(w.cookie, "?page=2")).page.rows, ...last.page.rows].map((r) => r.id),
    );
    expect(seen.size).toBe(60);

    // unknown query values fall back to the defaults instead of failing the page
    const odd = await dashboard(w.cookie, "?status=%24gt&sort=__proto__&page=-4");
    expect(odd.page.total).toBe(60);
  });

  it("exports exactly the rows the filters show as CSV, formula-safe", async () => {
    const w = await dashboardWorld([
      ...SPECS.slice(0, 6),
      { status: "submitted", score: 50, rating: "medium", dueDate: "2099-02-01", supplier: '=HYPERLINK("x") Ltd' },
    ]);
    const res = (await csvLoader({
      request: getRequest("/procurement/assessments.csv?status=submitted", w.cookie),
      params: {},
      context: {},
    })) as Response;
    expect(res.headers.get("Content-Type")).toMatch(/text\/csv/);
    const lines = (await res.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("supplier,agreement,status,score,rating,due_date,assessment_id");
    expect(lines).toHaveLength(1 + 3);
    expect(lines.slice(1).every((l) => l.includes(",submitted,"))).toBe(true);
    expect(lines.find((l) => l.includes("HYPERLINK"))).toMatch(/^"'=HYPERLINK\(""x""\) Ltd"/);
  });

  it("shows a change written by another app instance within the check interval", async () => {
    const w = await dashboardWorld(SPECS.slice(0, 4));
    const before = await dashboard(w.cookie, "?status=approved");
    expect(before.page.total).toBe(1);
    // another instance approves one: it writes the assessment, its row and the next change-feed entry; nothing in this process is told
    const target = w.ids.find((id, i) => SPECS[i].status === "submitted")!;
    await Assessment.updateOne({ _id: target }, { $set: { status: "approved" } });
    await AssessmentRow.updateOne({ _id: target }, { $set: { status: "approved", updatedAt: new Date() } });
    const orgId = String(w.recipient._id);
    let seq = 1;
    while (await RowChange.exists({ _id: changeId(orgId, seq) })) seq++;
    await RowChange.create({ _id: changeId(orgId, seq), orgId, seq, rowId: target, at: new Date() });
    // within the read model's check interval (250 ms by default)
    await new Promise((r) => setTimeout(r, 300));
    const after = await dashboard(w.cookie, "?status=approved");
    expect(after.page.total).toBe(2);
    expect(after.page.rows.map((r) => r.id)).toContain(target);
  });

  it("numbers concurrent changes without gaps or duplicates, so no reader misses one", async () => {
    const org = await createOrg({ kind: "recipient" });
    const orgId = String(org._id);
    const seqs = await Promise.all(Array.from({ length: 12 }, (_, i) => recordRowChange(orgId, `row-${i}`)));
    expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const entries = await RowChange.find({ orgId }).lean();
    expect(new Set(entries.map((e) => e.rowId)).size).toBe(12);
  });

  it("shows procurement only its own organisation's assessments", async () => {
    await dashboardWorld(SPECS.slice(0, 5));
    const other = await createOrg({ kind: "recipient" });
    const stranger = await createUser("procurement", { orgId: String(other._id) });
    const view = await dashboard(await sessionCookie(String(stranger.user._id)));
    expect(view.page.total).toBe(0);
    expect(view.agreements).toEqual([]);
  });
});

describe("supplier names on the dashboard, as people write them", () => {
  const NAMES = [
    "Zürich Secure AG",
    "さくらデータ",
    "apex systems",
    "Kestrel Labs",
    "Ärger GmbH",
    "サクラ精工",
    "Baltic Cloud OÜ",
  ];
  const specs = NAMES.map((supplier) => ({
    status: "submitted" as const,
    score: 50,
    rating: "medium" as const,
    dueDate: "2099-01-01",
    supplier,
  }));
  const suppliersOf = async (cookie: string, query: string, locale = "en") =>
    (await runInLocale(locale, () => dashboard(cookie, query))).page.rows.map((r) => r.supplier);

  it("finds a supplier from the start of any word of its name, whatever the case, accents or kana", async () => {
    const w = await dashboardWorld(specs);
    expect(await suppliersOf(w.cookie, "?q=kes")).toEqual(["Kestrel Labs"]);
    expect(await suppliersOf(w.cookie, "?q=zurich")).toEqual(["Zürich Secure AG"]);
    expect(await suppliersOf(w.cookie, "?q=cloud")).toEqual(["Baltic Cloud OÜ"]);
    expect((await suppliersOf(w.cookie, "?q=%E3%81%95%E3%81%8F&sort=supplier", "ja")).sort()).toEqual(
      ["さくらデータ", "サクラ精工"].sort(),
    );
    expect(await suppliersOf(w.cookie, "?q=arger", "de")).toEqual(["Ärger GmbH"]);
  });

  it("sorts supplier names in the reader's alphabet, not by code points", async () => {
    const w = await dashboardWorld(specs);
    const latin = (names: string[]) => names.filter((n) => /^[\p{Script=Latin}]/u.test(n));
    expect(latin(await suppliersOf(w.cookie, "?sort=supplier", "de"))).toEqual([
      "apex systems",
      "Ärger GmbH",
      "Baltic Cloud OÜ",
      "Kestrel Labs",
      "Zürich Secure AG",
    ]);
    const descending = latin(await suppliersOf(w.cookie, "?sort=supplier&dir=desc", "de"));
    expect(descending[0]).toBe("Zürich Secure AG");
    expect(descending.at(-1)).toBe("apex systems");
  });
});
