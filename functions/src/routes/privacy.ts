import { ErasureReceiptSchema, ErasureRequestSchema, PersonalDataExportSchema } from "@ketnoi/core";
import { Hono } from "hono";
import { lockAccount } from "../auth/account-lock";
import { erasePersonalData, exportPersonalData, requireNotErased } from "../data/privacy";
import { withDownloadLinks } from "../files/export-links";
import type { AppEnv } from "../http/env";
import { enforce, requirePrincipal } from "../http/middleware";
import { route } from "../http/openapi";
import { validate } from "../http/validate";

/** A student's rights over their personal data (Law 91/2025/QH15): access (export) and erasure. */
export const privacyRoutes = new Hono<AppEnv>()
  .get(
    "/me/export",
    route({
      tags: ["Students"],
      summary: "Download everything stored about me, as JSON (one section per kind of record)",
      auth: true,
      ok: { 200: { description: "My personal data", schema: PersonalDataExportSchema } },
      errors: [404],
    }),
    async (c) => {
      const { userId } = requirePrincipal(c);
      enforce(c, "student:export", { ownerUserId: userId });
      const user = await requireNotErased(userId);
      c.header("Content-Disposition", 'attachment; filename="ketnoi-du-lieu-ca-nhan.json"');
      c.header("Cache-Control", "no-store");
      const data = await exportPersonalData(userId, user?.email ?? "");
      const files = data.sections.cvFile ?? [];
      // Links signed with aws4fetch: the S3 client and its presigner stay in the files function (files/export-links.ts).
      if (files.length > 0) data.sections.cvFile = await withDownloadLinks(files);
      return c.json(data);
    },
  )
  .delete(
    "/me",
    route({
      tags: ["Students"],
      summary: 'Erase my account; send { "confirm": "XOA TAI KHOAN" }',
      description:
        "Deletes the profile, notifications, saved searches, invitations and memberships; keeps applications, " +
        "bookings and placement rounds that have run without identity (a random token per record or round) so " +
        "organisations' and rounds' numbers stay exact; leaves a nameless account tombstone. " +
        "The receipt lists what was deleted and what was kept and why (vi, en). Cannot be undone. 409 " +
        "`version_conflict`: an application or booking changed meanwhile; send the request again to finish.",
      auth: true,
      body: true,
      ok: { 200: { description: "Erasure receipt", schema: ErasureReceiptSchema } },
      errors: [404, 409],
    }),
    validate("json", ErasureRequestSchema),
    async (c) => {
      const { userId } = requirePrincipal(c);
      enforce(c, "student:erase", { ownerUserId: userId });
      const user = await requireNotErased(userId);
      const receipt = await erasePersonalData(userId, user?.email ?? "");
      await lockAccount(userId, "erased");
      return c.json(receipt);
    },
  );
