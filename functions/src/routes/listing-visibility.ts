import { authorize, type Organisation, organisationStanding } from "@ketnoi/core";
import type { Context } from "hono";
import { getListing, type StoredListing } from "../data/listing-reads";
import { getOrganisation } from "../data/organisation-reads";
import type { AppEnv } from "../http/env";
import { AppError } from "../http/errors";

// Over the lite data path (data/listing-reads.ts): listing detail's read function starts without ElectroDB, and
// applying and booking check visibility with the very same rule (issue 14).
const listingNotFound = () => new AppError("not_found", "Không tìm thấy tin.");

/** A listing the caller may know exists: drafts are 404 outside the organisation, as on GET /api/listings/:id. */
export async function visibleListing(c: Context<AppEnv>, listingId: string): Promise<StoredListing> {
  return (await visibleListingAndOrganisation(c, listingId)).listing;
}

/**
 * `visibleListing`, also giving back the organisation when its standing had to be read (for outsiders), so a
 * caller that shows the organisation's name does not read it a second time (listing detail: 2 commands, not 3).
 */
export async function visibleListingAndOrganisation(
  c: Context<AppEnv>,
  listingId: string,
): Promise<{ listing: StoredListing; organisation?: Organisation }> {
  const listing = await getListing(listingId);
  if (!listing) throw listingNotFound();
  const insider = authorize(c.get("principal"), "listing:viewDraft", { orgId: listing.orgId }).allowed;
  if (listing.status === "draft" && !insider) throw listingNotFound();
  if (insider) return { listing };
  // Outsiders see a listing only while its organisation's standing makes it public (policy.ts); since this is
  // the read every apply and booking starts from, a rejected or suspended organisation takes no new ones.
  const organisation = await getOrganisation(listing.orgId);
  const verification = organisation?.verification ?? "pending";
  if (!organisationStanding[verification].listingsPublic) {
    if (verification === "pending") throw listingNotFound();
    throw new AppError("organisation_inactive");
  }
  return { listing, organisation };
}
