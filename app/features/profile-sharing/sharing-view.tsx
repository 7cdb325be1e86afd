import { Form, useNavigation } from "@remix-run/react";
import { ErrorList, FormError } from "#app/components/forms";
import { ListTable } from "#app/components/list-table";
import { useFormat, useT } from "#app/i18n/react";
import type { sharingPage } from "./grants.server";
import { sectionLabel } from "./section-label";

type Page = Awaited<ReturnType<typeof sharingPage>>;
type Errors = Record<string, string[] | undefined>;
type Values = { recipientOrgId?: string; scope?: string; sections?: string[]; expiresOn?: string };

const STATUS_BADGE = { active: "ok", expired: "none", revoked: "bad", replaced: "none" } as const;

/** The last day a grant runs (it ends at the start of the next day, UTC). */
const lastDay = (expiresAt: string) => new Date(Date.parse(expiresAt) - 1).toISOString().slice(0, 10);

export function GrantsTable({ grants }: { grants: Page["grants"] }) {
  const t = useT();
  const format = useFormat();
  const busy = useNavigation().state !== "idle";
  return (
    <ListTable
      data-testid="grants"
      rows={grants}
      rowKey={(g) => g.id}
      empty={t("sharing.grants.empty")}
      label={t("sharing.grants.heading")}
      columns={[
        {
          header: t("sharing.col.recipient"),
          cell: (g) => (
            <>
              {g.recipient}
              <div className="muted small">
                {t("sharing.grantedBy", { date: format.day(g.createdAt), name: g.createdBy })}
              </div>
            </>
          ),
        },
        {
          header: t("sharing.col.sections"),
          cell: (g) =>
            g.allSections ? t("sharing.allSections") : g.sections.map((s) => sectionLabel(t, s)).join(", "),
        },
        { header: t("sharing.col.expiry"), cell: (g) => format.day(lastDay(g.expiresAt)) },
        {
          header: t("sharing.col.status"),
          cell: (g) => (
            <>
              <span className={`badge ${STATUS_BADGE[g.status]}`}>{t(`sharing.status.${g.status}`)}</span>
              {g.revokedAt ? (
                <div className="muted small">
                  {t("sharing.revokedBy", { date: format.day(g.revokedAt), name: g.revokedBy ?? "" })}
                </div>
              ) : null}
            </>
          ),
        },
        {
          header: null,
          cell: (g) =>
            g.status === "active" ? (
              <Form
                method="post"
                onSubmit={(e) => !confirm(t("sharing.confirmRevoke", { recipient: g.recipient })) && e.preventDefault()}
              >
                <input type="hidden" name="intent" value="revoke" />
                <input type="hidden" name="grantId" value={g.id} />
                <button
                  type="submit"
                  className="secondary small"
                  disabled={busy}
                  aria-label={t("sharing.revokeLabel", { recipient: g.recipient })}
                >
                  {t("sharing.revoke")}
                </button>
              </Form>
            ) : null,
        },
      ]}
    />
  );
}

export function GrantForm({ page, errors, values }: { page: Page; errors: Errors; values: Values }) {
  const t = useT();
  const format = useFormat();
  const busy = useNavigation().state !== "idle";
  const scope = values.scope ?? "all";
  const chosen = new Set(values.sections ?? []);
  if (!page.recipients.length)
    return (
      <section className="card form-section" aria-labelledby="grant-heading">
        <h2 id="grant-heading">{t("sharing.grant.heading")}</h2>
        <p className="muted">{t("sharing.grant.noRecipients")}</p>
      </section>
    );
  const invalid = (field: string) =>
    errors[field]?.length ? { "aria-invalid": true as const, "aria-describedby": `${field}-error` } : {};
  return (
    <Form method="post" className="card form-section" noValidate aria-labelledby="grant-heading">
      <h2 id="grant-heading">{t("sharing.grant.heading")}</h2>
      <p className="muted">{t("sharing.grant.replaces")}</p>
      <FormError messages={errors[""]} />
      <input type="hidden" name="intent" value="grant" />
      <div className="field">
        <label htmlFor="recipientOrgId">{t("sharing.grant.recipient")}</label>
        <select
          id="recipientOrgId"
          name="recipientOrgId"
          defaultValue={values.recipientOrgId ?? ""}
          {...invalid("recipientOrgId")}
        >
          <option value="">{t("sharing.grant.chooseRecipient")}</option>
          {page.recipients.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
        <ErrorList id="recipientOrgId-error" errors={errors.recipientOrgId} />
      </div>
      <fieldset className="checks" {...invalid("scope")}>
        <legend>{t("sharing.grant.scope")}</legend>
        {(["all", "chosen"] as const).map((s) => (
          <label key={s} className="check">
            <input type="radio" name="scope" value={s} defaultChecked={scope === s} />{" "}
            {t(s === "all" ? "sharing.grant.scopeAll" : "sharing.grant.scopeChosen")}
          </label>
        ))}
        <ErrorList id="scope-error" errors={errors.scope} />
      </fieldset>
      <fieldset className="checks" {...invalid("sections")}>
        <legend>{t("sharing.grant.sections")}</legend>
        {page.sections.map((s) => (
          <label key={s} className="check">
            <input type="checkbox" name="sections" value={s} defaultChecked={chosen.has(s)} /> {sectionLabel(t, s)}
          </label>
        ))}
        <ErrorList id="sections-error" errors={errors.sections} />
      </fieldset>
      <div className="field">
        <label htmlFor="expiresOn">{t("sharing.grant.expiresOn")}</label>
        <input
          id="expiresOn"
          name="expiresOn"
          type="date"
          required
          min={page.today}
          max={page.maxDate}
          defaultValue={values.expiresOn ?? ""}
          aria-invalid={errors.expiresOn?.length ? true : undefined}
          aria-describedby={errors.expiresOn?.length ? "expiresOn-hint expiresOn-error" : "expiresOn-hint"}
        />
        <small id="expiresOn-hint" className="muted">
          {t("sharing.grant.expiresHint", { max: format.day(page.maxDate) })}
        </small>
        <ErrorList id="expiresOn-error" errors={errors.expiresOn} />
      </div>
      <button type="submit" disabled={busy}>
        {busy ? t("sharing.grant.saving") : t("sharing.grant.submit")}
      </button>
    </Form>
  );
}

export function ProfileViews({ views, limit }: { views: Page["views"]; limit: number }) {
  const t = useT();
  const format = useFormat();
  return (
    <section aria-labelledby="views-heading">
      <h2 id="views-heading">{t("sharing.views.heading")}</h2>
      <p className="muted">{t("sharing.views.intro", { count: limit })}</p>
      <ListTable
        data-testid="profile-views"
        rows={views}
        rowKey={(v) => v.id}
        empty={t("sharing.views.empty")}
        label={t("sharing.views.heading")}
        columns={[
          { header: t("sharing.col.when"), cell: (v) => format.moment(v.at) },
          {
            header: t("sharing.col.who"),
            cell: (v) => t("sharing.views.who", { person: v.who, organisation: v.organisation }),
          },
          {
            header: t("sharing.col.sections"),
            cell: (v) => v.sections.map((s) => sectionLabel(t, s)).join(", "),
          },
        ]}
      />
    </section>
  );
}
