import { todayInVietnam } from "@ketnoi/core";
import { call } from "../helpers";
import { advance, apply } from "../marketplace";
import type { AccessRow } from "./access-table";
import { type Actor, freshListing, orgA, userIds, type World } from "./world";

// The interview and offer rows of the authorization matrix (access-table.ts spreads them into its table).
const orgResource = { orgId: orgA, orgVerified: true, orgKind: "enterprise" } as const;
const applicant = { ownerUserId: userIds.student } as const;
const staffMembers: Actor[] = ["ownerA", "staffA"];
const bothSides: Actor[] = ["student", ...staffMembers];
const organisationsMove = (what: string) => ({
  ownerA: { status: 403, why: `the organisation, but ${what} is the student's move` },
  staffA: { status: 403, why: `the organisation, but ${what} is the student's move` },
});
const studentsMove = (what: string) => ({
  student: { status: 403, why: `the applicant, but ${what} is the organisation's move` },
});

const dayAhead = (days: number) => todayInVietnam(new Date(Date.now() + days * 86_400_000));
const proposal = {
  slots: [{ date: dayAhead(5), startTime: "09:00", durationMinutes: 45 }],
  mode: "online",
  link: "https://meet.example.vn/hardening",
};
const terms = { payKind: "unpaid", startDate: dayAhead(30), replyBy: dayAhead(7) };

/** A new application of the world's student to a new listing of A, in the interview stage. */
async function inInterview(world: World): Promise<string> {
  const res = await apply(world.tokens.student, await freshListing(world));
  if (res.status !== 201) throw new Error(`apply: ${res.status} ${res.text}`);
  await advance(world.tokens.ownerA, res.json.id, 1, ["interview"]);
  return res.json.id;
}

/** …with one slot proposed; returns the application id, the slot and the interview's version. */
async function withProposal(world: World) {
  const id = await inInterview(world);
  const res = await call("POST", `/api/applications/${id}/interview`, { token: world.tokens.ownerA, body: proposal });
  if (res.status !== 201) throw new Error(`propose: ${res.status} ${res.text}`);
  return { id, slotId: res.json.slots[0].id as string, version: res.json.version as number };
}

/** …with the slot taken by the student. */
async function withSchedule(world: World): Promise<string> {
  const { id, slotId, version } = await withProposal(world);
  const res = await call("POST", `/api/applications/${id}/interview/pick`, {
    token: world.tokens.student,
    body: { slotId, version },
  });
  if (res.status !== 200) throw new Error(`pick: ${res.status} ${res.text}`);
  return id;
}

/** A new application with an open offer with terms; returns its id and the application's version. */
async function withOffer(world: World) {
  const res = await apply(world.tokens.student, await freshListing(world));
  const made = await call("POST", `/api/applications/${res.json.id}/offer`, {
    token: world.tokens.ownerA,
    body: { terms, version: 1 },
  });
  if (made.status !== 201) throw new Error(`offer: ${made.status} ${made.text}`);
  return { id: res.json.id as string, version: 2 };
}

