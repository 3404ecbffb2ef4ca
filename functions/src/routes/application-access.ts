// What the application, booking, interview and offer routes share, in a module without routes of its own: a route
// module's definitions are kept by the bundler wherever it is imported (issue 14), so each function carries only the
// routes it mounts.
import { authorize, listingIntake } from "@ketnoi/core";
import type { Context } from "hono";
import { findApplication } from "../data/applications";
import type { StoredListing } from "../data/listings";
import type { AppEnv } from "../http/env";
import { AppError } from "../http/errors";
import { requirePrincipal } from "../http/middleware";

/** A missing application, or one the caller may not see: the same 404, so its existence is not revealed. */
export const applicationNotFound = () => new AppError("not_found", "Không tìm thấy hồ sơ ứng tuyển.");

/** Throws 409 `listing_closed` / `deadline_passed` unless the listing takes applications and bookings today. */
export function assertIntakeOpen(listing: StoredListing): void {
  const intake = listingIntake(listing, new Date());
  if (intake === "listing_closed") throw new AppError("listing_closed");
  if (intake === "deadline_passed") throw new AppError("deadline_passed");
}

/** The application and the caller's side of it; 404 for anyone who is neither its student nor the organisation. */
export async function applicationFor(c: Context<AppEnv>, applicationId: string) {
  const principal = requirePrincipal(c);
  const application = await findApplication(applicationId);
  if (!application) throw applicationNotFound();
  if (authorize(principal, "application:respond", { ownerUserId: application.studentId }).allowed) {
    return { application, actor: "student" as const };
  }
  if (authorize(principal, "application:review", { orgId: application.orgId }).allowed) {
    return { application, actor: "organisation" as const };
  }
  throw applicationNotFound();
}
