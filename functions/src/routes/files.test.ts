import { HeadObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { maxCvBytes } from "@ketnoi/core";
import { beforeAll, describe, expect, it } from "vitest";
import { effectsSettled } from "../../test/effects";
import { fakeExe, makePdf, uploadCv } from "../../test/files";
import { call, userWithToken } from "../../test/helpers";
import { apply, listingOf, profileBody, studentWithProfile, verifiedOrganisation } from "../../test/marketplace";
import { dataConfig } from "../config";
import { runRetention } from "../data/retention";
import { db } from "../db/service";
import { s3ClientOptions } from "../s3-options";

// CV files over HTTP, against DynamoDB Local and s3rver (functions/test/s3.ts): the browser's presigned POST is sent
// to s3rver as a browser would, and every object is looked at in the bucket itself.

const s3 = () => new S3Client(s3ClientOptions(dataConfig()));
/** Whether the files bucket holds anything of a student's file: the checked object (cv/…) or its upload (uploads/…). */
async function stored(studentId: string, fileId: string): Promise<boolean> {
  const found = await Promise.all(
    ["cv", "uploads"].map(async (prefix) => {
      try {
        const Key = `${prefix}/${studentId}/${fileId}.pdf`;
        await s3().send(new HeadObjectCommand({ Bucket: dataConfig().FILES_BUCKET!, Key }));
        return true;
      } catch (error) {
        if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
        throw error;
      }
    }),
  );
  return found.some(Boolean);
}

/** Re-sends a student's profile (as studentWithProfile wrote it) with the share consent given or withdrawn. */
async function setShareConsent(userId: string, token: string, share: boolean) {
  const current = await call("GET", "/api/students/me", { token });
  const res = await call("PUT", "/api/students/me", {
    token,
    body: { ...profileBody(userId, share), version: current.json.version },
  });
  expect(res.status).toBe(200);
}

let recruiter: string;
let outsider: string;
let listingId: string;
let pdf: Uint8Array;

beforeAll(async () => {
  await verifiedOrganisation("org-files");
  await verifiedOrganisation("org-files-other");
  recruiter = await userWithToken("rec-files", "recruiter", { orgId: "org-files", role: "staff" });
  outsider = await userWithToken("rec-files-other", "recruiter", { orgId: "org-files-other", role: "owner" });
  listingId = await listingOf(recruiter, "org-files");
  pdf = await makePdf(2);
});

describe("uploading a CV (presigned POST, then the API's check)", () => {
  it("accepts a real PDF: ready with its page count, listed, and stored in the bucket", async () => {
    const token = await studentWithProfile("stu-files-ok");
    const res = await uploadCv(token, "CV tiếng Việt", pdf);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ name: "CV tiếng Việt", status: "ready", pages: 2, size: pdf.length });
    const list = await call("GET", "/api/files/cv", { token });
    expect(list.json).toMatchObject({ max: 3, items: [{ id: res.fileId, status: "ready" }] });
    expect(await stored("stu-files-ok", res.fileId!)).toBe(true);
  });

  it("gives a POST policy that fixes the key, the content type and the size range up to the declared size", async () => {
    const token = await studentWithProfile("stu-files-policy");
    const res = await call("POST", "/api/files/cv", { token, body: { name: "CV English", size: 12_345 } });
    expect(res.status).toBe(201);
    const { fields } = res.json.upload;
    const policy = JSON.parse(Buffer.from(fields.Policy, "base64").toString("utf8"));
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ["content-length-range", 1, 12_345],
        ["eq", "$Content-Type", "application/pdf"],
        { key: `uploads/stu-files-policy/${res.json.file.id}.pdf` },
        { bucket: dataConfig().FILES_BUCKET },
      ]),
    );
    expect(new Date(policy.expiration).getTime() - Date.now()).toBeLessThanOrEqual(10 * 60 * 1000);
    expect(res.json.file.status).toBe("pending");
  });

  it("refuses a renamed .exe: 422 not_a_pdf in Vietnamese, the object and the record deleted", async () => {
    const token = await studentWithProfile("stu-files-exe");
    const res = await uploadCv(token, "CV.pdf", fakeExe());
    expect(res.status).toBe(422);
    expect(res.json.error).toMatchObject({ code: "not_a_pdf", message: expect.stringMatching(/không phải PDF/) });
    expect(await stored("stu-files-exe", res.fileId!)).toBe(false);
    expect((await call("GET", "/api/files/cv", { token })).json.items).toEqual([]);
  });

  it("refuses a file over 5 MB: at the request, and when more than the declared size arrives anyway", async () => {
    const token = await studentWithProfile("stu-files-big");
    const asked = await call("POST", "/api/files/cv", { token, body: { name: "CV", size: maxCvBytes + 1 } });
    expect(asked.status).toBe(400);
    // s3rver does not enforce the POST policy (S3 does): the API's check still refuses what was sent.
    const big = await makePdf(1, maxCvBytes + 1024);
    const res = await uploadCv(token, "CV lớn", big, 10_000);
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("file_too_large");
    expect(await stored("stu-files-big", res.fileId!)).toBe(false);
  });

  it("refuses a truncated PDF and a check before any upload", async () => {
    const token = await studentWithProfile("stu-files-broken");
    const broken = await uploadCv(token, "CV hỏng", pdf.slice(0, 200));
    expect(broken.status).toBe(422);
    expect(broken.json.error.code).toBe("pdf_unreadable");
    const started = await call("POST", "/api/files/cv", { token, body: { name: "CV", size: 100 } });
    const early = await call("POST", `/api/files/cv/${started.json.file.id}/check`, { token });
    expect(early.status).toBe(422);
    expect(early.json.error.code).toBe("file_missing");
  });

  it("keeps at most 3 files: the 4th is refused with cv_limit, and deleting one frees its slot and object", async () => {
    const token = await studentWithProfile("stu-files-four");
    const ids: string[] = [];
    for (const name of ["CV 1", "CV 2", "CV 3"]) {
      const res = await uploadCv(token, name, pdf);
      expect(res.status).toBe(200);
      ids.push(res.fileId!);
    }
    const fourth = await call("POST", "/api/files/cv", { token, body: { name: "CV 4", size: pdf.length } });
    expect(fourth.status).toBe(409);
    expect(fourth.json.error.code).toBe("cv_limit");
    expect((await call("DELETE", `/api/files/cv/${ids[0]}`, { token })).status).toBe(204);
    expect(await stored("stu-files-four", ids[0]!)).toBe(false);
    expect((await uploadCv(token, "CV 4", pdf)).status).toBe(200);
  });

  it("is each student's own: another student cannot check, download or delete it (404), recruiters get 403", async () => {
    const token = await studentWithProfile("stu-files-own");
    const other = await studentWithProfile("stu-files-own-other");
    const { fileId } = await uploadCv(token, "CV", pdf);
    expect((await call("GET", `/api/files/cv/${fileId}/download`, { token: other })).status).toBe(404);
    expect((await call("DELETE", `/api/files/cv/${fileId}`, { token: other })).status).toBe(404);
    expect((await call("GET", "/api/files/cv", { token: recruiter })).status).toBe(403);
    expect((await call("POST", "/api/files/cv", { token: recruiter, body: { name: "x", size: 10 } })).status).toBe(403);
    const mine = await call("GET", `/api/files/cv/${fileId}/download`, { token });
    expect(mine.status).toBe(200);
    expect(
      Buffer.from(await (await fetch(mine.json.url)).arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
  });
});

