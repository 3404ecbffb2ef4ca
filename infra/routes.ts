/**
 * Who may call a route at the gateway. `public`: anyone (the app still reads a bearer token when one is sent,
 * e.g. to show a draft to its organisation). `private`: API Gateway rejects requests without a valid Cognito
 * token before the function runs, and the app verifies the token again.
 */
export type RouteAccess = "public" | "private";

export interface ApiRoute {
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** API Gateway path syntax (`{id}`), as in the OpenAPI document. */
  readonly path: string;
  readonly access: RouteAccess;
}

/**
 * Every route API Gateway sends to the API function; anything else gets the gateway's 404. Kept equal to the
 * app's OpenAPI document by routes.test.ts. The development sign-in (/api/dev-auth/*) is deliberately absent.
 */
export const apiRoutes: readonly ApiRoute[] = [
  { method: "GET", path: "/api/health", access: "public" },
  { method: "GET", path: "/api/openapi.json", access: "public" },
  { method: "GET", path: "/api/docs", access: "public" },
  { method: "GET", path: "/api/me", access: "private" },
  { method: "GET", path: "/api/organisations", access: "public" },
  { method: "POST", path: "/api/organisations", access: "private" },
  { method: "GET", path: "/api/organisations/{id}", access: "public" },
  { method: "PATCH", path: "/api/organisations/{id}", access: "private" },
  { method: "GET", path: "/api/organisations/{id}/listings", access: "private" },
  { method: "POST", path: "/api/organisations/{id}/verification", access: "private" },
  { method: "GET", path: "/api/organisations/{id}/members", access: "private" },
  { method: "PATCH", path: "/api/organisations/{id}/members/{userId}", access: "private" },
  { method: "DELETE", path: "/api/organisations/{id}/members/{userId}", access: "private" },
  { method: "GET", path: "/api/organisations/{id}/invitations", access: "private" },
  { method: "POST", path: "/api/organisations/{id}/invitations", access: "private" },
  { method: "GET", path: "/api/organisations/{id}/enrolments", access: "private" },
  { method: "PUT", path: "/api/organisations/{id}/enrolments/{userId}", access: "private" },
  { method: "GET", path: "/api/invitations/mine", access: "private" },
  { method: "POST", path: "/api/invitations/{id}/accept", access: "private" },
  { method: "POST", path: "/api/invitations/{id}/decline", access: "private" },
  { method: "GET", path: "/api/listings", access: "public" },
  { method: "POST", path: "/api/listings", access: "private" },
  { method: "GET", path: "/api/listings/{id}", access: "public" },
  { method: "PATCH", path: "/api/listings/{id}", access: "private" },
  { method: "GET", path: "/api/students/me", access: "private" },
  { method: "PUT", path: "/api/students/me", access: "private" },
  { method: "DELETE", path: "/api/students/me", access: "private" },
  { method: "GET", path: "/api/students/me/export", access: "private" },
  { method: "GET", path: "/api/notifications", access: "private" },
  { method: "POST", path: "/api/notifications/{id}/read", access: "private" },
  { method: "POST", path: "/api/listings/{id}/applications", access: "private" },
  { method: "GET", path: "/api/listings/{id}/applications", access: "private" },
  { method: "POST", path: "/api/listings/{id}/applications/bulk", access: "private" },
  { method: "GET", path: "/api/applications/mine", access: "private" },
  { method: "GET", path: "/api/applications/{id}", access: "private" },
  { method: "POST", path: "/api/applications/{id}/transitions", access: "private" },
  { method: "POST", path: "/api/applications/{id}/hours", access: "private" },
  { method: "GET", path: "/api/applications/{id}/interview", access: "private" },
  { method: "POST", path: "/api/applications/{id}/interview", access: "private" },
  { method: "POST", path: "/api/applications/{id}/interview/pick", access: "private" },
  { method: "POST", path: "/api/applications/{id}/interview/request-change", access: "private" },
  { method: "POST", path: "/api/applications/{id}/interview/reschedule", access: "private" },
  { method: "POST", path: "/api/applications/{id}/interview/cancel", access: "private" },
  { method: "GET", path: "/api/applications/{id}/interview/calendar", access: "private" },
  { method: "GET", path: "/api/listings/{id}/interviews", access: "private" },
  { method: "GET", path: "/api/applications/{id}/offer", access: "private" },
  { method: "POST", path: "/api/applications/{id}/offer", access: "private" },
  { method: "POST", path: "/api/applications/{id}/offer/accept", access: "private" },
  { method: "POST", path: "/api/applications/{id}/offer/decline", access: "private" },
  { method: "POST", path: "/api/applications/{id}/offer/withdraw", access: "private" },
  { method: "POST", path: "/api/listings/{id}/sessions/{sessionId}/bookings", access: "private" },
  { method: "GET", path: "/api/listings/{id}/bookings", access: "private" },
  { method: "GET", path: "/api/bookings/mine", access: "private" },
  { method: "DELETE", path: "/api/bookings/{id}", access: "private" },
  { method: "GET", path: "/api/search", access: "public" },
  { method: "GET", path: "/api/saved-searches", access: "private" },
  { method: "POST", path: "/api/saved-searches", access: "private" },
  { method: "DELETE", path: "/api/saved-searches/{id}", access: "private" },
  { method: "GET", path: "/api/dashboard", access: "private" },
  { method: "GET", path: "/api/dashboard/export", access: "private" },
  { method: "GET", path: "/api/targets", access: "private" },
  { method: "PUT", path: "/api/targets", access: "private" },
  { method: "GET", path: "/api/targets/history", access: "private" },
  { method: "GET", path: "/api/audit", access: "private" },
  { method: "GET", path: "/api/recommendations", access: "private" },
  { method: "GET", path: "/api/listings/{id}/candidates", access: "private" },
  { method: "POST", path: "/api/listings/{id}/invite", access: "private" },
  { method: "GET", path: "/api/placement-rounds", access: "private" },
  { method: "POST", path: "/api/placement-rounds", access: "private" },
  { method: "GET", path: "/api/placement-rounds/{id}", access: "private" },
  { method: "PUT", path: "/api/placement-rounds/{id}/preferences", access: "private" },
  { method: "POST", path: "/api/placement-rounds/{id}/run", access: "private" },
  { method: "POST", path: "/api/placement-rounds/{id}/reoffer", access: "private" },
  { method: "POST", path: "/api/placement-rounds/{id}/response", access: "private" },
  { method: "GET", path: "/api/placement-rounds/{id}/listings/{listingId}/ranking", access: "private" },
  { method: "PUT", path: "/api/placement-rounds/{id}/listings/{listingId}/ranking", access: "private" },
  { method: "GET", path: "/api/organisations/{id}/placement-rounds", access: "private" },
];
