import { MeSchema } from "@ketnoi/core";
import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { userOnSignIn } from "../data/users";
import type { AppEnv } from "../http/env";
import { requirePrincipal } from "../http/middleware";
import { bearer, responses } from "../http/openapi";

/** GET /api/me: who is signed in, with role and organisations. */
export const meRoutes = new Hono<AppEnv>().get(
  "/",
  // route-docs: by hand — the one signed-in route without 403 (the MFA gate lets it through: auth/mfa.ts).
  describeRoute({
    tags: ["Account"],
    summary: "The signed-in user",
    security: bearer,
    responses: responses({ 200: { description: "The user", schema: MeSchema } }, [401, 503]),
  }),
  async (c) => {
    const principal = requirePrincipal(c);
    const user = await userOnSignIn(principal);
    return c.json({
      id: principal.userId,
      displayName: user?.displayName ?? "",
      email: user?.email ?? "",
      role: principal.role,
      memberships: [...principal.memberships],
    });
  },
);
