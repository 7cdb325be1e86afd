import mongoose from "mongoose";
import crypto from "node:crypto";
import nodemailer from "nodemailer";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { startSmtpServer, type SmtpFixture } from "#tests/fixtures/smtp";
import { freePort } from "../../scripts/lib/embedded-db.mjs";

setupTestDatabase();

const { sendMail, listOutbox } = await import("#app/lib/mail.server");
const { Outbox } = await import("#models/outbox.server");

let smtp: SmtpFixture;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp.stop());

const savedEnv = { SMTP_URL: process.env.SMTP_URL, MAIL_FROM: process.env.MAIL_FROM };
const created: string[] = [];
afterEach(async () => {
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  vi.restoreAllMocks();
  await Outbox.deleteMany({ _id: mongoose.trusted({ $in: created.splice(0) }) });
});

function invitation() {
  const token = crypto.randomBytes(32).toString("base64url");
  const tag = crypto.randomBytes(4).toString("hex");
  return {
    token,
    input: {
      to: `anna.${tag}@supplier.example`,
      subject: `Sicherheitsfragebogen – Müller GmbH (AGR-${tag})`,
      text: `Please complete the questionnaire.\n\nOpen it: https://portal.example/invite/${token}\n\nDue on 2026-12-01.`,
      html: `<p>Please complete the questionnaire: <a href="https://portal.example/invite/${token}">open it</a></p>`,
      kind: "invitation",
      relatedType: "assessment",
      relatedId: tag,
    },
  };
}

async function send(input: Parameters<typeof sendMail>[0]) {
  const result = await sendMail(input);
  created.push(result.id);
  return result;
}

describe("sendMail with SMTP_URL", () => {
  it("delivers the message through the SMTP server and records it as sent, without the token in the stored copy", async () => {
    process.env.SMTP_URL = smtp.url;
    process.env.MAIL_FROM = "Flowdown Test <portal@flowdown.test>";
    const { token, input } = invitation();

    const result = await send(input);

    expect(result.status).toBe("sent");
    const message = await smtp.waitForMessage((m) => m.envelopeTo.includes(input.to));
    expect(message.envelopeFrom).toBe("portal@flowdown.test");
    expect(message.headers.to).toContain(input.to);
    expect(message.headers.from).toContain("portal@flowdown.test");
    expect(message.subject).toBe(input.subject);
    expect(message.text).toContain(`Open it: https://portal.example/invite/${token}`);
    expect(message.html).toContain(`href="https://portal.example/invite/${token}"`);

    const row = await Outbox.findById(result.id).lean();
    expect(row).toMatchObject({
      to: input.to,
      subject: input.subject,
      kind: "invitation",
      relatedType: "assessment",
      relatedId: input.relatedId,
      status: "sent",
      error: null,
    });
    expect(row!.sentAt).toBeInstanceOf(Date);
    expect(row!.messageId).toBe(result.status === "sent" ? result.messageId : "?");
    expect(row!.text).toContain("https://portal.example/invite/[redacted]");
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it("records a failure, without the SMTP password, and resolves instead of throwing when the server cannot be reached", async () => {
    const port = await freePort();
    process.env.SMTP_URL = `smtp://mailer:s3cret-pw@127.0.0.1:${port}`;
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { input } = invitation();

    const result = await send(input);

    expect(result.status).toBe("failed");
    const error = result.status === "failed" ? result.error : "";
    expect(error).toMatch(/ECONNREFUSED/);
    const row = await Outbox.findById(result.id).lean();
    expect(row).toMatchObject({ status: "failed", error, sentAt: null, messageId: null });
    expect(JSON.stringify(row)).not.toContain("s3cret-pw");
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).not.toContain("s3cret-pw");
  });

  it("treats a malformed SMTP_URL as a failed send, not an exception", async () => {
    process.env.SMTP_URL = "http://mail.example";
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const result = await send(invitation().input);
    expect(result).toMatchObject({ status: "failed", error: "SMTP_URL must start with smtp:// or smtps://" });
    expect((await Outbox.findById(result.id).lean())?.status).toBe("failed");
  });
});

describe("sendMail without SMTP_URL (development)", () => {
  it("sends nothing, keeps the whole message in the outbox as logged, and logs one line with recipient, subject and link only", async () => {
    delete process.env.SMTP_URL;
    const transport = vi.spyOn(nodemailer, "createTransport");
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    const { token, input } = invitation();
    const received = smtp.messages.length;

    const result = await send(input);

    expect(result.status).toBe("logged");
    expect(transport).not.toHaveBeenCalled();
    expect(smtp.messages.length).toBe(received);
    const row = await Outbox.findById(result.id).lean();
    expect(row).toMatchObject({ status: "logged", text: input.text, html: input.html, sentAt: null, error: null });
    expect(info).toHaveBeenCalledTimes(1);
    const line = String(info.mock.calls[0][0]);
    expect(line).not.toContain("\n");
    expect(line).toContain(input.to);
    expect(line).toContain(input.subject);
    expect(line).toContain(`https://portal.example/invite/${token}`);
    expect(line).not.toContain("Please complete");
  });

  it("refuses malformed input (a caller's bug) before writing anything", async () => {
    delete process.env.SMTP_URL;
    const { input } = invitation();
    await expect(sendMail({ ...input, subject: "Hi\r\nBcc: victim@example.test" })).rejects.toThrow(/one line/);
    await expect(sendMail({ ...input, to: "not an address" })).rejects.toThrow();
    expect(await Outbox.countDocuments({ relatedId: input.relatedId })).toBe(0);
  });
});

describe("listOutbox", () => {
  it("lists newest first and pages with the id of the last row shown", async () => {
    delete process.env.SMTP_URL;
    vi.spyOn(console, "info").mockImplementation(() => {});
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push((await send({ ...invitation().input, subject: `Reminder ${i}`, kind: "reminder" })).id);

    const first = await listOutbox({ limit: 2 });
    expect(first.map((r) => r.id)).toEqual([ids[2], ids[1]]);
    expect(first[0]).toMatchObject({ subject: "Reminder 2", kind: "reminder", status: "logged" });
    const second = await listOutbox({ limit: 2, before: first[1].id });
    expect(second.map((r) => r.id)).toEqual([ids[0]]);
    expect(await listOutbox({ limit: 2, before: "not-an-id" })).toEqual([]);
  });
});
