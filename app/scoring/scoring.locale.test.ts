import { describe, expect, it } from "vitest";
import { sayReason } from "#app/i18n/reasons";
import { Model, type Question } from "survey-core";
import "survey-core/i18n/german";
import "survey-core/i18n/japanese";
import shortJson from "#questionnaires/templates/short-low-risk.json";
import deJson from "#questionnaires/locales/de.json";
import jaJson from "#questionnaires/locales/ja.json";
import { getTemplate, loadCatalogue } from "#questionnaires/loader";
import type { TemplateFile } from "#questionnaires/types";
import { scoreAssessment } from "./assessment";
import { certificate, makeAgreement, makeInput } from "#tests/fixtures/scoring";

// What a supplier picks, by the English label it sees; other languages show the translation of the same label.
const PICKED: Record<string, string | string[]> = {
  confUndertaking: "Yes",
  needToKnow: "Yes",
  staffNda: "No",
  mfaScope: [
    "All remote access (VPN, remote desktop, zero-trust gateway)",
    "All privileged and administrator accounts",
  ],
  tlsMinimum: "TLS 1.2",
  encryptionAtRest: "Yes",
  vulnScanning: "Yes",
  securityContact24x7: "No",
  destructionCertificate: "Yes",
  subFlowdownStatus: "Only some sub-processors are bound",
  compelledNotice: "Yes",
};
const TYPED: Record<string, unknown> = {
  orgLegalName: "Tier One Hosting GmbH",
  trainingIntervalMonths: 12,
  scanIntervalDays: 30,
  breachNotifyHours: 48,
  destroyWithinDays: 14,
};
const TABLES: Record<string, Record<string, string>> = { en: {}, de: deJson.strings, ja: jaJson.strings };

/** Answers as the survey records them when the supplier clicks the options labelled in `language`. */
function answerIn(language: string): Record<string, unknown> {
  const model = new Model(getTemplate("short-low-risk")!.survey);
  model.locale = language === "en" ? "" : language;
  const label = (en: string) => TABLES[language][en] ?? en;
  for (const [name, picked] of Object.entries(PICKED)) {
    const q = model.getQuestionByName(name) as Question & {
      choices?: { value: unknown; text: string }[];
      labelTrue?: string;
      labelFalse?: string;
    };
    if (q.getType() === "boolean") {
      const shown = label(picked as string);
      expect([q.labelTrue, q.labelFalse]).toContain(shown);
      q.value = shown === q.labelTrue;
    } else {
      const find = (en: string) => q.choices!.find((c) => c.text === label(en))!.value;
      q.value = Array.isArray(picked) ? picked.map(find) : find(picked);
    }
  }
  for (const [name, value] of Object.entries(TYPED)) model.setValue(name, value);
  model.setValue("dataLocations", [{ country: "DE", purpose: "storage", transferMechanism: "none" }]);
  return model.data;
}

describe("scoring whatever the supplier's language", () => {
  const catalogue = loadCatalogue().requirements;
  const agreement = makeAgreement({
    requirements: catalogue.map((r) => ({
      id: r.id,
      params: (r.id === "FD-INC-01" ? { notifyWithinHours: 24 } : {}) as Record<string, number>,
    })),
  });
  const score = (template: TemplateFile, answers: Record<string, unknown>) =>
    scoreAssessment(makeInput({ agreement, catalogue, template, answers, certifications: [certificate()] }));

  it("records the same answer values when the same options are picked in English, German or Japanese", () => {
    const en = answerIn("en");
    expect(en).toMatchObject({ staffNda: false, tlsMinimum: "tls12", subFlowdownStatus: "someBound" });
    expect(answerIn("de")).toEqual(en);
    expect(answerIn("ja")).toEqual(en);
  });

  it("gives the same result for the translated template as for the English-only file it was made from", () => {
    const answers = answerIn("ja");
    const translated = score(getTemplate("short-low-risk")!, answers);
    const englishOnly = score(structuredClone(shortJson) as TemplateFile, answers);
    expect(translated).toEqual(englishOnly);
    // the answers matter (this is not a result that ignores them): a failed gate and a late notification show
    expect(translated.requirements.find((r) => r.requirementId === "FD-PER-02")?.status).toBe("not_met");
    expect(translated.requirements.find((r) => r.requirementId === "FD-INC-01")?.status).not.toBe("met");
    // reasons quote the English question titles, whatever language the supplier answered in
    expect(JSON.stringify(translated)).not.toMatch(/[\p{Script=Hiragana}\p{Script=Katakana}]/u);
  });

  it("says each answer's reason in the reader's language: choices, parameters, units and countries", () => {
    const result = score(getTemplate("short-low-risk")!, {
      staffNda: false,
      breachNotifyHours: 48,
      scanIntervalDays: 1,
      dataLocations: [{ country: "US", transferMechanism: "BCR" }],
    });
    const reasonOf = (question: string) =>
      result.requirements.flatMap((r) => r.answers).find((a) => a.question === question)!.reason;
    expect(sayReason("de", reasonOf("staffNda"))).toBe("Nicht erfüllt: Antwort „Nein“; die Anforderung verlangt „Ja“.");
    expect(sayReason("ja", reasonOf("staffNda"))).toBe(
      "不適合：「いいえ」と回答していますが、要件では「はい」が必要です。",
    );
    expect(sayReason("ar", reasonOf("staffNda"))).toBe("غير مستوفى: الإجابة «لا»؛ ويشترط المتطلب «نعم».");
    expect(sayReason("de", reasonOf("scanIntervalDays"))).toMatch(/^Erfüllt: Antwort 1 Tag; .* höchstens 30 Tage \(/);
    const ja = sayReason("ja", reasonOf("breachNotifyHours"));
    expect(ja).toMatch(/^不適合：48時間と回答しています。契約の要件は24時間以下です（.+）。$/);
    expect(ja).not.toMatch(/[A-Za-z]/);
    const location = sayReason("ar", reasonOf("dataLocations"));
    expect(location).toMatch(/^غير مستوفى: .+ \(US\) خارج الولايات القضائية المسموح بها/);
    expect(location).not.toMatch(/United States|outside/);
  });
});
