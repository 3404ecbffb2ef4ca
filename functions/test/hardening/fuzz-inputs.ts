import fc from "fast-check";
import type { ApiRoute, JsonSchema } from "./probe";

/** Strings that have broken parsers, key builders and templating elsewhere. */
export const nastyStrings = [
  "",
  " ",
  "\u0000",
  "null",
  "undefined",
  "NaN",
  "-0",
  "1e308",
  "99999999999999999999999",
  "__proto__",
  "constructor",
  "prototype",
  "hasOwnProperty",
  "Nguyễn Thị Ánh Tuyết – Đồng Nai",
  "Tiếng Việt có dấu".normalize("NFD"),
  "👩🏽‍💻🚀🇻🇳",
  "مرحبا بالعالم \u202Eabc",
  "\u200B\uFEFF\u2060",
  "\uD800",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  // A Log4Shell lookup and a template expression, as text (not a placeholder of this file).
  ["$", "{jndi:ldap://x}{{7*7}}"].join(""),
  "$ketnoi$listing_1#listingid_x",
  "#",
  "a".repeat(100_000),
  "ệ".repeat(40_000),
];

/** Numbers JSON.parse accepts that code often mishandles, and tokens it must reject. Sent as raw JSON text. */
export const rawNumberTokens = ["-0", "1e308", "-1e308", "1e999", "5e-324", "123456789012345678901234567890", "0.1e1"];
const invalidJsonTokens = ["NaN", "Infinity", "-Infinity", "0x10", "01", ".5", "undefined"];

const rawMarker = (token: string) => `@@RAW:${token}@@`;
/** JSON text with raw-token markers replaced by the tokens themselves (numbers JSON.stringify cannot write). */
export const toJsonText = (value: unknown) =>
  JSON.stringify(value).replace(/"@@RAW:([^@"]+)@@"/g, (_, token: string) => token);

const nastyJsonValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, Number.MAX_SAFE_INTEGER + 2, [], {}, [[]], [{}], ""),
  fc.constantFrom(...nastyStrings),
  fc.constantFrom(...rawNumberTokens.map(rawMarker)),
);

/** Deep nesting: 1,000 levels of arrays or objects. */
export const deeplyNested = [`${"[".repeat(1000)}${"]".repeat(1000)}`, `${'{"a":'.repeat(1000)}1${"}".repeat(1000)}`];

/** Bodies that are not valid UTF-8 or not valid JSON at all, as raw bytes. */
export const rawBodies: Uint8Array[] = [
  new Uint8Array([0xff, 0xfe, 0xfd]),
  new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]), // {"a":"\xC3("}
  new Uint8Array([0x7b, 0x22, 0xc0, 0xaf, 0x22, 0x3a, 0x31, 0x7d]), // overlong "/" as a key
  new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]), // BOM + {}
  new Uint8Array([0xed, 0xa0, 0x80]), // an encoded lone surrogate
  new TextEncoder().encode('{"a":'),
  new TextEncoder().encode('{"a":1,"a":2}'),
  new TextEncoder().encode('"\\ud800"'),
  ...invalidJsonTokens.map((token) => new TextEncoder().encode(`{"version":${token}}`)),
  ...deeplyNested.map((text) => new TextEncoder().encode(text)),
];

/** JSON texts that try to pollute Object.prototype through parsing, merging or spreading. */
export const pollutingBodies = [
  '{"__proto__":{"polluted":"yes","isAdmin":true}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"prototype":{"polluted":"yes"}}',
  '[{"__proto__":{"polluted":"yes"}}]',
];

/** Inserts prototype-pollution keys into a JSON object text (the real key `__proto__`, which no literal can make). */
export function withPollutingKeys(text: string): string {
  if (!text.startsWith("{")) return text;
  const rest = text.slice(1);
  const keys = '"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}';
  return `{${keys}${rest === "}" ? "" : ","}${rest}`;
}

const clamp = (s: string, schema: JsonSchema) => {
  const max = Math.min(schema.maxLength ?? 60, 60);
  const min = schema.minLength ?? 0;
  const cut = s.slice(0, max);
  return cut.length >= min ? cut : cut.padEnd(min, "ă");
};

