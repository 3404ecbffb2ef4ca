import type { DemoAccount, Me } from "@ketnoi/core";
import { batch, createSignal } from "solid-js";
import { api, connectSession, devAuthApi, request } from "../api/client";

const storageKey = "ketnoi.session";

/** Who issued the token: the local development provider, or Cognito's hosted UI in a deployed stage. */
export type SessionProvider = "dev" | "cognito";

interface StoredToken {
  token: string;
  /** Epoch milliseconds; an expired token is never sent, so public pages keep working after it lapses. */
  expiresAt: number;
  /** Absent in sessions stored before the hosted UI existed: those came from the development provider. */
  provider?: SessionProvider;
}

export type SessionStatus = "signedOut" | "loading" | "signedIn" | "error";

function readToken(): StoredToken | null {
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey) ?? "null") as StoredToken | null;
    return stored && typeof stored.token === "string" && stored.expiresAt > Date.now() ? stored : null;
  } catch {
    return null;
  }
}

function writeToken(value: StoredToken | null) {
  try {
    if (value) localStorage.setItem(storageKey, JSON.stringify(value));
    else localStorage.removeItem(storageKey);
  } catch {
    // Storage blocked: the session then lasts until the tab closes, which is still usable.
  }
}

/** Builds the session store; the client learns the token from it. */
function createSession() {
  const [stored, setStored] = createSignal<StoredToken | null>(readToken());
  const [me, setMe] = createSignal<Me | null>(null);
  const [status, setStatus] = createSignal<SessionStatus>(stored() ? "loading" : "signedOut");
  // Cognito's access token, kept in memory only (never in storage): it can change the account's own MFA
  // settings (pages/Security.tsx), so a reload drops it and the enrolment page asks to sign in again.
  const [access, setAccess] = createSignal<{ token: string; expiresAt: number } | null>(null);

  const token = () => {
    const current = stored();
    return current && current.expiresAt > Date.now() ? current.token : null;
  };

  function signOut() {
    batch(() => {
      writeToken(null);
      setStored(null);
      setAccess(null);
      setMe(null);
      setStatus("signedOut");
    });
  }

  /** Loads `me` for the stored token; a rejected token signs out (the client reports it), others keep it. */
  async function refresh(): Promise<void> {
    if (!token()) return signOut();
    setStatus("loading");
    try {
      const loaded = await request(() => api.me.$get());
      batch(() => {
        setMe(loaded);
        setStatus("signedIn");
      });
    } catch (error) {
      if (token()) setStatus("error");
      throw error;
    }
  }

  async function adopt(value: StoredToken): Promise<void> {
    writeToken(value);
    setStored(value);
    await refresh();
  }

  /** Signs in as a demo account through the development identity provider, then loads `me`. */
  async function signIn(userId: DemoAccount["id"]): Promise<void> {
    const issued = await request(() => devAuthApi.token.$post({ json: { userId } }));
    await adopt({ token: issued.token, expiresAt: Date.now() + issued.expiresIn * 1000, provider: "dev" });
  }

  /**
   * Signs in with a Cognito ID token (web/src/session/cognito.ts) that expires at `expiresAt`, then loads `me`.
   * The access token, when given, stays in memory for Cognito's own user APIs (TOTP enrolment).
   */
  async function signInWithIdToken(
    idToken: string,
    expiresAt: number,
    accessToken?: { token: string; expiresAt: number },
  ): Promise<void> {
    setAccess(accessToken ?? null);
    await adopt({ token: idToken, expiresAt, provider: "cognito" });
  }

  /** The Cognito access token of this tab's sign-in, or null (signed out, expired, reloaded, dev provider). */
  const accessToken = (): string | null => {
    const current = access();
    return current && current.expiresAt > Date.now() && token() ? current.token : null;
  };

  /** Who issued the current token, or null when signed out. */
  const provider = (): SessionProvider | null => (token() ? (stored()?.provider ?? "dev") : null);

  connectSession({
    token,
    onUnauthenticated: () => {
      if (token()) signOut();
    },
  });
  return { token, accessToken, me, status, provider, signIn, signInWithIdToken, signOut, refresh };
}

export type Session = ReturnType<typeof createSession>;

/** The app's one session. */
export const session = createSession();

/**
 * The sign-out button: ends the session here and, after a hosted-UI sign-in, at Cognito too, whose own sign-in
 * cookie would otherwise sign the person straight back in. The Cognito code loads only then.
 */
export async function signOutEverywhere(): Promise<void> {
  const viaCognito = session.provider() === "cognito";
  session.signOut();
  if (viaCognito) await (await import("./cognito")).redirectToCognitoSignOut();
}

/** Demo accounts of every role, for the sign-in page. */
export async function fetchDemoAccounts(): Promise<DemoAccount[]> {
  const body = await request(() => devAuthApi.accounts.$get());
  return body.accounts;
}
