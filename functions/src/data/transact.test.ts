import { describe, expect, it } from "vitest";
import { transactWithRetry } from "./transact";

const committed = { canceled: false, data: [] };
const canceled = (...codes: string[]) => ({ canceled: true, data: codes.map((code) => ({ rejected: true, code })) });

describe("transactWithRetry", () => {
  it("retries a transaction cancelled only by a conflict with another one, until it commits", async () => {
    const outcomes = [canceled("TransactionConflict", "None"), canceled("None", "TransactionConflict"), committed];
    let calls = 0;
    expect(await transactWithRetry(async () => outcomes[calls++]!)).toBe(-1);
    expect(calls).toBe(3);
  });

  it("reports which item's condition failed, without retrying", async () => {
    let calls = 0;
    const failed = await transactWithRetry(async () => {
      calls++;
      return canceled("None", "ConditionalCheckFailed");
    });
    expect([failed, calls]).toEqual([1, 1]);
  });

  it("gives up with a 503 when conflicts never stop", async () => {
    await expect(transactWithRetry(async () => canceled("TransactionConflict"))).rejects.toMatchObject({
      code: "database_unavailable",
      status: 503,
    });
  });
});