export const interviewAccessRows: AccessRow[] = [
  {
    route: "GET /api/applications/{id}/interview",
    actions: ["application:respond", "application:review"],
    resource: () => ({ ...orgResource, ...applicant }),
    may: bothSides,
    ok: 200,
    denied: 404,
    request: async (w) => ({ path: `/api/applications/${(await withProposal(w)).id}/interview` }),
  },
  {
    route: "POST /api/applications/{id}/interview",
    actions: ["application:review"],
    resource: () => orgResource,
    may: staffMembers,
    ok: 201,
    denied: 404,
    exceptions: studentsMove("proposing times"),
    request: async (w) => ({ path: `/api/applications/${await inInterview(w)}/interview`, body: proposal }),
  },
  {
    route: "POST /api/applications/{id}/interview/pick",
    actions: ["application:respond"],
    resource: () => applicant,
    may: ["student"],
    ok: 200,
    denied: 404,
    exceptions: organisationsMove("taking a slot"),
    request: async (w) => {
      const { id, slotId, version } = await withProposal(w);
      return { path: `/api/applications/${id}/interview/pick`, body: { slotId, version } };
    },
  },
  {
    route: "POST /api/applications/{id}/interview/request-change",
    actions: ["application:respond"],
    resource: () => applicant,
    may: ["student"],
    ok: 200,
    denied: 404,
    exceptions: organisationsMove("asking for other times"),
    request: async (w) => {
      const { id, version } = await withProposal(w);
      return { path: `/api/applications/${id}/interview/request-change`, body: { note: "Tuần sau ạ.", version } };
    },
  },
  {
    route: "POST /api/applications/{id}/interview/reschedule",
    actions: ["application:review"],
    resource: () => orgResource,
    may: staffMembers,
    ok: 200,
    denied: 404,
    exceptions: studentsMove("rescheduling"),
    request: async (w) => {
      const { id, version } = await withProposal(w);
      return {
        path: `/api/applications/${id}/interview/reschedule`,
        body: { ...proposal, reason: "Đổi người phỏng vấn.", version },
      };
    },
  },
  {
    route: "POST /api/applications/{id}/interview/cancel",
    actions: ["application:respond", "application:review"],
    resource: () => ({ ...orgResource, ...applicant }),
    may: bothSides,
    ok: 200,
    denied: 404,
    request: async (w) => {
      const { id, version } = await withProposal(w);
      return { path: `/api/applications/${id}/interview/cancel`, body: { reason: "Không còn phù hợp.", version } };
    },
  },
  {
    route: "GET /api/applications/{id}/interview/calendar",
    actions: ["application:respond", "application:review"],
    resource: () => ({ ...orgResource, ...applicant }),
    may: bothSides,
    ok: 200,
    denied: 404,
    request: async (w) => ({ path: `/api/applications/${await withSchedule(w)}/interview/calendar` }),
  },
  {
    route: "GET /api/listings/{id}/interviews",
    actions: ["application:review"],
    resource: () => orgResource,
    may: staffMembers,
    ok: 200,
    denied: 403,
    request: (w) => ({ path: `/api/listings/${w.publishedListing}/interviews` }),
  },
  {
    route: "GET /api/applications/{id}/offer",
    actions: ["application:respond", "application:review"],
    resource: () => ({ ...orgResource, ...applicant }),
    may: bothSides,
    ok: 200,
    denied: 404,
    request: async (w) => ({ path: `/api/applications/${(await withOffer(w)).id}/offer` }),
  },
  {
    route: "POST /api/applications/{id}/offer",
    actions: ["application:review"],
    resource: () => orgResource,
    may: staffMembers,
    ok: 201,
    denied: 404,
    exceptions: studentsMove("making an offer"),
    request: async (w) => {
      const res = await apply(w.tokens.student, await freshListing(w));
      return { path: `/api/applications/${res.json.id}/offer`, body: { terms, version: 1 } };
    },
  },
  {
    route: "POST /api/applications/{id}/offer/accept",
    actions: ["application:respond"],
    resource: () => applicant,
    may: ["student"],
    ok: 200,
    denied: 404,
    exceptions: organisationsMove("accepting"),
    request: async (w) => {
      const { id, version } = await withOffer(w);
      return { path: `/api/applications/${id}/offer/accept`, body: { version } };
    },
  },
  {
    route: "POST /api/applications/{id}/offer/decline",
    actions: ["application:respond"],
    resource: () => applicant,
    may: ["student"],
    ok: 200,
    denied: 404,
    exceptions: organisationsMove("declining"),
    request: async (w) => {
      const { id, version } = await withOffer(w);
      return { path: `/api/applications/${id}/offer/decline`, body: { version } };
    },
  },
  {
    route: "POST /api/applications/{id}/offer/withdraw",
    actions: ["application:review"],
    resource: () => orgResource,
    may: staffMembers,
    ok: 200,
    denied: 404,
    exceptions: studentsMove("withdrawing an offer"),
    request: async (w) => {
      const { id, version } = await withOffer(w);
      return { path: `/api/applications/${id}/offer/withdraw`, body: { reason: "Dự án dừng.", version } };
    },
  },
];
