import { IdParamSchema, SavedSearchCreateSchema, SavedSearchSchema } from "@ketnoi/core";
import { Hono } from "hono";
import * as v from "valibot";
import {
  createSavedSearch,
  deleteSavedSearch,
  listSavedSearches,
  type StoredSavedSearch,
} from "../data/saved-searches";
import type { AppEnv } from "../http/env";
import { AppError } from "../http/errors";
import { enforce } from "../http/middleware";
import { route } from "../http/openapi";
import { validate } from "../http/validate";

// The owner id is not part of the public shape.
const publicShape = ({ userId: _userId, ...search }: StoredSavedSearch) => search;

/** A student's saved searches; each alerts its owner in-app when a new listing matches. */
export const savedSearchRoutes = new Hono<AppEnv>()
  .get(
    "/",
    route({
      tags: ["Saved searches"],
      summary: "My saved searches, oldest first",
      auth: true,
      ok: { 200: { description: "Saved searches", schema: v.object({ items: v.array(SavedSearchSchema) }) } },
    }),
    async (c) => {
      const { userId } = enforce(c, "savedSearch:manage", { ownerUserId: c.get("principal")?.userId });
      return c.json({ items: (await listSavedSearches(userId)).map(publicShape) });
    },
  )
  .post(
    "/",
    route({
      tags: ["Saved searches"],
      summary: "Save a search (at most 20): new listings that match it produce one in-app notification each",
      auth: true,
      body: true,
      ok: { 201: { description: "Saved", schema: SavedSearchSchema } },
      errors: [409],
    }),
    validate("json", SavedSearchCreateSchema),
    async (c) => {
      const { userId } = enforce(c, "savedSearch:manage", { ownerUserId: c.get("principal")?.userId });
      return c.json(publicShape(await createSavedSearch(userId, c.req.valid("json"))), 201);
    },
  )
  .delete(
    "/:id",
    route({
      tags: ["Saved searches"],
      summary: "Delete one of my saved searches",
      auth: true,
      ok: { 204: { description: "Deleted" } },
      errors: [400, 404],
    }),
    validate("param", IdParamSchema),
    async (c) => {
      const { userId } = enforce(c, "savedSearch:manage", { ownerUserId: c.get("principal")?.userId });
      if (!(await deleteSavedSearch(userId, c.req.valid("param").id))) {
        throw new AppError("not_found", "Không tìm thấy tìm kiếm đã lưu.");
      }
      return c.body(null, 204);
    },
  );
