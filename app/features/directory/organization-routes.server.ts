import { data, redirect } from "@remix-run/node";
import type { CurrentUser } from "#app/features/accounts/auth.server";
import { refusalResponse } from "#app/lib/refusal.server";
import { addOrPick, formStrings } from "./inline-add.server";
import type { DirectoryKind } from "./organization-input";
import { saveOrganizationEdit } from "./organizations.server";

/**
 * The action of a directory list's "add" page: adds the organisation (or picks the one the portal knows),
 * answers 409 with the look-alikes to choose from, then goes back to `listHref` with a flash.
 */
export async function addOrganizationAction(
  user: CurrentUser,
  kind: DirectoryKind,
  request: Request,
  listHref: string,
) {
  const values = formStrings(await request.formData());
  try {
    const outcome = await addOrPick(user, kind, values, request);
    if (outcome.kind === "duplicates")
      return data({ values, errors: {}, duplicates: outcome.duplicates, message: outcome.message }, { status: 409 });
    const flash = new URLSearchParams({
      [outcome.kind === "created" ? "added" : outcome.kind]: "1",
      name: outcome.organization.name,
    });
    return redirect(`${listHref}?${flash}`);
  } catch (error) {
    return refusalResponse(error, { values });
  }
}

/** The action of a directory list's "edit" page: saves, then goes back to `listHref` with a flash. */
export async function editOrganizationAction(
  user: CurrentUser,
  kind: DirectoryKind,
  id: string | undefined,
  request: Request,
  listHref: string,
) {
  const values = formStrings(await request.formData());
  try {
    const saved = await saveOrganizationEdit(user, kind, id, values, request);
    return redirect(`${listHref}?${new URLSearchParams({ saved: "1", name: saved.name })}`);
  } catch (error) {
    return refusalResponse(error, { values });
  }
}
