/**
 * Report benchmark: `npx tsx bench/reports.ts [runs]`.
 *
 * Times the pdfkit generators (assessment report; agreement report with 50
 * suppliers × 300 requirements) and, in the same run, Chromium's
 * `page.pdf()` of an HTML page built here from the same data. Prints the
 * median of `runs` (default 5) runs after one warm-up, the page counts, the
 * ratio, and the longest event-loop block while the big report renders
 * (perf_hooks.monitorEventLoopDelay). Target: pdfkit at least 5× faster.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { Writable } from "node:stream";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { launchBrowser } from "#tests/helpers/chromium";
import { renderAgreementReport } from "#reports/agreement-report";
import { renderAssessmentReport, type RenderInfo } from "#reports/index";
import { fontFile } from "#reports/fonts";
import { reportWordsFor } from "#app/features/reports/report-words.server";
import { agreementFixture, assessmentFixture } from "#tests/fixtures/reports";
import type { AgreementReportData, AssessmentReportData } from "#reports/types";
import { ASSESSMENT_STATUS_TEXT, RATING_TEXT, STATUS_TEXT } from "#models/labels";
import {
  certificationRows,
  chainRows,
  complianceMatrix,
  formatAnswer,
  formatDate,
  formatDateTime,
  matrixCode,
  overriddenRequirements,
  phaseViews,
  remediationRows,
  requirementStatusLine,
  verificationText,
} from "#reports/view";

const RUNS = Math.max(1, Number(process.argv[2] ?? 5));
const TARGET_RATIO = 5;
/** warm-up runs before timing, the same for both */
const WARMUPS = 3;

// ---------------------------------------------------------------- helpers

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** A Writable that counts bytes and drops them. */
function sink(): Writable & { bytes: number } {
  const w = new Writable({
    write(chunk: Buffer, _enc, cb) {
      w.bytes += chunk.length;
      cb();
    },
  }) as Writable & { bytes: number };
  w.bytes = 0;
  return w;
}

async function timePdfkit(render: () => Promise<RenderInfo>): Promise<{ ms: number[]; pages: number }> {
  // warm-up: fonts parsed and code optimised (steady state, as in a running portal; Chromium gets its warm-up too)
  for (let i = 0; i < WARMUPS; i++) await render();
  const ms: number[] = [];
  let pages = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    pages = (await render()).pages;
    ms.push(performance.now() - t);
  }
  return { ms, pages };
}

// ---------------------------------------------------------------- HTML twins of the reports

const esc = (s: unknown) =>
  String(s ?? "").replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );

