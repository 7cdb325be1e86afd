import { useFetcher } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { Model, Serializer } from "survey-core";
import { Survey } from "survey-react-ui";
import { AutosaveQueue, type SaveState } from "#app/utils/autosave";

if (!Serializer.findProperty("question", "flowdown")) Serializer.addProperty("question", { name: "flowdown:object", visible: false });

const STATE_TEXT: Record<SaveState, string> = {
  idle: "All answers saved",
  pending: "Unsaved changes…",
  saving: "Saving…",
  saved: "All answers saved",
  offline: "Offline: your answers are kept in this page and will be saved when the connection returns",
  conflict: "Answers changed elsewhere",
  rejected: "An answer was refused",
  closed: "Submitted: answers can no longer change",
  "signed-out": "Your session has ended: sign in again in another tab; your answers are kept here",
};

interface Props {
  assessmentId: string;
  survey: Record<string, unknown>;
  answers: Record<string, unknown>;
  revision: number;
  editable: boolean;
}

function backupKey(id: string) {
  return `flowdown:answers:${id}`;
}

export function Questionnaire({ assessmentId, survey, answers, revision, editable }: Props) {
  const [state, setState] = useState<SaveState>("idle");
  // SurveyJS fills inputs only once it runs in the browser: until then show that answers are loading, not empty fields
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  const [message, setMessage] = useState<string | null>(null);
  const fetcher = useFetcher<{ kind: string; missing?: { name: string; title: string; page: string }[]; error?: string }>();
  const queueRef = useRef<AutosaveQueue | null>(null);
  const applyingServerData = useRef(false);

  const model = useMemo(() => {
    const m = new Model(survey);
    m.data = answers;
    m.showProgressBar = "top";
    m.progressBarType = "pages";
    m.completeText = "Submit questionnaire";
    m.checkErrorsMode = "onComplete";
    if (!editable) m.mode = "display";
    return m;
    // the model is built once per page load; later answers arrive through the queue
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [assessmentId]);

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
        model.data = serverAnswers;
        applyingServerData.current = false;
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
    const saved = storage ? (JSON.parse(storage.getItem(backupKey(assessmentId)) ?? "null") as { baseRevision: number; pending: Record<string, unknown> } | null) : null;
    if (saved && Object.keys(saved.pending).length) {
      if (saved.baseRevision === revision) {
        applyingServerData.current = true;
        for (const [k, v] of Object.entries(saved.pending)) model.setValue(k, v);
        applyingServerData.current = false;
        for (const [k, v] of Object.entries(saved.pending)) queue.change(k, v);
        setMessage("Answers you typed earlier on this device, which had not been saved yet, were restored and are being saved.");
      } else {
        storage?.removeItem(backupKey(assessmentId));
        setMessage("Answers you typed earlier on this device were not saved, and the questionnaire has changed since, so they were not restored.");
      }
    }

    const onValueChanged = (_: unknown, options: { name: string; value: unknown }) => {
      if (!applyingServerData.current) queue.change(options.name, options.value);
    };
    model.onValueChanged.add(onValueChanged);
    model.onDynamicPanelItemValueChanged.add((_s, o) => {
      if (!applyingServerData.current) queue.change(o.question.getValueName(), o.question.value);
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
        if (!res.ok) return options.callback([], [json.error ?? "The upload failed."]);
        options.callback(
          (json.files as { name: string; type: string; content: string }[]).map((f, i) => ({ file: options.files[i], content: f.content, name: f.name, type: f.type })),
        );
      } catch {
        options.callback([], ["The upload failed: check your connection and try again."]);
      }
    });

    model.onCompleting.add((_s, options) => {
      options.allow = false;
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

  const submitting = fetcher.state !== "idle";
  const missing = fetcher.data?.kind === "incomplete" ? fetcher.data.missing ?? [] : [];
  const tone = state === "offline" || state === "conflict" || state === "rejected" || state === "signed-out" ? "warn" : state === "saving" || state === "pending" ? "info" : "ok";

  return (
    <div className="questionnaire" data-testid="questionnaire" data-ready={ready ? "true" : "false"}>
      {editable ? (
        <div className={`save-state ${tone}`} role="status" aria-live="polite" data-testid="save-state" data-state={state}>
          {submitting ? "Submitting…" : STATE_TEXT[state]}
        </div>
      ) : null}
      {message ? (
        <p className="notice" role="alert" data-testid="save-message">
          {message}
        </p>
      ) : null}
      {fetcher.data?.kind === "remediation-open" ? (
        <p className="form-error" role="alert">
          Answer the remediation items above and send them; that submits the questionnaire again.
        </p>
      ) : null}
      {missing.length ? (
        <div className="form-error" role="alert" data-testid="missing-answers">
          <p>Nothing was submitted: these required questions still need an answer.</p>
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
      {ready ? (
        <Survey model={model} />
      ) : (
        <p className="loading" role="status">
          Loading the questionnaire and your saved answers…
        </p>
      )}
    </div>
  );
}
