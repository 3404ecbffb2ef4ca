import { installFilesBackend } from "./backend";
import {
  deleteObject,
  downloadLinkSeconds,
  objectSize,
  presignedCvUpload,
  presignedDownload,
  promoteUpload,
  readObject,
  uploadKeyOf,
} from "./objects";
import { checkPdf, refusals } from "./pdf-check";

// Imported for its effect by the processes that serve the files routes: files-lambda.ts, local/server.ts and the
// tests' app (functions/test/helpers.ts). Never by lambda.ts: that is what keeps S3 and pdf-lib out of the API bundle.
installFilesBackend({
  deleteObject,
  downloadLinkSeconds,
  objectSize,
  presignedCvUpload,
  presignedDownload,
  promoteUpload,
  readObject,
  uploadKeyOf,
  checkPdf,
  refusals,
});
