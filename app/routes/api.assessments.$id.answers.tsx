import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getUser } from "#app/features/accounts/auth.server";
import { answerableAssessment, saveAnswerChanges } from "#app/features/assessments/autosave.server";

/** Autosave: JSON in, JSON out; never a redirect, so the page can tell the supplier what happened. */
const MAX_BODY = 2 * 1024 * 1024;

const SaveSchema = z
  .object({
    baseRevision: z.number().int().min(0),
    changes: z
      .record(z.string().max(200), z.unknown())
      .refine((c) => Object.keys(c).length > 0 && Object.keys(c).length <= 500, "A save carries 1 to 500 answers"),
  })
  .strict();

function json(body: unknown, status = 200) {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

export async function loader() {
  return json({ error: "Use POST." }, 405);
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return json({ error: "Use POST." }, 405);
  const user = await getUser(request);
  if (!user)
    return json(
      { error: "Your session has ended. Sign in again in another tab; your unsaved answers stay in this page." },
      401,
    );
  if (user.role !== "supplier") return json({ error: "Only the supplier answers the questionnaire." }, 403);
  const assessment = await answerableAssessment(user, params.id ?? "");
  if (!assessment) return json({ error: "Not found" }, 404);

  const length = Number(request.headers.get("Content-Length") ?? "0");
  if (length > MAX_BODY) return json({ error: "This save is too large." }, 413);
  const text = await request.text();
  if (text.length > MAX_BODY) return json({ error: "This save is too large." }, 413);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return json({ error: "The save was not valid JSON." }, 400);
  }
  const parsed = SaveSchema.safeParse(body);
  if (!parsed.success) return json({ error: parsed.error.issues[0].message }, 400);

  const result = await saveAnswerChanges(user, assessment, parsed.data);
  switch (result.kind) {
    case "invalid":
      return json({ error: result.errors.join(" "), errors: result.errors }, 400);
    case "saved":
      return json({ revision: result.revision });
    case "closed":
      return json(
        { error: "This questionnaire has been submitted; answers can no longer change.", status: result.status },
        409,
      );
    case "conflict":
      return json(
        {
          error:
            "These answers were changed in another tab or by a colleague since you opened the page. Your last change was not saved; the newer answers are shown now.",
          conflict: true,
          revision: result.revision,
          answers: result.answers,
        },
        409,
      );
    case "missing":
      return json({ error: "Not found" }, 404);
  }
}