describe("applying with a CV, and the organisation's download", () => {
  it("attaches one of the student's ready files; another's file or an unknown id is a 400 on cvFileId", async () => {
    const token = await studentWithProfile("stu-files-apply-bad");
    const theirs = await uploadCv(await studentWithProfile("stu-files-apply-theirs"), "CV", pdf);
    const res = await apply(token, listingId, { cvFileId: theirs.fileId });
    expect(res.status).toBe(400);
    expect(res.json.error.details[0].path).toBe("cvFileId");
  });

  it("lets the listing's members download it while the student consents; each download is in the student's export", async () => {
    const token = await studentWithProfile("stu-files-apply");
    const { fileId } = await uploadCv(token, "CV tiếng Việt", pdf);
    const applied = await apply(token, listingId, { cvFileId: fileId });
    expect(applied.status).toBe(201);
    expect(applied.json.cv).toEqual({ fileId, name: "CV tiếng Việt" });
    const path = `/api/files/applications/${applied.json.id}/cv`;

    const link = await call("GET", path, { token: recruiter });
    expect(link.status).toBe(200);
    expect(link.json.url).toMatch(/X-Amz-Expires=300/);
    const download = await fetch(link.json.url);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(pdf))).toBe(true);

    // Another organisation's member, the student themself and another student: refused, nothing recorded.
    expect((await call("GET", path, { token: outsider })).status).toBe(403);
    expect((await call("GET", path, { token })).status).toBe(403);
    expect((await call("GET", path, { token: await studentWithProfile("stu-files-nosy") })).status).toBe(403);
    expect((await call("GET", path)).status).toBe(401);

    const exported = await call("GET", "/api/students/me/export", { token });
    expect(exported.json.sections.fileAccess).toEqual([
      expect.objectContaining({
        fileId,
        fileName: "CV tiếng Việt",
        applicationId: applied.json.id,
        orgId: "org-files",
        orgName: "Tổ chức org-files",
        actorId: "rec-files",
      }),
    ]);
    expect(exported.json.sections.cvFile[0]).toMatchObject({ fileId, downloadUrl: expect.stringMatching(/86400/) });

    await setShareConsent("stu-files-apply", token, false);
    const refused = await call("GET", path, { token: recruiter });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe("consent_required");
    await setShareConsent("stu-files-apply", token, true);
    expect((await call("GET", path, { token: recruiter })).status).toBe(200);
  });

  it("gives the export a day-long link the API function signs without the S3 SDK (aws4fetch): it downloads the file", async () => {
    const token = await studentWithProfile("stu-files-export");
    const { fileId } = await uploadCv(token, "CV Nguyễn", pdf);
    const exported = await call("GET", "/api/students/me/export", { token });
    expect(exported.status).toBe(200);
    const [file] = exported.json.sections.cvFile;
    expect(file).toMatchObject({ fileId, status: "ready" });
    expect(file.downloadUrl).toMatch(/X-Amz-Expires=86400/);
    // s3rver does not check query signatures (export-links.test.ts compares them with the SDK's signer); it does
    // answer with the response-* parameters, so the file comes as an attachment named after it.
    const download = await fetch(file.downloadUrl);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toBe(
      `attachment; filename="CV Nguyen.pdf"; filename*=UTF-8''${encodeURIComponent("CV Nguyễn")}.pdf`,
    );
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(pdf))).toBe(true);
  });

  it("answers 404 once the student deleted the file", async () => {
    const token = await studentWithProfile("stu-files-gone");
    const { fileId } = await uploadCv(token, "CV", pdf);
    const applied = await apply(token, listingId, { cvFileId: fileId });
    await call("DELETE", `/api/files/cv/${fileId}`, { token });
    expect((await call("GET", `/api/files/applications/${applied.json.id}/cv`, { token: recruiter })).status).toBe(404);
  });
});

