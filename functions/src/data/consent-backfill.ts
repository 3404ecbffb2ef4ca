import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import type { EntityItem } from "electrodb";
import { dataConfig } from "../config";
import { dynamo } from "../db/client";
import type { StudentEntity } from "../db/entities/student";
import { fromStoredItem, owns } from "../db/lite";
import { liteWrites, send } from "../db/lite-writes";
import { studentModel } from "../db/models/student";
import { guard } from "./guard";

// Profiles are written over the lite data path, as data/students.ts writes them (db/lite.ts, issue 14). The Scan stays
// on the DocumentClient: this one-off runs locally or with an operator's credentials, in no deployed function.
const studentWrites = liteWrites<StudentEntity>(studentModel);

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
      if (!owns(studentModel, raw)) continue;
      const data = fromStoredItem(studentModel, raw) as EntityItem<StudentEntity>;
      if (data.consents?.recommendToRecruiters?.granted !== true) continue;
      await guard(() => send(studentWrites.put(data)));
      updated++;
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return updated;
}
