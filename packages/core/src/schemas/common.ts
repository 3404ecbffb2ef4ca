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
/**
 * An integer between `min` and `max`. Every number the API reads or answers is bounded, so that no unsafe integer
 * (1e21, 2^53 + 1, 30 digits) ever reaches DynamoDB or arithmetic: out of range is a 400 naming the field.
 * @example IntegerSchema(1, 500) // seats
 */
export const IntegerSchema = (min: number, max: number) =>
  v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
/**
 * A (possibly fractional) number between `min` and `max`: scores, weights and gains in answers.
 * @example BoundedNumberSchema(0, 1) // a damping factor
 */
export const BoundedNumberSchema = (min: number, max: number) => v.pipe(v.number(), v.minValue(min), v.maxValue(max));
/** The largest record version: far beyond any real edit count, far below 2^53. */
export const maxVersion = 1_000_000_000;
export const VersionSchema = IntegerSchema(1, maxVersion);
/** A count in an answer (applicants, seats taken, records erased): never negative, never unsafe. */
export const TallySchema = IntegerSchema(0, 1_000_000_000);
export const UrlSchema = v.pipe(v.string(), v.maxLength(500), v.url(), v.startsWith("https://"));
export const EmailSchema = v.pipe(v.string(), v.maxLength(200), v.email());

/** The entries of a PATCH body built from a record's fields: every field may be left out (unchanged). */
type PatchEntries<TEntries extends v.ObjectEntries> = {
  [K in keyof TEntries]: TEntries[K] extends v.OptionalSchema<infer TWrapped, undefined>
    ? v.OptionalSchema<v.NullableSchema<TWrapped, undefined>, undefined>
    : v.OptionalSchema<TEntries[K], undefined>;
};

/**
 * A record's fields as a PATCH body takes them: absent leaves a field unchanged; `null` clears an optional field
 * (the only way to remove a stored value), while a required field stays non-nullable, so `null` on it is a 400.
 * @example v.strictObject({ ...patchEntries({ name: v.string(), website: v.optional(UrlSchema) }), version: VersionSchema })
 */
export function patchEntries<TEntries extends v.ObjectEntries>(entries: TEntries): PatchEntries<TEntries> {
  return Object.fromEntries(
    Object.entries(entries).map(([key, schema]) => [
      key,
      schema.type === "optional"
        ? v.optional(v.nullable((schema as v.OptionalSchema<v.GenericSchema, undefined>).wrapped))
        : v.optional(schema),
    ]),
  ) as PatchEntries<TEntries>;
}

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
