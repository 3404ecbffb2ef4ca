import { fromEnv } from "@aws-sdk/credential-provider-env";

/**
 * Stands in for `@aws-sdk/credential-provider-node` in the deployed bundles only (infra/function.ts
 * `functionBundling` aliases it here): every SDK client's default credentials come from the environment, where the
 * Lambda runtime puts the function role's keys (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN). The
 * full chain (SSO, INI files, process, web identity, container and instance metadata) can never apply in Lambda and
 * cost ~100 kB and ~15 ms of every cold start (issue 14, docs/decisions.md). Tests and local runs use the real chain.
 */
export const defaultProvider: typeof fromEnv = (init) => fromEnv(init);
