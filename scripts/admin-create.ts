// `npm run admin:create -- --email you@example.com --name "Your Name" [--organisation "…"] [--country GB]`:
// the first administrator of an empty portal. Prints a one-time link where they set their own password;
// refused once an administrator exists. Exit code 0: link printed; 1: refused or failed; 2: usage error.
import { parseArgs } from "node:util";
import { databaseUri, errorMessage, jobOrigin, runDatabaseTask } from "./lib/database-task";

const USAGE = [
  'usage: npm run admin:create -- --email <address> --name "<full name>" [--organisation "<name>"] [--country <code>]',
  "  --email         the administrator's e-mail address (required)",
  "  --name          their name (required)",
  '  --organisation  the operator organisation, when none exists yet (default "Flowdown Operations")',
  "  --country       its ISO 3166-1 country code (default GB)",
  "No password is given here: the command prints a link where the administrator sets their own.",
].join("\n");

function usageError(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

if (process.argv.slice(2).some((a) => a === "--password" || a.startsWith("--password="))) {
  usageError("admin:create takes no password: the administrator chooses their own from the link it prints.");
}

let values: Record<string, string | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      organisation: { type: "string" },
      country: { type: "string" },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (error) {
  usageError(errorMessage(error));
}

// the use case loads the portal's modules (and their environment checks): parse the arguments first
const { FirstAdminSchema, createFirstAdministrator } = await import("#app/features/accounts/first-admin.server");
const parsed = FirstAdminSchema.safeParse(values);
if (!parsed.success) usageError(parsed.error.issues.map((i) => i.message).join("\n"));

const { isRefusal } = await import("#models/refusal");
const uri = databaseUri("admin:create");
await runDatabaseTask(
  uri,
  async () => {
    const origin = await jobOrigin();
    const result = await createFirstAdministrator(parsed.data, { origin });
    console.log(
      [
        `${result.organisationCreated ? "Created the operator organisation" : "Using the operator organisation"} "${result.organisation}".`,
        ...(result.replaced ? ["The link printed earlier no longer works: use this one."] : []),
        "",
        `${result.email} sets their password and signs in as the first administrator at:`,
        "",
        `  ${result.link}`,
        "",
        `The link works once and expires at ${result.expiresAt.toISOString()}. Keep it private: whoever`,
        "opens it first becomes the administrator. Running this command again replaces it.",
        ...(process.env.PUBLIC_URL
          ? []
          : [
              `(The address assumes the portal answers on ${origin}; set PUBLIC_URL when it does not,`,
              " or open /welcome/… on the portal's own address.)",
            ]),
      ].join("\n"),
    );
  },
  {
    failure: (error) =>
      isRefusal(error) ? error.message : `Could not create the administrator: ${errorMessage(error)}`,
  },
);
