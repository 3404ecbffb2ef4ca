import { randomUUID } from "node:crypto";
import type { Organisation, OrganisationCreate, OrganisationPatch } from "@ketnoi/core";
import type { EntityItem } from "electrodb";
import type { OrganisationEntity } from "../db/entities/organisation";
import { db } from "../db/service";
import { AppError } from "../http/errors";
import { guard, patchOperations } from "./guard";
import { toOrganisation } from "./organisation-reads";

// Reads on the public paths are in organisation-reads.ts, over the lite data path (issue 14); re-exported here.
export { getOrganisation, getOrganisations } from "./organisation-reads";

type OrganisationItem = EntityItem<OrganisationEntity>;

/** Creates an unverified organisation and makes its creator the owner, atomically. */
export async function createOrganisation(
  input: OrganisationCreate,
  ownerUserId: string,
  orgId: string = randomUUID(),
): Promise<Organisation> {
  const now = new Date().toISOString();
  const item = { orgId, ...input, verification: "pending" as const, createdAt: now, updatedAt: now, version: 1 };
  await guard(
    async () => {
      const result = await db()
        .transaction.write(({ organisation, membership }) => [
          organisation.create(item).commit(),
          membership.create({ orgId, userId: ownerUserId, role: "owner", createdAt: now }).commit(),
        ])
        .go();
      if (result.canceled) throw new AppError("already_exists", "Tổ chức đã tồn tại.");
    },
    () => new AppError("already_exists", "Tổ chức đã tồn tại."),
  );
  return toOrganisation(item as OrganisationItem);
}

/** Organisations with a verification status, oldest first (the verification queue reads "pending"). */
export async function listOrganisations(
  verification: Organisation["verification"],
  kind?: Organisation["kind"],
): Promise<Organisation[]> {
  const { data } = await guard(() =>
    db()
      .entities.organisation.query.byVerification({ verification })
      .where((attr, op) => (kind ? op.eq(attr.kind, kind) : ""))
      .go({ pages: "all" }),
  );
  return data.map(toOrganisation);
}

/** Applies a profile edit if nobody changed the organisation since `patch.version`; a `null` field is removed. */
export async function updateOrganisation(current: Organisation, patch: OrganisationPatch): Promise<Organisation> {
  const { version, ...fields } = patch;
  const { set, remove } = patchOperations(fields);
  const { data } = await guard(() =>
    db()
      .entities.organisation.patch({ orgId: current.id })
      .set({ ...set, updatedAt: new Date().toISOString() })
      .remove(remove)
      .add({ version: 1 })
      .where((attr, op) => op.eq(attr.version, version))
      .go({ response: "all_new" }),
  );
  return toOrganisation(data as OrganisationItem);
}

/** Records a verification decision (verified, or rejected or suspended with a reason). */
export async function decideVerification(
  current: Organisation,
  decision: "verified" | "rejected" | "suspended",
  reason: string | undefined,
): Promise<Organisation> {
  const { data } = await guard(() =>
    db()
      .entities.organisation.patch({ orgId: current.id })
      .set({ verification: decision, verificationReason: reason ?? "", updatedAt: new Date().toISOString() })
      .composite({ createdAt: current.createdAt })
      .add({ version: 1 })
      .where((attr, op) => op.eq(attr.version, current.version))
      .go({ response: "all_new" }),
  );
  // The verified badge is a search filter: the stream consumer re-indexes the organisation's listings (stream.ts).
  return toOrganisation(data as OrganisationItem);
}

// The organisations a user belongs to: read by every signed-in request's middleware, so over the lite data path.
export { membershipsOf } from "./memberships";
