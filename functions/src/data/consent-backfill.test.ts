import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { call, userWithToken } from "../../test/helpers";
import { studentWithProfile } from "../../test/marketplace";
import { dataConfig } from "../config";
import { dynamo } from "../db/client";
import { db } from "../db/service";
import { backfillConsentIndex } from "./consent-backfill";

const consenting = async () =>
  (await db().entities.student.query.byRecommendConsent({}).go({ pages: "all" })).data.map((s) => s.userId).sort();

describe("backfilling the consent index of profiles written before it existed", () => {
  it("indexes consenting profiles that lack the keys, leaves the others, and is idempotent", async () => {
    await studentWithProfile("sv-old-no");
    const yes = await userWithToken("sv-old-yes", "student");
    const saved = await call("PUT", "/api/students/me", {
      token: yes,
      body: {
        fullName: "Sinh viên cũ",
        universityId: "lhu",
        major: "se",
        year: 3,
        skills: [{ id: "python", level: 3 }],
        languages: [],
        reachableCommunes: ["p-tran-bien"],
        preferredSectors: ["software"],
        consents: { shareWithAppliedOrgs: true, recommendToRecruiters: true, provinceStatistics: true },
      },
    });
    expect(saved.status, saved.text).toBe(200);
    expect(await consenting()).toEqual(["sv-old-yes"]);

    // As an earlier version wrote it: the same item without the index's keys.
    const { pk, sk } = db().entities.student.get({ userId: "sv-old-yes" }).params().Key as { pk: string; sk: string };
    await dynamo().send(
      new UpdateCommand({
        TableName: dataConfig().TABLE_NAME,
        Key: { pk, sk },
        UpdateExpression: "REMOVE gsi2pk, gsi2sk",
      }),
    );
    expect(await consenting()).toEqual([]);

    expect(await backfillConsentIndex()).toBe(1);
    expect(await consenting()).toEqual(["sv-old-yes"]);
    expect(await backfillConsentIndex()).toBe(0);
  });
});
