import { ListTable } from "#app/components/list-table";
import { ReassessmentPolicyFacts } from "#app/features/reassessment/reassessment-view";
import { useFormat, useT } from "#app/i18n/react";
import type { MessageId } from "#app/i18n/catalogue";
import { QUESTIONNAIRE_LANGUAGES } from "#questionnaires/languages";
import type { AgreementView as View } from "./agreements.server";

type Jsonified<T> = T extends (infer U)[] ? Jsonified<U>[] : T extends object ? { [K in keyof T]: Jsonified<T[K]> } : T;

type T = ReturnType<typeof useT>;

function yesNo(t: T, v: boolean | undefined) {
  return v ? t("agreements.view.yes") : t("agreements.view.no");
}

/** A value's label in one of the labels.* sets; a value outside the set is shown as it is. */
function label(t: T, set: string, value: string): string {
  const id = `labels.${set}.${value}` as MessageId;
  const text = t(id);
  return text === id ? value : text;
}

function ChainTree({ chain, parentId }: { chain: Jsonified<View>["chain"]; parentId: string | null }) {
  const t = useT();
  const children = chain.filter((l) => l.parentId === parentId);
  if (children.length === 0) return null;
  return (
    <ul>
      {children.map((l) => (
        <li key={l.supplierId}>
          <strong>{l.name}</strong> <span className="badge info">{t("agreements.view.tier", { tier: l.tier })}</span>{" "}
          <span className="muted">({l.country})</span>
          <div className="muted">
            {t("agreements.view.chainLine", {
              service: l.service || t("agreements.view.serviceNotRecorded"),
              maxClass: label(t, "class", l.maxClass),
              access: label(t, "access", l.accessLevel),
            })}
          </div>
          <ChainTree chain={chain} parentId={l.supplierId} />
        </li>
      ))}
    </ul>
  );
}

