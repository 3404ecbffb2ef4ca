import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { call } from "../../test/helpers";
import { advance, apply, listingOf, memberOf, studentWithProfile, verifiedOrganisation } from "../../test/marketplace";
import { metrics } from "./access-log";
import { logger } from "./logger";

// Everything the API writes to stdout/stderr while real requests run, at the level Lambda uses (INFO).
const written: string[] = [];
const capture = (stream: NodeJS.WriteStream) =>
  vi.spyOn(stream, "write").mockImplementation((chunk: unknown) => {
    written.push(String(chunk));
    return true;
  });
let spies: ReturnType<typeof capture>[] = [];
const counted: string[] = [];

let recruiter: string;
let student: string;
let listingId: string;
beforeAll(async () => {
  await verifiedOrganisation("org-log");
  [recruiter, student] = await Promise.all([memberOf("rec-log", "org-log"), studentWithProfile("sv-log-lan")]);
  listingId = await listingOf(recruiter, "org-log");
  logger.setLogLevel("INFO");
  vi.spyOn(metrics, "addMetric").mockImplementation((name) => {
    counted.push(name);
    return metrics;
  });
  spies = [capture(process.stdout), capture(process.stderr)];
});
afterAll(() => {
  for (const spy of spies) spy.mockRestore();
  vi.restoreAllMocks();
  logger.setLogLevel("WARN");
});

describe("access log and metrics, over HTTP", () => {
  it("writes one JSON line per request with route pattern, status, latency and role — and no personal data", async () => {
    const applied = await apply(student, listingId, { note: "Số điện thoại của em là 0912345678" });
    expect(applied.status, applied.text).toBe(201);
    await advance(recruiter, applied.json.id, applied.json.version, ["reviewing", "shortlisted", "offered"]);
    await call("GET", "/api/me", { token: student });
    await call("GET", "/api/listings/does-not-exist");
    await call("POST", "/api/saved-searches", { token: student, body: { email: "lan.nguyen@example.vn" } });

    const lines = written.flatMap((chunk) => chunk.split("\n")).filter(Boolean);
    const requests = lines.map((line) => JSON.parse(line)).filter((entry) => entry.message === "request");
    expect(requests.length).toBeGreaterThanOrEqual(7);
    expect(requests).toContainEqual(
      expect.objectContaining({
        level: "INFO",
        method: "POST",
        route: "/api/listings/:id/applications",
        status: 201,
        role: "student",
        latencyMs: expect.any(Number),
      }),
    );
    expect(requests).toContainEqual(
      expect.objectContaining({ route: "/api/listings/:id", status: 404, role: "anonymous" }),
    );
    // The profile's name, the test user's e-mail, a phone number in a note, any e-mail or bearer token at all.
    const text = lines.join("\n");
    for (const secret of ["Sinh viên sv-log-lan", "sv-log-lan@example.vn", "0912345678", student, recruiter]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+/);
    expect(text).not.toMatch(/does-not-exist/);
  });

  it("counts the business events and the 4xx answers as metrics", () => {
    expect(counted).toEqual(expect.arrayContaining(["ApplicationSubmitted", "OfferMade", "Http4xx"]));
    expect(counted.filter((name) => name === "ApplicationSubmitted")).toHaveLength(1);
  });
});
