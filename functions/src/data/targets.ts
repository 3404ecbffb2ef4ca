import type { Target, TargetInput, TargetVersion } from "@ketnoi/core";
import type { TargetEntity, TargetVersionEntity } from "../db/entities/target";
import { liteEntity } from "../db/lite";
import { transactWrite } from "../db/lite-transact";
import { liteWrites, whereEquals } from "../db/lite-writes";
import { targetModel, targetVersionModel } from "../db/models/target";
import { AppError } from "../http/errors";
import { guard } from "./guard";
import { transactWithRetry } from "./transact";

// Over the lite data path (db/lite.ts, issue 14): the insights function runs without ElectroDB.
const targets = liteEntity<TargetEntity>(targetModel);
const targetWrites = liteWrites<TargetEntity>(targetModel);
const targetVersions = liteEntity<TargetVersionEntity>(targetVersionModel);
const targetVersionWrites = liteWrites<TargetVersionEntity>(targetVersionModel);

/** `scopeId` of a province-wide target: `-` is no valid organisation id, so it cannot collide with a university. */
export const provinceWide = "-";

type TargetItem = {
  year: number;
  field: Target["field"];
  scopeId: string;
  counts: Target["counts"];
  version: number;
  changedBy: string;
  changedAt: string;
};

function toTarget({ scopeId, ...item }: TargetItem): Target {
  return { ...item, universityId: scopeId === provinceWide ? null : scopeId };
}

/** The year's targets (one Query of the year's partition). */
export async function listTargets(year: number): Promise<Target[]> {
  const data = await guard(() => targets.query("byYear", { year }));
  return (data as TargetItem[]).map(toTarget);
}

/**
 * Creates a target (no `version`) or changes one (the `version` the editor read), and keeps the new version in
 * the history, in one transaction: the target and its history cannot disagree. 409 `already_exists` when
 * creating one that exists, `version_conflict` when someone saved in between.
 */
export async function saveTarget(input: TargetInput, changedBy: string): Promise<Target> {
  const changedAt = new Date().toISOString();
  const key = { year: input.year, field: input.field, scopeId: input.universityId ?? provinceWide };
  const version = (input.version ?? 0) + 1;
  const item: TargetItem = { ...key, counts: input.counts, version, changedBy, changedAt };
  const failed = await transactWithRetry(() =>
    transactWrite([
      input.version === undefined
        ? targetWrites.create(item)
        : targetWrites.patch(
            key,
            { set: { counts: input.counts, version, changedBy, changedAt } },
            whereEquals(targetModel, { version: input.version }),
          ),
      targetVersionWrites.create({ ...key, version, counts: input.counts, changedBy, changedAt }),
    ]),
  );
  if (failed !== -1) {
    throw input.version === undefined
      ? new AppError("already_exists", "Chỉ tiêu này đã có; hãy tải lại rồi sửa.")
      : new AppError("version_conflict", "Chỉ tiêu vừa được người khác sửa; hãy tải lại rồi sửa tiếp.");
  }
  return toTarget(item);
}

/** A target's versions, newest first: who set which counts, when. */
export async function targetHistory(
  year: number,
  field: Target["field"],
  universityId?: string,
): Promise<TargetVersion[]> {
  const data = await guard(() =>
    targetVersions.query("byTarget", { year, field, scopeId: universityId ?? provinceWide }),
  );
  return data
    .map(({ version, counts, changedBy, changedAt }) => ({ version, counts, changedBy, changedAt }))
    .sort((a, b) => b.version - a.version);
}
