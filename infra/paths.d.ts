/**
 * The repository root: the nearest folder above this module holding package-lock.json. Found by walking up
 * because SST bundles sst.config.ts and this module into one file in the root, so a fixed "../" would be wrong.
 */
export declare const repoRoot: string;
/** The API's Lambda entry: the same Hono app as the local server. */
export declare const apiEntry: string;
/** The table stream consumer's Lambda entry: keeps the search snapshot and sends saved-search alerts. */
export declare const streamEntry: string;
/** The Cognito pre-token-generation trigger's entry: adds the MFA claim (functions/src/auth/mfa.ts). */
export declare const mfaClaimEntry: string;
/**
 * The folder of built web assets to upload: `KETNOI_WEB_DIST`, else `web/dist` (from `npm run build`).
 * Without a build, a deploy entry fails here rather than publish an empty site; `allowPlaceholder` (offline
 * synthesis and tests only) substitutes a one-page placeholder written to a temporary folder.
 */
export declare function webAssetsFolder(options: {
    allowPlaceholder: boolean;
}, env?: NodeJS.ProcessEnv): string;
/** A stand-in for web/dist with the two paths the distribution treats differently: the page and a hashed asset. */
export declare function placeholderWebAssets(): string;