export function AgreementDetails({ a }: { a: Jsonified<View> }) {
  const t = useT();
  const format = useFormat();
  return (
    <>
      <section className="card form-section">
        <h2>{t("agreements.view.partiesAndTerm")}</h2>
        <dl className="facts">
          <dt>{t("agreements.view.disclosingParty")}</dt>
          <dd>{a.discloser}</dd>
          <dt>{t("agreements.view.recipient")}</dt>
          <dd>{a.recipient}</dd>
          <dt>{t("agreements.view.term")}</dt>
          <dd>{t("agreements.view.termRange", { start: format.day(a.effectiveDate), end: format.day(a.endDate) })}</dd>
          <dt>{t("agreements.view.survives")}</dt>
          <dd>{t("agreements.view.survivesMonths", { months: a.survivalMonths })}</dd>
          <dt>{t("agreements.view.governingLaw")}</dt>
          <dd>{a.governingLaw}</dd>
          <dt>{t("agreements.view.arbitration")}</dt>
          <dd>
            {a.forum.arbitrationSeat || t("agreements.view.noSeat")}
            {a.forum.arbitrationConfidential ? t("agreements.view.confidentialArbitration") : ""}
          </dd>
          <dt>{t("agreements.view.purpose")}</dt>
          <dd>
            {a.purposes.map((p) => label(t, "purpose", p)).join(", ")}
            {a.purposeDescription ? `: ${a.purposeDescription}` : ""}
          </dd>
          <dt>{t("agreements.view.exclusions")}</dt>
          <dd>
            {a.exclusions.length
              ? a.exclusions.map((e) => label(t, "exclusion", e)).join("; ")
              : t("agreements.view.none")}
          </dd>
          <dt>{t("agreements.view.derivedKnowHow")}</dt>
          <dd>
            {t("agreements.view.knowHowLine", {
              owner: a.derivedKnowHow.improvementsOwner,
              confidential: yesNo(t, a.derivedKnowHow.confidential),
              licenceBack: yesNo(t, a.derivedKnowHow.licenceBack),
            })}
            {a.derivedKnowHow.notes ? `. ${a.derivedKnowHow.notes}` : ""}
          </dd>
          <dt>{t("agreements.view.compelledDisclosure")}</dt>
          <dd>
            {t("agreements.view.compelledLine", {
              notify: yesNo(t, a.compelledDisclosure.notifyBeforeDisclosure),
              protective: yesNo(t, a.compelledDisclosure.seekProtectiveOrder),
            })}
            {a.compelledDisclosure.notifyBeforeDisclosure
              ? `; ${t("compelled.view.noticeDays", { days: a.compelledDisclosure.noticeDays ?? 5 })}`
              : ""}
          </dd>
        </dl>
      </section>

      <section className="card form-section">
        <h2>{t("agreements.view.informationHeading")}</h2>
        <dl className="facts">
          <dt>{t("agreements.view.informationClasses")}</dt>
          <dd>{a.informationClasses.map((c) => label(t, "class", c)).join(", ")}</dd>
          <dt>{t("agreements.view.permittedJurisdictions")}</dt>
          <dd>{a.permittedJurisdictions.map((j) => `${j.name} (${j.code})`).join(", ")}</dd>
          <dt>{t("agreements.view.transferMechanisms")}</dt>
          <dd>
            {a.acceptedTransferMechanisms.length
              ? a.acceptedTransferMechanisms.map((m) => label(t, "transferMechanism", m)).join(", ")
              : t("agreements.view.none")}
          </dd>
          <dt>{t("agreements.view.breachWindow")}</dt>
          <dd>{t("agreements.view.breachLine", { window: a.breachWindowHours, recipient: a.recipientNotifyHours })}</dd>
          <dt>{t("agreements.view.cooperationDuties")}</dt>
          <dd>{a.cooperationDuties || t("agreements.view.noneRecorded")}</dd>
          <dt>{t("agreements.view.escalationContacts")}</dt>
          <dd>
            {a.escalationContacts.length
              ? a.escalationContacts.map((c) => [c.name, c.email, c.phone].filter(Boolean).join(", ")).join("; ")
              : t("agreements.view.noneRecorded")}
          </dd>
          <dt>{t("agreements.view.retention")}</dt>
          <dd>
            {t("agreements.view.retentionLine", {
              retention: a.retention.retentionDays,
              destroy: a.retention.destroyWithinDays,
              certificate: a.retention.certificateOfDestruction ? "yes" : "no",
            })}
          </dd>
          <dt>{t("agreements.view.auditRights")}</dt>
          <dd>
            {t("agreements.view.auditLine", { audits: a.auditRights.auditsPerYear, notice: a.auditRights.noticeDays })}
          </dd>
          <dt>{t("agreements.view.certificationRequired")}</dt>
          <dd>{a.requiredCertifications.join(", ") || t("agreements.view.none")}</dd>
        </dl>
      </section>

      <section className="card form-section">
        <h2>{t("agreements.view.reassessment")}</h2>
        <ReassessmentPolicyFacts policy={a.reassessment} />
      </section>

      <section className="card form-section">
        <h2>{t("agreements.view.chain")}</h2>
        {a.chain.length ? (
          <div className="tree" data-testid="chain-tree">
            <div>
              <strong>{a.recipient}</strong> <span className="muted">{t("agreements.view.recipientTag")}</span>
            </div>
            <ChainTree chain={a.chain} parentId={null} />
          </div>
        ) : (
          <p className="muted">{t("agreements.view.noChain")}</p>
        )}
      </section>

      <section className="card form-section">
        <h2>{t("agreements.view.phases")}</h2>
        <ListTable
          label={t("agreements.view.phases")}
          rows={a.phases}
          rowKey={(p) => p.key}
          empty={t("agreements.view.noPhases")}
          emptyClassName="muted"
          columns={[
            { header: t("agreements.view.phase"), cell: (p) => p.name },
            { header: t("agreements.view.purpose"), cell: (p) => p.purpose },
            {
              header: t("agreements.view.opens"),
              cell: (p) => p.classes.map((c) => label(t, "class", c)).join(", "),
            },
            {
              header: t("agreements.view.requires"),
              cell: (p) =>
                p.requiredRequirementIds.length ? (
                  p.requiredRequirementIds.map((id) => <code key={id}>{id} </code>)
                ) : (
                  <span className="muted">{t("agreements.view.nothingFurther")}</span>
                ),
            },
            {
              header: t("agreements.view.permittedRecipients"),
              cell: (p) => (p.permitted.length ? p.permitted.join(", ") : t("agreements.view.anySupplier")),
            },
          ]}
        />
      </section>

      <section className="card form-section">
        <h2>{t("agreements.view.requirementsHeading", { count: a.requirements.length })}</h2>
        <ListTable
          label={t("agreements.view.obligations")}
          rows={a.requirements}
          rowKey={(r) => r.id}
          columns={[
            {
              header: t("agreements.view.requirement"),
              cell: (r) => (
                <>
                  <code>{r.id}</code> {r.title}{" "}
                  {r.knockOut ? <span className="badge bad">{t("agreements.view.knockOut")}</span> : null}
                </>
              ),
            },
            {
              header: t("agreements.view.category"),
              cell: (r) => label(t, "category", r.category),
            },
            { header: t("agreements.view.weight"), cell: (r) => r.weight },
            {
              header: t("agreements.view.values"),
              cell: (r) =>
                r.params.length ? (
                  r.params.map((p) => `${p.label}: ${p.value}`).join("; ")
                ) : (
                  <span className="muted">{t("agreements.view.none")}</span>
                ),
            },
          ]}
        />
        <p className="muted">{t("agreements.view.catalogueVersion", { version: a.catalogueVersion })}</p>
      </section>

      <section className="card form-section" data-testid="agreement-glossary">
        <h2>{t("agreements.view.glossary")}</h2>
        <ListTable
          label={t("agreements.view.glossary")}
          rows={a.glossary}
          rowKey={(g) => g.term.en}
          empty={t("agreements.view.noGlossary")}
          emptyClassName="muted"
          columns={[
            {
              header: t("agreements.view.glossaryTerm"),
              cell: (g) =>
                QUESTIONNAIRE_LANGUAGES.map((lang) => {
                  const term = (g.term as Record<string, string | undefined>)[lang.code];
                  return term ? (
                    <div key={lang.code} lang={lang.code}>
                      {lang.code === "en" ? <strong>{term}</strong> : term}{" "}
                      {lang.code === "en" ? null : <span className="muted">({lang.name})</span>}
                    </div>
                  ) : null;
                }),
            },
            {
              header: t("agreements.view.definition"),
              cell: (g) =>
                QUESTIONNAIRE_LANGUAGES.map((lang) => {
                  const definition = (g.definition as Record<string, string | undefined>)[lang.code];
                  return definition ? (
                    <p key={lang.code} lang={lang.code}>
                      {definition}
                    </p>
                  ) : null;
                }),
            },
          ]}
        />
      </section>
    </>
  );
}
