import { createHmac, randomBytes } from "node:crypto";
import { recordKeyRange } from "@ketnoi/core";
import { dataConfig } from "../config";
import type { DashKeySecretEntity } from "../db/entities/aggregate";
import { liteEntity } from "../db/lite";
import { liteWrites, send } from "../db/lite-writes";
import { dashKeySecretModel } from "../db/models/aggregate";

const secretName = "dashboard-record-keys";
const secrets = new Map<string, Promise<Buffer>>();
// Over the lite data path (db/lite.ts, issue 14): the stream consumer starts without ElectroDB.
const keySecrets = liteEntity<DashKeySecretEntity>(dashKeySecretModel);
const keySecretWrites = liteWrites<DashKeySecretEntity>(dashKeySecretModel);

async function loadOrCreateSecret(): Promise<Buffer> {
  const read = () => keySecrets.get({ name: secretName }, { consistent: true });
  const stored = await read();
  if (stored) return Buffer.from(stored.secret, "base64");
  const fresh = { name: secretName, secret: randomBytes(32).toString("base64"), createdAt: new Date().toISOString() };
  try {
    await send(keySecretWrites.create(fresh));
    return Buffer.from(fresh.secret, "base64");
  } catch {
    // Another aggregator created it first: use theirs, so every record keeps one key.
    const winner = await read();
    if (!winner) throw new Error("dashboard record-key secret: neither created nor found");
    return Buffer.from(winner.secret, "base64");
  }
}

/**
 * Forgets the secrets read so far: after a table was emptied (a seed with reset), the next record key is read from
 * (or created in) the table again, never computed with a secret the table no longer holds.
 */
export function forgetRecordKeySecrets(): void {
  secrets.clear();
}

/** The table's record-key secret, read (or created) once per process and table. */
function recordKeySecret(): Promise<Buffer> {
  const table = dataConfig().TABLE_NAME;
  let secret = secrets.get(table);
  if (!secret) {
    secret = loadOrCreateSecret();
    secret.catch(() => secrets.delete(table));
    secrets.set(table, secret);
  }
  return secret;
}

/**
 * A counted record's key for the cell-key method: HMAC-SHA-256 of its contribution id (`factId`) under the table's
 * secret, as an integer in [0, 2³²). Fixed for the record's life; without the secret, knowing the record's id does
 * not give its key (a plain hash of a known id would).
 * @example await recordKeyOf(factId("application", id)) // 2734019233
 */
export async function recordKeyOf(fact: string): Promise<number> {
  const mac = createHmac("sha256", await recordKeySecret())
    .update(fact)
    .digest();
  return mac.readUInt32BE(0) % recordKeyRange;
}
