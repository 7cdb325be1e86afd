import { useFetcher } from "@remix-run/react";
import { LANGUAGE_WORD, LOCALES } from "#app/i18n/locales";
import { useEffect, useMemo, useRef, useState } from "react";
import { Model, Serializer, surveyLocalization, type Question } from "survey-core";
// SurveyJS's own texts (buttons, errors) for the languages of QUESTIONNAIRE_LANGUAGES; Arabic also sets its direction
import "survey-core/i18n/german";
import "survey-core/i18n/japanese";
import "survey-core/i18n/arabic";
import { Survey } from "survey-react-ui";
import { AutosaveQueue, type SaveState } from "./autosave";
import { questionsLeft, questionsLeftText, type QuestionsLeft } from "./questions-left";
import { ANSWER_TEXT_MAX } from "./answer-limits";
import { markTerms, termsUsed } from "#app/features/agreements/glossary";
import type { GlossaryTerm } from "#models/glossary";
import type { MessageId } from "#app/i18n/catalogue";
import { useFormat, useT } from "#app/i18n/react";

if (!Serializer.findProperty("question", "flowdown"))
  Serializer.addProperty("question", { name: "flowdown:object", visible: false });
// the survey's root gets dir="rtl" in Arabic (survey-core's arabic module); the left-to-right languages say
// "ltr", so an English or German survey stays left to right on a page in Arabic
for (const code of ["", "en", "de", "ja"]) surveyLocalization.localeDirections[code] ??= "ltr";

/** What the save state says, in the portal's language: `supplier.saveState.<state>`. */
/** The width below which SurveyJS lays a survey out for a phone (its theme's `--sd-mobile-width`). */
const SURVEY_MOBILE_WIDTH = 600;

const STATE_TEXT: Record<SaveState, MessageId> = {
  idle: "supplier.saveState.idle",
  pending: "supplier.saveState.pending",
  saving: "supplier.saveState.saving",
  saved: "supplier.saveState.saved",
  offline: "supplier.saveState.offline",
  conflict: "supplier.saveState.conflict",
  rejected: "supplier.saveState.rejected",
  closed: "supplier.saveState.closed",
  "signed-out": "supplier.saveState.signed-out",
};

interface Props {
  assessmentId: string;
  survey: Record<string, unknown>;
  answers: Record<string, unknown>;
  revision: number;
  editable: boolean;
  /** the language to show first ("en" = the templates' source language) */
  language: string;
  /** the languages this questionnaire is translated into */
  languages: { code: string; name: string }[];
  /** the agreement's defined terms, shown beside the questions that use them */
  glossary: GlossaryTerm[];
  /** answers offered from the supplier's profile (issue 22), to confirm or change one by one */
  reused?: { months: number; items: ReusedItem[] };
}

export interface ReusedItem {
  name: string;
  value: unknown;
  lastConfirmedAt: string;
  state: "pending" | "confirmed" | "changed";
  stale: boolean;
}

type ReuseState = ReusedItem["state"];

