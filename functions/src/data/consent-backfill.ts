import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { dataConfig } from "../config";
import { dynamo } from "../db/client";
import { db } from "../db/service";
import { guard } from "./guard";

/**
 * Gives the consent index's keys (entity student, byRecommendConsent on gsi2) to profiles written before the index
 * existed: a paginated Scan of profiles without them, rewriting each consenting profile as it is (a whole put, the
 * only way profiles are written). `npm start` runs it on a table kept under .data/ from an earlier version, so
 * "Ứng viên phù hợp" is not empty there; a deployed table needs it once, like the retention index's backfill.
 * Returns how many profiles were given their keys.
 */
export async function backfillConsentIndex(): Promise<number> {
  let updated = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await guard(() =>
      dynamo().send(
        new ScanCommand({
          TableName: dataConfig().TABLE_NAME,
          FilterExpression: "#e = :student AND attribute_not_exists(#k)",
          ExpressionAttributeNames: { "#e": "__edb_e__", "#k": "gsi2pk" },
          ExpressionAttributeValues: { ":student": "student" },
          ExclusiveStartKey: startKey,
        }),
      ),
    );
    for (const raw of page.Items ?? []) {
      const { data } = db().entities.student.parse({ Item: raw });
      if (data?.consents?.recommendToRecruiters?.granted !== true) continue;
      await guard(() => db().entities.student.put(data).go());
      updated++;
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return updated;
}
