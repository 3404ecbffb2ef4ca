import type { MembershipEntity } from "../db/entities/membership";
import { liteEntity } from "../db/lite";
import { membershipModel } from "../db/models/membership";
import { guard } from "./guard";

// Read by `principalFromToken` (auth/verify.ts) on every signed-in request of every function, so through the lite
// data path (db/lite.ts): the same items ElectroDB's membership entity writes, without ElectroDB (issue 14).
const memberships = liteEntity<MembershipEntity>(membershipModel);

/** The organisations a user belongs to, with their role in each. */
export async function membershipsOf(userId: string) {
  const data = await guard(() => memberships.query("byUser", { userId }));
  return data.map((m) => ({ orgId: m.orgId, role: m.role }));
}
