import { defineModel } from "./define";

/**
 * Links an organisation to a placement round that includes at least one of its listings, in the organisation's
 * partition: rounds are stored per school, and this is how an organisation finds the rounds its listings are in.
 * Written in the same transaction as the round (`createRound`), and never changed: a round's listings are fixed
 * when it is opened.
 */
export const placementRoundOrgModel = defineModel({
  model: { entity: "placementRoundOrg", version: "1", service: "ketnoi" },
  attributes: {
    orgId: { type: "string", required: true, readOnly: true },
    roundId: { type: "string", required: true, readOnly: true },
    // The round's creation time: the sort key puts an organisation's newest rounds first.
    createdAt: { type: "string", required: true, readOnly: true },
    // The organisation's listings in the round.
    listingIds: { type: "list", items: { type: "string" }, required: true, readOnly: true },
  },
  indexes: {
    byOrg: {
      pk: { field: "pk", composite: ["orgId"] },
      sk: { field: "sk", composite: ["createdAt", "roundId"] },
    },
  },
});
