import type { CvFile } from "@ketnoi/core";
import { ApiError, api, request } from "../../app/api/client";

export type { CvFile };

/** My CV files (at most `max`). */
export function fetchMyCvFiles(): Promise<{ items: CvFile[]; max: number }> {
  return request(() => api.files.cv.$get());
}

/**
 * Uploads one PDF the way the platform takes files: ask the API for a presigned form, send the file straight to
 * storage (never through the API), then ask the API to check it. A refused file comes back as the API's error
 * (`not_a_pdf`, `file_too_large`…), already deleted.
 */
export async function uploadCvFile(name: string, file: File): Promise<CvFile> {
  const started = await request(() => api.files.cv.$post({ json: { name, size: file.size } }));
  const form = new FormData();
  for (const [field, value] of Object.entries(started.upload.fields)) form.append(field, value);
  form.append("file", file);
  let sent: Response;
  try {
    sent = await fetch(started.upload.url, { method: "POST", body: form });
  } catch (error) {
    throw new ApiError("network", error instanceof Error ? error.message : String(error), 0);
  }
  // Storage refuses what breaks the form's policy (too large, wrong type) before the API ever sees it.
  if (!sent.ok) throw new ApiError("upload_refused", `HTTP ${sent.status}`, sent.status);
  return request(() => api.files.cv[":id"].check.$post({ param: { id: started.file.id } }));
}

export async function deleteCvFile(id: string): Promise<void> {
  await request(() => api.files.cv[":id"].$delete({ param: { id } }));
}

/** A 5-minute link to one of my files. */
export function myCvLink(id: string): Promise<{ url: string; name: string }> {
  return request(() => api.files.cv[":id"].download.$get({ param: { id } }));
}

/** A 5-minute link to the CV attached to an application (organisation members; the download is recorded). */
export function applicationCvLink(applicationId: string): Promise<{ url: string; name: string }> {
  return request(() => api.files.applications[":id"].cv.$get({ param: { id: applicationId } }));
}
