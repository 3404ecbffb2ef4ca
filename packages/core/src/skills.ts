/**
 * The digital-talent skills taxonomy. It lives in `taxonomy/` (one file per area); this module keeps the
 * original import path (`@ketnoi/core/skills`) working.
 */
export * from "./taxonomy";
