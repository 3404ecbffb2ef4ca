import { AppError } from "../http/errors";
import type * as Objects from "./objects";
import type * as PdfCheck from "./pdf-check";

/**
 * What the files routes (routes/files.ts) need from S3 and pdf-lib, behind one seam so that the routes' module loads
 * neither (type-only imports here). The files function (files-lambda.ts), the local server and the tests install the
 * real one (`files/live.ts`); the API function does not, so its bundle carries the files routes — one OpenAPI document
 * and the same middleware for both functions — without the S3 client and pdf-lib (~600 kB, docs/decisions.md).
 * API Gateway sends /api/files/* to the files function, so the API function never serves them; if it did, 503.
 * It is everything objects.ts and pdf-check.ts export: the modules are the one list of what the backend offers.
 */
export type FilesBackend = typeof Objects & typeof PdfCheck;

let installed: FilesBackend | undefined;

/** Installs the files backend for this process (files/live.ts does it on import). */
export function installFilesBackend(backend: FilesBackend): void {
  installed = backend;
}

/** The installed files backend; 503 `files_unavailable` in a function that was built without it. */
export function filesBackend(): FilesBackend {
  if (!installed) {
    throw new AppError("files_unavailable");
  }
  return installed;
}
