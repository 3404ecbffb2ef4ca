import { describe, expect, it } from "vitest";
import { loadConfig } from "./config";

const base = { TABLE_NAME: "ketnoi", AUTH_ISSUER: "https://issuer.example", AUTH_AUDIENCE: "ketnoi-web" };

describe("loadConfig", () => {
  it("fails loudly, naming the missing variable", () => {
    expect(() => loadConfig({ ...base, TABLE_NAME: undefined, DEV_AUTH: "true" })).toThrow(/TABLE_NAME/);
  });

  it("names a malformed variable", () => {
    expect(() => loadConfig({ ...base, DEV_AUTH: "true", DYNAMODB_ENDPOINT: "not a url" })).toThrow(
      /DYNAMODB_ENDPOINT/,
    );
  });

  it("makes the development identity provider impossible to enable in production", () => {
    expect(() => loadConfig({ ...base, STAGE: "prod", DEV_AUTH: "true", AUTH_JWKS_URL: "https://x/jwks" })).toThrow(
      /DEV_AUTH/,
    );
  });

  it("requires a JWKS URL when the development identity provider is off", () => {
    expect(() => loadConfig({ ...base, STAGE: "prod" })).toThrow(/AUTH_JWKS_URL/);
    const config = loadConfig({ ...base, STAGE: "prod", AUTH_JWKS_URL: "https://cognito.example/jwks.json" });
    expect(config.DEV_AUTH).toBe(false);
  });
});
