import type { Principal, Role } from "@ketnoi/core";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../http/env";
import { AppError } from "../http/errors";

/**
 * The ID-token claim saying the user has an authenticator app (TOTP) enrolled. Cognito's ID tokens carry no
 * `amr`, so the pre-token-generation trigger (functions/src/auth/mfa-claim-lambda.ts) adds this claim. With MFA
 * OPTIONAL at the pool, Cognito asks every user who enrolled for the code at each sign-in, so "enrolled" means
 * "this sign-in passed the second factor". The development provider sets it like the trigger does.
 */
export const mfaClaim = "ketnoi_mfa";
/** The claim's value for an authenticator app (the only second factor the pool offers; SMS is off). */
export const mfaClaimTotp = "totp";

/** Roles that read other people's personal data and so must sign in with a second factor; students may. */
export const mfaRequiredRoles: ReadonlySet<Role> = new Set<Role>(["staff", "recruiter", "province", "admin"]);

/**
 * Routes a principal without a second factor may still call: they return nothing about other people. `GET /me`
 * stays open so the web app learns the role and can guide enrolment; the rest is the public catalogue. Every other
 * route is refused (deny by default), since nearly all of them show or change students' data.
 */
const exemptRoutes: readonly [method: string, path: RegExp][] = [
  ["GET", /^\/api\/me$/],
  ["GET", /^\/api\/(health|openapi\.json|docs)$/],
  ["GET", /^\/api\/(listings|organisations)(\/[^/]+)?$/],
  ["GET", /^\/api\/search$/],
];

/** Whether the token's claims show a second factor. */
export const hasMfaClaim = (claims: Record<string, unknown>) => claims[mfaClaim] === mfaClaimTotp;

/** Whether this principal is refused on personal-data routes until it signs in with a second factor. */
export const lacksRequiredMfa = (principal: Principal) => mfaRequiredRoles.has(principal.role) && !principal.mfa;

/** Refuses (403 mfa_required) a principal whose role needs a second factor it did not use, off the exempt routes. */
export const requireMfa: MiddlewareHandler<AppEnv> = async (c, next) => {
  const principal = c.get("principal");
  if (principal && lacksRequiredMfa(principal)) {
    const method = c.req.method === "HEAD" ? "GET" : c.req.method;
    const exempt = exemptRoutes.some(([m, path]) => m === method && path.test(c.req.path));
    if (!exempt) {
      throw new AppError("mfa_required");
    }
  }
  return next();
};
