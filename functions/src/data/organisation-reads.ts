import type { Organisation } from "@ketnoi/core";
import type { EntityItem } from "electrodb";
import type { OrganisationEntity } from "../db/entities/organisation";
import { liteEntity } from "../db/lite";
import { organisationModel } from "../db/models/organisation";
import { guard } from "./guard";

// Organisations as the public read paths read them (listing detail, search, recommendations, the middleware), over
// the lite data path (db/lite.ts): the same items ElectroDB writes, without ElectroDB in those functions (issue 14).
// data/organisations.ts re-exports these; its writes stay on ElectroDB.
const organisations = liteEntity<OrganisationEntity>(organisationModel);

type OrganisationItem = EntityItem<OrganisationEntity>;

export function toOrganisation({ orgId, ...rest }: OrganisationItem): Organisation {
  return { id: orgId, ...rest } as Organisation;
}

/** One organisation, or undefined. */
export async function getOrganisation(orgId: string): Promise<Organisation | undefined> {
  const data = await guard(() => organisations.get({ orgId }));
  return data ? toOrganisation(data) : undefined;
}

/** Several organisations by id (missing ids are skipped), as a map. */
export async function getOrganisations(orgIds: string[]): Promise<Map<string, Organisation>> {
  const unique = [...new Set(orgIds)];
  if (unique.length === 0) return new Map();
  const data = await guard(() => organisations.batchGet(unique.map((orgId) => ({ orgId }))));
  return new Map(data.map((item) => [item.orgId, toOrganisation(item)]));
}
