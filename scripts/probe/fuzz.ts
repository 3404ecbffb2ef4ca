import {
  bodyArbitrary,
  nastyStrings,
  pollutingBodies,
  rawBodies,
  rawSegments,
  toJsonText,
  validValue,
} from "@ketnoi/functions/test/hardening/fuzz-inputs";
import { type ApiRoute, apiRoutes, fillPath, type JsonSchema, send } from "@ketnoi/functions/test/hardening/probe";
import { buildWorld, orgA, userIds } from "@ketnoi/functions/test/hardening/world";
import { useRemoteApi } from "@ketnoi/functions/test/helpers";
import { freshIp } from "@ketnoi/functions/test/marketplace";
import fc from "fast-check";
import type { ProbeModule } from "./contract";
import { probePlatform } from "./platform";

/** Numbers that broke parsers and DynamoDB before every schema number was bounded, as raw JSON tokens. */
const boundaryNumbers = [
  "1e21",
  "-1e21",
  "9007199254740993",
  "123456789012345678901234567890",
  "1e308",
  "-0",
  "0.5",
  "-1",
  "0",
];
/** Traces of internals an error must never show. */
const leaks = /\bat \S+ \(|node_modules|\/work\/|file:\/\/|\.[jt]s:\d+:\d+|\bError: /;

/** Paths (a.b.c) of every number in a JSON schema's object properties, nested objects included. */
function numberPaths(schema: JsonSchema | undefined, prefix: string[] = []): string[][] {
  if (!schema?.properties) return [];
  return Object.entries(schema.properties).flatMap(([key, sub]) => {
    if (sub.type === "number" || sub.type === "integer") return [[...prefix, key]];
    return numberPaths(sub, [...prefix, key]);
  });
}

/** A valid body with the number at `path` replaced by a raw token (JSON.stringify cannot write 2^53 + 1). */
function withNumber(body: unknown, path: string[], token: string): string {
  const copy = structuredClone(body ?? {}) as Record<string, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) {
    at[key] = typeof at[key] === "object" && at[key] !== null ? at[key] : {};
    at = at[key] as Record<string, unknown>;
  }
  at[path.at(-1)!] = "@@NUMBER@@";
  return toJsonText(copy).replace('"@@NUMBER@@"', token);
}

/**
 * Hostile input on every route of the OpenAPI document, over HTTP: boundary numbers in every numeric field of a
 * valid body, raw and polluting bodies, nasty path segments and random bodies, as anonymous and signed-in
 * callers. A breach is any 5xx, an error that is not the JSON error shape, or one that shows internals.
 */
export const probe: ProbeModule = {
  name: "fuzz",
  async run({ short, log }) {
    const platform = await probePlatform(log);
    useRemoteApi(platform.apiUrl);
    const breaches: string[] = [];
    let checks = 0;
    const figures = { routes: 0, boundaryNumbers: 0 };
    try {
      const world = await buildWorld();
      const { tokens: t, ...resources } = world;
      const ids = [...Object.values(resources), ...Object.values(userIds), orgA, "s1"];
      const tokens = [undefined, t.student, t.ownerA, t.admin, t.memberB];
      const routes = await apiRoutes();
      figures.routes = routes.length;
      const check = async (route: ApiRoute, path: string, body: string | Uint8Array | undefined, token?: string) => {
        const res = await send(route.method, path, {
          ...(token ? { token } : {}),
          ...(body === undefined ? {} : { body }),
          headers: {
            "x-forwarded-for": freshIp(),
            ...(body === undefined ? {} : { "content-type": "application/json" }),
          },
        });
        checks++;
        const shown = `${route.method} ${path.slice(0, 120)} ${typeof body === "string" ? body.slice(0, 120) : ""}`;
        if (res.status >= 500) breaches.push(`${shown} → ${res.status} ${res.text.slice(0, 160)}`);
        else if (res.status >= 400 && route.method !== "HEAD") {
          if (typeof res.json?.error?.code !== "string") breaches.push(`${shown} → ${res.status} not the error shape`);
          if (leaks.test(res.text))
            breaches.push(`${shown} → ${res.status} shows internals: ${res.text.slice(0, 160)}`);
        }
      };
      const writes = new Set(["POST", "PUT", "PATCH", "DELETE"]);
      for (const route of routes) {
        const realPath = fillPath(route.path, {
          id: route.path.startsWith("/api/organisations") ? orgA : world.publishedListing,
          userId: userIds.student,
          sessionId: "s1",
        });
        const signedIn = tokens.filter(Boolean) as string[];
        if (writes.has(route.method)) {
          const valid = fc.sample(validValue(route.body ?? { type: "object" }, ids), { numRuns: 1, seed: 57 })[0];
          for (const path of numberPaths(route.body)) {
            for (const token of short ? boundaryNumbers.slice(0, 4) : boundaryNumbers) {
              figures.boundaryNumbers++;
              await check(route, realPath, withNumber(valid, path, token), signedIn[checks % signedIn.length]);
            }
          }
          const raw = short ? rawBodies.slice(0, 4) : rawBodies;
          for (const body of [...raw, ...pollutingBodies])
            await check(route, realPath, body, signedIn[checks % signedIn.length]);
          const random = fc.sample(bodyArbitrary(route.body, ids), { numRuns: short ? 3 : 20, seed: 11 });
          for (const { body } of random) await check(route, realPath, body, tokens[checks % tokens.length]);
        }
        if (route.pathParams.length > 0) {
          const segments = short
            ? [...rawSegments.slice(0, 3), ...nastyStrings.slice(0, 6)]
            : [...rawSegments, ...nastyStrings];
          for (const segment of segments) {
            const raw = rawSegments.includes(segment);
            const values = Object.fromEntries(route.pathParams.map((p) => [p, segment]));
            await check(route, fillPath(route.path, values, raw), undefined, tokens[checks % tokens.length]);
          }
        }
        for (const query of [
          "?limit=1e21",
          "?limit=-1&limit=9007199254740993",
          "?year=123456789012345678901234567890",
        ]) {
          await check(route, realPath + query, undefined, tokens[checks % tokens.length]);
        }
      }
      return { probe: "fuzz", checks, breaches, figures };
    } finally {
      useRemoteApi(undefined);
      await platform.stop();
    }
  },
};