const vietnamese = fc.constantFrom(
  "Thực tập sinh lập trình nhúng",
  "Kỹ sư vi mạch Long Thành",
  "Sinh viên năm ba",
  "Đồng Nai",
);

const idPattern = "^[a-z0-9][a-z0-9-]{1,63}$";

/**
 * Values the schema accepts (most of the time): they reach handlers and the data layer, where 500s hide. Id-shaped
 * strings are usually ids that exist (`ids`), and optional properties are few, so that most values pass validation.
 */
export function validValue(schema: JsonSchema, ids: readonly string[] = []): fc.Arbitrary<unknown> {
  if ("const" in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case "object": {
      const properties = Object.entries(schema.properties ?? {});
      const required = new Set(schema.required ?? []);
      const optional = properties.filter(([key]) => !required.has(key)).map(([key]) => key);
      const all = fc.record(Object.fromEntries(properties.map(([key, s]) => [key, validValue(s, ids)])));
      return fc
        .tuple(all, fc.subarray(optional, { maxLength: Math.min(3, optional.length) }))
        .map(([value, chosen]) =>
          Object.fromEntries(Object.entries(value).filter(([key]) => required.has(key) || chosen.includes(key))),
        );
    }
    case "array":
      return fc.array(schema.items ? validValue(schema.items, ids) : fc.jsonValue(), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      });
    case "integer": {
      // Small values are versions, years of study and seat counts that exist; any value in range tests the rest.
      const min = schema.minimum ?? -1_000_000;
      const max = schema.maximum ?? 1_000_000;
      return fc.oneof(fc.integer({ min, max: Math.min(max, min + 3) }), fc.integer({ min, max }));
    }
    case "number":
      return fc.double({ min: schema.minimum ?? -1e9, max: schema.maximum ?? 1e9, noNaN: true });
    case "boolean":
      return fc.boolean();
    case "string":
      return validString(schema, ids);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function validString(schema: JsonSchema, ids: readonly string[]): fc.Arbitrary<string> {
  const instant = fc.date({ min: new Date("2020-01-01"), max: new Date("2100-12-31"), noInvalidDate: true });
  switch (schema.format) {
    case "date":
      return instant.map((d) => d.toISOString().slice(0, 10));
    case "date-time":
      return instant.map((d) => d.toISOString());
    case "email":
      return fc.constantFrom("lan.nguyen@example.vn", "a@b.co", "tuyen.dung@cong-ty.com.vn");
    case "uri":
      return fc.webPath().map((path) => `https://cv.example.vn${path}`.slice(0, 400));
  }
  if (schema.pattern === idPattern && ids.length > 0) {
    return fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...ids) },
      { weight: 1, arbitrary: fc.stringMatching(new RegExp(idPattern)) },
    );
  }
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).map((s) => clamp(s, schema));
  return fc.oneof(vietnamese, fc.string({ unit: "grapheme", maxLength: 40 })).map((s) => clamp(s, schema));
}

