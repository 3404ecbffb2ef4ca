import { describe, expect, it } from "vitest";
import { loadConfig, loadDataConfig } from "./config";

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

  it("reads the search snapshot's bucket and key, both optional here, and names a malformed bucket", () => {
    const prod = { ...base, STAGE: "prod", AUTH_JWKS_URL: "https://cognito.example/jwks.json" };
    const withoutSearch = loadConfig(prod);
    expect([withoutSearch.SEARCH_BUCKET, withoutSearch.SEARCH_KEY]).toEqual([undefined, undefined]);
    expect(loadConfig({ ...prod, SEARCH_BUCKET: "ketnoi-prod-search", SEARCH_KEY: "search/index.json" })).toMatchObject(
      { SEARCH_BUCKET: "ketnoi-prod-search", SEARCH_KEY: "search/index.json" },
    );
    expect(() => loadConfig({ ...prod, SEARCH_BUCKET: "Not_A_Bucket" })).toThrow(/SEARCH_BUCKET/);
    expect(() => loadConfig({ ...prod, SEARCH_KEY: "" })).toThrow(/SEARCH_KEY/);
  });
});

describe("loadDataConfig (the stream consumer's configuration)", () => {
  it("needs no sign-in settings, only the table and the snapshot location", () => {
    const env = { STAGE: "prod", TABLE_NAME: "ketnoi-prod", SEARCH_BUCKET: "ketnoi-prod-search", SEARCH_KEY: "s.json" };
    expect(loadDataConfig(env)).toEqual({ ...env, AWS_REGION: "ap-southeast-1" });
    expect(() => loadDataConfig({ STAGE: "prod" })).toThrow(/TABLE_NAME/);
    expect(() => loadDataConfig({ ...env, SEARCH_BUCKET: "x" })).toThrow(/SEARCH_BUCKET/);
  });
});
