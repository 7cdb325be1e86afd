import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getUser } from "#app/features/accounts/auth.server";
import { answerableAssessment, saveAnswerChanges } from "#app/features/assessments/autosave.server";
import { say, t } from "#app/i18n/messages.server";
import { fieldErrors } from "#app/lib/forms.server";

/** Autosave: JSON in, JSON out; never a redirect, so the page can tell the supplier what happened. */
const MAX_BODY = 2 * 1024 * 1024;

const SaveSchema = z
  .object({
    baseRevision: z.number().int().min(0),
    changes: z
      .record(z.string().max(200), z.unknown())
      .refine((c) => Object.keys(c).length > 0 && Object.keys(c).length <= 500, "supplier.api.saveSize"),
  })
  .strict();

function json(body: unknown, status = 200) {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

export async function loader() {
  return json({ error: t("supplier.api.usePost") }, 405);
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return json({ error: t("supplier.api.usePost") }, 405);
  const user = await getUser(request);
  if (!user) return json({ error: t("supplier.api.sessionEnded") }, 401);
  if (user.role !== "supplier") return json({ error: t("supplier.api.onlySupplierAnswers") }, 403);
  const assessment = await answerableAssessment(user, params.id ?? "");
  if (!assessment) return json({ error: t("supplier.api.notFound") }, 404);

  const length = Number(request.headers.get("Content-Length") ?? "0");
  if (length > MAX_BODY) return json({ error: t("supplier.api.saveTooLarge") }, 413);
  const text = await request.text();
  if (text.length > MAX_BODY) return json({ error: t("supplier.api.saveTooLarge") }, 413);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return json({ error: t("supplier.api.invalidJson") }, 400);
  }
  const parsed = SaveSchema.safeParse(body);
  if (!parsed.success) return json({ error: Object.values(fieldErrors(parsed.error))[0]?.[0] ?? "" }, 400);

  const result = await saveAnswerChanges(user, assessment, parsed.data);
  switch (result.kind) {
    case "invalid": {
      // the checks' messages, said in the supplier's language (a catalogue id or text as it is)
      const errors = result.errors.map((e) => say(e));
      return json({ error: errors.join(" "), errors }, 400);
    }
    case "saved":
      return json({ revision: result.revision });
    case "closed":
      return json({ error: t("supplier.api.closed"), status: result.status }, 409);
    case "conflict":
      return json(
        {
          error: t("supplier.api.conflict"),
          conflict: true,
          revision: result.revision,
          answers: result.answers,
        },
        409,
      );
    case "missing":
      return json({ error: t("supplier.api.notFound") }, 404);
  }
}
