import { describe, expect, it } from "vitest";
import { configureCandidates, consentingStudents, rebuildCandidateSnapshot } from "../candidates/live";
import { memorySnapshotStore } from "../search/snapshot-store";
import { seedProvinceData } from "./seed";

const scale = { students: 400, organisations: 20, listings: 60, applications: 300 };
const sorted = (students: Awaited<ReturnType<typeof consentingStudents>>) =>
  JSON.stringify([...students].sort((a, b) => (a.userId < b.userId ? -1 : 1)));

describe("the candidate snapshot a province seed writes", () => {
  it("is built from the profiles it wrote, and equals a rebuild from the consent index", async () => {
    configureCandidates({ store: memorySnapshotStore() });
    await seedProvinceData(scale, { reset: true });
    const seeded = sorted(await consentingStudents());

    // Read back through the table's consent index, as `npm run reconcile` rebuilds it: nothing differs.
    const rebuilt = await rebuildCandidateSnapshot();
    expect(rebuilt.drift).toBe(0);
    expect(rebuilt.students).toBeGreaterThan(scale.students / 2);
    expect(rebuilt.students).toBeLessThan(scale.students);
    expect(sorted(await consentingStudents())).toBe(seeded);
  }, 300_000);
});
