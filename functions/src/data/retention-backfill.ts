import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import type { EntityItem } from "electrodb";
import { dataConfig } from "../config";
import { dynamo } from "../db/client";
import type { ApplicationEntity } from "../db/entities/application";
import { liteWrites, send, whereEquals } from "../db/lite-writes";
import { applicationModel, notHiredStatuses } from "../db/models/application";
import { AppError } from "../http/errors";
import { guard } from "./guard";

type ApplicationItem = EntityItem<ApplicationEntity>;

// The patch over the lite data path (db/lite-writes.ts, issue 14), which re-keys the index as ElectroDB's does. The
// Scan stays on the DocumentClient: this one-off runs locally or with an operator's credentials, in no deployed function.
const applicationWrites = liteWrites<ApplicationEntity>(applicationModel);

/**
 * Gives the retention index's keys to not-hired applications written before the index existed (a table created
 * by an earlier version): a one-off, paginated Scan of the table's applications, rewriting their status as it is.
 * The scheduled job never scans: `npm run retention` runs this on a local table, `--aws --backfill` on a deployed
 * one (with an operator's credentials). Returns how many applications were given their keys.
 */
export async function backfillRetentionIndex(): Promise<number> {
  const statuses = notHiredStatuses.map((_, i) => `:s${i}`);
  let updated = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(
      new ScanCommand({
        TableName: dataConfig().TABLE_NAME,
        // Not-hired applications without the index's keys, except stubs (whose student id was replaced).
        FilterExpression: `#e = :application AND #s IN (${statuses.join(", ")}) AND attribute_not_exists(#k) AND NOT begins_with(#student, :erased)`,
        ExpressionAttributeNames: { "#e": "__edb_e__", "#s": "status", "#k": "gsi3pk", "#student": "studentId" },
        ExpressionAttributeValues: {
          ":application": "application",
          ":erased": "erased-",
          ...Object.fromEntries(notHiredStatuses.map((s, i) => [statuses[i], s])),
        },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of (page.Items ?? []) as ApplicationItem[]) {
      try {
        await guard(() =>
          send(
            applicationWrites.patch(
              { listingId: item.listingId, studentId: item.studentId },
              { set: { status: item.status, updatedAt: item.updatedAt } },
              whereEquals(applicationModel, { version: item.version }),
            ),
          ),
        );
        updated++;
      } catch (error) {
        // Changed meanwhile: the write that changed it gave it its keys.
        if (!(error instanceof AppError && error.code === "version_conflict")) throw error;
      }
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return updated;
}
