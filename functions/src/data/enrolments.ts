import type { StudentProfile } from "@ketnoi/core";
import type { StudentEntity } from "../db/entities/student";
import { liteWrites, send, whereEquals } from "../db/lite-writes";
import { studentModel } from "../db/models/student";
import { AppError } from "../http/errors";
import { guard } from "./guard";

// A school's confirmation patches a student's profile over the lite data path (db/lite-writes.ts, issue 14): as
// ElectroDB's update of the student entity, it re-evaluates the sparse consent index's condition. Kept apart from
// data/students.ts, which the account group's function uses.
const studentWrites = liteWrites<StudentEntity>(studentModel);

/**
 * Confirms (or withdraws the confirmation of) a student's enrolment at the school they declared. 404 when the
 * student did not declare this school: a school confirms only its own declared students.
 */
export async function setEnrolment(universityId: string, userId: string, confirmed: boolean): Promise<StudentProfile> {
  const notDeclared = () => new AppError("not_found", "Sinh viên này không khai báo học tại trường.");
  const change = confirmed
    ? { set: { confirmedUniversityId: universityId, enrolmentConfirmedAt: new Date().toISOString() } }
    : { remove: ["confirmedUniversityId", "enrolmentConfirmedAt"] as const };
  const data = await guard(
    () =>
      send(studentWrites.patch({ userId }, change, whereEquals(studentModel, { universityId })), {
        returnNew: studentModel,
      }),
    notDeclared,
  );
  return data as StudentProfile;
}