/** The same answer, key order inside objects aside (the server decides with its canonical form). */
function sameValue(a: unknown, b: unknown): boolean {
  const norm = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(norm)
      : v && typeof v === "object"
        ? Object.fromEntries(
            Object.keys(v as object)
              .sort()
              .map((k) => [k, norm((v as Record<string, unknown>)[k])]),
          )
        : v;
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

const SUBMIT_TEXT: Record<string, string> = {
  default: "Submit questionnaire",
  de: "Fragebogen einreichen",
  ja: "質問票を提出",
  ar: "تقديم الاستبيان",
};
const TERMS_USED: Record<string, string> = {
  en: "Terms used in this question",
  de: "In dieser Frage verwendete Begriffe",
  ja: "この質問で使われている用語",
  ar: "المصطلحات المستخدمة في هذا السؤال",
};

/**
 * A "Terms used" note at the end of a question: each defined term of its
 * title with the agreed definition. Built from text nodes only, since
 * glossary texts are typed by users.
 */
function renderGlossaryNote(question: Question, root: HTMLElement, glossary: GlossaryTerm[], language: string) {
  // inside the question's content box, so the note lines up with the answer
  const host = root.querySelector<HTMLElement>(":scope > .sd-question__content") ?? root;
  host.querySelector(":scope > .glossary-note")?.remove();
  const terms = termsUsed(question.title ?? "", glossary, language);
  if (terms.length === 0) return;
  const note = document.createElement("div");
  note.className = "glossary-note";
  note.lang = language;
  note.dataset.testid = "glossary-note";
  const heading = document.createElement("p");
  heading.className = "glossary-note-title";
  heading.textContent = TERMS_USED[language] ?? TERMS_USED.en;
  const list = document.createElement("dl");
  for (const t of terms) {
    const dt = document.createElement("dt");
    dt.textContent = t.term;
    const dd = document.createElement("dd");
    dd.textContent = t.definition;
    list.append(dt, dd);
  }
  note.append(heading, list);
  host.append(note);
}

function backupKey(id: string) {
  return `flowdown:answers:${id}`;
}

export function Questionnaire({
  assessmentId,
  survey,
  answers,
  revision,
  editable,
  language,
  languages,
  glossary,
  reused = { months: 0, items: [] },
}: Props) {
  const t = useT();
  const format = useFormat();
  const offered = useMemo(() => new Map(reused.items.map((i) => [i.name, i])), [reused.items]);
  // each offered answer's state as the supplier decides (the server marks the same from the saves)
  const [reuseStates, setReuseStates] = useState<Record<string, ReuseState>>(() =>
    Object.fromEntries(reused.items.map((i) => [i.name, i.state])),
  );
  const reuseStatesRef = useRef(reuseStates);
  reuseStatesRef.current = reuseStates;
  const [unconfirmed, setUnconfirmed] = useState<string[]>([]);
  const noteHostsReuse = useRef(new Map<string, HTMLElement>());
  const [state, setState] = useState<SaveState>("idle");
  // SurveyJS fills inputs only once it runs in the browser: until then show that answers are loading, not empty fields
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  const [message, setMessage] = useState<string | null>(null);
  // the required questions still unanswered among those the supplier sees now
  const [left, setLeft] = useState<QuestionsLeft | null>(null);
  const fetcher = useFetcher<{
    kind: string;
    missing?: { name: string; title: string; page: string }[];
    pending?: { name: string; title: string; page: string }[];
    error?: string;
  }>();
  const languageFetcher = useFetcher();
  const [lang, setLang] = useState(language);
  const queueRef = useRef<AutosaveQueue | null>(null);
  const applyingServerData = useRef(false);
  // rendered questions with a glossary note, to redo the notes when the language changes
  const noteHosts = useRef(new Map<string, { question: Question; host: HTMLElement }>());

  const model = useMemo(() => {
    const m = new Model(survey);
    m.locale = language === "en" ? "" : language;
    // offered answers show in their questions but are not saved until the supplier confirms or changes them
    const offeredValues = Object.fromEntries(
      reused.items.filter((i) => i.state === "pending" && answers[i.name] === undefined).map((i) => [i.name, i.value]),
    );
    m.data = { ...offeredValues, ...answers };
    m.showProgressBar = "top";
    m.progressBarType = "pages";
    m.locCompleteText.setJson(SUBMIT_TEXT);
    m.checkErrorsMode = "onComplete";
    // the inputs stop where the autosave would refuse the answer
    m.maxTextLength = ANSWER_TEXT_MAX;
    m.maxCommentLength = ANSWER_TEXT_MAX;
    if (!editable) m.mode = "display";
    // SurveyJS measures its container only after the first paint and lays out for a desktop until then, which
    // on a phone squeezes every field to a sliver; a narrow window is certainly a narrow container
    if (typeof window !== "undefined" && window.matchMedia(`(max-width: ${SURVEY_MOBILE_WIDTH - 1}px)`).matches)
      m.setIsMobile(true);
    if (reused.items.length && editable) {
      m.onGetQuestionTitleActions.add((_s, options) => {
        const name = options.question.name;
        if (!offered.has(name)) return;
        options.titleActions = [...(options.titleActions ?? [])];
        options.titleActions.push({
          id: "prefill-confirm",
          title: t("prefill.confirm"),
          showTitle: true,
          innerCss: "prefill-confirm",
          // always shown as a button of its own, never folded into the "more" menu of a long title
          disableHide: true,
          disableShrink: true,
          visible: reuseStatesRef.current[name] === "pending",
          action: () => confirmRef.current([name]),
        });
      });
    }
    if (reused.items.length) {
      m.onAfterRenderQuestion.add((_s, options) => {
        if (!offered.has(options.question.name)) return;
        noteHostsReuse.current.set(options.question.name, options.htmlElement);
        renderReuseNoteRef.current(options.question.name, options.htmlElement);
      });
    }
    if (glossary.length) {
      const current = () => m.locale || "en";
      m.onTextMarkdown.add((_s, options) => {
        if (options.name !== "title" || options.item || !(options.element as { isQuestion?: boolean }).isQuestion)
          return;
        const html = markTerms(options.text, glossary, current());
        if (html) options.html = html;
      });
      m.onAfterRenderQuestion.add((_s, options) => {
        noteHosts.current.set(options.question.id, { question: options.question, host: options.htmlElement });
        renderGlossaryNote(options.question, options.htmlElement, glossary, current());
      });
    }
    return m;
    // the model is built once per page load; later answers arrive through the queue
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [assessmentId]);

  const renderReuseNote = (name: string, root: HTMLElement) => {
    const item = offered.get(name);
    if (!item) return;
    const host = root.querySelector<HTMLElement>(":scope > .sd-question__content") ?? root;
    host.querySelector(":scope > .prefill-note")?.remove();
    const state = reuseStatesRef.current[name] ?? item.state;
    const note = document.createElement("p");
    note.className = `prefill-note ${state}${item.stale ? " stale" : ""}`;
    note.dataset.testid = "prefill-note";
    note.dataset.name = name;
    note.dataset.state = state;
    note.dataset.stale = item.stale ? "true" : "false";
    const parts = [t("prefill.note", { date: format.day(item.lastConfirmedAt) })];
    if (item.stale) parts.push(t("prefill.stale", { months: reused.months }));
    parts.push(t(`prefill.state.${state}`));
    note.textContent = parts.join(" · ");
    host.prepend(note);
  };
  const renderReuseNoteRef = useRef(renderReuseNote);
  renderReuseNoteRef.current = renderReuseNote;

  const decide = (decided: Record<string, ReuseState>) => {
    const next = { ...reuseStatesRef.current, ...decided };
    reuseStatesRef.current = next;
    setReuseStates(next);
    for (const name of Object.keys(decided)) {
      const q = model.getQuestionByName(name);
      const action = q?.getTitleToolbar().actions.find((a) => a.id === "prefill-confirm");
      if (action) action.visible = next[name] === "pending";
      const host = noteHostsReuse.current.get(name);
      if (host?.isConnected) renderReuseNote(name, host);
    }
    setUnconfirmed((u) => u.filter((n) => next[n] === "pending"));
  };

  /** Answering an offered question by hand decides it: the offered value again confirms, another changes. */
  const decideByHand = (name: string, value: unknown) => {
    const item = offered.get(name);
    if (!item || reuseStatesRef.current[name] === undefined) return;
    const state = sameValue(value, item.value) ? "confirmed" : "changed";
    if (reuseStatesRef.current[name] !== state) decide({ [name]: state });
  };

  /** Confirming saves the offered answer as the supplier's own, through the autosave like any answer. */
  const confirm = (names: string[]) => {
    const queue = queueRef.current;
    if (!queue) return;
    const decided: Record<string, ReuseState> = {};
    for (const name of names) {
      if (reuseStatesRef.current[name] !== "pending") continue;
      queue.change(name, model.getValue(name));
      decided[name] = "confirmed";
    }
    decide(decided);
    void queue.flushNow();
  };
  const confirmRef = useRef(confirm);
  confirmRef.current = confirm;

  /** Offered answers not yet confirmed among the questions the supplier sees now, in the questionnaire's order. */
  const pendingVisible = () =>
    model
      .getAllQuestions(true)
      .filter((q) => reuseStatesRef.current[q.name] === "pending" && q.isVisible)
      .map((q) => q.name);

  useEffect(() => {
    if (!editable) return;
    const storage = typeof window !== "undefined" ? window.localStorage : null;
    const queue = new AutosaveQueue({
      revision,
      send: async (body) => {
        const res = await fetch(`/api/assessments/${assessmentId}/answers`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(body),
        });
        const json = await res.json().catch(() => ({}));
        return { status: res.status, body: json };
      },
      onState: (s, msg) => {
        setState(s);
        if (s === "conflict" || s === "rejected" || s === "closed" || s === "signed-out") setMessage(msg ?? null);
        if (s === "saved") setMessage(null);
      },
      onConflict: (serverAnswers, _rev, msg) => {
        applyingServerData.current = true;
        const stillOffered = Object.fromEntries(
          reused.items
            .filter((i) => reuseStatesRef.current[i.name] === "pending" && serverAnswers[i.name] === undefined)
            .map((i) => [i.name, i.value]),
        );
        model.data = { ...stillOffered, ...serverAnswers };
        applyingServerData.current = false;
        setLeft(questionsLeft(model));
        setMessage(msg);
      },
      backup: storage
        ? {
            read: () => {
              try {
                return JSON.parse(storage.getItem(backupKey(assessmentId)) ?? "null");
              } catch {
                return null;
              }
            },
            write: (v) => storage.setItem(backupKey(assessmentId), JSON.stringify(v)),
            clear: () => storage.removeItem(backupKey(assessmentId)),
          }
        : undefined,
    });
    queueRef.current = queue;

    // answers typed in an earlier visit that never reached the server (closed while offline)
    const saved = storage
      ? (JSON.parse(storage.getItem(backupKey(assessmentId)) ?? "null") as {
          baseRevision: number;
          pending: Record<string, unknown>;
        } | null)
      : null;
    if (saved && Object.keys(saved.pending).length) {
      if (saved.baseRevision === revision) {
        applyingServerData.current = true;
        for (const [k, v] of Object.entries(saved.pending)) model.setValue(k, v);
        applyingServerData.current = false;
        for (const [k, v] of Object.entries(saved.pending)) queue.change(k, v);
        setMessage(t("supplier.questionnaire.restored"));
      } else {
        storage?.removeItem(backupKey(assessmentId));
        setMessage(t("supplier.questionnaire.notRestored"));
      }
    }

    const onValueChanged = (_: unknown, options: { name: string; value: unknown }) => {
      if (applyingServerData.current) return;
      queue.change(options.name, options.value);
      decideByHand(options.name, options.value);
    };
    model.onValueChanged.add(onValueChanged);
    model.onDynamicPanelItemValueChanged.add((_s, o) => {
      if (applyingServerData.current) return;
      queue.change(o.question.getValueName(), o.question.value);
      decideByHand(o.question.getValueName(), o.question.value);
    });
    const pageKey = `flowdown:page:${assessmentId}`;
    const storedPage = Number(storage?.getItem(pageKey) ?? "0");
    if (storedPage > 0 && storedPage < model.visiblePageCount) model.currentPageNo = storedPage;
    model.onCurrentPageChanged.add(() => storage?.setItem(pageKey, String(model.currentPageNo)));

    model.onUploadFiles.add(async (_s, options) => {
      const form = new FormData();
      for (const f of options.files) form.append("file", f, f.name);
      form.append("question", options.name);
      try {
        const res = await fetch(`/api/assessments/${assessmentId}/evidence`, { method: "POST", body: form });
        const json = await res.json().catch(() => ({}));
        if (!res.ok) return options.callback([], [json.error ?? t("supplier.questionnaire.uploadFailed")]);
        options.callback(
          (json.files as { name: string; type: string; content: string }[]).map((f, i) => ({
            file: options.files[i],
            content: f.content,
            name: f.name,
            type: f.type,
          })),
        );
      } catch {
        options.callback([], [t("supplier.questionnaire.uploadOffline")]);
      }
    });

    model.onCompleting.add((_s, options) => {
      options.allow = false;
      // nothing offered from the profile is submitted before the supplier confirms or changes it
      const pending = pendingVisible();
      if (pending.length) {
        setUnconfirmed(pending);
        model.focusQuestion(pending[0]!);
        return;
      }
      setUnconfirmed([]);
      void queue.flushNow().then(() => {
        if (!queue.hasPending()) fetcher.submit({ intent: "submit" }, { method: "post" });
      });
    });

    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (queue.hasPending()) {
        e.preventDefault();
        e.returnValue = "";
      }
    };
    const onOnline = () => void queue.flushNow();
    window.addEventListener("beforeunload", onBeforeUnload);
    window.addEventListener("online", onOnline);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      window.removeEventListener("online", onOnline);
      model.onValueChanged.remove(onValueChanged);
      queue.stop();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [model, editable]);

  useEffect(() => {
    if (!editable) return;
    const count = () => setLeft(questionsLeft(model));
    count();
    model.onValueChanged.add(count);
    model.onDynamicPanelItemValueChanged.add(count);
    return () => {
      model.onValueChanged.remove(count);
      model.onDynamicPanelItemValueChanged.remove(count);
    };
  }, [model, editable]);

  const changeLanguage = (code: string) => {
    setLang(code);
    model.locale = code === "en" ? "" : code;
    for (const [id, { question, host }] of noteHosts.current) {
      if (host.isConnected) renderGlossaryNote(question, host, glossary, code);
      else noteHosts.current.delete(id);
    }
    // remembered on the account; the answers are values, the same in every language
    languageFetcher.submit({ intent: "language", language: code }, { method: "post" });
  };

  const submitting = fetcher.state !== "idle";
  const missing = fetcher.data?.kind === "incomplete" ? (fetcher.data.missing ?? []) : [];
  const refusedUnconfirmed = fetcher.data?.kind === "unconfirmed" ? (fetcher.data.pending ?? []) : [];
  const unconfirmedNames = [
    ...new Set([...unconfirmed, ...refusedUnconfirmed.map((p) => p.name).filter((n) => reuseStates[n] === "pending")]),
  ];
  const titleOfQuestion = (name: string) => {
    const q = ready ? model.getQuestionByName(name) : null;
    return q ? q.processedTitle || q.title || name : name;
  };
  const offeredCount = reused.items.length;
  const leftToConfirm = ready
    ? pendingVisible().length
    : Object.values(reuseStates).filter((s) => s === "pending").length;
  const staleCount = reused.items.filter((i) => i.stale).length;
  const onThisPage = () => {
    const page = model.currentPage;
    return pendingVisible().filter((n) => model.getQuestionByName(n)?.page === page);
  };
  const tone =
    state === "offline" || state === "conflict" || state === "rejected" || state === "signed-out"
      ? "warn"
      : state === "saving" || state === "pending"
        ? "info"
        : "ok";

  return (
    <div
      className="questionnaire"
      data-testid="questionnaire"
      data-ready={ready ? "true" : "false"}
      data-language={lang}
    >
      {languages.length > 1 ? (
        <div className="language-switch">
          <label htmlFor="questionnaire-language">{LOCALES.map((l) => LANGUAGE_WORD[l]).join(" / ")}</label>{" "}
          <select
            id="questionnaire-language"
            value={lang}
            onChange={(e) => changeLanguage(e.target.value)}
            disabled={!ready}
          >
            {languages.map((l) => (
              <option key={l.code} value={l.code} lang={l.code}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {editable ? (
        <div className={`save-state ${tone}`}>
          <span role="status" aria-live="polite" data-testid="save-state" data-state={state}>
            {submitting ? t("supplier.questionnaire.submitting") : t(STATE_TEXT[state])}
          </span>
          {left ? (
            <span data-testid="questions-left" data-left={left.left} data-total={left.total} lang={lang}>
              {" · "}
              {questionsLeftText(left, lang)}
            </span>
          ) : null}
        </div>
      ) : null}
      {message ? (
        <p className="notice" role="alert" data-testid="save-message">
          {message}
        </p>
      ) : null}
      {fetcher.data?.kind === "remediation-open" ? (
        <p className="form-error" role="alert">
          {t("supplier.questionnaire.remediationOpen")}
        </p>
      ) : null}
      {missing.length ? (
        <div className="form-error" role="alert" data-testid="missing-answers">
          <p>{t("supplier.questionnaire.missing")}</p>
          <ul>
            {missing.map((m) => (
              <li key={m.name}>
                <button type="button" className="link" onClick={() => model.focusQuestion(m.name)}>
                  {m.title}
                </button>{" "}
                <span className="muted">({m.page})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {editable && offeredCount ? (
        <div
          className="prefill-summary card"
          data-testid="prefill-summary"
          data-count={offeredCount}
          data-left={leftToConfirm}
          data-stale={staleCount}
        >
          <p role="status">{t("prefill.summary", { count: offeredCount, left: leftToConfirm })}</p>
          {staleCount ? <p className="muted">{t("prefill.summaryStale", { count: staleCount })}</p> : null}
          {leftToConfirm ? (
            <button
              type="button"
              className="secondary"
              disabled={!ready}
              data-testid="prefill-confirm-page"
              onClick={() => confirm(onThisPage())}
            >
              {t("prefill.confirmPage")}
            </button>
          ) : null}
        </div>
      ) : null}
      {unconfirmedNames.length ? (
        <div className="form-error" role="alert" data-testid="prefill-unconfirmed">
          <p>{t("prefill.unconfirmed")}</p>
          <ul>
            {unconfirmedNames.map((name) => (
              <li key={name}>
                <button type="button" className="link" onClick={() => model.focusQuestion(name)}>
                  {titleOfQuestion(name)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {ready ? (
        <Survey model={model} />
      ) : (
        <p className="loading" role="status">
          {t("supplier.questionnaire.loading")}
        </p>
      )}
    </div>
  );
}
