import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { titleOf } from "#app/i18n/meta";
import { Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import surveyStyles from "survey-core/survey-core.fontless.min.css";
import { useMemo } from "react";
import { z } from "zod";
import { FormError } from "#app/components/forms";
import { ListTable } from "#app/components/list-table";
import { requireUser } from "#app/features/accounts/auth.server";
import {
  answerEditPage,
  findOwnAnswer,
  saveProfileAnswer,
  type ProfileAnswerView,
} from "#app/features/profile/profile.server";
import { AnswerEditor } from "#app/features/profile/answer-editor";
import { ProfileAnswerCard, SourceText } from "#app/features/profile/profile-view";
import { answerHref } from "#app/features/profile/links";
import { notFound } from "#app/lib/http.server";
import { formatMoment } from "#app/i18n/format";
import { currentLocale, say, t as tServer } from "#app/i18n/messages.server";
import { useFormat, useT } from "#app/i18n/react";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: surveyStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: titleOf(matches, "profile.edit.title") }];

const ParamsSchema = z.object({ answerId: z.string().min(1).max(400) });

async function ownAnswer(request: Request, params: unknown) {
  const user = await requireUser(request, { role: "supplier" });
  const parsed = ParamsSchema.safeParse(params);
  const doc = parsed.success ? await findOwnAnswer(user.orgId, parsed.data.answerId) : null;
  if (!doc) notFound();
  return { user, doc };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, doc } = await ownAnswer(request, params);
  return answerEditPage(user, doc, request);
}

const SaveSchema = z.object({
  intent: z.literal("save"),
  value: z.string().max(2_000_000),
  revision: z.coerce.number().int().min(0).max(1_000_000_000),
});

type ActionBody = {
  errors: Record<string, string[]>;
  values: { value?: string };
  current?: ProfileAnswerView;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, doc } = await ownAnswer(request, params);
  const form = Object.fromEntries(await request.formData());
  const typed = typeof form.value === "string" ? form.value : undefined;
  const refuse = (status: number, errors: string[], extra: Partial<ActionBody> = {}) =>
    data({ errors: { "": errors }, values: { value: typed }, ...extra } satisfies ActionBody, { status });
  const parsed = SaveSchema.safeParse(form);
  if (!parsed.success) return refuse(400, [tServer("profile.unknownAction")]);
  let value: unknown;
  try {
    value = JSON.parse(parsed.data.value);
  } catch {
    return refuse(400, [tServer("profile.edit.badValue")]);
  }
  const outcome = await saveProfileAnswer(user, doc, { value, revision: parsed.data.revision }, request);
  switch (outcome.kind) {
    case "invalid":
      return refuse(400, [tServer("profile.edit.refused"), ...outcome.errors.map((e) => say(e))]);
    case "gone":
      return refuse(400, [tServer("profile.edit.questionGone")]);
    case "stale": {
      const { current } = outcome;
      const message = tServer("profile.stale", {
        name: current.confirmedBy,
        date: formatMoment(currentLocale(), current.confirmedAt),
      });
      return refuse(409, [message], { current });
    }
    case "saved":
      return redirect(`${answerHref(doc._id)}?saved=1`);
  }
}

function typedValue(actionData: ActionBody | undefined, fallback: unknown): unknown {
  if (actionData?.values.value === undefined) return fallback;
  try {
    return JSON.parse(actionData.values.value);
  } catch {
    return fallback;
  }
}

export default function ProfileAnswerPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionBody | undefined;
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const t = useT();
  const format = useFormat();
  const value = useMemo(() => typedValue(actionData, page.value), [actionData, page.value]);
  return (
    <>
      <p>
        <Link to={`/supplier/profile#section-${page.section}`}>{t("profile.edit.back")}</Link>
      </p>
      {params.get("saved") && !actionData ? <p className="flash">{t("profile.flash.saved")}</p> : null}
      <h1>{page.answer.question}</h1>
      <p className="muted">{t("profile.edit.intro", { questionnaire: page.questionnaire })}</p>
      <FormError messages={actionData?.errors[""]} />
      {actionData?.current ? (
        <section className="card" aria-labelledby="current-heading">
          <h2 id="current-heading">{t("profile.edit.current")}</h2>
          <ul className="profile-answers">
            <ProfileAnswerCard answer={actionData.current} />
          </ul>
        </section>
      ) : null}
      {page.survey ? (
        <AnswerEditor
          key={`${page.revision}:${actionData ? "typed" : "kept"}`}
          survey={page.survey}
          name={page.name}
          value={value}
          revision={page.revision}
          language={page.language}
          busy={navigation.state !== "idle"}
        />
      ) : (
        <>
          <p className="notice">{t("profile.edit.questionGone")}</p>
          <ul className="profile-answers">
            <ProfileAnswerCard answer={page.answer} />
          </ul>
        </>
      )}
      <h2>{t("profile.history.heading")}</h2>
      <ListTable
        rows={page.history}
        rowKey={(h) => h.id}
        label={t("profile.history.heading")}
        columns={[
          {
            header: t("profile.history.when"),
            cell: (h) => (
              <>
                {t("profile.history.by", { when: format.moment(h.at), name: h.by || t("profile.history.someone") })}
                <div className="muted">
                  <SourceText source={h.source} />
                </div>
              </>
            ),
          },
          {
            header: t("profile.history.answer"),
            cell: (h) => (
              <>
                <span className={`badge ${h.kind === "confirmed" ? "ok" : "info"}`}>
                  {h.kind === "confirmed" ? t("profile.history.confirmed") : t("profile.history.changed")}
                </span>{" "}
                {h.answer}
              </>
            ),
          },
        ]}
      />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "#app/components/error-boundary";
