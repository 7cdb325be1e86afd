import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";
import { createOrg, createUser, formRequest, getRequest, sessionCookie } from "#tests/fixtures/factories";
import { createAgreement, createAgreementParties } from "#tests/fixtures/agreements";
import { replyOf, thrown } from "#tests/helpers/responses";

setupTestDatabase();

const { action: newSupplier } = await import("#app/routes/_portal.procurement.suppliers.new");
const { loader: editLoader, action: editSupplier } = await import("#app/routes/_portal.procurement.suppliers.$id.edit");
const { loader: supplierList } = await import("#app/routes/_portal.procurement.suppliers._index");
const { loader: importLoader, action: importAction } = await import("#app/routes/_portal.procurement.suppliers.import");
const { action: newDiscloser } = await import("#app/routes/_portal.procurement.disclosing-parties.new");
const { loader: discloserList } = await import("#app/routes/_portal.procurement.disclosing-parties._index");
const { action: dialogAction } = await import("#app/routes/procurement.directory");
const { loader: newAgreementLoader } = await import("#app/routes/_portal.procurement.agreements.new");
const { Organization } = await import("#models/organization.server");
const { Agreement } = await import("#models/agreement.server");
const { AuditEvent } = await import("#models/audit-event.server");
const { SupplierImport } = await import("#models/supplier-import.server");

/** A recipient with a procurement user, signed in. */
async function recipient() {
  const org = await createOrg({ kind: "recipient", country: "GB" });
  const user = await createUser("procurement", { orgId: String(org._id) });
  return { orgId: String(org._id), cookie: await sessionCookie(String(user.user._id)) };
}

