import { DemoAccountSchema, DevSignInSchema, TokenResponseSchema } from "@ketnoi/core";
import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import * as v from "valibot";
import { devJwks, devTokenTtlSeconds, signDevToken } from "../auth/dev-idp";
import { getUser, listDemoAccounts } from "../data/users";
import { AppError } from "../http/errors";
import { rateLimit } from "../http/middleware";
import { responses, route } from "../http/openapi";
import { validate } from "../http/validate";

/**
 * The development identity provider: demo accounts, token issuing and the JWKS.
 * Mounted only when DEV_AUTH is on, which configuration forbids in production.
 */
export const devAuthRoutes = new Hono()
  .get(
    "/accounts",
    route({
      tags: ["Development sign-in"],
      summary: "Demo accounts of every role",
      ok: { 200: { description: "Accounts", schema: v.object({ accounts: v.array(DemoAccountSchema) }) } },
    }),
    async (c) => c.json({ accounts: await listDemoAccounts() }),
  )
  .post(
    "/token",
    describeRoute({
      tags: ["Development sign-in"],
      summary: "Sign in as a demo account",
      responses: responses(
        { 200: { description: "A signed ID token", schema: TokenResponseSchema } },
        [400, 404, 413, 415, 429],
      ),
    }),
    rateLimit({ windowMs: 60_000, max: 30 }),
    validate("json", DevSignInSchema),
    async (c) => {
      const { userId } = c.req.valid("json");
      const user = await getUser(userId);
      if (!user?.demo) throw new AppError("not_found", "Không có tài khoản demo này.");
      const token = await signDevToken(user);
      return c.json({ token, expiresIn: devTokenTtlSeconds });
    },
  )
  .get(
    "/jwks.json",
    describeRoute({ tags: ["Development sign-in"], summary: "Public keys of the development identity provider" }),
    async (c) => c.json(await devJwks()),
  );
