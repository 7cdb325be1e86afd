import { describe, expect, it } from "vitest";
import { renderAgreementReport } from "./agreement-report";
import { compact, inkRatio, pageItems, pageTexts, rasterizePage, renderToBuffer } from "#tests/helpers/pdf";
import { CJK_SUPPLIER, CYRILLIC_SUPPLIER, LATIN_SUPPLIER, agreementFixture } from "#tests/fixtures/reports";
import { chainRows } from "./view";

const render = (data: Parameters<typeof renderAgreementReport>[0]) => renderToBuffer(renderAgreementReport, data);

describe("agreement report", () => {
  const data = agreementFixture();
  const pdfPromise = render(data);
  const textsPromise = pdfPromise.then(pageTexts);

  it("names every supplier of the chain, in Latin, Cyrillic, Greek and CJK", async () => {
    const all = compact((await textsPromise).join("\n"));
    for (const name of [LATIN_SUPPLIER, CYRILLIC_SUPPLIER, CJK_SUPPLIER]) expect(all).toContain(compact(name));
    for (const s of data.suppliers) expect(all, s.name).toContain(compact(s.name));
  });

  it("shows each supplier's score and rating, and the unscored one", async () => {
    const all = compact((await textsPromise).join("\n"));
    for (const s of data.suppliers) {
      if (s.latest) expect(all).toContain(compact(String(s.latest.score)));
    }
    expect(all).toContain(compact("NOT SCORED"));
  });

  it("shows the composed notification window of every link against the agreement's window", async () => {
    const all = compact((await textsPromise).join("\n"));
    for (const link of chainRows(data)) {
      if (link.composedNotifyHours !== null) {
        expect(all).toContain(compact(`${link.composedNotifyHours} / ${data.agreement.breachWindowHours} h`));
      }
    }
    expect(all).toContain(compact("EXCEEDS THE WINDOW"));
    expect(all).toContain(compact("LINK FAILS"));
    expect(all).toContain(compact("VIOLATION"));
  });

  it("calls a link whose location relies on an accepted mechanism covered by it, not permitted", async () => {
    const base = agreementFixture();
    const okLink = base.chain.links.find((l) => l.locationOk)!;
    const data = {
      ...base,
      chain: {
        ...base.chain,
        links: base.chain.links.map((l) =>
          l === okLink
            ? { ...l, locationsCovered: [{ supplierId: l.supplierId, country: "US", mechanism: "SCC" }] }
            : l,
        ),
      },
    };
    const all = compact((await pageTexts(await render(data))).join("\n"));
    expect(all).toContain(compact("COVERED US covered by SCC"));
  });

  it("shows the phase clearances and expiring certificates", async () => {
    const raw = (await textsPromise).join("\n");
    const all = compact(raw);
    for (const p of data.phases) expect(all).toContain(compact(p.name));
    expect(raw).toMatch(/NOT CLEARED/);
    expect(raw).toMatch(/(?<!NOT)\s+CLEARED\b/);
    for (const c of data.expiringCertificates) {
      expect(all).toContain(compact(c.expiryDate));
      expect(all).toContain(compact(`${c.daysLeft} DAYS`));
    }
  });

  it("prints the compliance matrix with a legend and every requirement id", async () => {
    const texts = (await textsPromise).map(compact);
    const matrixPage = texts.find((t) => t.includes(compact("Compliance matrix")) && t.includes("SUPPLIER"));
    expect(matrixPage).toBeDefined();
    expect(matrixPage).toContain(compact("M MET"));
    expect(matrixPage).toContain(compact("OVERRIDDEN"));
    for (const r of data.requirements) expect(matrixPage).toContain(r.id);
  });

  it("numbers every page and keeps the agreement reference in the header", async () => {
    const texts = await textsPromise;
    texts.forEach((t, i) => expect(compact(t)).toContain(compact(`Page ${i + 1} of ${texts.length}`)));
    texts.slice(1).forEach((t) => expect(compact(t)).toContain(compact(data.agreement.reference)));
    expect(compact(texts[texts.length - 1])).toContain(compact("recorded by the portal as version 7"));
  });

  it("draws a cover page that is not blank", async () => {
    const ink = inkRatio(await rasterizePage(await pdfPromise, 1));
    expect(ink).toBeGreaterThan(0.05);
    expect(ink).toBeLessThan(0.6);
  });

  it("renders the same bytes for the same data", async () => {
    expect((await render(agreementFixture())).equals(await pdfPromise)).toBe(true);
  });

  it("splits a wide matrix into column bands and repeats its header on every page", async () => {
    const big = agreementFixture({ suppliers: 50, requirements: 300 });
    let turns = 0;
    let running = true;
    const spin = () => {
      turns++;
      if (running) setImmediate(spin);
    };
    setImmediate(spin);
    const pdf = await render(big);
    running = false;
    expect(turns).toBeGreaterThan(10); // the event loop got turns during the render

    const texts = (await pageTexts(pdf)).map(compact);
    const matrixPages = texts.filter((t) => t.includes(compact("Compliance matrix")) && t.includes("SUPPLIER"));
    expect(matrixPages.length).toBeGreaterThanOrEqual(7);
    const bands = new Set(
      matrixPages.flatMap((t) => [...t.matchAll(/band(\d+)of(\d+)/g)].map((m) => `${m[1]}/${m[2]}`)),
    );
    expect(bands.size).toBeGreaterThanOrEqual(7);
    // every requirement id is printed in some band header
    const allMatrix = matrixPages.join("");
    for (const r of big.requirements) expect(allMatrix, r.id).toContain(r.id);
    // pages that continue a band repeat its caption and header
    const continued = matrixPages.filter((t) => t.includes(compact("Compliance matrix (continued)")));
    expect(continued.length).toBeGreaterThanOrEqual(3);
    for (const t of continued) expect(t).toContain("SUPPLIER");
    // continued tables elsewhere repeat their header too
    const chainContinued = texts.filter((t) => t.includes(compact("Subcontractor chain (continued)")));
    expect(chainContinued.length).toBeGreaterThanOrEqual(1);
    for (const t of chainContinued) expect(t).toContain(compact("TIER SUPPLIER AND PATH"));
    texts.forEach((t, i) => expect(t).toContain(compact(`Page ${i + 1} of ${texts.length}`)));
  });

  it("lays the cover's badge captions side by side without overlap, however short a badge is", async () => {
    // a passing chain ("CHAIN OK") and no expiring certificate ("0"): badges far narrower than their captions
    const passing = {
      ...data,
      chain: { ...data.chain, ok: true, errors: [], links: data.chain.links.map((l) => ({ ...l, ok: true })) },
      expiringCertificates: [],
    };
    const [cover] = await pageItems(await render(passing));
    expect(cover.items.some((it) => it.str.includes("CHAIN OK"))).toBe(true);
    const captions = ["SUBCONTRACTOR CHAIN", "SUPPLIERS SCORED", "CERTIFICATES EXPIRING ≤ 90 DAYS"].map((text) => {
      const item = cover.items.find((it) => compact(it.str) === compact(text));
      if (!item) throw new Error(`no caption "${text}" on the cover`);
      return item;
    });
    for (let i = 1; i < captions.length; i++) {
      const [before, after] = [captions[i - 1], captions[i]];
      if (Math.abs(before.y - after.y) < 1) expect(before.x + before.width, after.str).toBeLessThan(after.x);
      else expect(after.y, "a caption that does not fit moves to the next row").toBeLessThan(before.y);
    }
  });

  it("does not call a chain without suppliers OK", async () => {
    const empty = agreementFixture({ suppliers: 0 });
    expect(empty.chain.links).toHaveLength(0);
    const [cover, summary] = await pageTexts(await render(empty));
    expect(cover).toContain("NO SUPPLIERS YET");
    expect(cover).not.toContain("CHAIN OK");
    expect(compact(summary)).toContain(compact("nothing in the chain has been verified"));
    expect(summary).not.toContain("Every chain link notifies");
  });
});
