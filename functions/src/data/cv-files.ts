import { randomUUID } from "node:crypto";
import { type CvFile, maxCvFiles } from "@ketnoi/core";
import type { EntityItem } from "electrodb";
import type { CvFileEntity, FileAccessEntity } from "../db/entities/cv-file";
import { liteEntity } from "../db/lite";
import { condition, liteWrites, send } from "../db/lite-writes";
import { cvFileModel, fileAccessModel } from "../db/models/cv-file";
import { AppError } from "../http/errors";
import { guard } from "./guard";

export type CvFileItem = EntityItem<CvFileEntity>;

// Over the lite data path (db/lite.ts, issue 14): no ElectroDB in the functions that upload and attach CVs.
const cvFiles = liteEntity<CvFileEntity>(cvFileModel);
const cvFileWrites = liteWrites<CvFileEntity>(cvFileModel);
const fileAccessWrites = liteWrites<FileAccessEntity>(fileAccessModel);

/** The slot still holds this file, still pending: what a check read and may now settle. */
const stillPending = (fileId: string) =>
  condition(
    cvFileModel,
    ({ attr, value }) => `${attr("fileId")} = ${value(fileId)} AND ${attr("status")} = ${value("pending")}`,
  );

/** A pending upload older than this never completed: its slot is free again (the bucket's lifecycle rule removes
 * the object, if any, under `cv/` objects never marked ready — see infra/files.ts). */
const stalePendingMs = 30 * 60 * 1000;

const limitReached = () =>
  new AppError("cv_limit", `Bạn đã có ${maxCvFiles} CV; hãy xóa bớt một tệp trước khi tải tệp mới lên.`);

/** What the student sees of a file record. */
export function cvView(item: CvFileItem): CvFile {
  return {
    id: item.fileId,
    name: item.name,
    status: item.status,
    ...(item.size !== undefined ? { size: item.size } : {}),
    ...(item.pages !== undefined ? { pages: item.pages } : {}),
    createdAt: item.createdAt,
  };
}

/** A student's files, by slot (at most `maxCvFiles` items: one Query). */
export async function listCvFiles(studentId: string): Promise<CvFileItem[]> {
  return guard(() => cvFiles.query("byStudent", { studentId }, { consistent: true }));
}

/** One of the student's files by its id, or undefined. */
export async function findCvFile(studentId: string, fileId: string): Promise<CvFileItem | undefined> {
  return (await listCvFiles(studentId)).find((f) => f.fileId === fileId);
}

/**
 * Reserves a slot for a new upload: the first slot that is free or holds a stale pending upload, written on
 * condition that it still is, so two concurrent uploads never take the same slot and a fourth file never fits.
 * Returns the pending record and the stale object to delete, if one was displaced.
 */
export async function reserveCvSlot(
  studentId: string,
  name: string,
  declaredSize: number,
): Promise<{ file: CvFileItem; displaced?: string }> {
  const now = new Date();
  const cutoff = new Date(now.getTime() - stalePendingMs).toISOString();
  const taken = new Map((await listCvFiles(studentId)).map((f) => [f.slot, f]));
  for (let slot = 0; slot < maxCvFiles; slot++) {
    const current = taken.get(slot);
    if (current && !(current.status === "pending" && current.createdAt < cutoff)) continue;
    const fileId = randomUUID();
    const file: CvFileItem = {
      studentId,
      slot,
      fileId,
      objectKey: `cv/${studentId}/${fileId}.pdf`,
      name,
      status: "pending",
      declaredSize,
      createdAt: now.toISOString(),
    };
    try {
      const free = current
        ? stillPending(current.fileId)
        : condition(cvFileModel, ({ attr }) => `attribute_not_exists(${attr("fileId")})`);
      await guard(() => send(cvFileWrites.put(file, free)), limitReached);
    } catch (error) {
      // Someone else took this slot meanwhile: try the next one.
      if (error instanceof AppError && error.code === "cv_limit") continue;
      throw error;
    }
    return { file, ...(current ? { displaced: current.objectKey } : {}) };
  }
  throw limitReached();
}

/** Marks a checked upload ready (only if it is still the pending record the check read). */
export async function markCvReady(file: CvFileItem, size: number, pages: number): Promise<CvFileItem> {
  const readyAt = new Date().toISOString();
  await guard(
    () =>
      send(
        cvFileWrites.patch(
          { studentId: file.studentId, slot: file.slot },
          { set: { status: "ready", size, pages, readyAt } },
          stillPending(file.fileId),
        ),
      ),
    () => new AppError("not_found", "Không tìm thấy tệp này; có thể bạn vừa xóa nó."),
  );
  return { ...file, status: "ready", size, pages, readyAt };
}

/** Removes a file's record (only the one with this id: the slot may hold a newer file). */
export async function removeCvFile(file: CvFileItem): Promise<void> {
  await guard(
    () =>
      send(
        cvFileWrites.delete(
          { studentId: file.studentId, slot: file.slot },
          condition(cvFileModel, ({ attr, value }) => `${attr("fileId")} = ${value(file.fileId)}`),
        ),
      ),
    () => new AppError("not_found", "Không tìm thấy tệp này."),
  );
}

/** Records one download of a student's CV by an organisation's member: the student reads it in their export. */
export async function recordFileAccess(entry: {
  studentId: string;
  fileId: string;
  fileName: string;
  applicationId: string;
  orgId: string;
  orgName: string;
  actorId: string;
  actorName: string;
}): Promise<void> {
  await guard(() => send(fileAccessWrites.create({ ...entry, at: new Date().toISOString(), accessId: randomUUID() })));
}

/** The CV a student attaches when applying: one of their own files, checked and ready; else a 400 on `cvFileId`. */
export async function attachableCv(studentId: string, fileId: string): Promise<{ fileId: string; name: string }> {
  const file = await findCvFile(studentId, fileId);
  if (file?.status !== "ready") {
    throw new AppError("validation_failed", "Dữ liệu gửi lên không hợp lệ.", [
      { path: "cvFileId", message: "Không có CV này trong tệp của bạn (hoặc tệp chưa kiểm tra xong)" },
    ]);
  }
  return { fileId: file.fileId, name: file.name };
}
