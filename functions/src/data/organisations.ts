import { randomUUID } from "node:crypto";
import type { Organisation, OrganisationCreate, OrganisationPatch } from "@ketnoi/core";
import type { EntityItem } from "electrodb";
import type { MembershipEntity } from "../db/entities/membership";
import type { OrganisationEntity } from "../db/entities/organisation";
import { liteEntity } from "../db/lite";
import { transactWrite } from "../db/lite-transact";
import { liteWrites, send, type WriteItem, whereEquals } from "../db/lite-writes";
import { membershipModel } from "../db/models/membership";
import { organisationModel } from "../db/models/organisation";
import { AppError } from "../http/errors";
import { guard, patchOperations } from "./guard";
import { toOrganisation } from "./organisation-reads";

// Reads on the public paths are in organisation-reads.ts, over the lite data path (issue 14); re-exported here.
export { getOrganisation, getOrganisations } from "./organisation-reads";

type OrganisationItem = EntityItem<OrganisationEntity>;

// Writes and the verification queue over the lite data path too (db/lite-writes.ts, issue 14): no function needs
// ElectroDB for organisations.
const organisations = liteEntity<OrganisationEntity>(organisationModel);
const organisationWrites = liteWrites<OrganisationEntity>(organisationModel);
const membershipWrites = liteWrites<MembershipEntity>(membershipModel);

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
      const result = await transactWrite([
        organisationWrites.create(item as OrganisationItem),
        membershipWrites.create({ orgId, userId: ownerUserId, role: "owner", createdAt: now }),
      ]);
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
  const data = await guard(() =>
    organisations.query("byVerification", { verification }, kind ? { filter: (o) => o.kind === kind } : {}),
  );
  return data.map(toOrganisation);
}

/** Applies a profile edit if nobody changed the organisation since `patch.version`; a `null` field is removed. */
export async function updateOrganisation(current: Organisation, patch: OrganisationPatch): Promise<Organisation> {
  const { version, ...fields } = patch;
  const { set, remove } = patchOperations(fields);
  const data = await guard(() =>
    send(
      organisationWrites.patch(
        { orgId: current.id },
        { set: { ...set, updatedAt: new Date().toISOString() }, remove, add: { version: 1 } },
        whereEquals(organisationModel, { version }),
      ),
      { returnNew: organisationModel },
    ),
  );
  return toOrganisation(data as OrganisationItem);
}

/** Records a verification decision (verified, or rejected or suspended with a reason). */
export async function decideVerification(
  current: Organisation,
  decision: "verified" | "rejected" | "suspended",
  reason: string | undefined,
): Promise<Organisation> {
  const data = await guard(() =>
    send(
      verificationWrite(current, {
        verification: decision,
        verificationReason: reason ?? "",
        updatedAt: new Date().toISOString(),
      }),
      { returnNew: organisationModel },
    ),
  );
  // The verified badge is a search filter: the stream consumer re-indexes the organisation's listings (stream.ts).
  return toOrganisation(data as OrganisationItem);
}

// The organisations a user belongs to: read by every signed-in request's middleware, so over the lite data path.
export { membershipsOf } from "./memberships";

/**
 * The decision as ElectroDB's `patch(...).set(...).composite({ createdAt }).add({ version: 1 })` under the version read:
 * `verification` is the queue index's partition key (gsi1), so the item is re-keyed there; `createdAt` (its sort key,
 * unchanged) holds the write to the item read, as the ElectroDB call did (db/lite-transact.test.ts compares the two).
 */
function verificationWrite(
  current: Organisation,
  set: Pick<OrganisationItem, "verification" | "verificationReason" | "updatedAt">,
): WriteItem {
  return organisationWrites.patch(
    { orgId: current.id },
    { set, add: { version: 1 }, composite: { createdAt: current.createdAt } },
    whereEquals(organisationModel, { version: current.version }),
  );
}
