import { ListTable } from "#app/components/list-table";
import { ReassessmentPolicyFacts } from "#app/features/reassessment/reassessment-view";
import {
  ACCESS_LABEL,
  CATEGORY_LABEL,
  CLASS_LABEL,
  EXCLUSION_LABEL,
  PURPOSE_LABEL,
  TRANSFER_MECHANISM_LABEL,
} from "#models/labels";
import { QUESTIONNAIRE_LANGUAGES } from "#questionnaires/languages";
import type { AgreementView as View } from "./agreements.server";

type Jsonified<T> = T extends (infer U)[] ? Jsonified<U>[] : T extends object ? { [K in keyof T]: Jsonified<T[K]> } : T;

function yesNo(v: boolean | undefined) {
  return v ? "Yes" : "No";
}

function ChainTree({ chain, parentId }: { chain: Jsonified<View>["chain"]; parentId: string | null }) {
  const children = chain.filter((l) => l.parentId === parentId);
  if (children.length === 0) return null;
  return (
    <ul>
      {children.map((l) => (
        <li key={l.supplierId}>
          <strong>{l.name}</strong> <span className="badge info">tier {l.tier}</span>{" "}
          <span className="muted">({l.country})</span>
          <div className="muted">
            {l.service || "service not recorded"} · up to {CLASS_LABEL[l.maxClass as keyof typeof CLASS_LABEL]} ·{" "}
            {ACCESS_LABEL[l.accessLevel as keyof typeof ACCESS_LABEL]}
          </div>
          <ChainTree chain={chain} parentId={l.supplierId} />
        </li>
      ))}
    </ul>
  );
}

