import type { StudentProfile, StudentProfileInput } from "@ketnoi/core";
import type { EntityItem } from "electrodb";
import type { StudentEntity } from "../db/entities/student";
import { liteEntity } from "../db/lite";
import { liteWrites, send, whereEquals } from "../db/lite-writes";
import { studentModel } from "../db/models/student";
import { AppError } from "../http/errors";
import { noteProfileSaved } from "./candidate-pool";
import { guard } from "./guard";

// Read by recommendations, so over the lite data path (student-reads.ts, issue 14); re-exported here.
export { getStudentProfile } from "./student-reads";

type StudentItem = EntityItem<StudentEntity>;

// Profiles are written whole (create, put), over the lite data path (db/lite.ts, issue 14): the account group's
// function carries no ElectroDB. A school's enrolment confirmation patches a profile: data/enrolments.ts.
const students = liteEntity<StudentEntity>(studentModel);
const studentWrites = liteWrites<StudentEntity>(studentModel);

function toProfile(item: StudentItem): StudentProfile {
  return item as StudentProfile;
}

/** Students who declared a school (its enrolment list), by user id; each with whether the school confirmed them. */
export async function studentsDeclaring(universityId: string): Promise<StudentProfile[]> {
  const data = await guard(() => students.query("byUniversity", { universityId }));
  return data.map(toProfile);
}

/**
 * Saves a student's profile. Each consent keeps the time it was last changed, which is the proof the law asks for.
 * First save: `version` absent and no profile may exist. Later saves: `version` must match the stored one.
 */
export async function saveStudentProfile(
  userId: string,
  input: StudentProfileInput,
  current: StudentProfile | undefined,
): Promise<StudentProfile> {
  const now = new Date().toISOString();
  const { version, consents, ...fields } = input;
  const consentRecord = Object.fromEntries(
    Object.entries(consents).map(([purpose, granted]) => {
      const previous = current?.consents[purpose as keyof typeof consents];
      return [purpose, previous && previous.granted === granted ? previous : { granted, at: now }];
    }),
  ) as StudentProfile["consents"];

  if (!current) {
    if (version !== undefined) throw new AppError("not_found", "Chưa có hồ sơ để cập nhật.");
    const item = { userId, ...fields, consents: consentRecord, createdAt: now, updatedAt: now, version: 1 };
    await guard(
      () => send(studentWrites.create(item as StudentItem)),
      () => new AppError("version_conflict", "Hồ sơ vừa được tạo ở nơi khác; hãy tải lại."),
    );
    const created = toProfile(item as StudentItem);
    noteProfileSaved(created);
    return created;
  }
  if (version === undefined) {
    throw new AppError("version_conflict", "Hồ sơ đã tồn tại; hãy gửi kèm phiên bản (version) đang sửa.");
  }
  // A confirmed enrolment holds while the student keeps the same school; declaring another one drops it.
  const confirmation =
    current.confirmedUniversityId && current.confirmedUniversityId === fields.universityId
      ? { confirmedUniversityId: current.confirmedUniversityId, enrolmentConfirmedAt: current.enrolmentConfirmedAt }
      : {};
  const item = {
    userId,
    ...fields,
    ...confirmation,
    consents: consentRecord,
    createdAt: current.createdAt,
    updatedAt: now,
    version: version + 1,
  };
  await guard(() => send(studentWrites.put(item as StudentItem, whereEquals(studentModel, { version }))));
  const saved = toProfile(item as StudentItem);
  noteProfileSaved(saved);
  return saved;
}
