import type { ApplicationEntity } from "../db/entities/application";
import { liteWrites, send, whereEquals } from "../db/lite-writes";
import { applicationModel } from "../db/models/application";
import { AppError } from "../http/errors";
import type { StoredApplication } from "./applications";
import { guard } from "./guard";
import type { StoredListing } from "./listings";

// Over the lite data path (db/lite.ts, issue 14), as the application's other writes (data/applications.ts).
const applicationWrites = liteWrites<ApplicationEntity>(applicationModel);

/**
 * Records the total hours an accepted volunteer served (Plan 192/KH-UBND's community digital technology teams
 * count them). Only for volunteer listings and accepted applications; conditioned on the version the organisation
 * read, so two members correcting the figure at once cannot silently overwrite each other.
 */
export async function recordVolunteerHours(
  application: StoredApplication,
  listing: StoredListing,
  hours: number,
  version: number,
): Promise<StoredApplication> {
  if (listing.type !== "volunteer") {
    throw new AppError("wrong_listing_type", "Chỉ ghi nhận giờ cho vai trò tình nguyện.");
  }
  if (application.status !== "accepted") {
    throw new AppError("invalid_transition", "Chỉ ghi nhận giờ cho tình nguyện viên đã nhận lời.");
  }
  const now = new Date().toISOString();
  await guard(() =>
    send(
      applicationWrites.patch(
        { listingId: application.listingId, studentId: application.studentId },
        { set: { hoursServed: hours, updatedAt: now }, add: { version: 1 } },
        whereEquals(applicationModel, { version }),
      ),
    ),
  );
  // The student's notice follows from the stored change (effects/notices.ts).
  return { ...application, hoursServed: hours, updatedAt: now, version: version + 1 };
}
