import { StudentProfileInputSchema, StudentProfileSchema } from "@ketnoi/core";
import { Hono } from "hono";
import { requireNotErased } from "../data/privacy";
import { getStudentProfile, saveStudentProfile } from "../data/students";
import type { AppEnv } from "../http/env";
import { AppError } from "../http/errors";
import { enforce, requirePrincipal } from "../http/middleware";
import { route } from "../http/openapi";
import { validate } from "../http/validate";

/** The signed-in student's own profile. */
export const studentRoutes = new Hono<AppEnv>()
  .get(
    "/me",
    route({
      tags: ["Students"],
      summary: "My student profile",
      auth: true,
      ok: { 200: { description: "The profile", schema: StudentProfileSchema } },
      errors: [404],
    }),
    async (c) => {
      const { userId } = requirePrincipal(c);
      enforce(c, "student:read", { ownerUserId: userId });
      const profile = await getStudentProfile(userId);
      if (!profile) throw new AppError("not_found", "Bạn chưa tạo hồ sơ.");
      return c.json(profile);
    },
  )
  .put(
    "/me",
    route({
      tags: ["Students"],
      summary: "Create or update my profile and consents (send the version last read when updating)",
      auth: true,
      body: true,
      ok: { 200: { description: "Saved", schema: StudentProfileSchema } },
      errors: [409],
    }),
    validate("json", StudentProfileInputSchema),
    async (c) => {
      const { userId } = requirePrincipal(c);
      enforce(c, "student:write", { ownerUserId: userId });
      // An erased account's token must not quietly start a new profile.
      await requireNotErased(userId);
      const current = await getStudentProfile(userId);
      return c.json(await saveStudentProfile(userId, c.req.valid("json"), current));
    },
  );
