/**
 * The scaffold every report follows: the document and its metadata, a cover
 * page (band, badges, facts), the summary, the report's own sections, the
 * glossary annex and the verification block. A generator gives a
 * `ReportSpec` saying only what differs; `renderReport` does the rest.
 */
import type { Writable } from "node:stream";
import { hanFormFor } from "./fonts";
import { ReportDocument, type ReportDocumentOptions } from "./pdf";
import {
  agreementFacts,
  badgeRow,
  coverBand,
  glossarySection,
  reportFact,
  verificationSection,
  type Badge,
} from "./sections";
import type { GlossaryEntry, ReportAgreement, ReportMeta } from "./types";
import type { ReportWords } from "./i18n";

export interface RenderInfo {
  pages: number;
  /** longest synchronous stretch of layout work between two yields, ms */
  longestSliceMs: number;
}

type ReportData = ReportMeta & { agreement: ReportAgreement; glossary?: GlossaryEntry[] };

/** What a report's cover says beyond the agreement's band and facts. */
export interface ReportCover<D> {
  kicker: string;
  /** drawn under the band, before the badges */
  lead?: (rd: ReportDocument, data: D) => void;
  badges: Badge[];
  breachWindow: string;
  /** facts after the agreement's and before the line naming the report */
  facts: [string, string][];
}

export interface ReportSpec<D> {
  kind: "assessment" | "agreement";
  /** `hanForm` defaults to the one the report's language asks for */
  document: Pick<ReportDocumentOptions, "title" | "subject" | "headerTitle" | "reference" | "hanForm">;
  cover: ReportCover<D>;
  summary: (rd: ReportDocument, data: D) => void;
  /** the report's own sections in order, between the summary and the glossary annex */
  sections: ((rd: ReportDocument, data: D) => Promise<void>)[];
}

/**
 * Lays the report out, then writes it to `out` and resolves when `out` has
 * finished. A layout that throws writes nothing. The author, dates,
 * keywords and footer come from `data`'s meta, the same in every report.
 */
export async function renderReport<D extends ReportData>(
  data: D,
  spec: ReportSpec<D>,
  out: Writable,
  words: ReportWords,
): Promise<RenderInfo> {
  const rd = new ReportDocument({
    ...spec.document,
    hanForm: spec.document.hanForm ?? hanFormFor({ language: data.language }),
    author: data.generatedBy,
    keywords: `Flowdown, ${spec.kind}, ${data.agreement.reference}, report version ${data.version}`,
    generatedAt: data.generatedAt,
    footerText: words.t("pdf.footer", {
      version: data.version,
      at: words.moment(data.generatedAt),
      by: data.generatedBy,
    }),
    words,
  });
  try {
    coverPage(rd, data, spec.cover);
    await rd.pace();
    spec.summary(rd, data);
    await rd.pace();
    for (const section of spec.sections) await section(rd, data);
    await glossarySection(rd, data.glossary);
    verificationSection(rd, data);
  } catch (error) {
    rd.abort();
    throw error;
  }
  await rd.finish(out);
  return { pages: rd.pages, longestSliceMs: rd.longestSliceMs };
}

function coverPage<D extends ReportData>(rd: ReportDocument, data: D, cover: ReportCover<D>): void {
  const a = data.agreement;
  rd.newPage("portrait", { header: false });
  const shortened = coverBand(rd, cover.kicker, a.title, `${a.reference}  ·  ${a.discloser} → ${a.recipient}`);
  cover.lead?.(rd, data);
  badgeRow(rd, cover.badges);
  rd.y += 6;
  rd.facts(
    [...agreementFacts(a, shortened, cover.breachWindow, rd.words), ...cover.facts, reportFact(data, rd.words)],
    2,
  );
}
