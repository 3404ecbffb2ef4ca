import { randomUUID } from "node:crypto";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { dataConfig } from "../config";
import { dynamo } from "../db/client";
import { tableKey } from "../db/lite";
import { organisationModel } from "../db/models/organisation";
import { db } from "../db/service";
import { decideVerification, getOrganisation } from "./organisations";

// A verification decision re-keys the organisation in the verification queue (gsi1): its write (organisations.ts
// `verificationWrite`, a lite patch with `composite`) must leave the item exactly as ElectroDB's patch with
// `.composite({ createdAt })` did, and return the same organisation.

const stored = async (orgId: string) =>
  (
    await dynamo().send(
      new GetCommand({
        TableName: dataConfig().TABLE_NAME,
        Key: tableKey(organisationModel, { orgId }),
        ConsistentRead: true,
      }),
    )
  ).Item!;

/** The stored item with its id in every key replaced, so two organisations' items compare. */
const anonymous = (item: Record<string, unknown>, orgId: string) =>
  JSON.parse(JSON.stringify(item).replaceAll(orgId.toLowerCase(), "ID").replaceAll(orgId, "ID"));

describe("a verification decision writes what ElectroDB's patch wrote", () => {
  it.each([
    ["verified", undefined],
    ["rejected", "Thiếu giấy phép"],
    ["suspended", "Vi phạm"],
  ] as const)("%s: the same stored item (queue keys included) and the same answer", async (decision, reason) => {
    const base = {
      kind: "enterprise" as const,
      name: { vi: "Công ty A" },
      sectors: ["electronics"],
      communeId: "c1",
      address: "1 đường A",
      verification: "pending" as const,
      createdAt: "2026-05-01T00:00:00.000Z",
      updatedAt: "2026-05-01T00:00:00.000Z",
      version: 3,
    };
    const [theirs, ours] = [randomUUID(), randomUUID()];
    for (const orgId of [theirs, ours])
      await db()
        .entities.organisation.put({ orgId, ...base })
        .go();
    const updatedAt = new Date().toISOString();
    const electro = await db()
      .entities.organisation.patch({ orgId: theirs })
      .set({ verification: decision, verificationReason: reason ?? "", updatedAt })
      .composite({ createdAt: base.createdAt })
      .add({ version: 1 })
      .where((attr, op) => op.eq(attr.version, base.version))
      .go({ response: "all_new" });
    const current = (await getOrganisation(ours))!;
    const decided = await decideVerification(current, decision, reason);
    const ourItem = await stored(ours);
    expect({ ...anonymous(ourItem, ours), updatedAt }).toEqual(anonymous(await stored(theirs), theirs));
    expect(ourItem.gsi1pk).toBe(`$ketnoi#verification_${decision}`);
    expect({ ...decided, id: "ID", updatedAt }).toEqual({ ...electro.data, orgId: undefined, id: "ID" });
    // Under the version read: a second decision from the same read is refused.
    await expect(decideVerification(current, decision, reason)).rejects.toMatchObject({ code: "version_conflict" });
  });
});
