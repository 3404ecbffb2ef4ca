import type { Me } from "@ketnoi/core";
import { screen } from "@solidjs/testing-library";
import { describe, expect, it, vi } from "vitest";
import { deployConfig } from "../../../test/deploy-config";
import { people, renderPage } from "../../../test/helpers";
import { startSignIn } from "../../app/session/cognito";
import { session } from "../../app/session/session";
import SignInCallback from "./SignInCallback";

/** An unsigned JWT with these claims: the browser only reads them; the API checks the signature. */
const jwt = (claims: Record<string, unknown>) =>
  ['{"alg":"RS256"}', JSON.stringify(claims)].map((part) => Buffer.from(part).toString("base64url")).join(".") +
  ".c2ln";

const exp = Math.floor(Date.now() / 1000) + 3600;
const idToken = jwt({ aud: deployConfig.userPoolClientId, exp, token_use: "id", name: "Nguyễn Thị Lan" });
const accessToken = jwt({ client_id: deployConfig.userPoolClientId, exp, token_use: "access" });

/** The deployed config, Cognito's token endpoint and the API, as fetch sees them. */
function stubDeployedFetch(me: Me) {
  const mock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    const json = (body: unknown, status = 200) =>
      new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
    if (url === "/config.json") return json(deployConfig);
    if (url === `https://${deployConfig.authDomain}/oauth2/token` && init?.method === "POST") {
      return json({
        id_token: idToken,
        access_token: accessToken,
        refresh_token: "rt",
        expires_in: 3600,
        token_type: "Bearer",
      });
    }
    if (url === "/api/me" && new Headers(init?.headers).get("authorization") === `Bearer ${idToken}`) return json(me);
    return json({ error: { code: "unauthenticated", message: "no" } }, 401);
  });
  vi.stubGlobal("fetch", mock);
  return mock;
}

/** Leaves for the hosted UI as the sign-in page does, and returns the state Cognito would send back. */
async function leaveForHostedUi(returnTo: string) {
  let authorizeUrl = "";
  await startSignIn(deployConfig, returnTo, (url) => {
    authorizeUrl = url;
  });
  return new URL(authorizeUrl).searchParams.get("state")!;
}

describe("SignInCallback page (/dang-nhap/xong)", () => {
  it("trades the code for tokens, keeps the ID token until its exp, loads me and returns to the page", async () => {
    const calls = stubDeployedFetch(people.lan);
    const state = await leaveForHostedUi("/");
    const { verifier } = JSON.parse(sessionStorage.getItem("ketnoi.signIn")!);
    renderPage(SignInCallback, `/dang-nhap/xong?code=code-42&state=${state}`, "/dang-nhap/xong");

    expect(await screen.findByText("stand-in home")).toBeTruthy();
    expect(session.me()?.displayName).toBe("Nguyễn Thị Lan");
    expect(session.token()).toBe(idToken);
    expect(session.provider()).toBe("cognito");
    // The access token (TOTP enrolment, pages/Security.tsx) stays in memory: storage holds only the ID token.
    expect(session.accessToken()).toBe(accessToken);
    expect(JSON.parse(localStorage.getItem("ketnoi.session")!)).toEqual({
      token: idToken,
      expiresAt: exp * 1000,
      provider: "cognito",
    });
    const [, init] = calls.mock.calls.find(([url]) => String(url).endsWith("/oauth2/token"))!;
    expect(new Headers(init?.headers).get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(String(init?.body)))).toEqual({
      grant_type: "authorization_code",
      client_id: deployConfig.userPoolClientId,
      code: "code-42",
      redirect_uri: deployConfig.redirectUri,
      code_verifier: verifier,
    });
    // The pending sign-in is used up.
    expect(sessionStorage.getItem("ketnoi.signIn")).toBeNull();
  });

  it("rejects a callback whose state is not the one this tab sent, without asking for tokens", async () => {
    const calls = stubDeployedFetch(people.lan);
    await leaveForHostedUi("/");
    renderPage(SignInCallback, "/dang-nhap/xong?code=code-42&state=forged", "/dang-nhap/xong");

    expect((await screen.findByRole("alert")).textContent).toBe(
      "Phiên đăng nhập không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.",
    );
    expect(calls.mock.calls.some(([url]) => String(url).includes("/oauth2/token"))).toBe(false);
    expect(session.token()).toBeNull();
    expect(screen.getByRole("link", { name: "Đăng nhập lại" }).getAttribute("href")).toBe("/dang-nhap");
  });

  it("explains a sign-in the person cancelled at the hosted UI", async () => {
    stubDeployedFetch(people.lan);
    const state = await leaveForHostedUi("/");
    renderPage(SignInCallback, `/dang-nhap/xong?error=access_denied&state=${state}`, "/dang-nhap/xong");

    expect((await screen.findByRole("alert")).textContent).toBe("Đăng nhập đã bị huỷ hoặc bị từ chối.");
    expect(session.token()).toBeNull();
  });
});
