import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { factId } from "@ketnoi/functions/aggregates/apply";
import { reconcileAggregates } from "@ketnoi/functions/aggregates/reconcile";
import { signDevToken } from "@ketnoi/functions/auth/dev-idp";
import { db } from "@ketnoi/functions/db/service";
import { freePort } from "@ketnoi/functions/local/ports";
import { configureSearch } from "@ketnoi/functions/search/live";
import { memorySnapshotStore } from "@ketnoi/functions/search/snapshot-store";
import { startPlatform } from "../platform";
import type { ProbeModule, ProbeReport } from "./contract";

type Json = Record<string, unknown> & { items?: Array<Record<string, unknown>> };

/**
 * Kills DynamoDB Local in the middle of a burst of applications, starts it again (same port, same data folder),
 * and checks from outside that every application the database kept — whatever the API answered — got all its
 * effects: the student's notice, the organisation's notice, its dashboard counters, and no drift overall; and
 * that /api/health ends up ok (no consumer lag, no dead letters). Everything goes over HTTP except the setup of
 * accounts (users and memberships are written as the test helpers do) and the counter check (the contribution
 * marker, which no route shows).
 */
export const probe: ProbeModule = {
  name: "database-kill",
  async run({ short, log }): Promise<ProbeReport> {
    const burst = short ? 16 : 60;
    const dataDir = mkdtempSync(join(tmpdir(), "ketnoi-probe-kill-"));
    const previousDataDir = process.env.KETNOI_DATA_DIR;
    process.env.KETNOI_DATA_DIR = dataDir;
    // A fresh in-memory snapshot: never the developer's .data/ snapshot, nor another probe's index.
    configureSearch({ store: memorySnapshotStore(), bootstrap: true, persist: true });
    const [dynamoPort, apiPort, webPort] = [await freePort(), await freePort(), await freePort()];
    const platform = await startPlatform({ inMemory: false, seed: false, dynamoPort, apiPort, webPort, log });
    const breaches: string[] = [];
    let checks = 0;
    try {
      const send = async (method: string, path: string, token?: string, body?: unknown, ip?: string) => {
        const res = await fetch(`${platform.apiUrl}${path}`, {
          method,
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(body === undefined ? {} : { "content-type": "application/json" }),
            ...(ip ? { "x-forwarded-for": ip } : {}),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }).catch(() => undefined);
        const text = (await res?.text()) ?? "";
        let json: Json = {};
        try {
          json = text ? (JSON.parse(text) as Json) : {};
        } catch {}
        return { status: res?.status ?? 0, json };
      };
      const account = async (userId: string, role: "student" | "recruiter", orgId?: string) => {
        const now = new Date().toISOString();
        const user = { userId, email: `${userId}@probe.vn`, displayName: userId, role, demo: true, createdAt: now };
        await db().entities.user.put(user).go();
        if (orgId) await db().entities.membership.put({ orgId, userId, role: "owner", createdAt: now }).go();
        return signDevToken(user);
      };

      // A verified organisation, its recruiter and an open internship; students with profiles.
      const now = new Date().toISOString();
      await db()
        .entities.organisation.put({
          orgId: "probe-kill-org",
          kind: "enterprise",
          name: { vi: "Công ty Thử lỗi Biên Hòa", en: "Fault Probe Co." },
          sectors: ["software"],
          communeId: "p-tran-bien",
          address: "KCN Biên Hòa 2",
          verification: "verified",
          createdAt: now,
          updatedAt: now,
          version: 1,
        })
        .go();
      const recruiter = await account("probe-kill-rec", "recruiter", "probe-kill-org");
      const listingBody = {
        orgId: "probe-kill-org",
        type: "internship",
        title: { vi: "Thực tập kiểm thử chịu lỗi" },
        description: { vi: "Mô tả." },
        requiredSkills: ["python"],
        preferredSkills: [],
        majors: [],
        years: [3, 4],
        communeId: "p-tran-bien",
        workMode: "onsite",
        deadline: "2099-12-31",
        positions: 500,
      };
      const created = await send("POST", "/api/listings", recruiter, listingBody);
      const listingId = String(created.json.id);
      const published = await send("PATCH", `/api/listings/${listingId}`, recruiter, {
        status: "published",
        version: created.json.version,
      });
      if (published.status !== 200) throw new Error(`probe setup: publishing answered ${published.status}`);
      const students: Array<{ userId: string; token: string }> = [];
      for (let i = 0; i < burst; i++) {
        const userId = `probe-kill-sv-${i}`;
        const token = await account(userId, "student");
        const profile = await send("PUT", "/api/students/me", token, {
          fullName: `Sinh viên ${i}`,
          universityId: "lhu",
          major: "se",
          year: 4,
          skills: [{ id: "python", level: 3 }],
          languages: [],
          reachableCommunes: ["p-tran-bien"],
          preferredSectors: ["software"],
          consents: { shareWithAppliedOrgs: true, recommendToRecruiters: false, provinceStatistics: true },
        });
        if (profile.status !== 200) throw new Error(`probe setup: profile answered ${profile.status}`);
        students.push({ userId, token });
      }

      // The burst: four clients at once; DynamoDB Local is killed once a third has been sent.
      const answers = new Map<string, number>();
      let next = 0;
      const client = async () => {
        while (next < students.length) {
          const student = students[next++]!;
          const res = await send(
            "POST",
            `/api/listings/${listingId}/applications`,
            student.token,
            {},
            `10.9.0.${next}`,
          );
          answers.set(student.userId, res.status);
        }
      };
      const writes = Promise.all(Array.from({ length: 4 }, client));
      while (next < burst / 3) await new Promise((resolve) => setTimeout(resolve, 5));
      platform.database.kill();
      log(`database-kill: DynamoDB Local killed after ${next} of ${burst} applications were sent`);
      await writes;
      await platform.database.restart();
      const restartedAt = Date.now();

      // Every stored application must get its effects within seconds: poll the outside view until it does.
      const deadline = restartedAt + (short ? 20_000 : 40_000);
      let missing: string[] = [];
      let stored: Array<{ userId: string; token: string; applicationId: string }> = [];
      for (;;) {
        stored = [];
        missing = [];
        for (const student of students) {
          const mine = await send("GET", "/api/applications/mine", student.token);
          const application = mine.json.items?.[0];
          if (!application) continue;
          const applicationId = String(application.id);
          stored.push({ ...student, applicationId });
          const inbox = await send("GET", "/api/notifications", student.token);
          const notices = (inbox.json.items ?? []).filter((n) => n.link === `/ung-tuyen/${applicationId}`);
          if (notices.length !== 1) missing.push(`${student.userId}: ${notices.length} status notice(s)`);
          const counted = await db()
            .entities.dashContribution.get({ fact: factId("application", applicationId) })
            .go();
          if (!counted.data) missing.push(`${student.userId}: application not counted on the dashboard`);
        }
        const inbox = await send("GET", "/api/notifications", recruiter);
        const received = (inbox.json.items ?? []).filter((n) => n.kind === "application_received").length;
        if (received !== Math.min(stored.length, 50)) {
          missing.push(`organisation: ${received} "new application" notices for ${stored.length} stored`);
        }
        if (missing.length === 0 || Date.now() > deadline) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const caughtUpMs = Date.now() - restartedAt;
      checks += stored.length * 2 + 1;
      breaches.push(...missing.map((m) => `stored write without its effect after ${caughtUpMs} ms: ${m}`));

      const drift = (await reconcileAggregates()).drift;
      checks++;
      if (drift.length > 0) breaches.push(`dashboard counters drift from the table in ${drift.length} cell(s)`);
      const health = await send("GET", "/api/health");
      checks++;
      const stream = health.json.stream as { status?: string; deadLetters?: number; lagSeconds?: number } | undefined;
      if (health.status !== 200 || stream?.status !== "ok") {
        breaches.push(`/api/health after the restart: ${health.status} ${JSON.stringify(health.json)}`);
      }
      const answered = [...answers.values()];
      const storedDespiteError = stored.filter((s) => answers.get(s.userId) !== 201).length;
      return {
        probe: "database-kill",
        checks,
        breaches,
        figures: {
          sent: burst,
          answered201: answered.filter((s) => s === 201).length,
          answered503: answered.filter((s) => s === 503).length,
          stored: stored.length,
          storedDespiteError,
          caughtUpMs,
          deadLetters: stream?.deadLetters ?? -1,
        },
      };
    } finally {
      await platform.stop();
      if (previousDataDir === undefined) delete process.env.KETNOI_DATA_DIR;
      else process.env.KETNOI_DATA_DIR = previousDataDir;
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