export function AgreementDetails({ a }: { a: Jsonified<View> }) {
  return (
    <>
      <section className="card form-section">
        <h2>Parties and term</h2>
        <dl className="facts">
          <dt>Disclosing party</dt>
          <dd>{a.discloser}</dd>
          <dt>Recipient</dt>
          <dd>{a.recipient}</dd>
          <dt>Term</dt>
          <dd>
            {a.effectiveDate} to {a.endDate}
          </dd>
          <dt>Confidentiality survives</dt>
          <dd>{a.survivalMonths} months after the end</dd>
          <dt>Governing law</dt>
          <dd>{a.governingLaw}</dd>
          <dt>Arbitration</dt>
          <dd>
            {a.forum.arbitrationSeat || "no seat recorded"}
            {a.forum.arbitrationConfidential ? ", confidential" : ""}
          </dd>
          <dt>Purpose</dt>
          <dd>
            {a.purposes.map((p) => PURPOSE_LABEL[p as keyof typeof PURPOSE_LABEL]).join(", ")}
            {a.purposeDescription ? `: ${a.purposeDescription}` : ""}
          </dd>
          <dt>Exclusions</dt>
          <dd>
            {a.exclusions.length
              ? a.exclusions.map((e) => EXCLUSION_LABEL[e as keyof typeof EXCLUSION_LABEL]).join("; ")
              : "none"}
          </dd>
          <dt>Derived know-how</dt>
          <dd>
            owned by{" "}
            {a.derivedKnowHow.improvementsOwner === "joint"
              ? "both parties jointly"
              : `the ${a.derivedKnowHow.improvementsOwner === "discloser" ? "disclosing party" : "recipient"}`}
            ; confidential: {yesNo(a.derivedKnowHow.confidential)}; licence back: {yesNo(a.derivedKnowHow.licenceBack)}
            {a.derivedKnowHow.notes ? `. ${a.derivedKnowHow.notes}` : ""}
          </dd>
          <dt>Compelled disclosure</dt>
          <dd>
            notify first: {yesNo(a.compelledDisclosure.notifyBeforeDisclosure)}; seek a protective order:{" "}
            {yesNo(a.compelledDisclosure.seekProtectiveOrder)}
          </dd>
        </dl>
      </section>

      <section className="card form-section">
        <h2>Information, jurisdictions and incidents</h2>
        <dl className="facts">
          <dt>Information classes</dt>
          <dd>{a.informationClasses.map((c) => CLASS_LABEL[c as keyof typeof CLASS_LABEL]).join(", ")}</dd>
          <dt>Permitted jurisdictions</dt>
          <dd>{a.permittedJurisdictions.map((j) => `${j.name} (${j.code})`).join(", ")}</dd>
          <dt>Accepted transfer mechanisms</dt>
          <dd>
            {a.acceptedTransferMechanisms.length
              ? a.acceptedTransferMechanisms
                  .map((m) => TRANSFER_MECHANISM_LABEL[m as keyof typeof TRANSFER_MECHANISM_LABEL])
                  .join(", ")
              : "none"}
          </dd>
          <dt>Breach notification window</dt>
          <dd>
            {a.breachWindowHours} h for the whole chain; the recipient takes {a.recipientNotifyHours} h of it
          </dd>
          <dt>Cooperation duties</dt>
          <dd>{a.cooperationDuties || "none recorded"}</dd>
          <dt>Escalation contacts</dt>
          <dd>
            {a.escalationContacts.length
              ? a.escalationContacts.map((c) => [c.name, c.email, c.phone].filter(Boolean).join(", ")).join("; ")
              : "none recorded"}
          </dd>
          <dt>Retention</dt>
          <dd>
            kept at most {a.retention.retentionDays} days; returned or destroyed within {a.retention.destroyWithinDays}{" "}
            days
            {a.retention.certificateOfDestruction ? ", with a certificate of destruction" : ""}
          </dd>
          <dt>Audit rights</dt>
          <dd>
            {a.auditRights.auditsPerYear} per year on {a.auditRights.noticeDays} days' notice
          </dd>
          <dt>Certification required</dt>
          <dd>{a.requiredCertifications.join(", ") || "none"}</dd>
        </dl>
      </section>

      <section className="card form-section">
        <h2>Re-assessment</h2>
        <ReassessmentPolicyFacts policy={a.reassessment} />
      </section>

      <section className="card form-section">
        <h2>Subcontractor chain</h2>
        {a.chain.length ? (
          <div className="tree" data-testid="chain-tree">
            <div>
              <strong>{a.recipient}</strong> <span className="muted">(recipient)</span>
            </div>
            <ChainTree chain={a.chain} parentId={null} />
          </div>
        ) : (
          <p className="muted">No suppliers in the chain yet.</p>
        )}
      </section>

      <section className="card form-section">
        <h2>Phases of staged disclosure</h2>
        <ListTable
          label="Phases of staged disclosure"
          rows={a.phases}
          rowKey={(p) => p.key}
          empty="No phases: the agreement discloses everything at once."
          emptyClassName="muted"
          columns={[
            { header: "Phase", cell: (p) => p.name },
            { header: "Purpose", cell: (p) => p.purpose },
            {
              header: "Opens",
              cell: (p) => p.classes.map((c) => CLASS_LABEL[c as keyof typeof CLASS_LABEL]).join(", "),
            },
            {
              header: "Requires",
              cell: (p) =>
                p.requiredRequirementIds.length ? (
                  p.requiredRequirementIds.map((id) => <code key={id}>{id} </code>)
                ) : (
                  <span className="muted">nothing further</span>
                ),
            },
            {
              header: "Permitted recipients",
              cell: (p) => (p.permitted.length ? p.permitted.join(", ") : "any supplier of the chain"),
            },
          ]}
        />
      </section>

      <section className="card form-section">
        <h2>Flow-down requirements ({a.requirements.length})</h2>
        <ListTable
          label="Flow-down obligations"
          rows={a.requirements}
          rowKey={(r) => r.id}
          columns={[
            {
              header: "Requirement",
              cell: (r) => (
                <>
                  <code>{r.id}</code> {r.title} {r.knockOut ? <span className="badge bad">knock-out</span> : null}
                </>
              ),
            },
            {
              header: "Category",
              cell: (r) => CATEGORY_LABEL[r.category as keyof typeof CATEGORY_LABEL] ?? r.category,
            },
            { header: "Weight", cell: (r) => r.weight },
            {
              header: "The agreement's values",
              cell: (r) =>
                r.params.length ? (
                  r.params.map((p) => `${p.label}: ${p.value}`).join("; ")
                ) : (
                  <span className="muted">none</span>
                ),
            },
          ]}
        />
        <p className="muted">Catalogue version {a.catalogueVersion}.</p>
      </section>

      <section className="card form-section" data-testid="agreement-glossary">
        <h2>Glossary</h2>
        <ListTable
          label="Glossary"
          rows={a.glossary}
          rowKey={(g) => g.term.en}
          empty="No glossary: edit the agreement to add its defined terms."
          emptyClassName="muted"
          columns={[
            {
              header: "Term",
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
              header: "Definition",
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