function css(): string {
  const url = (key: Parameters<typeof fontFile>[0]) => pathToFileURL(fontFile(key)).href;
  return `
@font-face { font-family: Report; src: url(${url("regular")}); }
@font-face { font-family: Report; font-weight: bold; src: url(${url("bold")}); }
@font-face { font-family: ReportCJK; src: url(${url("cjk")}); }
@page { size: A4; margin: 70pt 48pt 58pt 48pt; }
@page matrix { size: A4 landscape; }
body { font-family: Report, ReportCJK, sans-serif; font-size: 8.5pt; color: #2B3442; }
h1 { color: #1F3A5F; font-size: 15pt; border-bottom: 0.8pt solid #1F3A5F; break-after: avoid; }
h2 { font-size: 11pt; break-after: avoid; }
.cover { background: #1F3A5F; color: #fff; padding: 30pt; break-after: page; }
table { width: 100%; border-collapse: collapse; font-size: 7.8pt; }
thead { display: table-header-group; }
th { background: #1F3A5F; color: #fff; text-align: left; padding: 3pt 4pt; font-size: 7pt; text-transform: uppercase; }
td { padding: 3.5pt 4pt; border-bottom: 0.5pt solid #D3D9E0; vertical-align: top; }
tr { break-inside: avoid; }
.badge { display: inline-block; padding: 1pt 4pt; border-radius: 2.5pt; font-weight: bold; font-size: 6.8pt; border: 0.6pt solid; }
.met { background: #DCF1E3; color: #14532D; } .partially_met { background: #FCEFD3; color: #744210; }
.not_met { background: #FBE0DD; color: #822727; } .not_answered { background: #E9ECF0; color: #3A4452; }
.matrix { page: matrix; break-before: page; }
.matrix table { width: auto; table-layout: fixed; }
.matrix td.c { width: 11pt; text-align: center; font-weight: bold; font-size: 7pt; padding: 1pt; border: 0.8pt solid #fff; }
.matrix th.r { writing-mode: vertical-rl; transform: rotate(180deg); font-size: 6.4pt; padding: 2pt 1pt; }
.bar { display: inline-block; height: 5pt; background: #2F855A; }
.verify { background: #E7EDF5; border-left: 3pt solid #1F3A5F; padding: 9pt; }
`;
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(
    title,
  )}</title><style>${css()}</style></head><body>${body}</body></html>`;
}

function verifyHtml(meta: { version: number; verifyUrl?: string }): string {
  return `<h1>Verification</h1><div class="verify">${verificationText(meta)
    .map((p) => `<p>${esc(p)}</p>`)
    .join("")}</div>`;
}

function assessmentHtml(d: AssessmentReportData): string {
  const r = d.result;
  const rows = r.requirements
    .map(
      (q) =>
        `<tr><td><b>${esc(q.requirementId)}</b></td><td><b>${esc(q.title)}</b><br>${esc(q.category)}</td><td>${
          q.weight
        }</td><td><span class="badge ${q.status}">${esc(requirementStatusLine(q))}</span></td></tr>`,
    )
    .join("");
  const details = r.requirements
    .map(
      (q) =>
        `<h2>${esc(q.requirementId)} ${esc(q.title)} — ${esc(requirementStatusLine(q))}</h2><ul>${q.reasons
          .map((x) => `<li>${esc(x)}</li>`)
          .join("")}</ul>` +
        (q.answers.length
          ? `<table><thead><tr><th>Question</th><th>Answer</th><th>Judgement</th></tr></thead><tbody>${q.answers
              .map(
                (a) =>
                  `<tr><td>${esc(a.title)}</td><td>${esc(formatAnswer(a.value))}</td><td>${esc(a.reason)}</td></tr>`,
              )
              .join("")}</tbody></table>`
          : "") +
        q.evidence.map((e) => `<p>Evidence: ${esc(e.name)} — ${esc(e.ref)}</p>`).join(""),
    )
    .join("");
  const overrides = overriddenRequirements(r)
    .map(
      (q) =>
        `<tr><td>${esc(q.requirementId)}</td><td>${STATUS_TEXT[q.computedStatus]} → ${
          STATUS_TEXT[q.status]
        }</td><td>${esc(q.override?.justification)}</td><td>${esc(q.override?.by)} ${esc(
          formatDateTime(q.override?.at),
        )}</td></tr>`,
    )
    .join("");
  const certs = certificationRows(d)
    .map(
      (c) =>
        `<tr><td>${esc(c.standard)}<br>${esc(c.certificateNumber)}</td><td>${esc(c.certificationBody)}<br>${esc(
          c.scope,
        )}</td><td>${esc(c.issueDate)}<br>${esc(c.expiryDate)}</td><td>${
          c.valid ? "VALID" : "NO CREDIT"
        }<br>${c.findings.map(esc).join("<br>")}</td></tr>`,
    )
    .join("");
  const remediation = remediationRows(d)
    .map(
      (x) =>
        `<tr><td>${esc(x.requirementId)}</td><td>${esc(x.description)}</td><td>${esc(
          formatDate(x.dueDate),
        )}</td><td>${esc(x.status)}</td><td>${esc(x.response ?? "")}</td></tr>`,
    )
    .join("");
  return page(
    `Assessment report — ${d.supplier.name}`,
    `<div class="cover"><h1 style="color:#fff">${esc(d.agreement.title)}</h1><p>${esc(
      d.agreement.reference,
    )}</p><h2>${esc(d.supplier.name)}</h2><p>${esc(ASSESSMENT_STATUS_TEXT[d.assessment.status])} · score ${r.score} · ${
      RATING_TEXT[r.rating]
    } RISK</p></div>` +
      `<h1>Summary</h1><p>Score ${r.score} / 100, rating ${
        RATING_TEXT[r.rating]
      }</p><svg width="300" height="20"><rect width="${r.score * 3}" height="20" fill="#2F855A"/></svg>` +
      `<h1>Requirements</h1><table><thead><tr><th>ID</th><th>Requirement</th><th>Weight</th><th>Status</th></tr></thead><tbody>${rows}</tbody></table>` +
      `<h1>Requirement details</h1>${details}` +
      `<h1>Overrides</h1><table><thead><tr><th>Requirement</th><th>Change</th><th>Justification</th><th>By</th></tr></thead><tbody>${overrides}</tbody></table>` +
      `<h1>Certifications</h1><table><thead><tr><th>Certificate</th><th>Body</th><th>Dates</th><th>Validity</th></tr></thead><tbody>${certs}</tbody></table>` +
      `<h1>Remediation</h1><table><thead><tr><th>Requirement</th><th>Action</th><th>Due</th><th>Status</th><th>Response</th></tr></thead><tbody>${remediation}</tbody></table>` +
      verifyHtml(d),
  );
}

function agreementHtml(d: AgreementReportData): string {
  const m = complianceMatrix(d);
  const suppliers = d.suppliers
    .map(
      (s) =>
        `<tr><td>${s.tier}</td><td><b>${esc(s.name)}</b><br>${esc(s.service)} · ${esc(s.country)}</td><td>${
          s.latest ? esc(ASSESSMENT_STATUS_TEXT[s.latest.assessmentStatus]) : "NOT SCORED"
        }</td><td>${
          s.latest ? `<span class="bar" style="width:${s.latest.score * 0.6}pt"></span> ${s.latest.score}` : "—"
        }</td><td>${s.latest ? RATING_TEXT[s.latest.rating] : "—"}</td><td>${esc(
          s.latest?.knockOutsFailed.join(", ") ?? "",
        )}</td></tr>`,
    )
    .join("");
  const perBand = 43;
  let matrix = "";
  for (let b = 0; b * perBand < m.requirements.length; b++) {
    const cols = m.requirements.slice(b * perBand, (b + 1) * perBand);
    matrix += `<div class="matrix"><h2>Requirements ${b * perBand + 1}–${
      b * perBand + cols.length
    }</h2><table><thead><tr><th>Supplier</th>${cols
      .map((c) => `<th class="r">${esc(c.id)}</th>`)
      .join("")}</tr></thead><tbody>`;
    for (const row of m.rows) {
      const cells = row.cells.slice(b * perBand, b * perBand + cols.length);
      matrix += `<tr><td>T${row.supplier.tier} ${esc(row.supplier.name)}</td>${cells
        .map((c) => `<td class="c ${c ? c.status : ""}">${esc(matrixCode(c))}</td>`)
        .join("")}</tr>`;
    }
    matrix += "</tbody></table></div>";
  }
  const chain = chainRows(d)
    .map(
      (l) =>
        `<tr><td>${l.tier}</td><td><b>${esc(l.supplierName)}</b><br>${esc(
          [...l.pathNames, d.agreement.recipient].join(" → "),
        )}</td><td>${l.composedNotifyHours ?? "unknown"} / ${l.windowHours} h</td><td>${
          l.locationOk ? "PERMITTED" : "VIOLATION"
        }</td><td>${l.ok ? "LINK OK" : "LINK FAILS"}<br>${l.reasons.map(esc).join("<br>")}</td></tr>`,
    )
    .join("");
  const phases = phaseViews(d)
    .map(
      (v) =>
        `<h2>${esc(v.phase.name)} — ${v.clearedCount} of ${
          v.rows.length
        } cleared</h2><table><thead><tr><th>Supplier</th><th>Clearance</th><th>Reasons</th></tr></thead><tbody>${v.rows
          .map(
            (r) =>
              `<tr><td>${esc(r.supplierName)}</td><td>${r.cleared ? "CLEARED" : "NOT CLEARED"}</td><td>${esc(
                r.reasons.join(" "),
              )}</td></tr>`,
          )
          .join("")}</tbody></table>`,
    )
    .join("");
  const expiring = d.expiringCertificates
    .map(
      (c) =>
        `<tr><td>${esc(c.supplierName)}</td><td>${esc(c.standard)} ${esc(c.certificateNumber)}</td><td>${esc(
          c.certificationBody,
        )}</td><td>${esc(c.expiryDate)}</td><td>${c.daysLeft}</td></tr>`,
    )
    .join("");
  const reqs = d.requirements
    .map(
      (r, i) =>
        `<tr><td>${i + 1}</td><td>${esc(r.id)}</td><td>${esc(r.title)}</td><td>${esc(r.category)}</td><td>${
          r.weight
        }</td><td>${r.knockOut ? "KNOCK-OUT" : "—"}</td></tr>`,
    )
    .join("");
  return page(
    `Agreement report — ${d.agreement.reference}`,
    `<div class="cover"><h1 style="color:#fff">${esc(d.agreement.title)}</h1><p>${esc(d.agreement.reference)} · ${esc(
      d.agreement.discloser,
    )} → ${esc(d.agreement.recipient)}</p></div>` +
      `<h1>Suppliers</h1><table><thead><tr><th>Tier</th><th>Supplier</th><th>Assessment</th><th>Score</th><th>Rating</th><th>Knock-outs</th></tr></thead><tbody>${suppliers}</tbody></table>` +
      matrix +
      `<h1 style="break-before: page">Subcontractor chain</h1><table><thead><tr><th>Tier</th><th>Supplier</th><th>Notification</th><th>Location</th><th>Result</th></tr></thead><tbody>${chain}</tbody></table>` +
      `<h1>Phase clearances</h1>${phases}` +
      `<h1>Certificates expiring within 90 days</h1><table><thead><tr><th>Supplier</th><th>Certificate</th><th>Body</th><th>Expires</th><th>Days</th></tr></thead><tbody>${expiring}</tbody></table>` +
      `<h1>Flow-down requirements</h1><table><thead><tr><th>#</th><th>ID</th><th>Requirement</th><th>Category</th><th>Weight</th><th>Knock-out</th></tr></thead><tbody>${reqs}</tbody></table>` +
      verifyHtml(d),
  );
}

