/** Attribute shapes several entities share. */
export const localizedText = {
  type: "map",
  properties: { vi: { type: "string", required: true }, en: { type: "string" } },
} as const;

/** Text stored in both languages (a notice and its digest entry: written once, already translated). */
export const bilingualText = {
  type: "map",
  properties: { vi: { type: "string", required: true }, en: { type: "string", required: true } },
} as const;

/** Creation and update times, and the version used for optimistic concurrency. */
export const timestamps = {
  createdAt: { type: "string", required: true, readOnly: true },
  updatedAt: { type: "string", required: true },
  version: { type: "number", required: true },
} as const;
