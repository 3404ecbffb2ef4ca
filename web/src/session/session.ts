import type { DemoAccount, Me } from "@ketnoi/core";
import { batch, createSignal } from "solid-js";
import { api, connectSession, devAuthApi, request } from "../api/client";

const storageKey = "ketnoi.session";

interface StoredToken {
  token: string;
  /** Epoch milliseconds; an expired token is never sent, so public pages keep working after it lapses. */
  expiresAt: number;
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

  const token = () => {
    const current = stored();
    return current && current.expiresAt > Date.now() ? current.token : null;
  };

  function signOut() {
    batch(() => {
      writeToken(null);
      setStored(null);
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

  /** Signs in as a demo account through the development identity provider, then loads `me`. */
  async function signIn(userId: DemoAccount["id"]): Promise<void> {
    const issued = await request(() => devAuthApi.token.$post({ json: { userId } }));
    const value = { token: issued.token, expiresAt: Date.now() + issued.expiresIn * 1000 };
    writeToken(value);
    setStored(value);
    await refresh();
  }

  connectSession({
    token,
    onUnauthenticated: () => {
      if (token()) signOut();
    },
  });
  return { token, me, status, signIn, signOut, refresh };
}

export type Session = ReturnType<typeof createSession>;

/** The app's one session. */
export const session = createSession();

/** Demo accounts of every role, for the sign-in page. */
export async function fetchDemoAccounts(): Promise<DemoAccount[]> {
  const body = await request(() => devAuthApi.accounts.$get());
  return body.accounts;
}
