/**
 * What the province sets targets for (chỉ tiêu): people placed in internships, lab / company visit participants,
 * hires into digital jobs and people in training programmes.
 */
export const targetMetrics = ["internships", "visits", "jobs", "trainings"] as const;
export type TargetMetric = (typeof targetMetrics)[number];

/** The hiring funnel, stage by stage: listings published → applications → offers → placements (accepted offers). */
export const funnelStages = ["published", "applied", "offered", "accepted"] as const;
export type FunnelStage = (typeof funnelStages)[number];

/** Current-state counters for the skills gap: skills required by published listings, and held by students. */
export const skillMetrics = ["demand", "supply"] as const;
export type SkillMetric = (typeof skillMetrics)[number];

/** Every counter the aggregator keeps. */
export const metrics = [...targetMetrics, ...funnelStages, ...skillMetrics] as const;
export type Metric = (typeof metrics)[number];

/**
 * Whether a metric counts people (students, visit participants) or listings. People counts are subject to
 * the cell-key perturbation (perturbation.ts); listing counts describe public listings anyone can count on the feed.
 */
export const metricUnit: Record<Metric, "people" | "listings"> = {
  internships: "people",
  visits: "people",
  jobs: "people",
  trainings: "people",
  published: "listings",
  applied: "people",
  offered: "people",
  accepted: "people",
  demand: "listings",
  supply: "people",
};

/** Column headers, Vietnamese first (also the CSV / XLSX headers). */
export const metricLabels: Record<Metric, { vi: string; en: string }> = {
  internships: { vi: "Thực tập (số SV được nhận)", en: "Internship placements" },
  visits: { vi: "Lượt tham quan (người)", en: "Visit participants" },
  jobs: { vi: "Tuyển dụng việc làm số", en: "Digital-job hires" },
  trainings: { vi: "Bồi dưỡng (được nhận vào khóa)", en: "Training (admitted to a programme)" },
  published: { vi: "Tin đã đăng", en: "Listings published" },
  applied: { vi: "Hồ sơ ứng tuyển", en: "Applications" },
  offered: { vi: "Lời mời nhận", en: "Offers" },
  accepted: { vi: "Nhận lời (được bố trí)", en: "Placements (offers accepted)" },
  demand: { vi: "Nhu cầu (số tin yêu cầu)", en: "Demand (listings requiring it)" },
  supply: { vi: "Nguồn cung (số SV có kỹ năng)", en: "Supply (students with the skill)" },
};