// ---------------------------------------------------------------- Chromium

interface ChromiumTiming {
  /** load the HTML and print it, ms */
  total: number[];
  /** page.pdf() alone, ms */
  pdf: number[];
  pages: number;
}

async function timeChromium(browser: Browser, html: string, dir: string, name: string): Promise<ChromiumTiming> {
  const file = join(dir, `${name}.html`);
  writeFileSync(file, html);
  const header = '<div style="font-size:7pt;width:100%;padding:0 48pt;color:#5B6675">FLOWDOWN · report</div>';
  const footer =
    '<div style="font-size:7pt;width:100%;padding:0 48pt;text-align:right;color:#16202E">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>';
  const context = await browser.newContext();
  const run = async () => {
    const page = await context.newPage();
    const t0 = performance.now();
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const t1 = performance.now();
    const pdf = await page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: header,
      footerTemplate: footer,
    });
    const t2 = performance.now();
    await page.close();
    return { total: t2 - t0, pdf: t2 - t1, pages: (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length };
  };
  for (let i = 0; i < WARMUPS; i++) await run(); // warm-up, as many as pdfkit gets
  const out: ChromiumTiming = { total: [], pdf: [], pages: 0 };
  for (let i = 0; i < RUNS; i++) {
    const r = await run();
    out.total.push(r.total);
    out.pdf.push(r.pdf);
    out.pages = r.pages;
  }
  await context.close();
  return out;
}