const unique = () => Math.random().toString(36).slice(2, 8);
const call =
  <T>(fn: (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => T) =>
  (request: Request, params: Record<string, string> = {}) =>
    fn({ request, params, context: {} });

function post(url: string, fields: Record<string, string>, cookie: string) {
  const r = formRequest(url, fields, cookie);
  r.headers.set("Origin", "http://localhost");
  return r;
}

function upload(cookie: string, content: string | Blob, fileName = "suppliers.csv") {
  const form = new FormData();
  form.append("file", content instanceof Blob ? content : new Blob([content], { type: "text/csv" }), fileName);
  return new Request("http://localhost/procurement/suppliers/import", {
    method: "POST",
    body: form,
    headers: { Cookie: cookie },
  });
}

async function suppliersOf(cookie: string) {
  const page = await call(supplierList)(getRequest("/procurement/suppliers", cookie));
  return page.suppliers.map((s) => s.name);
}

describe("adding a supplier", () => {
  it("creates it in the recipient's directory, audits it, and lists it for that recipient only", async () => {
    const a = await recipient();
    const b = await recipient();
    const name = `Nordlicht Hosting ${unique()} GmbH`;
    const res = await call(newSupplier)(
      post(
        "/procurement/suppliers/new",
        {
          name,
          country: "DE",
          registrationNumber: `HRB ${unique()}`,
          contactEmail: "Security@Nordlicht.example",
          service: "Cloud hosting",
        },
        a.cookie,
      ),
    );
    expect(res).toRedirectTo(/^\/procurement\/suppliers\?added=1&name=/);
    const stored = await Organization.findOne({ name }).lean();
    expect(stored).toMatchObject({ kind: "supplier", country: "DE", contactEmail: "security@nordlicht.example" });
    expect(stored!.managedBy.map(String)).toEqual([a.orgId]);
    expect(await AuditEvent.countDocuments({ action: "organization.create", targetId: String(stored!._id) })).toBe(1);
    expect(await suppliersOf(a.cookie)).toContain(name);
    expect(await suppliersOf(b.cookie)).not.toContain(name);
  });

  it("refuses bad input beside the fields, keeps what was typed, and stores nothing", async () => {
    const a = await recipient();
    const before = await Organization.countDocuments();
    const res = await call(newSupplier)(
      post(
        "/procurement/suppliers/new",
        { name: "x".repeat(201), country: "Atlantis", contactEmail: "not-an-address", service: "=HYPERLINK(1)" },
        a.cookie,
      ),
    );
    expect(res).toBeRefused("name", "At most 200 characters");
    expect(res).toBeRefused("country", /Unknown country "Atlantis"/);
    expect(res).toBeRefused("contactEmail", /valid e-mail/);
    expect(res).toBeRefused("service", /spreadsheet formula/);
    expect(replyOf(res).data.values.contactEmail).toBe("not-an-address");
    expect(await Organization.countDocuments()).toBe(before);
  });
});

describe("duplicates", () => {
  it("by registration number and country: shows the existing supplier, and picking it links it without changing it", async () => {
    const a = await recipient();
    const b = await recipient();
    const existing = await Organization.create({
      slug: `nordic-${unique()}`,
      name: `Nordic Data ${unique()} OÜ`,
      kind: "supplier",
      country: "EE",
      registrationNumber: "EE-1234 5678",
      contactEmail: "b-contact@nordic.example",
      managedBy: [b.orgId],
    });
    const typed = {
      name: `Some other name ${unique()}`,
      country: "EE",
      registrationNumber: "ee12345678",
      contactEmail: "a-contact@nordic.example",
      service: "Analytics",
    };
    const before = await Organization.countDocuments();
    const shown = await call(newSupplier)(post("/procurement/suppliers/new", typed, a.cookie));
    expect(shown).toHaveStatus(409);
    const duplicates = (replyOf(shown).data as unknown as { duplicates: { id: string; matchedOn: string }[] })
      .duplicates;
    expect(duplicates).toEqual([expect.objectContaining({ id: String(existing._id), matchedOn: "registration" })]);
    expect(await Organization.countDocuments()).toBe(before);

    const used = await call(newSupplier)(
      post("/procurement/suppliers/new", { ...typed, useOrgId: String(existing._id) }, a.cookie),
    );
    expect(used).toRedirectTo(/linked=1/);
    const after = (await Organization.findById(existing._id).lean())!;
    expect(after.managedBy.map(String).sort()).toEqual([a.orgId, b.orgId].sort());
    // B's record is as B left it
    expect(after).toMatchObject({ name: existing.name, contactEmail: "b-contact@nordic.example" });
    expect(await Organization.countDocuments()).toBe(before);
    expect(await AuditEvent.countDocuments({ action: "organization.link", targetId: String(existing._id) })).toBe(1);
    expect(await suppliersOf(a.cookie)).toContain(existing.name);
  });

  it("by normalised name, in any country", async () => {
    const a = await recipient();
    const b = await recipient();
    const word = `Baltic${unique()}`;
    const existing = await createOrg({ name: `${word} Cloud Hosting OÜ`, country: "EE", managedBy: [b.orgId] });
    const shown = await call(newSupplier)(
      post("/procurement/suppliers/new", { name: `${word.toUpperCase()}-CLOUD HOSTING, OÜ`, country: "FI" }, a.cookie),
    );
    expect(shown).toHaveStatus(409);
    expect(replyOf(shown).data).toMatchObject({
      duplicates: [expect.objectContaining({ id: String(existing._id), matchedOn: "name", usable: true })],
    });
  });

  it("refuses to link an organisation that does not match what was typed, or one of another kind", async () => {
    const a = await recipient();
    const stranger = await createOrg({ name: `Unrelated ${unique()}`, country: "FR" });
    const guessed = await call(newSupplier)(
      post(
        "/procurement/suppliers/new",
        { name: `Something ${unique()}`, country: "FR", useOrgId: String(stranger._id) },
        a.cookie,
      ),
    );
    expect(guessed).toBeRefused(/does not match/);
    expect((await Organization.findById(stranger._id).lean())!.managedBy).toEqual([]);

    const discloser = await createOrg({ kind: "discloser", name: `Helvion ${unique()} AG`, country: "CH" });
    const asSupplier = { name: discloser.name, country: "CH" };
    const shown = await call(newSupplier)(post("/procurement/suppliers/new", asSupplier, a.cookie));
    expect(shown).toHaveStatus(409);
    expect(replyOf(shown).data).toMatchObject({
      message: expect.stringMatching(/cannot be added.*disclosing party/),
      duplicates: [expect.objectContaining({ usable: false })],
    });
    const forced = await call(newSupplier)(
      post("/procurement/suppliers/new", { ...asSupplier, useOrgId: String(discloser._id) }, a.cookie),
    );
    expect(forced).toBeRefused(/cannot be used: it is registered in the portal as disclosing party/);
    expect((await Organization.findById(discloser._id).lean())!.managedBy).toEqual([]);
  });
});

describe("editing a supplier", () => {
  it("saves the recipient's own supplier; another recipient gets a 404 for it", async () => {
    const a = await recipient();
    const b = await recipient();
    const mine = await createOrg({ name: `Mine ${unique()}`, country: "DE", managedBy: [a.orgId] });
    const id = String(mine._id);
    const form = await call(editLoader)(getRequest(`/procurement/suppliers/${id}/edit`, a.cookie), { id });
    expect(form).toMatchObject({ shared: false, values: { name: mine.name, country: "DE" } });
    const saved = await call(editSupplier)(
      post(
        `/procurement/suppliers/${id}/edit`,
        { name: `${mine.name} GmbH`, country: "AT", registrationNumber: "FN 1", contactEmail: "", service: "Support" },
        a.cookie,
      ),
      { id },
    );
    expect(saved).toRedirectTo(/saved=1/);
    expect(await Organization.findById(id).lean()).toMatchObject({ name: `${mine.name} GmbH`, country: "AT" });
    expect(await AuditEvent.countDocuments({ action: "organization.update", targetId: id })).toBe(1);

    expect(
      (await thrown(call(editLoader)(getRequest(`/procurement/suppliers/${id}/edit`, b.cookie), { id }))).status,
    ).toBe(404);
    const foreign = await thrown(
      call(editSupplier)(post(`/procurement/suppliers/${id}/edit`, { name: "Hijacked", country: "DE" }, b.cookie), {
        id,
      }),
    );
    expect(foreign.status).toBe(404);
    expect((await Organization.findById(id).lean())!.name).toBe(`${mine.name} GmbH`);
  });

  it("refuses to change a supplier other recipients work with too, and a change that makes a duplicate", async () => {
    const a = await recipient();
    const b = await recipient();
    const shared = await createOrg({ name: `Shared ${unique()}`, managedBy: [a.orgId, b.orgId] });
    const id = String(shared._id);
    const refused = await call(editSupplier)(
      post(`/procurement/suppliers/${id}/edit`, { name: "Renamed", country: "DE" }, a.cookie),
      { id },
    );
    expect(refused).toBeRefused(/Other recipients also work with this supplier/);
    expect((await Organization.findById(id).lean())!.name).toBe(shared.name);

    const other = await createOrg({ name: `Taken ${unique()}` });
    const mine = await createOrg({ name: `Mine ${unique()}`, managedBy: [a.orgId] });
    const clash = await call(editSupplier)(
      post(`/procurement/suppliers/${mine._id}/edit`, { name: other.name.toLowerCase(), country: "DE" }, a.cookie),
      { id: String(mine._id) },
    );
    expect(clash).toBeRefused("name", /already has an organisation with this name/);
  });
});

describe("disclosing parties", () => {
  it("procurement adds one; the agreement form offers only its own disclosing parties", async () => {
    const p = await createAgreementParties();
    const cookie = await sessionCookie(String(p.procurement.user._id));
    const notMine = await createOrg({ kind: "discloser", name: `Elsewhere ${unique()} SA`, country: "FR" });
    const name = `Kiruna Optics ${unique()} AB`;
    const res = await call(newDiscloser)(
      post(
        "/procurement/disclosing-parties/new",
        { name, legalName: `${name} (publ)`, country: "Sweden", registrationNumber: "556000-1234" },
        cookie,
      ),
    );
    expect(res).toRedirectTo(/^\/procurement\/disclosing-parties\?added=1/);
    const stored = (await Organization.findOne({ name }).lean())!;
    expect(stored).toMatchObject({ kind: "discloser", country: "SE", legalName: `${name} (publ)` });
    expect(stored.managedBy.map(String)).toEqual([String(p.recipient._id)]);
    const list = await call(discloserList)(getRequest("/procurement/disclosing-parties", cookie));
    expect(list.disclosers.map((d) => d.name)).toContain(name);

    const form = await call(newAgreementLoader)(getRequest("/procurement/agreements/new", cookie));
    const offered = form.disclosers.map((d) => d.id);
    expect(offered).toContain(String(stored._id));
    expect(offered).toContain(String(p.discloser._id));
    expect(offered).not.toContain(String(notMine._id));
  });
});

describe("the dialogs on the agreement form and the send form", () => {
  it("adds a supplier and answers with it, or with the duplicates to pick from", async () => {
    const a = await recipient();
    const name = `Dialog Supplier ${unique()}`;
    const added = await call(dialogAction)(
      post(
        "/procurement/directory",
        { kind: "supplier", name, country: "NL", contactEmail: "ops@dialog.example", service: "Testing" },
        a.cookie,
      ),
    );
    expect(added).toMatchObject({
      ok: true,
      organization: { name, country: "NL", contactEmail: "ops@dialog.example" },
    });
    const again = await call(dialogAction)(
      post("/procurement/directory", { kind: "supplier", name, country: "NL" }, a.cookie),
    );
    expect(again).toHaveStatus(409);
    expect(replyOf(again).data).toMatchObject({ ok: false, duplicates: [expect.objectContaining({ yours: true })] });
  });

  it("adds a new supplier to an agreement's chain at tier 1 through the agreement's editing, with a new revision", async () => {
    const p = await createAgreementParties();
    const agreement = await createAgreement(p);
    const cookie = await sessionCookie(String(p.procurement.user._id));
    const name = `Chain Newcomer ${unique()}`;
    const res = await call(dialogAction)(
      post(
        "/procurement/directory",
        {
          kind: "supplier",
          name,
          country: "DE",
          contactEmail: "new@chain.example",
          agreementId: String(agreement._id),
          maxClass: "internal",
          accessLevel: "read",
        },
        cookie,
      ),
    );
    expect(res).toMatchObject({ ok: true, addedToChain: true });
    const stored = (await Agreement.findById(agreement._id).lean())!;
    expect(stored.revision).toBe(agreement.revision + 1);
    const org = (await Organization.findOne({ name }).lean())!;
    expect(stored.chain.find((l) => String(l.supplierOrgId) === String(org._id))).toMatchObject({
      tier: 1,
      parentSupplierOrgId: null,
      maxClass: "internal",
      accessLevel: "read",
    });
    expect(stored.chain).toHaveLength(agreement.chain.length + 1);
    expect(await AuditEvent.countDocuments({ action: "agreement.update", targetId: String(agreement._id) })).toBe(1);

    // another recipient's procurement cannot put a supplier in this agreement's chain
    const b = await recipient();
    const foreign = await thrown(
      call(dialogAction)(
        post(
          "/procurement/directory",
          { kind: "supplier", name: `Intruder ${unique()}`, country: "DE", agreementId: String(agreement._id) },
          b.cookie,
        ),
      ),
    );
    expect(foreign.status).toBe(404);
    expect((await Agreement.findById(agreement._id).lean())!.revision).toBe(agreement.revision + 1);
  });
});

describe("importing suppliers from CSV", () => {
  it("previews per-row errors and duplicates, imports nothing unless told to skip the errors, then creates and links", async () => {
    const a = await recipient();
    const b = await recipient();
    const tag = unique();
    const known = await createOrg({ name: `Known ${tag} Ltd`, country: "GB", managedBy: [b.orgId] });
    const mine = await createOrg({ name: `Already Mine ${tag}`, country: "DE", managedBy: [a.orgId] });
    const discloser = await createOrg({ kind: "discloser", name: `Discloser ${tag} AG`, country: "CH" });
    const csv = [
      "name,country,registration_number,contact_email,service",
      `Fresh ${tag} GmbH,Germany,HRB 1,fresh@x.example,Hosting`,
      `"Quoted, ${tag} Oy",FI,,,"Backups ""cold"""`,
      `=HYPERLINK("http://evil.example"),DE,,,`,
      `Nowhere ${tag},Atlantis,,,`,
      `FRESH ${tag},DE,,,`,
      `Known ${tag},United Kingdom,,,`,
      `Already mine ${tag},DE,,,`,
      `Discloser ${tag},CH,,,`,
      `Bad Mail ${tag},DE,,nope,`,
    ].join("\r\n");
    const uploaded = await call(importAction)(upload(a.cookie, csv));
    expect(uploaded).toRedirectTo(/^\/procurement\/suppliers\/import\?import=[0-9a-f]{24}$/);
    const url = (uploaded as Response).headers.get("Location")!;
    const importId = url.split("=")[1];

    const { preview } = await call(importLoader)(getRequest(url, a.cookie));
    expect(preview!.rows.map((r) => [r.line, r.outcome])).toEqual([
      [2, "create"],
      [3, "create"],
      [4, "error"],
      [5, "error"],
      [6, "error"],
      [7, "link"],
      [8, "yours"],
      [9, "error"],
      [10, "error"],
    ]);
    const errorsOf = (line: number) => preview!.rows.find((r) => r.line === line)!.errors.join(" ");
    expect(errorsOf(4)).toMatch(/The name cell starts with "=".*formulas/);
    expect(errorsOf(5)).toMatch(/Unknown country "Atlantis"/);
    expect(errorsOf(6)).toMatch(/Repeats the supplier on line 2/);
    expect(errorsOf(9)).toMatch(/disclosing party/);
    expect(errorsOf(10)).toMatch(/contact_email: Enter a valid e-mail address/);
    expect(preview!.rows[1].cells.service).toBe('Backups "cold"');
    expect(preview!.counts).toEqual({ create: 2, link: 1, yours: 1, error: 5 });

    // another recipient cannot see or confirm it
    expect((await call(importLoader)(getRequest(url, b.cookie))).missing).toBe(true);
    const before = await Organization.countDocuments();
    expect(
      await call(importAction)(post(url, { intent: "confirm", importId, skipErrors: "on" }, b.cookie)),
    ).toBeRefused(/expired or was already confirmed/);

    // errors and no "skip": nothing happens
    expect(await call(importAction)(post(url, { intent: "confirm", importId }, a.cookie))).toBeRefused(
      /Nothing was imported: 5 rows have errors/,
    );
    expect(await Organization.countDocuments()).toBe(before);

    const done = await call(importAction)(post(url, { intent: "confirm", importId, skipErrors: "on" }, a.cookie));
    expect(done).toRedirectTo("/procurement/suppliers?imported=1&created=2&linkedCount=1&skipped=5&yours=1");
    expect(await Organization.countDocuments()).toBe(before + 2);
    const fresh = (await Organization.findOne({ name: `Fresh ${tag} GmbH` }).lean())!;
    expect(fresh).toMatchObject({ kind: "supplier", country: "DE", registrationNumber: "HRB 1", service: "Hosting" });
    expect(fresh.managedBy.map(String)).toEqual([a.orgId]);
    expect((await Organization.findById(known._id).lean())!.managedBy.map(String).sort()).toEqual(
      [a.orgId, b.orgId].sort(),
    );
    expect((await Organization.findById(mine._id).lean())!.managedBy.map(String)).toEqual([a.orgId]);
    expect((await Organization.findById(discloser._id).lean())!.managedBy).toEqual([]);
    expect(await Organization.countDocuments({ name: /HYPERLINK/ })).toBe(0);
    expect(await AuditEvent.countDocuments({ action: "supplier.import", targetId: importId })).toBe(1);

    // confirming twice does nothing more
    expect(
      await call(importAction)(post(url, { intent: "confirm", importId, skipErrors: "on" }, a.cookie)),
    ).toBeRefused(/expired or was already confirmed/);
    expect(await Organization.countDocuments()).toBe(before + 2);
  });

  it("refuses a file with a 10 MB line, an oversized file, or a wrong header, with a clear error and nothing stored", async () => {
    const a = await recipient();
    const before = await SupplierImport.countDocuments();
    const longLine = await call(importAction)(
      upload(a.cookie, new Blob([`name,country\n${"A".repeat(10 * 1024 * 1024)}\n`], { type: "text/csv" })),
    );
    expect(longLine).toBeRefused("file", /^Line 2 is longer than 2,000 characters/);

    const big = await call(importAction)(upload(a.cookie, `name,country\n${`${"Supplier name,DE\n".repeat(70_000)}`}`));
    expect(big).toBeRefused("file", "The file may be at most 1 MB.");

    const header = await call(importAction)(upload(a.cookie, "company,land\nAcme,DE\n"));
    expect(header).toBeRefused("file", /first row must name the columns/);

    const notCsv = await call(importAction)(upload(a.cookie, "name,country\nA,DE\n", "suppliers.xlsx"));
    expect(notCsv).toBeRefused("file", /Upload a .csv file/);
    expect(await SupplierImport.countDocuments()).toBe(before);
  });
});
