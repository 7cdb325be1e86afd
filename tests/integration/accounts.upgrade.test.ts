import mongoose from "mongoose";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "#tests/setup/database";

/**
 * A database written before organisations were managed in the portal:
 * organisations without duplicate keys, users without a team role. The
 * first start of the new version brings it up to date, once.
 */
setupTestDatabase();

const { upgradeAccounts, needsFirstAdministrator } = await import("#app/features/accounts/account-upgrade.server");
const { Organization, findDuplicateOrganizations } = await import("#models/organization.server");
const { User } = await import("#models/user.server");

describe("upgrading an existing database", () => {
  it("keys every organisation for duplicate detection and gives each team its earliest user as administrator, once", async () => {
    const db = mongoose.connection.db!;
    const supplierId = new mongoose.Types.ObjectId();
    const emptyId = new mongoose.Types.ObjectId();
    // as the previous version wrote them: no nameKey, no teamAdmin, no active flag
    await db.collection("organizations").insertMany([
      { _id: supplierId, slug: "old-supplier", name: "Old Supplier GmbH", kind: "supplier", country: "DE" },
      { _id: emptyId, slug: "no-users", name: "Nobody Here Ltd", kind: "supplier", country: "GB" },
    ]);
    const first = new mongoose.Types.ObjectId();
    const second = new mongoose.Types.ObjectId();
    await db.collection("users").insertMany([
      {
        _id: second,
        email: "later@old.example",
        name: "Later",
        role: "supplier",
        orgId: supplierId,
        passwordHash: "x",
        createdAt: new Date("2026-03-01"),
      },
      {
        _id: first,
        email: "first@old.example",
        name: "First",
        role: "supplier",
        orgId: supplierId,
        passwordHash: "x",
        createdAt: new Date("2026-01-01"),
      },
    ]);
    expect(await findDuplicateOrganizations({ name: "old supplier", country: "DE" })).toHaveLength(0);

    expect(await upgradeAccounts()).toEqual({ keyed: 2, teamAdmins: 1 });
    expect((await User.findById(first).lean())!.teamAdmin).toBe(true);
    expect((await User.findById(second).lean())!.teamAdmin ?? false).toBe(false);
    const found = await findDuplicateOrganizations({ name: "old supplier", country: "DE" });
    expect(found.map((o) => o.name)).toEqual(["Old Supplier GmbH"]);

    // a second start changes nothing, even after someone's team role was withdrawn
    await User.updateOne({ _id: first }, { $set: { teamAdmin: false } });
    expect(await upgradeAccounts()).toEqual({ keyed: 0, teamAdmins: 0 });
    expect((await User.findById(first).lean())!.teamAdmin).toBe(false);
  });

  it("asks for a first administrator until an active one exists", async () => {
    expect(await needsFirstAdministrator()).toBe(true);
    const operator = await Organization.create({ slug: "ops-upgrade", name: "Ops", kind: "operator", country: "GB" });
    const admin = await User.create({
      email: "admin@upgrade.example",
      name: "Admin",
      role: "admin",
      orgId: operator._id,
      passwordHash: "x",
    });
    expect(await needsFirstAdministrator()).toBe(false);
    await User.updateOne({ _id: admin._id }, { $set: { active: false } });
    expect(await needsFirstAdministrator()).toBe(true);
  });
});
