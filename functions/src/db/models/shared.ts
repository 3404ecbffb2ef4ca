import { pipelineActors } from "@ketnoi/core";

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

/**
 * A record's history: a list of events, each saying when (`at`) and who (`by`) besides what `event` describes (an
 * application's status changes, an interview's proposals and picks). One shape, so both timelines read alike.
 */
export const timeline = <const Event extends Record<string, { type: unknown }>>(event: Event) =>
  ({
    type: "list",
    required: true,
    items: {
      type: "map",
      properties: {
        ...event,
        at: { type: "string", required: true },
        by: { type: pipelineActors, required: true },
      },
    },
  }) as const;