// ---------------------------------------------------------------- main

async function main() {
  const assessment = assessmentFixture();
  const big = agreementFixture({ suppliers: 50, requirements: 300 });
  console.log(`reports bench: ${RUNS} runs each after a warm-up (median shown)`);

  const words = reportWordsFor("en");
  const a = await timePdfkit(() => renderAssessmentReport(assessment, sink(), words));
  const g = await timePdfkit(() => renderAgreementReport(big, sink(), words));

  // the longest event-loop block while the big report renders
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  const sizes = sink();
  histogram.enable();
  const info = await renderAgreementReport(big, sizes, words);
  histogram.disable();
  const maxBlockMs = histogram.max / 1e6;

  console.log(`pdfkit assessment report: median ${median(a.ms).toFixed(1)} ms, ${a.pages} pages`);
  console.log(
    `pdfkit agreement report (50 suppliers × 300 requirements): median ${median(g.ms).toFixed(1)} ms, ${
      g.pages
    } pages, ${(sizes.bytes / 1024).toFixed(0)} KiB`,
  );
  console.log(
    `  event loop during the big report: longest block ${maxBlockMs.toFixed(
      1,
    )} ms (monitorEventLoopDelay max), longest layout slice ${info.longestSliceMs.toFixed(1)} ms`,
  );

  const dir = mkdtempSync(join(tmpdir(), "flowdown-bench-"));
  let browser: Browser | null = null;
  try {
    browser = await launchBrowser();
    const ca = await timeChromium(browser, assessmentHtml(assessment), dir, "assessment");
    const cg = await timeChromium(browser, agreementHtml(big), dir, "agreement");
    const report = (label: string, pk: number, c: ChromiumTiming) => {
      const total = median(c.total);
      const pdf = median(c.pdf);
      const ratio = total / pk;
      console.log(
        `chromium ${label}: median ${total.toFixed(1)} ms (load ${(total - pdf).toFixed(1)} + page.pdf() ${pdf.toFixed(
          1,
        )}), ${c.pages} pages`,
      );
      console.log(
        `  ratio chromium/pdfkit: ${ratio.toFixed(1)}× end to end, ${(pdf / pk).toFixed(
          1,
        )}× page.pdf() alone (target ≥ ${TARGET_RATIO}×) ${ratio >= TARGET_RATIO ? "OK" : "BELOW TARGET"}`,
      );
      return ratio >= TARGET_RATIO;
    };
    const okA = report("assessment report", median(a.ms), ca);
    const okG = report("agreement report", median(g.ms), cg);
    if (!okA || !okG) process.exitCode = 1;
  } finally {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
