import { currentBucket } from "./cells";
import { rowLabel } from "./labels";
import { metricLabels } from "./metrics";
import { type CountedCell, sumBy } from "./rollup";
import type { DashboardTable } from "./schemas";
import { displayCount, minimumCellCount, suppressTable } from "./suppression";

/**
 * The skills gap, ranked: demand (published listings requiring a skill) against supply (consenting students
 * holding it); gap = demand − supply, largest shortage first. Supply is a people count: "<5" when small, and then
 * the gap is shown as the bound the shown numbers allow ("≥ n"), ranked by that bound, so nothing is revealed.
 */
export function skillsGap(cells: readonly CountedCell[]): DashboardTable {
  const now = cells.filter((c) => c.bucket === currentBucket);
  const demand = sumBy(now, "demand", (c) => c.skillId);
  const supply = sumBy(now, "supply", (c) => c.skillId);
  const skills = [...new Set([...demand.keys(), ...supply.keys()])];
  const { hidden } = suppressTable(
    skills.map((s) => [supply.get(s) ?? 0]),
    { rowTotals: false, columnTotals: false },
  );
  const rows = skills.map((skill, i) => {
    const wanted = demand.get(skill) ?? 0;
    const held = supply.get(skill) ?? 0;
    const small = hidden[i]![0];
    const bound = wanted - (small ? minimumCellCount - 1 : held);
    return {
      key: skill,
      label: rowLabel.skill(skill),
      bound,
      wanted,
      cells: [wanted, displayCount(held, small), small ? `≥${bound}` : bound],
    };
  });
  rows.sort((a, b) => b.bound - a.bound || b.wanted - a.wanted || a.label.vi.localeCompare(b.label.vi, "vi"));
  return {
    id: "skills",
    title: { vi: "Khoảng cách kỹ năng (xếp hạng)", en: "Skills gap (ranked)" },
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
