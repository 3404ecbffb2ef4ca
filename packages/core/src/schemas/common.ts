import * as v from "valibot";

/** Entity ids: lower-case letters, digits and dashes. */
export const IdSchema = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{1,63}$/, "Mã không hợp lệ"));
export const IdParamSchema = v.strictObject({ id: IdSchema });

/** Text in Vietnamese (required) with an optional English version. */
export const LocalizedTextSchema = (max: number) =>
  v.strictObject({
    vi: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max)),
    en: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(max))),
  });

export const IsoDateSchema = v.pipe(v.string(), v.isoDate());
export const IsoTimestampSchema = v.pipe(v.string(), v.isoTimestamp());
export const VersionSchema = v.pipe(v.number(), v.integer(), v.minValue(1));
export const UrlSchema = v.pipe(v.string(), v.maxLength(500), v.url(), v.startsWith("https://"));
export const EmailSchema = v.pipe(v.string(), v.maxLength(200), v.email());

/** Cursor pagination query shared by list endpoints. */
export const PageQuerySchema = v.strictObject({
  cursor: v.optional(v.pipe(v.string(), v.maxLength(1000))),
  limit: v.optional(
    v.pipe(v.string(), v.regex(/^\d{1,3}$/), v.transform(Number), v.minValue(1), v.maxValue(100)),
    "20",
  ),
});

export const ErrorBodySchema = v.object({
  error: v.object({
    code: v.string(),
    message: v.string(),
    details: v.optional(v.unknown()),
  }),
});
export type ErrorBody = v.InferOutput<typeof ErrorBodySchema>;
