import { notificationKinds } from "@ketnoi/core";
import { defineModel } from "./define";
import { bilingualText } from "./shared";

/** An in-app notification for one user, newest first in the user's partition; expires after 180 days. */
export const notificationModel = defineModel({
  model: { entity: "notification", version: "1", service: "ketnoi" },
  attributes: {
    userId: { type: "string", required: true, readOnly: true },
    notificationId: { type: "string", required: true, readOnly: true },
    kind: { type: notificationKinds, required: true },
    title: { ...bilingualText, required: true },
    body: bilingualText,
    link: { type: "string" },
    read: { type: "boolean", required: true, default: false },
    createdAt: { type: "string", required: true, readOnly: true },
    expiresAt: { type: "number", field: "expiresAt" },
  },
  indexes: {
    byUser: {
      pk: { field: "pk", composite: ["userId"] },
      sk: { field: "sk", composite: ["createdAt", "notificationId"] },
    },
  },
});