describe("privacy", () => {
  it("erasure deletes the records and, through the stream, the objects", async () => {
    const token = await studentWithProfile("stu-files-erase");
    const first = await uploadCv(token, "CV 1", pdf);
    const second = await uploadCv(token, "CV 2", pdf);
    const applied = await apply(token, listingId, { cvFileId: first.fileId });
    const erased = await call("DELETE", "/api/students/me", { token, body: { confirm: "XOA TAI KHOAN" } });
    expect(erased.status).toBe(200);
    expect(erased.json.deleted).toContainEqual({ section: "cvFile", count: 2 });
    await effectsSettled();
    expect(await stored("stu-files-erase", first.fileId!)).toBe(false);
    expect(await stored("stu-files-erase", second.fileId!)).toBe(false);
    // The kept, anonymised application no longer names a CV.
    const application = (await db().entities.application.query.byId({ applicationId: applied.json.id }).go()).data;
    expect(application.every((a) => a.cv === undefined)).toBe(true);
  });

  it("retention unlinks the CV from a non-hired application: the organisation can no longer download it", async () => {
    const token = await studentWithProfile("stu-files-retained");
    const { fileId } = await uploadCv(token, "CV", pdf);
    const applied = await apply(token, listingId, { cvFileId: fileId });
    const rejected = await call("POST", `/api/applications/${applied.json.id}/transitions`, {
      token: recruiter,
      body: { to: "rejected", version: applied.json.version, reason: "Chưa phù hợp" },
    });
    expect(rejected.status).toBe(200);
    const report = await runRetention({ days: 1, now: new Date(Date.now() + 2 * 24 * 3600 * 1000) });
    expect(report.anonymised).toBeGreaterThanOrEqual(1);
    const stubs = (await db().entities.application.query.byListing({ listingId }).go()).data;
    expect(stubs.filter((a) => a.studentId.startsWith("erased-")).every((a) => a.cv === undefined)).toBe(true);
    expect((await call("GET", `/api/files/applications/${applied.json.id}/cv`, { token: recruiter })).status).toBe(404);
  });
});
