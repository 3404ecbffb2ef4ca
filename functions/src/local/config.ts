import { loadConfig, setConfig } from "../config";

/**
 * Configures this process as the local platform does (`npm start`): stage local, DynamoDB Local at `endpoint`, the
 * development identity provider served by the API at `apiUrl`, CORS for `webOrigin`. Other settings still come from
 * the environment.
 * @example useLocalConfig({ endpoint: "http://127.0.0.1:8000", tableName: "ketnoi-local", apiUrl: "http://127.0.0.1:8787" })
 */
export function useLocalConfig(local: { endpoint: string; tableName: string; apiUrl: string; webOrigin?: string }) {
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
    }),
  );
}
