import { createHash } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { deployConfig } from "../../../test/deploy-config";
import { loadDeployConfig, pkceChallenge, randomToken, startSignIn } from "./cognito";

afterEach(() => sessionStorage.clear());

describe("PKCE", () => {
  it("derives the challenge as base64url(SHA-256(verifier)): the RFC 7636 example", async () => {
    expect(await pkceChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).toBe(
      "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    );
  });

  it("makes 43-character base64url verifiers whose challenge matches Node's SHA-256", async () => {
    const verifiers = Array.from({ length: 20 }, randomToken);
    expect(new Set(verifiers).size).toBe(20);
    for (const verifier of verifiers) {
      expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(await pkceChallenge(verifier)).toBe(createHash("sha256").update(verifier).digest("base64url"));
    }
  });
});

describe("startSignIn", () => {
  it("keeps state and verifier for this tab and sends the browser to the hosted UI with the S256 challenge", async () => {
    const go = vi.fn<(url: string) => void>();
    await startSignIn(deployConfig, "/ho-so", go);

    const url = new URL(go.mock.calls[0]![0]);
    expect(`${url.origin}${url.pathname}`).toBe(`https://${deployConfig.authDomain}/oauth2/authorize`);
    const pending = JSON.parse(sessionStorage.getItem("ketnoi.signIn")!);
    expect(pending).toMatchObject({ returnTo: "/ho-so", redirectUri: deployConfig.redirectUri });
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: "code",
      client_id: "client-123",
      redirect_uri: deployConfig.redirectUri,
      scope: "openid email profile aws.cognito.signin.user.admin",
      state: pending.state,
      code_challenge: await pkceChallenge(pending.verifier),
      code_challenge_method: "S256",
    });
    expect(url.searchParams.toString()).not.toContain(pending.verifier);
  });
});

describe("loadDeployConfig", () => {
  const answer = (response: Response) =>
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => response),
    );

  it("reads the deployed config.json", async () => {
    answer(new Response(JSON.stringify(deployConfig), { headers: { "content-type": "application/json" } }));
    expect(await loadDeployConfig()).toEqual(deployConfig);
  });

  it("is null locally: no file, the dev server's index.html, or a config without a hosted UI", async () => {
    answer(new Response("not found", { status: 404 }));
    expect(await loadDeployConfig()).toBeNull();
    answer(new Response("<!doctype html><html></html>", { headers: { "content-type": "text/html" } }));
    expect(await loadDeployConfig()).toBeNull();
    const { authDomain: _, ...older } = deployConfig;
    answer(new Response(JSON.stringify(older)));
    expect(await loadDeployConfig()).toBeNull();
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Promise.reject(new TypeError("offline"))),
    );
    expect(await loadDeployConfig()).toBeNull();
  });
});
