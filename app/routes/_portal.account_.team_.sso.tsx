import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Field, FormError, SelectField, TextareaField } from "#app/components/forms";
import { requireTeamAdmin } from "#app/features/accounts/auth.server";
import {
  checkProvider,
  removeSsoSettings,
  saveSsoSettings,
  SsoActionSchema,
  ssoSettingsPage,
} from "#app/features/sso/settings.server";
import { SSO_TEAM_ROLES } from "#app/features/sso/domains";
import { fieldErrors } from "#app/lib/forms.server";
import { clientIp } from "#app/lib/http.server";
import { refusalResponse } from "#app/lib/refusal.server";
import { titleOf as pageTitle } from "#app/i18n/meta";
import { useT } from "#app/i18n/react";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "sso.settings.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireTeamAdmin(request);
  return ssoSettingsPage(admin, request);
}

/** The typed values shown again beside the errors (the secret never). */
function typed(form: Record<string, FormDataEntryValue>) {
  const text = (key: string) => (typeof form[key] === "string" ? (form[key] as string) : "");
  return {
    issuer: text("issuer"),
    clientId: text("clientId"),
    domains: text("domains"),
    createAccounts: form.createAccounts !== undefined,
    newAccountTeamRole: text("newAccountTeamRole"),
    passwordSignInOff: form.passwordSignInOff !== undefined,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireTeamAdmin(request);
  const form = Object.fromEntries(await request.formData());
  const values = typed(form);
  const parsed = SsoActionSchema.safeParse(form);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  const ctx = { ip: clientIp(request) || undefined };
  try {
    switch (parsed.data.intent) {
      case "save":
        await saveSsoSettings(admin, parsed.data, ctx);
        return redirect("/account/team/sso?done=saved");
      case "check":
        return data({ check: await checkProvider(parsed.data.issuer), values });
      case "remove":
        await removeSsoSettings(admin, ctx);
        return redirect("/account/team/sso?done=removed");
    }
  } catch (error) {
    return refusalResponse(error, { values });
  }
}

type ActionData = {
  errors?: Record<string, string[]>;
  values?: ReturnType<typeof typed>;
  check?: Awaited<ReturnType<typeof checkProvider>>;
};

export default function SsoSettingsPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const t = useT();
  const busy = navigation.state !== "idle";
  const errors = actionData?.errors ?? {};
  const saved = page.connection;
  const v = actionData?.values;
  const done = params.get("done");
  const check = actionData?.check;
  return (
    <>
      {done === "saved" || done === "removed" ? (
        <p className="flash" role="status">
          {t(done === "saved" ? "sso.done.saved" : "sso.done.removed")}
        </p>
      ) : null}
      <p>
        <Link to="/account/team">{t("sso.settings.back")}</Link>
      </p>
      <h1>{t("sso.settings.title")}</h1>
      <p className="muted">{t("sso.settings.intro", { organisation: page.organisation })}</p>
      <p className="notice">
        {saved ? t("sso.settings.statusOn", { domains: saved.domains.join(", ") }) : t("sso.settings.statusOff")}
      </p>
      <div className="field">
        <p>
          <strong>{t("sso.settings.redirectUri")}</strong>
        </p>
        <p>
          <code className="sso-redirect-uri">{page.redirectUri}</code>
        </p>
        <small className="muted">{t("sso.settings.redirectUriHint")}</small>
      </div>
      <FormError messages={errors[""]} />
      {check ? (
        <section aria-labelledby="sso-check" className="notice" role="status">
          <h2 id="sso-check">{t("sso.check.heading")}</h2>
          <dl className="facts sso-check">
            <dt>{t("sso.check.issuer")}</dt>
            <dd>{check.issuer}</dd>
            <dt>{t("sso.check.authorization")}</dt>
            <dd>{check.authorizationEndpoint}</dd>
            <dt>{t("sso.check.token")}</dt>
            <dd>{check.tokenEndpoint}</dd>
            <dt>{t("sso.check.jwks")}</dt>
            <dd>{check.jwksUri}</dd>
            <dt>{t("sso.check.pkce")}</dt>
            <dd>{t(check.pkceS256 ? "sso.check.yes" : "sso.check.no")}</dd>
          </dl>
        </section>
      ) : null}
      {/* a fresh form after each save: the typed secret does not stay in the field */}
      <Form method="post" noValidate key={saved?.updatedAt ?? "new"}>
        <Field
          label={t("sso.field.issuer")}
          errors={errors.issuer}
          hint={t("sso.field.issuer.hint")}
          inputProps={{
            name: "issuer",
            type: "url",
            maxLength: 500,
            required: true,
            defaultValue: v?.issuer ?? saved?.issuer ?? "",
          }}
        />
        <Field
          label={t("sso.field.clientId")}
          errors={errors.clientId}
          inputProps={{ name: "clientId", maxLength: 500, defaultValue: v?.clientId ?? saved?.clientId ?? "" }}
        />
        <Field
          label={t("sso.field.clientSecret")}
          errors={errors.clientSecret}
          hint={
            saved
              ? t(saved.secretReadable ? "sso.field.clientSecret.set" : "sso.field.clientSecret.unreadable")
              : undefined
          }
          inputProps={{ name: "clientSecret", type: "password", autoComplete: "off", maxLength: 2000 }}
        />
        <TextareaField
          label={t("sso.field.domains")}
          errors={errors.domains}
          textareaProps={{
            name: "domains",
            rows: 3,
            maxLength: 5000,
            placeholder: "example.com",
            defaultValue: v?.domains ?? saved?.domains.join("\n") ?? "",
          }}
        />
        <p className="muted">{t("sso.field.domains.hint")}</p>
        <div className="field">
          <label className="check">
            <input
              type="checkbox"
              name="createAccounts"
              defaultChecked={v ? v.createAccounts : (saved?.createAccounts ?? false)}
            />{" "}
            {t("sso.field.createAccounts")}
          </label>
          <small className="muted">{t("sso.field.createAccounts.hint")}</small>
        </div>
        <SelectField
          label={t("sso.field.teamRole")}
          errors={errors.newAccountTeamRole}
          selectProps={{
            name: "newAccountTeamRole",
            defaultValue: v?.newAccountTeamRole || saved?.newAccountTeamRole || "member",
          }}
        >
          {SSO_TEAM_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`labels.teamRole.${r}`)}
            </option>
          ))}
        </SelectField>
        <p className="muted">{t("sso.field.teamRole.hint", { role: page.role })}</p>
        <div className="field">
          <label className="check">
            <input
              type="checkbox"
              name="passwordSignInOff"
              defaultChecked={v ? v.passwordSignInOff : (saved?.passwordSignInOff ?? false)}
            />{" "}
            {t("sso.field.passwordSignInOff")}
          </label>
          <small className="muted">{t("sso.field.passwordSignInOff.hint")}</small>
        </div>
        <div className="sso-actions">
          <button type="submit" name="intent" value="save" disabled={busy}>
            {t("sso.settings.save")}
          </button>
          <button type="submit" name="intent" value="check" className="secondary" disabled={busy}>
            {t("sso.settings.check")}
          </button>
        </div>
      </Form>
      {saved ? (
        <Form method="post" onSubmit={(e) => !confirm(t("sso.settings.confirmRemove")) && e.preventDefault()}>
          <input type="hidden" name="intent" value="remove" />
          <button type="submit" className="secondary" disabled={busy}>
            {t("sso.settings.remove")}
          </button>
        </Form>
      ) : null}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
