import { session } from "./session";

/**
 * Sign-in through Cognito's hosted UI in a deployed stage: the OAuth 2.0 authorization-code flow with PKCE
 * (RFC 7636), with fetch and WebCrypto only. Loaded by the sign-in and callback pages (and by sign-out after a
 * hosted-UI sign-in), never by the home page.
 *
 * 1. `startSignIn` keeps a random verifier and state in sessionStorage and sends the browser to
 *    `https://<authDomain>/oauth2/authorize` with the verifier's SHA-256 challenge.
 * 2. Cognito sends it back to `/dang-nhap/xong?code=…&state=…`; `completeSignIn` checks the state, trades the code
 *    and verifier for tokens at `/oauth2/token` and keeps the ID token (the API checks its `aud`), and the access
 *    token in memory for Cognito's user APIs (TOTP enrolment).
 * 3. `redirectToCognitoSignOut` ends the hosted UI's own session at `/logout`.
 */

/** `/config.json`, written by the deploy (infra/web.ts). Locally there is none: the dev sign-in is used. */
export interface DeployConfig {
  stage: string;
  region: string;
  userPoolId: string;
  userPoolClientId: string;
  /** The hosted UI's host name, e.g. `ketnoi-prod-1a2b3c4d.auth.ap-southeast-1.amazoncognito.com`. */
  authDomain: string;
  /** `https://<site>/dang-nhap/xong`, one of the app client's callback URLs. */
  redirectUri: string;
  /** `https://<site>/`, one of the app client's sign-out URLs. */
  logoutUri: string;
}

const configKeys = [
  "stage",
  "region",
  "userPoolId",
  "userPoolClientId",
  "authDomain",
  "redirectUri",
  "logoutUri",
] as const satisfies readonly (keyof DeployConfig)[];

/** The deployed stage's config, or null when there is none (local development) or it has no hosted UI. */
export async function loadDeployConfig(): Promise<DeployConfig | null> {
  try {
    // Asking for JSON only keeps Vite's dev server from answering with index.html.
    const res = await fetch("/config.json", { headers: { Accept: "application/json" }, cache: "no-cache" });
    if (!res.ok) return null;
    const body = (await res.json()) as Record<string, unknown> | null;
    return body && configKeys.every((key) => typeof body[key] === "string" && body[key] !== "")
      ? (body as unknown as DeployConfig)
      : null;
  } catch {
    return null;
  }
}

/** Why a sign-in could not finish; the callback page explains each in the user's language. */
export class SignInError extends Error {
  constructor(readonly reason: "state" | "denied" | "token") {
    super(`Sign-in failed: ${reason}`);
    this.name = "SignInError";
  }
}

