import type { StudentProfile, StudentProfileInput } from "@ketnoi/core";
import type { EntityItem } from "electrodb";
import type { StudentEntity } from "../db/entities/student";
import { db } from "../db/service";
import { AppError } from "../http/errors";
import { noteProfileSaved } from "./candidate-pool";
import { guard } from "./guard";

// Read by recommendations, so over the lite data path (student-reads.ts, issue 14); re-exported here.
export { getStudentProfile } from "./student-reads";

type StudentItem = EntityItem<StudentEntity>;

function toProfile(item: StudentItem): StudentProfile {
  return item as StudentProfile;
}

/** Students who declared a school (its enrolment list), by user id; each with whether the school confirmed them. */
export async function studentsDeclaring(universityId: string): Promise<StudentProfile[]> {
  const { data } = await guard(() => db().entities.student.query.byUniversity({ universityId }).go({ pages: "all" }));
  return data.map(toProfile);
}

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
  return toProfile(data as StudentItem);
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
      () => db().entities.student.create(item).go(),
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
  await guard(() =>
    db()
      .entities.student.put(item)
      .where((attr, op) => op.eq(attr.version, version))
      .go(),
  );
  const saved = toProfile(item as StudentItem);
  noteProfileSaved(saved);
  return saved;
}
