import type { StudentProfile } from "@ketnoi/core";
import type { EntityItem } from "electrodb";
import type { ApplicationEntity } from "../db/entities/application";
import type { StudentEntity } from "../db/entities/student";
import { liteEntity } from "../db/lite";
import { applicationModel } from "../db/models/application";
import { studentModel } from "../db/models/student";
import type { StoredApplication } from "./applications";
import { guard } from "./guard";

// What recommendations read of the signed-in student (the profile, their applications), over the lite data path
// (db/lite.ts): the same items ElectroDB writes, without ElectroDB in the read function (issue 14). data/students.ts
// and data/applications.ts re-export these; their writes stay on ElectroDB.
const students = liteEntity<StudentEntity>(studentModel);
const applications = liteEntity<ApplicationEntity>(applicationModel);

/** An application item as the data layer's StoredApplication. */
export function toStoredApplication({ applicationId, ...rest }: EntityItem<ApplicationEntity>): StoredApplication {
  return { id: applicationId, ...rest } as StoredApplication;
}

/** A student's profile, or undefined if they have not saved one yet. */
export async function getStudentProfile(userId: string): Promise<StudentProfile | undefined> {
  const data = await guard(() => students.get({ userId }));
  return data ? (data as StudentProfile) : undefined;
}

/** A student's applications, newest first. */
export async function listStudentApplications(studentId: string): Promise<StoredApplication[]> {
  const data = await guard(() => applications.query("byStudent", { studentId }, { order: "desc" }));
  return data.map(toStoredApplication);
}
