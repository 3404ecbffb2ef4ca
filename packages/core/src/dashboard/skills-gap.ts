import { currentBucket } from "./cells";
import { rowLabel } from "./labels";
import { metricLabels } from "./metrics";
import { noRecords, publishedCount } from "./perturbation";
import { type CountedCell, sumBy } from "./rollup";
import type { DashboardTable } from "./schemas";
import { dashboardTableTitles } from "./table-titles";

/**
 * The skills gap, ranked: demand (published listings requiring a skill) against supply (consenting students
 * holding it); gap = demand − supply, largest shortage first. Supply is a people count, perturbed like every other
 * (perturbation.ts); the gap is taken of the shown supply, so it reveals nothing the supply column does not.
 */
export function skillsGap(cells: readonly CountedCell[]): DashboardTable {
  const now = cells.filter((c) => c.bucket === currentBucket);
  const demand = sumBy(now, "demand", (c) => c.skillId);
  const supply = sumBy(now, "supply", (c) => c.skillId);
  const skills = [...new Set([...demand.keys(), ...supply.keys()])];
  const rows = skills.map((skill) => {
    const wanted = demand.get(skill)?.count ?? 0;
    const held = publishedCount(supply.get(skill) ?? noRecords);
    const gap = wanted - held;
    return { key: skill, label: rowLabel.skill(skill), gap, wanted, cells: [wanted, held, gap] };
  });
  rows.sort((a, b) => b.gap - a.gap || b.wanted - a.wanted || a.label.vi.localeCompare(b.label.vi, "vi"));
  return {
    id: "skills",
    title: dashboardTableTitles.skills,
    rowHeader: { vi: "Kỹ năng", en: "Skill" },
    columns: [
      { key: "demand", label: metricLabels.demand, kind: "listings" },
      { key: "supply", label: metricLabels.supply, kind: "people" },
      { key: "gap", label: { vi: "Thiếu hụt (cầu − cung)", en: "Shortage (demand − supply)" }, kind: "gap" },
    ],
    rows: rows.map(({ key, label, cells: shown }) => ({ key, label, cells: shown })),
    total: null,
  };
}
