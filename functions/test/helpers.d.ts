import type { Role } from "@ketnoi/core";
/** Sends a request to the in-process app, as JSON with an optional bearer token. */
export declare function call(method: string, path: string, options?: {
    token?: string;
    body?: unknown;
    rawBody?: string;
    headers?: Record<string, string>;
}): Promise<{
    status: number;
    headers: import("undici-types").Headers;
    json: any;
    text: string;
}>;
/** Creates a user of the given role (and optional organisation membership) and returns a signed token. */
export declare function userWithToken(userId: string, role: Role, membership?: {
    orgId: string;
    role: "owner" | "staff";
}): Promise<string>;
