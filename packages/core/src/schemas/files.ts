import * as v from "valibot";
import { IdSchema, IntegerSchema, IsoTimestampSchema } from "./common";

/** How many CV files a student keeps at once. */
export const maxCvFiles = 3;
/** The largest CV file accepted, in bytes (5 MB). */
export const maxCvBytes = 5 * 1024 * 1024;
/** More pages than this is no CV (a book, a scanned folder): the file is refused. */
export const maxCvPages = 30;
/** The only content type a CV upload may declare (the presigned policy fixes it). */
export const cvContentType = "application/pdf";

/** The name a student gives a CV ("CV tiếng Việt", "CV English"): shown to them and to recruiters. */
export const CvNameSchema = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1, "Hãy đặt tên cho tệp"),
  v.maxLength(80, "Tên tệp tối đa 80 ký tự"),
);

/** Body of POST /api/files/cv: the file's name and the size the browser is about to send. */
export const CvUploadRequestSchema = v.strictObject({
  name: CvNameSchema,
  size: IntegerSchema(1, maxCvBytes),
});
export type CvUploadRequest = v.InferOutput<typeof CvUploadRequestSchema>;

/** A CV file as its student sees it. `pending` until the API has checked the uploaded object. */
export const CvFileSchema = v.object({
  id: IdSchema,
  name: v.string(),
  status: v.picklist(["pending", "ready"]),
  size: v.optional(IntegerSchema(0, maxCvBytes)),
  pages: v.optional(IntegerSchema(0, maxCvPages)),
  createdAt: IsoTimestampSchema,
});
export type CvFile = v.InferOutput<typeof CvFileSchema>;

export const CvFileListSchema = v.object({ items: v.array(CvFileSchema), max: IntegerSchema(1, maxCvFiles) });

/** What the browser needs to send the file straight to storage: a form POST to `url` with `fields` then `file`. */
export const CvUploadSchema = v.object({
  file: CvFileSchema,
  upload: v.object({ url: v.string(), fields: v.record(v.string(), v.string()), expiresAt: IsoTimestampSchema }),
});

/** A short-lived download link. */
export const FileLinkSchema = v.object({ url: v.string(), expiresAt: IsoTimestampSchema, name: v.string() });
