import { loadConfig, setConfig } from "../config";
import { localS3Credentials } from "./s3-credentials";

/**
 * Configures this process as the local platform does (`npm start`): stage local, DynamoDB Local at `endpoint`, the
 * development identity provider served by the API at `apiUrl`, CORS for `webOrigin`. Other settings still come from
 * the environment.
 * @example useLocalConfig({ endpoint: "http://127.0.0.1:8000", tableName: "ketnoi-local", apiUrl: "http://127.0.0.1:8787" })
 */
export function useLocalConfig(local: {
  endpoint: string;
  tableName: string;
  apiUrl: string;
  webOrigin?: string;
  /** s3rver (local/s3-local.ts): its endpoint and the buckets of the CV files and the search snapshot. */
  s3?: { endpoint: string; filesBucket: string; searchBucket: string; searchKey: string };
}) {
  setConfig(
    loadConfig({
      ...process.env,
      STAGE: "local",
      TABLE_NAME: local.tableName,
      DYNAMODB_ENDPOINT: local.endpoint,
      AUTH_ISSUER: `${local.apiUrl}/api/dev-auth`,
      AUTH_AUDIENCE: "ketnoi-web",
      DEV_AUTH: "true",
      ...(local.webOrigin ? { WEB_ORIGIN: local.webOrigin } : {}),
      ...(local.s3
        ? {
            S3_ENDPOINT: local.s3.endpoint,
            S3_ACCESS_KEY_ID: localS3Credentials.accessKeyId,
            S3_SECRET_ACCESS_KEY: localS3Credentials.secretAccessKey,
            FILES_BUCKET: local.s3.filesBucket,
            SEARCH_BUCKET: local.s3.searchBucket,
            SEARCH_KEY: local.s3.searchKey,
          }
        : {}),
    }),
  );
}
