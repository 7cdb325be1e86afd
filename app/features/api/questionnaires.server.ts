import type { z } from "zod";
import { listSendableTemplates } from "#app/features/questionnaires/questionnaire-import.server";
import type { ApiCaller } from "./auth.server";
import { problem } from "./http.server";
import type { QuestionnaireList } from "./schemas";

/** The questionnaires procurement's send form offers, for a procurement organisation's token. */
export async function listQuestionnaires(caller: ApiCaller): Promise<z.input<typeof QuestionnaireList>> {
  if (caller.role !== "procurement")
    throw problem("forbidden", "Only a procurement organisation's token sends questionnaires.");
  return {
    items: (await listSendableTemplates()).map((t) => ({
      id: t.id,
      title: t.title,
      version: t.versionTag,
      languages: t.languages,
      requirementIds: t.coveredRequirementIds,
    })),
  };
}
