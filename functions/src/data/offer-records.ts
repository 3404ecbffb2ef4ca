import { type ApplicationStatus, type Offer, type OfferStatus, type OfferTerms, offerLapsed } from "@ketnoi/core";
import type { EntityItem } from "electrodb";
import type { OfferEntity } from "../db/entities/offer";
import { liteEntity } from "../db/lite";
import { condition, liteWrites, type WriteItem } from "../db/lite-writes";
import { offerModel } from "../db/models/offer";
import { AppError } from "../http/errors";
import { guard } from "./guard";

export type OfferItem = EntityItem<OfferEntity>;

// Over the lite data path (db/lite.ts, issue 14), as the application moves it rides with (data/applications.ts).
const offers = liteEntity<OfferEntity>(offerModel);
const offerWrites = liteWrites<OfferEntity>(offerModel);

/** Items written in the same transaction as an application's move, and the error their failed condition means. */
export interface AlongsideWrite {
  items: WriteItem[];
  conflict: () => AppError;
}

/** An application's offer (by its public id), read consistently, or undefined. */
export async function getOffer(applicationId: string): Promise<OfferItem | undefined> {
  return guard(() => offers.get({ applicationId }, { consistent: true }));
}

/** The public shape of a stored offer. */
export function offerView(item: OfferItem): Offer {
  const { payKind, payVnd, startDate, replyBy, place, note } = item;
  return {
    applicationId: item.applicationId,
    listingId: item.listingId,
    status: item.status,
    terms: {
      payKind,
      startDate,
      replyBy,
      ...(payVnd === undefined ? {} : { payVnd }),
      ...(place === undefined ? {} : { place }),
      ...(note === undefined ? {} : { note }),
    },
    ...(item.reason === undefined ? {} : { reason: item.reason }),
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}

const offerChanged = () =>
  new AppError("version_conflict", "Lời mời vừa thay đổi ở nơi khác; hãy tải lại rồi thử lại.");

/** What answering an offer makes of it, by the application's next status. */
function offerStatusAfter(to: ApplicationStatus, expired: boolean): OfferStatus | undefined {
  if (to === "accepted") return "accepted";
  if (to === "declined") return expired ? "expired" : "declined";
  if (to === "rejected") return "withdrawn";
  if (to === "withdrawn") return "declined";
  return undefined;
}

/**
 * The offer's side of an application's move, written in the same transaction (data/applications.ts calls this for
 * every move): a move into `offered` with terms stores them; a move out of `offered` closes the open offer
 * (accepted, declined, withdrawn by the organisation, expired). Accepting an offer whose reply-by day is over is
 * refused (409 `offer_expired`) whichever route asks, so the expiry job's lag never lets a lapsed offer be taken.
 */
export async function offerSideOfMove(
  application: { id: string; status: ApplicationStatus; listingId: string; orgId: string; studentId: string },
  move: { to: ApplicationStatus; reason?: string | undefined; terms?: OfferTerms; expired?: boolean },
  now: Date,
): Promise<AlongsideWrite | undefined> {
  const at = now.toISOString();
  if (move.to === "offered" && move.terms) {
    const item: OfferItem = {
      applicationId: application.id,
      listingId: application.listingId,
      orgId: application.orgId,
      studentId: application.studentId,
      status: "open",
      ...move.terms,
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    // No offer yet, or only a closed one: never over an open offer.
    const noOpenOffer = condition(
      offerModel,
      ({ attr, value }) => `attribute_not_exists(${attr("status")}) OR ${attr("status")} <> ${value("open")}`,
    );
    return { items: [offerWrites.put(item, noOpenOffer)], conflict: offerChanged };
  }
  if (application.status !== "offered") return undefined;
  const stored = await getOffer(application.id);
  if (stored?.status !== "open") return undefined;
  const lapsed = offerLapsed(stored, now);
  if (move.to === "accepted" && lapsed) {
    throw new AppError("offer_expired", `Lời mời đã hết hạn trả lời (${stored.replyBy}).`);
  }
  const status = offerStatusAfter(move.to, Boolean(move.expired));
  if (!status) return undefined;
  const next: OfferItem = {
    ...stored,
    status,
    updatedAt: at,
    version: stored.version + 1,
    ...(move.reason ? { reason: move.reason } : {}),
  };
  const stillOpen = condition(
    offerModel,
    ({ attr, value }) => `${attr("version")} = ${value(stored.version)} AND ${attr("status")} = ${value("open")}`,
  );
  return { items: [offerWrites.put(next, stillOpen)], conflict: offerChanged };
}
