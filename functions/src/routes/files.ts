import {
  authorize,
  CvFileListSchema,
  CvFileSchema,
  CvUploadRequestSchema,
  CvUploadSchema,
  FileLinkSchema,
  IdParamSchema,
  maxCvFiles,
} from "@ketnoi/core";
import { Hono } from "hono";
import { findApplication } from "../data/applications";
import {
  cvView,
  findCvFile,
  listCvFiles,
  markCvReady,
  recordFileAccess,
  removeCvFile,
  reserveCvSlot,
} from "../data/cv-files";
import { getOrganisation } from "../data/organisations";
import { requireNotErased } from "../data/privacy";
import { getStudentProfile } from "../data/students";
import { getUser } from "../data/users";
import { filesBackend } from "../files/backend";
import type { AppEnv } from "../http/env";
import { AppError } from "../http/errors";
import { enforce, rateLimit } from "../http/middleware";
import { route } from "../http/openapi";
import { validate } from "../http/validate";

const fileNotFound = () => new AppError("not_found", "Không tìm thấy tệp này.");

/**
 * Students' CV files: upload straight to the files bucket with a presigned POST, checked by the API before they
 * count; downloads by the organisations they applied to through short-lived presigned GETs, each recorded.
 * Mounted at /api/files, a route group of its own, served by its own function (files-lambda.ts): S3 and pdf-lib are
 * reached through files/backend.ts, so this module loads neither and the API function's bundle stays without them.
 */
