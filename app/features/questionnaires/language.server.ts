import { User } from "#models/user.server";
import { isLanguageCode, negotiateLanguage, type LanguageCode } from "#questionnaires/languages";

/**
 * The language a user reads questionnaires in, always one the questionnaire
 * offers: the one they chose inside a questionnaire (kept on their account,
 * so it follows them to other devices), else their portal language (chosen
 * on the account page), else the best match for the browser's Accept-Language.
 */
export async function questionnaireLanguageFor(
  request: Request,
  userId: string,
  available: readonly string[],
): Promise<string> {
  const user = await User.findById(userId, { questionnaireLanguage: 1, language: 1 }).lean();
  for (const chosen of [user?.questionnaireLanguage, user?.language])
    if (chosen && available.includes(chosen)) return chosen;
  return negotiateLanguage(request.headers.get("Accept-Language"), available);
}

export async function saveQuestionnaireLanguage(userId: string, language: LanguageCode): Promise<void> {
  if (!isLanguageCode(language)) throw new Error(`Unknown language ${String(language)}`);
  await User.updateOne({ _id: userId }, { $set: { questionnaireLanguage: language } });
}
