import { describe, expect, it } from "vitest";
import { createApp } from "./app";
import { signDevToken } from "./auth/dev-idp";
import { config, defaultRetentionRejectedDays, loadConfig, loadDataConfig, setConfig } from "./config";

const base = { TABLE_NAME: "ketnoi", AUTH_ISSUER: "https://issuer.example", AUTH_AUDIENCE: "ketnoi-web" };
const secret = "a-deploy-secret-of-at-least-32-characters";

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
    expect(() => loadConfig({ ...base, STAGE: "prod", SERVER_SECRET: secret })).toThrow(/AUTH_JWKS_URL/);
    const config = loadConfig({
      ...base,
      STAGE: "prod",
      AUTH_JWKS_URL: "https://cognito.example/jwks.json",
      SERVER_SECRET: secret,
    });
    expect(config.DEV_AUTH).toBe(false);
  });

  it("reads the search snapshot's bucket and key, both optional here, and names a malformed bucket", () => {
    const prod = { ...base, STAGE: "prod", AUTH_JWKS_URL: "https://cognito.example/jwks.json", SERVER_SECRET: secret };
    const withoutSearch = loadConfig(prod);
    expect([withoutSearch.SEARCH_BUCKET, withoutSearch.SEARCH_KEY]).toEqual([undefined, undefined]);
    expect(loadConfig({ ...prod, SEARCH_BUCKET: "ketnoi-prod-search", SEARCH_KEY: "search/index.json" })).toMatchObject(
      { SEARCH_BUCKET: "ketnoi-prod-search", SEARCH_KEY: "search/index.json" },
    );
    expect(() => loadConfig({ ...prod, SEARCH_BUCKET: "Not_A_Bucket" })).toThrow(/SEARCH_BUCKET/);
    expect(() => loadConfig({ ...prod, SEARCH_KEY: "" })).toThrow(/SEARCH_KEY/);
  });
});

describe("server secret and trusted proxies", () => {
  const prod = { ...base, STAGE: "prod", AUTH_JWKS_URL: "https://cognito.example/jwks.json" };
  it("requires SERVER_SECRET in deploy and names it; a short one is refused", () => {
    expect(() => loadConfig(prod)).toThrow(/SERVER_SECRET/);
    expect(() => loadConfig({ ...prod, SERVER_SECRET: "short" })).toThrow(/SERVER_SECRET/);
    expect(loadConfig({ ...prod, SERVER_SECRET: secret }).SERVER_SECRET).toBe(secret);
  });

  it("gives local runs a development key and trusts no proxy unless told", () => {
    const local = loadConfig({ ...base, DEV_AUTH: "true" });
    expect(local.SERVER_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(local.TRUSTED_PROXIES).toEqual([]);
    expect(loadConfig({ ...base, DEV_AUTH: "true", TRUSTED_PROXIES: "10.0.0.1, ::1" }).TRUSTED_PROXIES).toEqual([
      "10.0.0.1",
      "::1",
    ]);
    expect(() => loadConfig({ ...base, DEV_AUTH: "true", TRUSTED_PROXIES: "proxy.example" })).toThrow(
      /TRUSTED_PROXIES/,
    );
  });
});

describe("loadDataConfig (the stream consumer's configuration)", () => {
  it("needs no sign-in settings, only the table and the snapshot location", () => {
    const env = { STAGE: "prod", TABLE_NAME: "ketnoi-prod", SEARCH_BUCKET: "ketnoi-prod-search", SEARCH_KEY: "s.json" };
    expect(loadDataConfig(env)).toEqual({ ...env, AWS_REGION: "ap-southeast-1", RETENTION_REJECTED_DAYS: 180 });
    expect(() => loadDataConfig({ STAGE: "prod" })).toThrow(/TABLE_NAME/);
    expect(() => loadDataConfig({ ...env, SEARCH_BUCKET: "x" })).toThrow(/SEARCH_BUCKET/);
  });

  it("reads the retention period of non-hired applicants' data: 180 days unless set, a whole number of days", () => {
    const env = { STAGE: "prod", TABLE_NAME: "ketnoi-prod" };
    expect(defaultRetentionRejectedDays).toBe(180);
    expect(loadDataConfig(env).RETENTION_REJECTED_DAYS).toBe(180);
    expect(loadDataConfig({ ...env, RETENTION_REJECTED_DAYS: "30" }).RETENTION_REJECTED_DAYS).toBe(30);
    for (const bad of ["0", "-5", "12.5", "six months", "", "3651"]) {
      expect(() => loadDataConfig({ ...env, RETENTION_REJECTED_DAYS: bad }), bad).toThrow(/RETENTION_REJECTED_DAYS/);
    }
  });
});

describe("the development identity provider in production", () => {
  const prod = {
    ...base,
    STAGE: "prod",
    AUTH_JWKS_URL: "https://cognito.example/jwks.json",
    WEB_ORIGIN: "https://ketnoi.example.vn",
    SERVER_SECRET: secret,
  };
  const devAuthRequests = [
    ["GET", "/api/dev-auth/accounts"],
    ["GET", "/api/dev-auth/jwks.json"],
    ["POST", "/api/dev-auth/token"],
  ] as const;
  const send = (app: ReturnType<typeof createApp>, method: string, path: string) =>
    app.request(path, {
      method,
      ...(method === "POST"
        ? { headers: { "content-type": "application/json" }, body: JSON.stringify({ userId: "admin-demo" }) }
        : {}),
    });

  it("is not even mounted when STAGE=prod: its routes answer 404 and it signs nothing", async () => {
    const test = config();
    // Mounted in the test configuration (DEV_AUTH on): the 404s below come from the production setting.
    expect((await send(createApp(), "GET", "/api/dev-auth/jwks.json")).status).toBe(200);
    setConfig(loadConfig(prod));
    try {
      expect(config()).toMatchObject({ STAGE: "prod", DEV_AUTH: false });
      const app = createApp();
      for (const [method, path] of devAuthRequests) {
        const res = await send(app, method, path);
        expect(res.status, `${method} ${path}`).toBe(404);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
      }
      const user = { userId: "admin-demo", email: "a@example.vn", displayName: "A", role: "admin" as const };
      await expect(signDevToken(user)).rejects.toThrow(/disabled/);
    } finally {
      setConfig(test);
    }
  });

  it("cannot be switched on in production by any spelling of the flag", () => {
    for (const flag of ["true", "1"]) {
      expect(() => loadConfig({ ...prod, DEV_AUTH: flag }), flag).toThrow(/DEV_AUTH.*STAGE=prod/);
    }
    expect(() => loadConfig({ ...prod, DEV_AUTH: "yes" })).toThrow(/DEV_AUTH/);
  });
});
