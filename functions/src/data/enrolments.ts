import type { StudentProfile } from "@ketnoi/core";
import { db } from "../db/service";
import { AppError } from "../http/errors";
import { guard } from "./guard";

// A school's confirmation patches a student's profile, through ElectroDB: an update of the student entity has
// ElectroDB re-evaluate its sparse consent index's condition, which the lite path's writes do not rebuild
// (db/lite-writes.ts refuses such updates). Kept apart from data/students.ts so the account group's function, which
// saves profiles over the lite data path, carries no ElectroDB (issue 14).

/**
 * Confirms (or withdraws the confirmation of) a student's enrolment at the school they declared. 404 when the
 * student did not declare this school: a school confirms only its own declared students.
 */
export async function setEnrolment(universityId: string, userId: string, confirmed: boolean): Promise<StudentProfile> {
  const notDeclared = () => new AppError("not_found", "Sinh viên này không khai báo học tại trường.");
  const patch = db().entities.student.patch({ userId });
  const changed = confirmed
    ? patch.set({ confirmedUniversityId: universityId, enrolmentConfirmedAt: new Date().toISOString() })
    : patch.remove(["confirmedUniversityId", "enrolmentConfirmedAt"]);
  const { data } = await guard(
    () => changed.where((attr, op) => op.eq(attr.universityId, universityId)).go({ response: "all_new" }),
    notDeclared,
  );
  return data as StudentProfile;
}