/** Replaces one value somewhere inside `value` (or the value itself) with a nasty or wrongly typed one. */
function mutate(value: unknown, replacement: unknown, path: number[]): unknown {
  if (path.length === 0 || value === null || typeof value !== "object") return replacement;
  const [step, ...rest] = path as [number, ...number[]];
  if (Array.isArray(value)) {
    if (value.length === 0) return [replacement];
    const index = step % value.length;
    return value.map((item, i) => (i === index ? mutate(item, replacement, rest) : item));
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return { [String(step)]: replacement };
  const key = keys[step % keys.length]!;
  return { ...value, [key]: mutate((value as Record<string, unknown>)[key], replacement, rest) };
}

/** A valid value with one part replaced by a nasty one (a wrong type, a huge string, an array for an object…). */
export const mutatedValue = (schema: JsonSchema, ids: readonly string[] = []) =>
  fc
    .tuple(validValue(schema, ids), nastyJsonValue, fc.array(fc.nat(), { maxLength: 4 }))
    .map(([value, replacement, path]) => mutate(value, replacement, path));

/** A request body and its content type. */
export interface FuzzBody {
  body: string | Uint8Array;
  contentType?: string;
}

const contentTypes = fc.constantFrom<string | undefined>(
  "application/json",
  "application/json",
  "application/json",
  "application/json; charset=utf-8",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/merge-patch+json",
  undefined,
);

/** Bodies for a route: mostly schema-shaped, sometimes mutated, random JSON, raw bytes or pollution attempts. */
export function bodyArbitrary(schema: JsonSchema | undefined, ids: readonly string[]): fc.Arbitrary<FuzzBody> {
  const shaped = schema ?? { type: "object" };
  const text = fc.oneof(
    { weight: 4, arbitrary: validValue(shaped, ids).map(toJsonText) },
    { weight: 4, arbitrary: mutatedValue(shaped, ids).map(toJsonText) },
    { weight: 1, arbitrary: validValue(shaped, ids).map((v) => withPollutingKeys(toJsonText(v))) },
    { weight: 1, arbitrary: fc.jsonValue().map(toJsonText) },
    { weight: 1, arbitrary: fc.constantFrom(...pollutingBodies) },
  );
  return fc.oneof(
    { weight: 8, arbitrary: fc.record({ body: text, contentType: contentTypes }) },
    { weight: 1, arbitrary: fc.record({ body: fc.constantFrom(...rawBodies), contentType: contentTypes }) },
    {
      weight: 1,
      arbitrary: fc.uint8Array({ maxLength: 64 }).map((body) => ({ body, contentType: "application/json" })),
    },
  );
}

const asQueryText = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

/** A query string: the route's parameters (valid, nasty or repeated) plus unknown and pollution keys. */
export function queryArbitrary(route: ApiRoute, ids: readonly string[]): fc.Arbitrary<string> {
  const known = route.query.map(({ name, schema }) =>
    fc.option(
      fc.oneof(
        { weight: 4, arbitrary: validValue(schema, ids).map((v) => [[name, asQueryText(v)]]) },
        { weight: 1, arbitrary: fc.constantFrom(...nastyStrings).map((v) => [[name, v]]) },
        {
          weight: 1,
          arbitrary: fc.tuple(validValue(schema, ids), validValue(schema, ids)).map(([a, b]) => [
            [name, asQueryText(a)],
            [name, asQueryText(b)],
          ]),
        },
      ),
      { nil: [] as string[][] },
    ),
  );
  const extra = fc.array(
    fc.tuple(fc.oneof(fc.constantFrom("__proto__", "constructor", "prototype[x]", "a[b]"), fc.string()), fc.string()),
    { maxLength: 2 },
  );
  const built = fc.tuple(fc.tuple(...known), extra).map(([pairs, more]) => {
    const params = new URLSearchParams([...pairs.flat(), ...more] as [string, string][]);
    const text = params.toString();
    return text ? `?${text}` : "";
  });
  const malformed = fc.constantFrom("?%", "?a=%E0%A4%A", "?&&==&", "?limit=%F0%9F%98", `?q=${"x".repeat(100_000)}`);
  return fc.oneof({ weight: 6, arbitrary: built }, { weight: 1, arbitrary: malformed });
}

/** Raw, already-encoded path segments: malformed escapes, traversal, NUL, truncated UTF-8. */
export const rawSegments = ["%", "%ZZ", "%C0%AF", "..", "%2e%2e", "%00", "%F0%9F", "a%2Fb", "%E1%BB%87", ";", "."];

/** Values for each path parameter: real ids of the world, well-formed random ids, nasty strings, raw segments. */
export function pathArbitrary(
  route: ApiRoute,
  ids: string[],
): fc.Arbitrary<{ values: Record<string, string>; raw: boolean }> {
  if (route.pathParams.length === 0) return fc.constant({ values: {}, raw: false });
  const value = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...ids) },
    { weight: 2, arbitrary: fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,63}$/) },
    { weight: 2, arbitrary: fc.constantFrom(...nastyStrings) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }) },
  );
  const named = (v: fc.Arbitrary<string>) =>
    fc
      .tuple(...route.pathParams.map(() => v))
      .map((vs) => Object.fromEntries(route.pathParams.map((p, i) => [p, vs[i]!])));
  return fc.oneof(
    { weight: 6, arbitrary: named(value).map((values) => ({ values, raw: false })) },
    { weight: 1, arbitrary: named(fc.constantFrom(...rawSegments)).map((values) => ({ values, raw: true })) },
  );
}
