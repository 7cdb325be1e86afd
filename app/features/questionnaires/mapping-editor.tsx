import { useEffect, useMemo, useRef, useState } from "react";
import { ErrorList } from "#app/components/forms";
import { useT } from "#app/i18n/react";
import { RequirementPicker, type PickableRequirement } from "./requirement-picker";

export interface MappingQuestion {
  name: string;
  title: string;
  type: string;
  required: boolean;
  requirements: string[];
  judgeNote: string;
  /** requirement ids suggested from the question's text and section, best first */
  suggestions: string[];
}

export interface MappingSection {
  key: string;
  title: string;
  questions: MappingQuestion[];
}

/**
 * The publish form's mapping: per question, whether it is required and the
 * requirements it answers (search, suggestions as one-click chips); per
 * section, "all required" and one requirement for every question at once.
 * What is chosen travels as "required:<name>" and "req:<name>" fields.
 */
export function MappingEditor({
  sections,
  requirements,
  errors,
}: {
  sections: MappingSection[];
  requirements: readonly PickableRequirement[];
  errors: Record<string, string[]>;
}) {
  const t = useT();
  const all = useMemo(() => sections.flatMap((s) => s.questions), [sections]);
  const [mapping, setMapping] = useState<Record<string, string[]>>(() =>
    Object.fromEntries(all.map((q) => [q.name, q.requirements])),
  );
  const [required, setRequired] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(all.map((q) => [q.name, q.required])),
  );
  const [announcement, setAnnouncement] = useState("");
  const titleOf = useMemo(() => new Map(requirements.map((r) => [r.id, r.title])), [requirements]);

  const add = (names: string[], id: string) =>
    setMapping((m) => {
      const next = { ...m };
      for (const n of names) if (!next[n].includes(id)) next[n] = [...next[n], id];
      return next;
    });
  const remove = (name: string, id: string) => setMapping((m) => ({ ...m, [name]: m[name].filter((r) => r !== id) }));
  const setAllRequired = (names: string[], value: boolean) =>
    setRequired((r) => ({ ...r, ...Object.fromEntries(names.map((n) => [n, value])) }));

  const linked = all.filter((q) => mapping[q.name].length > 0).length;
  const requiredCount = all.filter((q) => required[q.name]).length;

  return (
    <div className="mapping-editor">
      <p className="mapping-summary" data-testid="mapping-summary">
        {t("questionnaires.mapping.summary", { linked, total: all.length, required: requiredCount })}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {sections.map((section, index) => {
        const names = section.questions.map((q) => q.name);
        const sectionRequired = names.filter((n) => required[n]).length;
        const headingId = `map-section-${index}`;
        return (
          <section key={section.key} className="map-section" aria-labelledby={headingId}>
            <div className="map-section-head">
              <h4 id={headingId}>
                {section.title}{" "}
                <span className="muted">{t("questionnaires.mapping.sectionCount", { count: names.length })}</span>
              </h4>
              <AllRequiredBox
                label={t("questionnaires.mapping.allRequired", { section: section.title })}
                checked={sectionRequired === names.length}
                mixed={sectionRequired > 0 && sectionRequired < names.length}
                onChange={(value) => setAllRequired(names, value)}
              />
              <div className="map-bulk">
                <span aria-hidden="true" className="muted">
                  {t("questionnaires.mapping.assignAll")}
                </span>
                <RequirementPicker
                  requirements={requirements}
                  label={t("questionnaires.mapping.assignAllLabel", { section: section.title })}
                  placeholder={t("questionnaires.mapping.assignAllPlaceholder")}
                  onPick={(id) => {
                    add(names, id);
                    setAnnouncement(
                      t("questionnaires.mapping.assigned", { id, count: names.length, section: section.title }),
                    );
                  }}
                />
              </div>
            </div>
            <ol className="map-questions">
              {section.questions.map((q) => {
                const chosen = mapping[q.name];
                const suggestions = q.suggestions.filter((id) => !chosen.includes(id));
                return (
                  <li key={q.name} className="map-question" data-question={q.name}>
                    <div className="map-q-text">
                      <span className="map-q-title" id={`q-${q.name}`}>
                        {q.title}
                      </span>
                      <span className="muted small">
                        <code>{q.name}</code> · {q.type} · {q.judgeNote}
                      </span>
                    </div>
                    <label className="map-required">
                      <input type="hidden" name={`required:${q.name}`} value="" />
                      <input
                        type="checkbox"
                        name={`required:${q.name}`}
                        value="yes"
                        checked={required[q.name]}
                        onChange={(e) => setRequired((r) => ({ ...r, [q.name]: e.target.checked }))}
                        aria-describedby={`q-${q.name}`}
                      />{" "}
                      {t("questionnaires.mapping.required")}
                    </label>
                    <div className="map-reqs">
                      <input type="hidden" name={`req:${q.name}`} value="" />
                      <ul className="chips" aria-label={t("questionnaires.mapping.requirementsOf", { title: q.title })}>
                        {chosen.map((id) => (
                          <li key={id} className="chip chosen">
                            <input type="hidden" name={`req:${q.name}`} value={id} />
                            <span title={titleOf.get(id)}>
                              <code>{id}</code> {titleOf.get(id)}
                            </span>
                            <button
                              type="button"
                              className="chip-remove"
                              aria-label={t("questionnaires.mapping.remove", { id, title: q.title })}
                              onClick={() => remove(q.name, id)}
                            >
                              ×
                            </button>
                          </li>
                        ))}
                        {chosen.length === 0 ? (
                          <li className="muted small">{t("questionnaires.mapping.noRequirement")}</li>
                        ) : null}
                      </ul>
                      {suggestions.length ? (
                        <div className="suggestions">
                          <span className="muted small">{t("questionnaires.mapping.suggested")}</span>
                          {suggestions.map((id) => (
                            <button
                              key={id}
                              type="button"
                              className="chip suggestion"
                              aria-label={t("questionnaires.mapping.addSuggested", {
                                id,
                                requirement: titleOf.get(id) ?? "",
                                title: q.title,
                              })}
                              onClick={() => add([q.name], id)}
                            >
                              + <code>{id}</code> {titleOf.get(id)}
                            </button>
                          ))}
                        </div>
                      ) : null}
                      <RequirementPicker
                        requirements={requirements}
                        exclude={chosen}
                        label={t("questionnaires.mapping.addRequirement", { title: q.title })}
                        onPick={(id) => add([q.name], id)}
                      />
                    </div>
                  </li>
                );
              })}
            </ol>
          </section>
        );
      })}
      <div className="field" id="required">
        {requiredCount === 0 ? (
          <div className="notice">
            <p>{t("questionnaires.mapping.noneRequired")}</p>
            <label>
              <input type="checkbox" name="confirmNoRequired" value="yes" aria-describedby="required-error" />{" "}
              {t("questionnaires.mapping.publishAnyway")}
            </label>
          </div>
        ) : null}
        <ErrorList id="required-error" errors={errors.required} />
      </div>
    </div>
  );
}

/** A checkbox that can show "some" (indeterminate) as well as all or none. */
function AllRequiredBox({
  label,
  checked,
  mixed,
  onChange,
}: {
  label: string;
  checked: boolean;
  mixed: boolean;
  onChange: (value: boolean) => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = mixed;
  }, [mixed]);
  return (
    <label className="map-all-required">
      <input ref={ref} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {label}
    </label>
  );
}
