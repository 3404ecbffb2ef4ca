import {
  IdParamSchema,
  OfferAcceptSchema,
  OfferCreateSchema,
  OfferDeclineSchema,
  OfferSchema,
  OfferWithdrawSchema,
  type PipelineActor,
} from "@ketnoi/core";
import { Hono } from "hono";
import { type StoredApplication, transitionApplication } from "../data/applications";
import { getListing } from "../data/listings";
import { getOffer, offerView } from "../data/offer-records";
import type { AppEnv } from "../http/env";
import { AppError } from "../http/errors";
import { route } from "../http/openapi";
import { validate } from "../http/validate";
import { applicationFor } from "./application-access";

const noOffer = () => new AppError("not_found", "Hồ sơ này chưa có lời mời kèm điều kiện.");

/** Moves the application (and with it the offer, in one transaction: data/offer-records.ts) and answers the offer. */
async function moveWithOffer(
  application: StoredApplication,
  actor: PipelineActor,
  move: Parameters<typeof transitionApplication>[3],
) {
  const listing = await getListing(application.listingId);
  if (!listing) throw new AppError("not_found", "Không tìm thấy hồ sơ ứng tuyển.");
  await transitionApplication(application, listing, actor, move);
  const offer = await getOffer(application.id);
  if (!offer) throw noOffer();
  return offerView(offer);
}

const sides =
  "The application's student or a member of the listing's organisation (policy: application:respond / " +
  "application:review); anyone else gets 404.";

/** An application's offer with its terms: make, read, accept, decline, withdraw. Mounted at /api/applications. */
export const offerRoutes = new Hono<AppEnv>()
  .get(
    "/:id/offer",
    route({
      tags: ["Offers"],
      summary: "The application's offer and its terms",
      description: sides,
      auth: true,
      ok: { 200: { description: "The offer", schema: OfferSchema } },
      errors: [400, 404],
    }),
    validate("param", IdParamSchema),
    async (c) => {
      const { application } = await applicationFor(c, c.req.valid("param").id);
      const offer = await getOffer(application.id);
      if (!offer) throw noOffer();
      return c.json(offerView(offer));
    },
  )
  .post(
    "/:id/offer",
    route({
      tags: ["Offers"],
      summary:
        "Make an offer with terms (members): pay in VND (monthly, total, or unpaid training), start date, reply-by date",
      description:
        "Moves the application to `offered` with the application version last read; the offer reserves one of the " +
        "listing's positions (409 `capacity_full`). An offer not answered by its reply-by day (Vietnam) expires and " +
        "frees the position. 409: `invalid_transition`, `version_conflict`.",
      auth: true,
      body: true,
      ok: { 201: { description: "Offered", schema: OfferSchema } },
      errors: [404, 409],
    }),
    validate("param", IdParamSchema),
    validate("json", OfferCreateSchema),
    async (c) => {
      const { application, actor } = await applicationFor(c, c.req.valid("param").id);
      if (actor !== "organisation") throw new AppError("forbidden", "Chỉ tổ chức đưa ra lời mời.");
      const { terms, version } = c.req.valid("json");
      return c.json(await moveWithOffer(application, actor, { to: "offered", version, terms }), 201);
    },
  )
  .post(
    "/:id/offer/accept",
    route({
      tags: ["Offers"],
      summary: "Accept the offer (the student, after seeing its terms)",
      description: "409 `offer_expired` once the reply-by day is over, `version_conflict`, `invalid_transition`.",
      auth: true,
      body: true,
      ok: { 200: { description: "Accepted", schema: OfferSchema } },
      errors: [404, 409],
    }),
    validate("param", IdParamSchema),
    validate("json", OfferAcceptSchema),
    async (c) => {
      const { application, actor } = await applicationFor(c, c.req.valid("param").id);
      return c.json(await moveWithOffer(application, actor, { to: "accepted", version: c.req.valid("json").version }));
    },
  )
  .post(
    "/:id/offer/decline",
    route({
      tags: ["Offers"],
      summary: "Decline the offer, optionally saying why (the student); frees the position",
      auth: true,
      body: true,
      ok: { 200: { description: "Declined", schema: OfferSchema } },
      errors: [404, 409],
    }),
    validate("param", IdParamSchema),
    validate("json", OfferDeclineSchema),
    async (c) => {
      const { application, actor } = await applicationFor(c, c.req.valid("param").id);
      const { reason, version } = c.req.valid("json");
      return c.json(await moveWithOffer(application, actor, { to: "declined", version, reason }));
    },
  )
  .post(
    "/:id/offer/withdraw",
    route({
      tags: ["Offers"],
      summary: "Withdraw an open offer with a reason (members); the application is rejected and the position freed",
      auth: true,
      body: true,
      ok: { 200: { description: "Withdrawn", schema: OfferSchema } },
      errors: [404, 409],
    }),
    validate("param", IdParamSchema),
    validate("json", OfferWithdrawSchema),
    async (c) => {
      const { application, actor } = await applicationFor(c, c.req.valid("param").id);
      const { reason, version } = c.req.valid("json");
      return c.json(await moveWithOffer(application, actor, { to: "rejected", version, reason }));
    },
  );
