import {
  confirmedSchoolOf,
  EnrolmentDecisionSchema,
  EnrolmentListSchema,
  EnrolmentParamSchema,
  EnrolmentSchema,
  IdParamSchema,
  type StudentProfile,
} from "@ketnoi/core";
import type { Context } from "hono";
import { Hono } from "hono";
import { setEnrolment } from "../data/enrolments";
import { getOrganisation } from "../data/organisations";
import { studentsDeclaring } from "../data/students";
import type { AppEnv } from "../http/env";
import { AppError } from "../http/errors";
import { enforce } from "../http/middleware";
import { route } from "../http/openapi";
import { validate } from "../http/validate";

const toEnrolment = (p: StudentProfile) => ({
  studentId: p.userId,
  fullName: p.fullName,
  major: p.major,
  year: p.year,
  confirmed: confirmedSchoolOf(p) !== undefined,
});

/** Checks that the caller is staff of this organisation and that it acts as a school (verified university…). */
async function enforceSchoolStaff(c: Context<AppEnv>, orgId: string) {
  const org = await getOrganisation(orgId);
  enforce(c, "enrolment:confirm", {
    orgId,
    ...(org ? { orgKind: org.kind, orgVerification: org.verification } : {}),
  });
  if (!org) throw new AppError("not_found", "Không tìm thấy trường.");
}

/**
 * A school's enrolment list: the students who declared it in their profile, for its staff to confirm. Only a
 * confirmed enrolment grants anything (school placement rounds); the declared school alone is shown "unconfirmed".
 */
export const enrolmentRoutes = new Hono<AppEnv>()
  .get(
    "/:id/enrolments",
    route({
      tags: ["Organisations"],
      summary: "Students who declared this school, each confirmed or not (the school's staff)",
      auth: true,
      ok: { 200: { description: "Declared students", schema: EnrolmentListSchema } },
      errors: [400, 404],
    }),
    validate("param", IdParamSchema),
    async (c) => {
      const { id } = c.req.valid("param");
      await enforceSchoolStaff(c, id);
      const students = await studentsDeclaring(id);
      return c.json({ items: students.map(toEnrolment).sort((a, b) => a.fullName.localeCompare(b.fullName, "vi")) });
    },
  )
  .put(
    "/:id/enrolments/:userId",
    route({
      tags: ["Organisations"],
      summary: "Confirm (or withdraw) that a student who declared this school studies there (the school's staff)",
      description:
        "Only a verified university or institute's staff. 404 when the student did not declare this school. A " +
        "student who later declares another school loses the confirmation.",
      auth: true,
      body: true,
      ok: { 200: { description: "The enrolment", schema: EnrolmentSchema } },
      errors: [404],
    }),
    validate("param", EnrolmentParamSchema),
    validate("json", EnrolmentDecisionSchema),
    async (c) => {
      const { id, userId } = c.req.valid("param");
      await enforceSchoolStaff(c, id);
      const profile = await setEnrolment(id, userId, c.req.valid("json").confirmed);
      return c.json(toEnrolment(profile));
    },
  );
