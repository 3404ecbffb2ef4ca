import { parseArgs } from "node:util";
import { runRetention } from "@ketnoi/functions/data/retention";
import { backfillRetentionIndex } from "@ketnoi/functions/data/retention-backfill";
import { ensureTable } from "@ketnoi/functions/local/tables";
import { withLocalDynamo } from "./local-dynamo";

/**
 * `npm run retention [-- --dry-run] [-- --days N] [-- --max N] [-- --cursor C] [-- --aws] [-- --backfill]`:
 * removes the personal data of applicants not hired (rejected, offer declined, withdrawn) whose decision is older
 * than the retention period (RETENTION_REJECTED_DAYS, default 180; `--days` overrides it), keeping de-identified
 * stubs so every count stays exact (docs/privacy.md). `--dry-run` only counts. Every run leaves a record.
 * Locally it uses the DynamoDB Local of `npm start` (or starts one on .data/) and first gives applications decided
 * before the retention index existed its keys; `--aws` uses TABLE_NAME and AWS_REGION with the default AWS
 * credentials, there `--backfill` does that (a one-off Scan). `--max N` stops after N applications; the printed
 * cursor continues such a partial run with `--cursor`.
 */
const options = {
  "dry-run": { type: "boolean", default: false },
  days: { type: "string" },
  max: { type: "string" },
  cursor: { type: "string" },
  aws: { type: "boolean", default: false },
  backfill: { type: "boolean", default: false },
} as const;

function wholeNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new Error(`--${name}: a whole number ≥ 1, not "${value}"`);
  return Number(value);
}

async function main(): Promise<number> {
  const { values: args } = parseArgs({ options });
  const days = wholeNumber("days", args.days);
  const maxItems = wholeNumber("max", args.max);
  const run = async () => {
    if (!args.aws || args.backfill) {
      const updated = await backfillRetentionIndex();
      if (updated > 0) console.log(`Gave ${updated} application(s) decided before the retention index its keys.`);
    }
    const report = await runRetention({
      dryRun: args["dry-run"],
      cursor: args.cursor ?? null,
      ...(days === undefined ? {} : { days }),
      ...(maxItems === undefined ? {} : { maxItems }),
    });
    const verb = report.dryRun ? "Would remove" : "Removed";
    console.log(
      `${verb} the personal data of ${report.anonymised} application(s) decided before ${report.cutoff} ` +
        `(${report.days} days): ${Object.entries(report.byStatus)
          .map(([status, n]) => `${status} ${n}`)
          .join(", ")}; ${report.notificationsDeleted} notice(s) and ${report.invitesDeleted} invitation(s) with them.`,
    );
    console.log(
      `Examined ${report.examined}, skipped ${report.skipped} (changed meanwhile: the next run looks again).`,
    );
    console.log(
      report.complete
        ? `Run ${report.runId} complete${report.dryRun ? " (dry run: nothing changed)" : ""}.`
        : `Run ${report.runId} stopped early; continue with: npm run retention --${report.dryRun ? " --dry-run" : ""} ` +
            `--cursor ${report.cursor}`,
    );
    return 0;
  };
  if (args.aws) return run();
  return withLocalDynamo(async ({ endpoint, tableName }) => {
    // A table kept under .data/ from an earlier version gets the retention index, and its applications the keys.
    await ensureTable(endpoint, tableName);
    return run();
  });
}

try {
  // The SDK's keep-alive sockets would hold the process open for a while; the work is done.
  process.exit(await main());
} catch (error) {
  console.error(`\n${(error as Error).message}`);
  process.exit(2);
}
