import * as v from "valibot";
import { majorIds } from "../catalog";
import { IdSchema, IntegerSchema } from "./common";

/** Path of PUT /api/organisations/{id}/enrolments/{userId}. */
export const EnrolmentParamSchema = v.strictObject({ id: IdSchema, userId: IdSchema });

/** Body of PUT /api/organisations/{id}/enrolments/{userId}: the school's staff confirm (or withdraw) an enrolment. */
export const EnrolmentDecisionSchema = v.strictObject({ confirmed: v.boolean() });
export type EnrolmentDecision = v.InferOutput<typeof EnrolmentDecisionSchema>;

/** A student who declared the school, as its staff see them to confirm: name, major, year and the decision. */
export const EnrolmentSchema = v.object({
  studentId: IdSchema,
  fullName: v.string(),
  major: v.picklist(majorIds),
  year: IntegerSchema(1, 6),
  confirmed: v.boolean(),
});
export type Enrolment = v.InferOutput<typeof EnrolmentSchema>;

export const EnrolmentListSchema = v.object({ items: v.array(EnrolmentSchema) });
