import { todayInVietnam } from "@ketnoi/core";
import { beforeAll, describe, expect, it } from "vitest";
import { effectsSettled } from "../../test/effects";
import { call } from "../../test/helpers";
import {
  advance,
  apply,
  asOf,
  listingOf,
  memberOf,
  studentWithProfile,
  verifiedOrganisation,
} from "../../test/marketplace";
import { findApplication, transitionApplication } from "../data/applications";
import { getListing } from "../data/listings";
import { expireOffers, sendOfferExpiring } from "../interviews/jobs";

let recruiter: string;
let outsider: string;
let listingId: string;

const dayAhead = (days: number, from = Date.now()) => todayInVietnam(new Date(from + days * 86_400_000));
const terms = (replyBy = dayAhead(3)) => ({
  payKind: "monthly",
  payVnd: 5_000_000,
  startDate: dayAhead(14),
  replyBy,
  place: "KCN Amata, Biên Hòa",
  note: "Hỗ trợ cơm trưa.",
});

async function shortlisted(userId: string) {
  const token = await studentWithProfile(userId);
  const res = await apply(token, listingId, {});
  const moved = await advance(recruiter, res.json.id, 1, ["shortlisted"]);
  return { token, id: res.json.id as string, version: moved.json.version as number };
}

const listing = async () => (await call("GET", `/api/listings/${listingId}`)).json;

async function notices(token: string) {
  await effectsSettled();
  return (await call("GET", "/api/notifications", { token })).json.items as { kind: string; body?: { vi: string } }[];
}

beforeAll(async () => {
  await Promise.all([verifiedOrganisation("org-offer"), verifiedOrganisation("org-offer-other")]);
  [recruiter, outsider] = await Promise.all([
    memberOf("rec-offer", "org-offer"),
    memberOf("rec-offer-x", "org-offer-other"),
  ]);
  listingId = await listingOf(recruiter, "org-offer", { positions: 2 });
});

describe("offers with terms", () => {
  it("validates the terms: pay unless unpaid, reply-by from today, start after reply-by", async () => {
    const { id, version } = await shortlisted("sv-offer-v");
    const url = `/api/applications/${id}/offer`;
    const cases = [
      [{ ...terms(), payVnd: undefined }, "payVnd"],
      [{ ...terms(), payKind: "unpaid" }, "payVnd"],
      [terms(dayAhead(-1)), "replyBy"],
      [{ ...terms(), startDate: dayAhead(1), replyBy: dayAhead(2) }, "startDate"],
      [{ ...terms(), payVnd: 1e15 }, "payVnd"],
    ] as const;
    for (const [body, path] of cases) {
      const res = await call("POST", url, { token: recruiter, body: { terms: body, version } });
      expect([res.status, res.json.error.details?.[0]?.path], path).toEqual([400, `terms.${path}`]);
    }
    expect((await call("POST", url, { token: outsider, body: { terms: terms(), version } })).status).toBe(404);
  });

  it("makes an offer with terms; the student sees them, accepts, and the position stays taken", async () => {
    const { token, id, version } = await shortlisted("sv-offer-a");
    const made = await call("POST", `/api/applications/${id}/offer`, {
      token: recruiter,
      body: { terms: terms(), version },
    });
    expect(made.status, made.text).toBe(201);
    expect(made.json).toMatchObject({ status: "open", terms: { payKind: "monthly", payVnd: 5_000_000 } });
    expect((await listing()).reservedCount).toBe(1);
    const seen = await call("GET", `/api/applications/${id}/offer`, { token });
    expect(seen.json.terms).toEqual(terms());
    const offerNotice = (await notices(token)).find((n) => n.kind === "offer_made");
    expect(offerNotice?.body?.vi).toContain("5.000.000 ₫/tháng");
    const stale = await call("POST", `/api/applications/${id}/offer/accept`, { token, body: { version } });
    expect([stale.status, stale.json.error.code]).toEqual([409, "version_conflict"]);
    const byOrg = await call("POST", `/api/applications/${id}/offer/accept`, {
      token: recruiter,
      body: { version: version + 1 },
    });
    expect(byOrg.status).toBe(403);
    const accepted = await call("POST", `/api/applications/${id}/offer/accept`, {
      token,
      body: { version: version + 1 },
    });
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.json.status).toBe("accepted");
    expect(await listing()).toMatchObject({ reservedCount: 1, acceptedCount: 1 });
    expect((await notices(recruiter)).map((n) => n.kind)).toContain("offer_accepted");
  });

  it("declining with a reason and withdrawing free the position", async () => {
    const a = await shortlisted("sv-offer-d");
    await call("POST", `/api/applications/${a.id}/offer`, {
      token: recruiter,
      body: { terms: terms(), version: a.version },
    });
    expect((await listing()).reservedCount).toBe(2);
    const declined = await call("POST", `/api/applications/${a.id}/offer/decline`, {
      token: a.token,
      body: { reason: "Em đã nhận nơi khác.", version: a.version + 1 },
    });
    expect(declined.json).toMatchObject({ status: "declined", reason: "Em đã nhận nơi khác." });
    expect((await listing()).reservedCount).toBe(1);
    const b = await shortlisted("sv-offer-w");
    await call("POST", `/api/applications/${b.id}/offer`, {
      token: recruiter,
      body: { terms: terms(), version: b.version },
    });
    const noReason = await call("POST", `/api/applications/${b.id}/offer/withdraw`, {
      token: recruiter,
      body: { version: b.version + 1 },
    });
    expect(noReason.status).toBe(400);
    const withdrawn = await call("POST", `/api/applications/${b.id}/offer/withdraw`, {
      token: recruiter,
      body: { reason: "Dự án tạm dừng.", version: b.version + 1 },
    });
    expect(withdrawn.json.status).toBe("withdrawn");
    const app = await call("GET", `/api/applications/${b.id}`, { token: b.token });
    expect(app.json.status).toBe("rejected");
    expect((await listing()).reservedCount).toBe(1);
    expect((await notices(b.token)).map((n) => n.kind)).toContain("offer_withdrawn");
  });

  it("an unanswered offer cannot be accepted after its reply-by day, and the job expires it and frees the position", async () => {
    const { token, id, version } = await shortlisted("sv-offer-e");
    await call("POST", `/api/applications/${id}/offer`, {
      token: recruiter,
      body: { terms: terms(dayAhead(0)), version },
    });
    expect((await listing()).reservedCount).toBe(2);
    // On its last day it is still open: the job tells both sides, once.
    expect(await sendOfferExpiring(new Date())).toBeGreaterThanOrEqual(2);
    expect(await sendOfferExpiring(new Date())).toBe(0);
    const later = Date.now() + 2 * 86_400_000;
    // A session's token would have expired two days on: the refusal is the move's own (every route goes through it).
    const stored = (await findApplication(id))!;
    const where = (await getListing(stored.listingId))!;
    const late = await asOf(new Date(later).toISOString(), () =>
      transitionApplication(stored, where, "student", { to: "accepted", version: version + 1 }).catch((e) => e),
    );
    expect([late.status, late.code]).toEqual([409, "offer_expired"]);
    expect(await expireOffers(new Date(later))).toBe(1);
    expect(await expireOffers(new Date(later))).toBe(0);
    const offer = await call("GET", `/api/applications/${id}/offer`, { token });
    expect(offer.json.status).toBe("expired");
    const app = await call("GET", `/api/applications/${id}`, { token });
    expect(app.json.status).toBe("declined");
    expect((await listing()).reservedCount).toBe(1);
    const kinds = (await notices(token)).map((n) => n.kind);
    expect(kinds).toContain("offer_expiring");
    expect(kinds).toContain("offer_expired");
  });
});

