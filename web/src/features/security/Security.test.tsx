import type { Me } from "@ketnoi/core";
import { fireEvent, screen } from "@solidjs/testing-library";
import { describe, expect, it, vi } from "vitest";
import { deployConfig } from "../../../test/deploy-config";
import { people, renderPage, signInAs } from "../../../test/helpers";
import { session } from "../../app/session/session";
import Security from "./Security";

const cognitoUrl = `https://cognito-idp.${deployConfig.region}.amazonaws.com/`;
const accessToken = "access-token-of-ha";
const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const expiresAt = Date.now() + 3_600_000;

/**
 * fetch as the deployed page sees it: /config.json, the API's /api/me and Cognito's JSON 1.1 user APIs. Each
 * Cognito request must have exactly the shape the real service accepts; the answers are Cognito's.
 */
function stubCognito(me: Me, opts: { goodCode: string; expired?: boolean }) {
  const cognitoCalls: string[] = [];
  const json = (body: unknown, status = 200, type = "application/json") =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": type } });
  const cognitoError = (type: string, message: string) =>
    json({ __type: type, message }, 400, "application/x-amz-json-1.1");
  const mock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url === "/config.json") return json(deployConfig);
    if (url === "/api/me") return json(me);
    if (url !== cognitoUrl) return json({ error: { code: "not_found", message: "" } }, 404);

    const headers = new Headers(init?.headers);
    expect(init?.method).toBe("POST");
    expect(headers.get("content-type")).toBe("application/x-amz-json-1.1");
    // No credentials of the site's own go to AWS.
    expect(headers.get("authorization")).toBeNull();
    const target = headers.get("x-amz-target") ?? "";
    const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
    cognitoCalls.push(target.replace("AWSCognitoIdentityProviderService.", ""));
    if (opts.expired) return cognitoError("NotAuthorizedException", "Access Token has expired");
    switch (target) {
      case "AWSCognitoIdentityProviderService.AssociateSoftwareToken":
        expect(body).toEqual({ AccessToken: accessToken });
        return json({ SecretCode: secret }, 200, "application/x-amz-json-1.1");
      case "AWSCognitoIdentityProviderService.VerifySoftwareToken":
        expect(body).toEqual({ AccessToken: accessToken, UserCode: expect.any(String), FriendlyDeviceName: "KetNoi" });
        return body.UserCode === opts.goodCode
          ? json({ Status: "SUCCESS" }, 200, "application/x-amz-json-1.1")
          : cognitoError("EnableSoftwareTokenMFAException", "Code mismatch and fail enable Software Token MFA");
      case "AWSCognitoIdentityProviderService.SetUserMFAPreference":
        expect(body).toEqual({
          AccessToken: accessToken,
          SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
        });
        return json({}, 200, "application/x-amz-json-1.1");
      default:
        throw new Error(`unexpected Cognito target ${target}`);
    }
  });
  vi.stubGlobal("fetch", mock);
  return { mock, cognitoCalls };
}

async function signInWithHostedUi(me: Me, opts: { goodCode: string; expired?: boolean }) {
  const stub = stubCognito(me, opts);
  await session.signInWithIdToken("id-token-of-ha", expiresAt, { token: accessToken, expiresAt });
  return stub;
}

describe("Security page (/bao-mat) in a deployed stage", () => {
  it("enrols an authenticator: secret in groups of four and as an otpauth link, wrong code refused, right code enables TOTP", async () => {
    const { cognitoCalls } = await signInWithHostedUi(people.ha, { goodCode: "123456" });
    renderPage(Security, "/bao-mat");

    fireEvent.click(await screen.findByRole("button", { name: "Bắt đầu thiết lập" }));
    expect(await screen.findByText("JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Mở trong ứng dụng xác thực" }).getAttribute("href")).toBe(
      `otpauth://totp/KetNoi:ha.pham%40demo.ketnoi.vn?secret=${secret}&issuer=KetNoi`,
    );

    const input = screen.getByLabelText("Mã xác thực");
    // Not six digits: refused here, nothing sent.
    fireEvent.input(input, { target: { value: "12ab" } });
    fireEvent.click(screen.getByRole("button", { name: "Xác nhận" }));
    expect(await screen.findByText("Hãy nhập đúng 6 chữ số.")).toBeTruthy();
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(cognitoCalls).toEqual(["AssociateSoftwareToken"]);

    // A wrong code: Cognito refuses it, the page says so and lets the user type another.
    fireEvent.input(input, { target: { value: "654321" } });
    fireEvent.click(screen.getByRole("button", { name: "Xác nhận" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Mã không đúng hoặc đã hết hạn.");
    expect(cognitoCalls).toEqual(["AssociateSoftwareToken", "VerifySoftwareToken"]);

    fireEvent.input(input, { target: { value: "123 456" } });
    fireEvent.click(screen.getByRole("button", { name: "Xác nhận" }));
    expect((await screen.findByRole("status")).textContent).toContain("Đã bật xác thực hai bước.");
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.getByRole("button", { name: "Đăng xuất để đăng nhập lại" })).toBeTruthy();
    expect(cognitoCalls).toEqual([
      "AssociateSoftwareToken",
      "VerifySoftwareToken",
      "VerifySoftwareToken",
      "SetUserMFAPreference",
    ]);
  });

  it("explains an expired session in English and offers to sign in again", async () => {
    const { cognitoCalls } = await signInWithHostedUi(people.ha, { goodCode: "123456", expired: true });
    renderPage(Security, "/bao-mat", "/bao-mat", "en");

    fireEvent.click(await screen.findByRole("button", { name: "Start setup" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("The setup session has expired. Sign in again and start over.");
    expect(screen.getByRole("button", { name: "Sign in again" })).toBeTruthy();
    expect(cognitoCalls).toEqual(["AssociateSoftwareToken"]);
  });

  it("asks for a fresh sign-in when this tab holds no access token (after a reload), calling nothing", async () => {
    const { cognitoCalls } = stubCognito(people.ha, { goodCode: "123456" });
    await session.signInWithIdToken("id-token-of-ha", expiresAt);
    renderPage(Security, "/bao-mat");

    expect(await screen.findByText(/cần một phiên đăng nhập mới/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Đăng nhập lại" })).toBeTruthy();
    expect(cognitoCalls).toEqual([]);
  });
});

describe("Security page (/bao-mat) locally", () => {
  it("says MFA is simulated with the development provider and calls no Cognito API", async () => {
    const mock = await signInAs(people.ha, () => ({ status: 404, body: "no config" }));
    renderPage(Security, "/bao-mat");

    expect(await screen.findByText(/xác thực hai bước được mô phỏng/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Bắt đầu thiết lập" })).toBeNull();
    expect(mock.mock.calls.map(([url]) => String(url)).filter((url) => url.includes("amazonaws"))).toEqual([]);
  });
});