export const fileRoutes = new Hono<AppEnv>()
  .get(
    "/cv",
    route({
      tags: ["Files"],
      summary: "My CV files (students; at most 3)",
      auth: true,
      ok: { 200: { description: "Files", schema: CvFileListSchema } },
    }),
    async (c) => {
      const { userId } = enforce(c, "cvFile:manage", { ownerUserId: c.get("principal")?.userId });
      await requireNotErased(userId);
      return c.json({ items: (await listCvFiles(userId)).map(cvView), max: maxCvFiles });
    },
  )
  .post(
    "/cv",
    route({
      tags: ["Files"],
      summary: "Start a CV upload: a presigned POST for one PDF of at most 5 MB (students; 10 per minute)",
      description:
        "The browser sends the form `fields` and then the file to `upload.url` (multipart/form-data) within 10 " +
        "minutes, then calls POST /api/files/cv/:id/check. The policy fixes the key, `Content-Type: application/pdf` " +
        "and `content-length-range` up to the declared size. 409 `cv_limit` when the student already has 3 files.",
      auth: true,
      body: true,
      ok: { 201: { description: "Upload form", schema: CvUploadSchema } },
      errors: [409, 429],
    }),
    rateLimit({ windowMs: 60_000, max: 10 }),
    validate("json", CvUploadRequestSchema),
    async (c) => {
      const { userId } = enforce(c, "cvFile:manage", { ownerUserId: c.get("principal")?.userId });
      await requireNotErased(userId);
      const { deleteObject, presignedCvUpload, uploadKeyOf } = filesBackend();
      const { name, size } = c.req.valid("json");
      const { file, displaced } = await reserveCvSlot(userId, name, size);
      if (displaced) await deleteObject(uploadKeyOf(displaced));
      const upload = await presignedCvUpload(file.objectKey, size);
      return c.json({ file: cvView(file), upload }, 201);
    },
  )
  .post(
    "/cv/:id/check",
    route({
      tags: ["Files"],
      summary: "Check an uploaded CV and mark it ready (students)",
      description:
        "The object must be at most 5 MB, start with `%PDF-`, open as a PDF and have 1–30 pages. Anything else is " +
        "deleted with its record and answered 422 with a code (`file_missing`, `file_too_large`, `file_empty`, " +
        "`not_a_pdf`, `pdf_unreadable`, `too_many_pages`) and a Vietnamese message.",
      auth: true,
      ok: { 200: { description: "Ready", schema: CvFileSchema } },
      errors: [400, 404, 422],
    }),
    validate("param", IdParamSchema),
    async (c) => {
      const { userId } = enforce(c, "cvFile:manage", { ownerUserId: c.get("principal")?.userId });
      const file = await findCvFile(userId, c.req.valid("param").id);
      if (!file) throw fileNotFound();
      if (file.status === "ready") return c.json(cvView(file));
      const { checkPdf, deleteObject, objectSize, promoteUpload, readObject, refusals, uploadKeyOf } = filesBackend();
      const upload = uploadKeyOf(file.objectKey);
      const size = await objectSize(upload);
      // Size first, from the object's metadata: an oversize object is never downloaded into the function.
      const verdict =
        size === undefined
          ? ({ ok: false, refusal: refusals.missing } as const)
          : size > file.declaredSize || size === 0
            ? ({ ok: false, refusal: size === 0 ? refusals.empty : refusals.tooLarge } as const)
            : await checkPdf(await readObject(upload));
      if (!verdict.ok) {
        await deleteObject(upload);
        await removeCvFile(file);
        throw new AppError(verdict.refusal.code, verdict.refusal.message);
      }
      await promoteUpload(file.objectKey);
      return c.json(cvView(await markCvReady(file, size!, verdict.pages)));
    },
  )
  .get(
    "/cv/:id/download",
    route({
      tags: ["Files"],
      summary: "A 5-minute download link to one of my ready CV files (students)",
      auth: true,
      ok: { 200: { description: "Link", schema: FileLinkSchema } },
      errors: [400, 404],
    }),
    validate("param", IdParamSchema),
    async (c) => {
      const { userId } = enforce(c, "cvFile:manage", { ownerUserId: c.get("principal")?.userId });
      const file = await findCvFile(userId, c.req.valid("param").id);
      if (file?.status !== "ready") throw fileNotFound();
      const { presignedDownload, downloadLinkSeconds } = filesBackend();
      return c.json(await presignedDownload(file.objectKey, file.name, downloadLinkSeconds));
    },
  )
  .delete(
    "/cv/:id",
    route({
      tags: ["Files"],
      summary: "Delete one of my CV files (students); applications it was attached to no longer offer it",
      auth: true,
      ok: { 204: { description: "Deleted" } },
      errors: [400, 404],
    }),
    validate("param", IdParamSchema),
    async (c) => {
      const { userId } = enforce(c, "cvFile:manage", { ownerUserId: c.get("principal")?.userId });
      const file = await findCvFile(userId, c.req.valid("param").id);
      if (!file) throw fileNotFound();
      const { deleteObject, uploadKeyOf } = filesBackend();
      await removeCvFile(file);
      // The record is gone, so the stream deletes these too (effects/files.ts); done here as well so the answer
      // means the file is gone.
      await Promise.all([deleteObject(file.objectKey), deleteObject(uploadKeyOf(file.objectKey))]);
      return c.body(null, 204);
    },
  )
  .get(
    "/applications/:id/cv",
    route({
      tags: ["Files"],
      summary: "A 5-minute download link to the CV attached to an application (members of the listing's organisation)",
      description:
        "Only while the student consents to share their details with organisations they applied to " +
        "(`shareWithAppliedOrgs`); each link given is recorded in the student's file-access log (their export). " +
        "404 when the application has no CV (or it was deleted); 403 for anyone else, or without consent.",
      auth: true,
      ok: { 200: { description: "Link", schema: FileLinkSchema } },
      errors: [400, 404],
    }),
    rateLimit({ windowMs: 60_000, max: 60 }),
    validate("param", IdParamSchema),
    async (c) => {
      const application = await findApplication(c.req.valid("param").id);
      if (!application) throw new AppError("not_found", "Không tìm thấy hồ sơ ứng tuyển.");
      // Membership first: an outsider learns nothing about the student's consent or files.
      enforce(c, "application:review", { orgId: application.orgId });
      const profile = await getStudentProfile(application.studentId);
      const principal = c.get("principal")!;
      const shareConsent = profile?.consents.shareWithAppliedOrgs.granted === true;
      if (!authorize(principal, "cvFile:download", { orgId: application.orgId, shareConsent }).allowed) {
        throw new AppError(
          "consent_required",
          "Sinh viên chưa đồng ý (hoặc đã rút đồng ý) chia sẻ thông tin với tổ chức đã ứng tuyển, nên không thể tải CV.",
        );
      }
      const file = application.cv ? await findCvFile(application.studentId, application.cv.fileId) : undefined;
      if (file?.status !== "ready")
        throw new AppError("not_found", "Hồ sơ này không kèm CV, hoặc sinh viên đã xóa tệp.");
      const [org, actor] = await Promise.all([getOrganisation(application.orgId), getUser(principal.userId)]);
      // Recorded before the link is handed out: a download the student cannot see never happens.
      await recordFileAccess({
        studentId: application.studentId,
        fileId: file.fileId,
        fileName: file.name,
        applicationId: application.id,
        orgId: application.orgId,
        orgName: org?.name.vi ?? "",
        actorId: principal.userId,
        actorName: actor?.displayName ?? "",
      });
      const { presignedDownload, downloadLinkSeconds } = filesBackend();
      return c.json(await presignedDownload(file.objectKey, file.name, downloadLinkSeconds));
    },
  );