describe("every offer carries terms (the board's quick button and bulk offers included)", () => {
  it("refuses a move or a bulk move to `offered` without terms; a bulk offer gives each applicant the terms", async () => {
    const bulkListing = await listingOf(recruiter, "org-offer", { positions: 5 });
    const applicants = [];
    for (const userId of ["sv-offer-b1", "sv-offer-b2"]) {
      const res = await apply(await studentWithProfile(userId), bulkListing, {});
      applicants.push({ id: res.json.id as string, version: res.json.version as number });
    }
    const [first] = applicants;
    const bare = await call("POST", `/api/applications/${first!.id}/transitions`, {
      token: recruiter,
      body: { to: "offered", version: first!.version },
    });
    expect([bare.status, bare.json.error?.code]).toEqual([400, "validation_failed"]);
    const stray = await call("POST", `/api/applications/${first!.id}/transitions`, {
      token: recruiter,
      body: { to: "reviewing", terms: terms(), version: first!.version },
    });
    expect(stray.status).toBe(400);
    const url = `/api/listings/${bulkListing}/applications/bulk`;
    const ids = applicants.map((a) => a.id);
    const bareBulk = await call("POST", url, { token: recruiter, body: { applicationIds: ids, to: "offered" } });
    expect([bareBulk.status, bareBulk.json.error?.code]).toEqual([400, "validation_failed"]);
    expect((await call("GET", `/api/listings/${bulkListing}`)).json.reservedCount ?? 0).toBe(0);

    const offered = await call("POST", url, {
      token: recruiter,
      body: { applicationIds: ids, to: "offered", terms: terms(dayAhead(7)) },
    });
    expect(offered.status, offered.text).toBe(200);
    expect(offered.json.results.map((r: { ok: boolean }) => r.ok)).toEqual([true, true]);
    for (const id of ids) {
      const offer = await call("GET", `/api/applications/${id}/offer`, { token: recruiter });
      expect(offer.json).toMatchObject({ status: "open", terms: { replyBy: dayAhead(7), payVnd: 5_000_000 } });
    }
    expect((await call("GET", `/api/listings/${bulkListing}`)).json.reservedCount).toBe(2);
  });
});
