import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { ACCESS_LEVELS, INFO_CLASSES } from "#models/agreement-enums";
import { FormError, SelectField } from "#app/components/forms";
import { useT } from "#app/i18n/react";
import { DuplicateChoices, OrganizationFields, type DuplicateChoice } from "./organization-fields";
import type { DirectoryKind } from "./organization-input";

/** Where the dialogs post (app/routes/procurement.directory.tsx). */
export const DIRECTORY_ENDPOINT = "/procurement/directory";

export interface AddedOrganization {
  id: string;
  kind: DirectoryKind;
  name: string;
  country: string;
  service: string;
  contactEmail: string;
}

type Reply =
  | { ok: true; organization: AddedOrganization; message: string; addedToChain: boolean }
  | { ok: false; duplicates?: DuplicateChoice[]; message?: string; errors?: Record<string, string[]> };

/**
 * "Add a new supplier" / "Add a disclosing party" without leaving the page:
 * a button that opens a dialog with the organisation's fields, posted by a
 * fetcher (the page's own form and what is typed in it stay as they are).
 * The portal may already know the organisation: the dialog then offers the
 * existing one. With `agreementId` the supplier also joins that agreement's
 * chain at tier 1. `onAdded` gets the organisation to select it.
 */
export function AddOrganizationDialog({
  kind,
  label,
  title,
  agreementId,
  onAdded,
  fallbackHref,
}: {
  kind: DirectoryKind;
  label: string;
  title: string;
  agreementId?: string;
  onAdded: (org: AddedOrganization, message: string) => void;
  /** the full page to add one, for a browser that has not loaded the page's scripts yet */
  fallbackHref: string;
}) {
  const t = useT();
  const fetcher = useFetcher<Reply>();
  const [open, setOpen] = useState(false);
  const [round, setRound] = useState(0);
  const dialog = useRef<HTMLDialogElement>(null);
  const busy = fetcher.state !== "idle";
  const reply = fetcher.data;
  const handled = useRef<Reply | null>(null);

  useEffect(() => {
    if (open) dialog.current?.showModal();
  }, [open]);
  useEffect(() => {
    if (fetcher.state !== "idle" || !reply || handled.current === reply) return;
    handled.current = reply;
    if (reply.ok) {
      onAdded(reply.organization, reply.message);
      dialog.current?.close();
      setOpen(false);
      // a fresh, empty form next time
      setRound((r) => r + 1);
    }
  }, [fetcher.state, reply, onAdded]);

  const failed = reply && !reply.ok ? reply : null;
  const errors = failed?.errors ?? {};
  return (
    <>
      <a
        href={fallbackHref}
        className="button secondary small"
        role="button"
        onClick={(e) => {
          e.preventDefault();
          setOpen(true);
        }}
      >
        {label}
      </a>
      {open
        ? createPortal(
            <dialog
              ref={dialog}
              className="card directory-dialog"
              aria-labelledby={`add-${kind}-title`}
              onClose={() => setOpen(false)}
            >
              <fetcher.Form method="post" action={DIRECTORY_ENDPOINT} noValidate key={round}>
                <h2 id={`add-${kind}-title`}>{title}</h2>
                <input type="hidden" name="kind" value={kind} />
                {agreementId ? <input type="hidden" name="agreementId" value={agreementId} /> : null}
                <FormError messages={errors[""]} />
                <OrganizationFields kind={kind} values={{}} errors={errors} idPrefix={`dialog-${kind}-`} />
                {agreementId ? (
                  <>
                    <SelectField
                      label={t("directory.dialog.maxClass")}
                      errors={errors.maxClass}
                      selectProps={{ id: "dialog-maxClass", name: "maxClass", defaultValue: "confidential" }}
                    >
                      {INFO_CLASSES.map((c) => (
                        <option key={c} value={c}>
                          {t(`labels.class.${c}`)}
                        </option>
                      ))}
                    </SelectField>
                    <SelectField
                      label={t("directory.dialog.access")}
                      errors={errors.accessLevel}
                      selectProps={{ id: "dialog-accessLevel", name: "accessLevel", defaultValue: "read" }}
                    >
                      {ACCESS_LEVELS.map((a) => (
                        <option key={a} value={a}>
                          {t(`labels.access.${a}`)}
                        </option>
                      ))}
                    </SelectField>
                    <p className="small muted">{t("directory.dialog.chainNote")}</p>
                  </>
                ) : null}
                <div className="form-actions">
                  <button type="submit" disabled={busy}>
                    {busy ? t(agreementId ? "directory.dialog.addingAndRescoring" : "directory.adding") : title}
                  </button>{" "}
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => {
                      dialog.current?.close();
                      setOpen(false);
                    }}
                  >
                    {t("directory.cancel")}
                  </button>
                </div>
                {failed?.duplicates?.length ? (
                  <DuplicateChoices duplicates={failed.duplicates} message={failed.message ?? ""} busy={busy} />
                ) : null}
              </fetcher.Form>
            </dialog>,
            document.body,
          )
        : null}
    </>
  );
}