export function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** 32 random bytes, base64url: a 43-character PKCE verifier (RFC 7636 §4.1), also used as the state. */
export function randomToken(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** The S256 code challenge: base64url(SHA-256(verifier)). */
export async function pkceChallenge(verifier: string): Promise<string> {
  const bytes = Uint8Array.from(verifier, (c) => c.charCodeAt(0));
  return base64url(new Uint8Array(await crypto.subtle.digest("SHA-256", bytes)));
}

/** The OAuth scopes asked for; the app client allows exactly these (infra/auth.ts). */
export const signInScopes = "openid email profile aws.cognito.signin.user.admin";

/** What the browser remembers between leaving for the hosted UI and coming back. */
interface PendingSignIn {
  state: string;
  verifier: string;
  redirectUri: string;
  /** The app path to return to. */
  returnTo: string;
}
const pendingKey = "ketnoi.signIn";

/** The callback on this origin: the site may answer on several names (custom domain, CloudFront's own). */
function callbackHere(config: DeployConfig): string {
  const configured = new URL(config.redirectUri);
  return configured.origin === location.origin ? configured.href : new URL(configured.pathname, location.origin).href;
}

/** Leaves for the hosted UI's sign-in (with its sign-up link); `returnTo` is where the callback lands after. */
export async function startSignIn(
  config: DeployConfig,
  returnTo: string,
  go: (url: string) => void = (url) => location.assign(url),
): Promise<void> {
  const pending: PendingSignIn = {
    state: randomToken(),
    verifier: randomToken(),
    redirectUri: callbackHere(config),
    returnTo,
  };
  const challenge = await pkceChallenge(pending.verifier);
  sessionStorage.setItem(pendingKey, JSON.stringify(pending));
  const query = new URLSearchParams({
    response_type: "code",
    client_id: config.userPoolClientId,
    redirect_uri: pending.redirectUri,
    // aws.cognito.signin.user.admin lets the access token call Cognito's own user APIs (TOTP enrolment, pages/Security.tsx).
    scope: signInScopes,
    state: pending.state,
    code_challenge: challenge,
    code_challenge_method: "S256",
  });
  go(`https://${config.authDomain}/oauth2/authorize?${query}`);
}

function takePending(): PendingSignIn | null {
  try {
    const raw = sessionStorage.getItem(pendingKey);
    sessionStorage.removeItem(pendingKey);
    return raw ? (JSON.parse(raw) as PendingSignIn) : null;
  } catch {
    return null;
  }
}

/** A JWT's claims, unverified: the API verifies the signature; the browser only needs `exp` and `aud`. */
function claims(jwt: string): Record<string, unknown> | null {
  try {
    const payload = (jwt.split(".")[1] ?? "").replace(/-/g, "+").replace(/_/g, "/");
    const bytes = Uint8Array.from(atob(payload.padEnd(Math.ceil(payload.length / 4) * 4, "=")), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/**
 * Finishes the sign-in at the callback with its query (`code`, `state` or `error`): trades the code for tokens,
 * signs the session in with the ID token and returns the path to go back to. Throws a SignInError.
 */
export async function completeSignIn(config: DeployConfig, query: URLSearchParams): Promise<string> {
  // One use only, whatever happens: a replayed or forged callback finds nothing.
  const pending = takePending();
  if (!pending || !query.get("state") || query.get("state") !== pending.state) throw new SignInError("state");
  const code = query.get("code");
  if (query.get("error") || !code) throw new SignInError("denied");

  let tokens: { id_token?: unknown; access_token?: unknown };
  try {
    const res = await fetch(`https://${config.authDomain}/oauth2/token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        client_id: config.userPoolClientId,
        code,
        redirect_uri: pending.redirectUri,
        code_verifier: pending.verifier,
      }).toString(),
    });
    if (!res.ok) throw new SignInError("token");
    tokens = (await res.json()) as { id_token?: unknown; access_token?: unknown };
  } catch {
    throw new SignInError("token");
  }
  const idToken = typeof tokens.id_token === "string" ? tokens.id_token : "";
  const idClaims = claims(idToken);
  if (typeof idClaims?.exp !== "number" || idClaims.aud !== config.userPoolClientId) throw new SignInError("token");

  const accessToken = typeof tokens.access_token === "string" ? tokens.access_token : "";
  const accessExp = claims(accessToken)?.exp;
  await session.signInWithIdToken(
    idToken,
    idClaims.exp * 1000,
    typeof accessExp === "number" ? { token: accessToken, expiresAt: accessExp * 1000 } : undefined,
  );
  return pending.returnTo;
}

/** Ends the hosted UI's session; Cognito then sends the browser to the home page. */
export async function redirectToCognitoSignOut(go: (url: string) => void = (url) => location.assign(url)) {
  const config = await loadDeployConfig();
  if (!config) return;
  const logoutUri = new URL(config.logoutUri);
  const here = logoutUri.origin === location.origin ? logoutUri.href : new URL("/", location.origin).href;
  go(
    `https://${config.authDomain}/logout?${new URLSearchParams({ client_id: config.userPoolClientId, logout_uri: here })}`,
  );
}
