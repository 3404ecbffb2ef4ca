/**
 * The candidate pool's load (issue 13): what the first candidates request of a process waits for. Before, every
 * consenting profile was read from the sparse consent index (Query, all pages, re-read every 10 s); now the
 * stream consumer keeps a compact snapshot (functions/src/candidates/) that a process downloads and parses once,
 * then revalidates with If-None-Match.
 */
import { randomUUID } from "node:crypto";
import type { MatchCandidate } from "@ketnoi/core";
import { CandidatePool } from "@ketnoi/functions/candidates/snapshot";
import { type BenchSection, collectGarbage, peakMemoryMb, round2, timed } from "./harness";
import { syntheticStudents } from "./matching-data";

/** A whole stored profile around a synthetic student's ranking fields: what the table holds for each. */
function storedProfile(s: MatchCandidate, version: number) {
  const at = "2026-09-01T00:00:00.000Z";
  return {
    ...s,
    fullName: `Nguyễn Văn ${s.userId}`,
    universityId: "lhu",
    preferredSectors: ["software"],
    cvUrl: `https://cv.example.vn/${s.userId}`,
    consents: {
      recommendToRecruiters: { granted: s.consents.recommendToRecruiters.granted, at },
      shareWithAppliedOrgs: { granted: true, at },
      provinceStatistics: { granted: true, at },
    },
    createdAt: at,
    updatedAt: at,
    version,
  };
}

/** The pool's snapshot for `count` synthetic students (88 % consenting), as the stream consumer saves it. */
function snapshotOf(students: readonly MatchCandidate[]): { body: string; consenting: number } {
  const pool = new CandidatePool();
  for (const s of students) if (s.consents.recommendToRecruiters.granted) pool.upsert(s, 1);
  return { body: pool.toSnapshot("bench"), consenting: pool.size };
}

/** Parse + ready: the pool a request ranks, from the stored text. */
function load(body: string): number {
  return CandidatePool.fromSnapshot(body)!.pool.students().length;
}

/**
 * The old read, for real, against DynamoDB Local: `count` students written to a fresh in-memory table, then the
 * consent index read as the old pool did (pages: "all", ranking attributes only), cold (first) and warm.
 */
async function indexRead(count: number) {
  const { useLocalConfig } = await import("@ketnoi/functions/local/config");
  const { startDynamoLocal } = await import("@ketnoi/functions/local/dynamodb-local");
  const { freePort } = await import("@ketnoi/functions/local/ports");
  const { ensureTable } = await import("@ketnoi/functions/local/tables");
  const { db } = await import("@ketnoi/functions/db/service");
  const { putAll } = await import("@ketnoi/functions/seed/batch");
  const { candidateFields } = await import("@ketnoi/functions/candidates/snapshot");
  const dynamo = await startDynamoLocal({ port: await freePort(), inMemory: true, heapMb: 1024 });
  try {
    const tableName = `bench-candidates-${randomUUID().slice(0, 8)}`;
    useLocalConfig({ endpoint: dynamo.endpoint, tableName, apiUrl: "http://127.0.0.1:1" });
    await ensureTable(dynamo.endpoint, tableName);
    const profiles = syntheticStudents(count, 7).map((s) => storedProfile(s, 1));
    const written = await timed(() =>
      putAll(
        profiles,
        (batch) => db().entities.student.put(batch).go({ concurrent: 8 }),
        (p) => p.userId,
      ),
    );
    const read = () =>
      db()
        .entities.student.query.byRecommendConsent({})
        .go({ pages: "all", attributes: [...candidateFields] });
    const cold = await timed(read);
    const warm = await timed(read);
    return {
      students: count,
      consenting: cold.result.data.length,
      writeMs: Math.round(written.ms),
      coldMs: Math.round(cold.ms),
      warmMs: Math.round(warm.ms),
    };
  } finally {
    await dynamo.stop();
  }
}

export const candidatesSection: BenchSection = {
  name: "candidates",
  cases: [
    {
      name: "candidatePoolLoad",
      description:
        "the first candidates request's pool at province scale: 100,000 students (88 % consenting) from the " +
        "candidate snapshot (parse + ready to rank), cold = first parse in a fresh process, warm = best of 5; " +
        "baseline = JSON.parse of the same students as plain JSON objects of equal content; indexRead = the old " +
        "read of the consent index on DynamoDB Local (KETNOI_BENCH_INDEX_STUDENTS students, default 10,000, 0 skips)",
      targets: { coldMs: "< 1000", "indexRead.projectedMs": "informational" },
      async run() {
        const students = syntheticStudents(100_000);
        const { body, consenting } = snapshotOf(students);
        // Equal content, no interning: the candidates as plain objects, as a JSON cache of the old read would be.
        const plain = JSON.stringify(students.filter((s) => s.consents.recommendToRecruiters.granted));
        collectGarbage();
        const cold = await timed(() => load(body));
        collectGarbage();
        const baselineCold = await timed(() => (JSON.parse(plain) as unknown[]).length);
        const warm: number[] = [];
        const baseline: number[] = [];
        for (let i = 0; i < 5; i++) {
          collectGarbage();
          warm.push((await timed(() => load(body))).ms);
          collectGarbage();
          baseline.push((await timed(() => (JSON.parse(plain) as unknown[]).length)).ms);
        }
        const peak = peakMemoryMb();
        const indexStudents = Number(process.env.KETNOI_BENCH_INDEX_STUDENTS ?? 10_000);
        const index = indexStudents > 0 ? await indexRead(indexStudents) : undefined;
        return {
          consenting,
          snapshotMb: round2(Buffer.byteLength(body) / 1e6),
          plainJsonMb: round2(Buffer.byteLength(plain) / 1e6),
          coldMs: round2(cold.ms),
          warmMs: round2(Math.min(...warm)),
          baselineColdMs: round2(baselineCold.ms),
          baselineWarmMs: round2(Math.min(...baseline)),
          peakMemoryMb: peak,
          ...(index
            ? {
                indexRead: {
                  ...index,
                  // The read is paged (1 MB of items a page): its time grows with the consenting students.
                  projectedMs: Math.round((index.coldMs * consenting) / Math.max(1, index.consenting)),
                },
              }
            : {}),
        };
      },
    },
  ],
};
