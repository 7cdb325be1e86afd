import type { ReactNode } from "react";
import { Link } from "@remix-run/react";
import type { MessageId } from "#app/i18n/catalogue";
import { useFormat, useT } from "#app/i18n/react";
import type { ProfileSection } from "#questionnaires/question-identity";
import { questionDomId } from "./links";
import type { ProfileAnswerView, ProfileView, SourceView } from "./profile.server";

/** A profile section's name: the organisation, or a requirement category's label. */
export function useSectionName() {
  const t = useT();
  return (section: ProfileSection) =>
    section === "organisation" ? t("profile.section.organisation") : t(`labels.category.${section}` as MessageId);
}

/** Where an answer came from, in words. */
export function SourceText({ source }: { source: SourceView }) {
  const t = useT();
  switch (source.kind) {
    case "submission":
      return <>{t("profile.source.submission", { agreement: source.agreement, customer: source.customer })}</>;
    case "submissionGone":
      return <>{t("profile.source.submissionGone")}</>;
    case "profile":
      return <>{t("profile.source.profile")}</>;
    case "workbook":
      return <>{t("profile.source.workbook")}</>;
  }
}

export function ProfileAnswerCard({ answer, actions }: { answer: ProfileAnswerView; actions?: ReactNode }) {
  const t = useT();
  const format = useFormat();
  return (
    <li className="profile-answer" data-answer={answer.name}>
      <h3 className="profile-question" id={questionDomId(answer.id)}>
        {answer.question}
      </h3>
      <p className="profile-value">{answer.answer}</p>
      {answer.evidence.length ? (
        <p className="profile-evidence">
          <span className="muted">{t("profile.evidence")}: </span>
          {answer.evidence.map((file, i) => (
            <span key={file.href}>
              {i > 0 ? ", " : null}
              <a href={file.href}>{file.name}</a>
            </span>
          ))}
        </p>
      ) : null}
      <p className="muted profile-meta">
        {t("profile.confirmedOn", { date: format.day(answer.confirmedAt) })} · <SourceText source={answer.source} />
      </p>
      {actions ? <div className="profile-actions">{actions}</div> : null}
    </li>
  );
}

/**
 * A supplier's profile, read-only unless `actions` adds controls to each
 * answer: a list of its sections (with counts), each section's answers, and
 * the certificates. Shared by the supplier's own page and pages that show a
 * granted profile to a recipient.
 */
export function ProfileSections({
  view,
  actions,
  certificatesHref,
}: {
  view: ProfileView;
  actions?: (answer: ProfileAnswerView) => ReactNode;
  /** where the reader manages the certificates (the supplier's own page) */
  certificatesHref?: string;
}) {
  const t = useT();
  const format = useFormat();
  const sectionName = useSectionName();
  return (
    <div className="profile-view">
      {view.sections.length ? (
        <nav aria-label={t("profile.sections")} className="profile-toc">
          <ul>
            {view.sections.map((s) => (
              <li key={s.section}>
                <a href={`#section-${s.section}`}>
                  {sectionName(s.section)}{" "}
                  <span className="muted">({t("profile.sectionCount", { count: s.answers.length })})</span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {view.sections.map((s) => (
        <section key={s.section} id={`section-${s.section}`} className="card profile-section">
          <h2>
            {sectionName(s.section)}{" "}
            <span className="muted profile-count">{t("profile.sectionCount", { count: s.answers.length })}</span>
          </h2>
          <ul className="profile-answers">
            {s.answers.map((a) => (
              <ProfileAnswerCard key={a.id} answer={a} actions={actions?.(a)} />
            ))}
          </ul>
        </section>
      ))}
      <section className="card profile-section" id="certificates">
        <h2>{t("profile.certs.heading")}</h2>
        {view.certificates.length ? (
          <ul className="profile-certificates">
            {view.certificates.map((c) => (
              <li key={c.id}>
                {t("profile.certs.line", { standard: c.standard, number: c.number })}{" "}
                <span className={c.expired ? "badge bad" : "muted"}>
                  {c.expired
                    ? t("profile.certs.expired", { date: format.day(c.expiryDate) })
                    : t("profile.certs.expires", { date: format.day(c.expiryDate) })}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("profile.certs.empty")}</p>
        )}
        {certificatesHref ? (
          <p>
            <Link to={certificatesHref}>{t("profile.certs.manage")}</Link>
          </p>
        ) : null}
      </section>
    </div>
  );
}
