import { installFilesBackend } from "./backend";
import * as objects from "./objects";
import * as pdfCheck from "./pdf-check";

// Imported for its effect by the processes that serve the files routes: files-lambda.ts, local/server.ts and the
// tests' app (functions/test/helpers.ts). Never by lambda.ts: that is what keeps S3 and pdf-lib out of the API bundle.
// The modules themselves are the backend (backend.ts's type is theirs), so no list of their functions is kept here.
installFilesBackend({ ...objects, ...pdfCheck });
