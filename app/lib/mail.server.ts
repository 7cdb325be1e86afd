import nodemailer from "nodemailer";
import { z } from "zod";
import { Outbox, type OutboxData, type OutboxStatus } from "#models/outbox.server";
import { envVariable, getEnv } from "./env.server";

export { listOutbox, type OutboxRow } from "#models/outbox.server";

/**
 * Outgoing e-mail. Every message gets an outbox row (models/outbox.server.ts);
 * with SMTP_URL set it is also sent through that server.
 *
 * Development mode (no SMTP_URL): the message is not sent. The server log gets
 * one line with the recipient, the subject and the links in the text, and the
 * full message stays in the outbox for admins. For an invitation that link
 * carries the invitation token: in development the link IS the message, so it
 * is deliberately printed. Nothing else secret is ever logged (no SMTP
 * credentials, no other tokens).
 *
 * Mail being down never fails a user action: sendMail resolves with status
 * "failed" and the reason instead of throwing. Invalid input (a bug in the
 * caller) still throws.
 */

const DEFAULT_FROM = "Flowdown <no-reply@flowdown.local>";

const MailInput = z.object({
  to: z.email(),
  subject: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .refine((s) => !/[\r\n]/.test(s), "A subject is one line"),
  text: z.string().min(1).max(200_000),
  html: z.string().max(1_000_000).optional(),
  kind: z.string().regex(/^[a-z][a-z0-9_.-]{0,39}$/, "kind is a short lower-case name such as 'invitation'"),
  relatedType: z.string().min(1).max(40).optional(),
  relatedId: z.string().min(1).max(100).optional(),
});
export type MailInput = z.input<typeof MailInput>;

/**
 * Unset: log only. Malformed: start-up refuses it, but should it change under a
 * running process every send is recorded as failed with the reason, never thrown.
 */
function smtpSetting(): { url: string } | { error: string } | null {
  const smtp = envVariable("SMTP_URL");
  if (!smtp.success) return { error: smtp.message };
  return smtp.data === undefined ? null : { url: smtp.data };
}

export type MailResult =
  | { id: string; status: "sent"; messageId: string }
  | { id: string; status: "logged" }
  | { id: string; status: "failed"; error: string };

export async function sendMail(input: MailInput): Promise<MailResult> {
  const mail = MailInput.parse(input);
  const smtp = smtpSetting();
  const row = await Outbox.create({
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html ?? null,
    kind: mail.kind,
    relatedType: mail.relatedType ?? null,
    relatedId: mail.relatedId ?? null,
    status: smtp ? "queued" : "logged",
  });
  const id = String(row._id);

  if (!smtp) {
    const links = mail.text.match(/https?:\/\/[^\s<>"')\]]+/g) ?? [];
    console.info(
      `[mail] not sent (SMTP_URL is not set): ${mail.kind} to ${mail.to}, "${mail.subject}"${links.length ? ` ${links.join(" ")}` : ""}`,
    );
    return { id, status: "logged" };
  }

  if ("error" in smtp) return fail(id, mail, smtp.error);
  try {
    const info = await deliver(smtp.url, mail);
    // The recipient has the message now; keep no usable token in the database copy.
    await settle(id, {
      status: "sent",
      messageId: info.messageId,
      sentAt: new Date(),
      text: redactTokens(mail.text),
      html: mail.html ? redactTokens(mail.html) : null,
    });
    return { id, status: "sent", messageId: info.messageId };
  } catch (error) {
    return fail(id, mail, describeError(error, smtp.url));
  }
}

async function deliver(smtpUrl: string, mail: z.output<typeof MailInput>) {
  // Short timeouts: the user's request waits for this (nodemailer's default is 2 minutes).
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  try {
    return await transport.sendMail({
      from: getEnv().MAIL_FROM ?? DEFAULT_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      ...(mail.html ? { html: mail.html } : {}),
    });
  } finally {
    transport.close();
  }
}

async function fail(id: string, mail: { kind: string; to: string }, error: string): Promise<MailResult> {
  console.warn(`[mail] could not send ${mail.kind} to ${mail.to}: ${error}`);
  await settle(id, { status: "failed", error });
  return { id, status: "failed", error };
}

/** Records the outcome; a database hiccup here must not turn a sent mail into an error the caller would retry. */
async function settle(id: string, update: Partial<OutboxData> & { status: OutboxStatus }) {
  try {
    await Outbox.updateOne({ _id: id }, { $set: update });
  } catch (error) {
    console.error(
      `[mail] could not record the outcome (${update.status}) of outbox row ${id}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Long random-looking runs in links (invitation tokens are 43 characters). */
function redactTokens(s: string): string {
  return s.replace(/https?:\/\/[^\s<>"']+/g, (link) => link.replace(/[A-Za-z0-9_-]{32,}/g, "[redacted]"));
}

/** One line, without the SMTP user name or password, whatever the library put in its message. */
function describeError(error: unknown, smtpUrl: string): string {
  let message = error instanceof Error ? error.message : String(error);
  const secrets: string[] = [];
  try {
    const { username, password } = new URL(smtpUrl);
    for (const s of [username, password]) if (s) secrets.push(s, decodeURIComponent(s));
  } catch {
    // not parseable: nothing specific to hide, the generic mask below still applies
  }
  for (const s of secrets.filter((x) => x.length >= 3)) message = message.split(s).join("****");
  message = message
    .replace(/(smtps?:\/\/)[^@\s/]*@/gi, "$1****@")
    .replace(/\s+/g, " ")
    .trim();
  return (message || "unknown error").slice(0, 500);
}
