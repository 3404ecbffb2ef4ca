import { parkListing, runPipeline, studentAt } from "./flows";
import { memberOf, verifiedOrganisation } from "./marketplace";

/**
 * A world with known small cells for the dashboard attacker, built through the API (in process, so it also fills
 * a platform started in this process): the issue's own case — cybersecurity placements by university lhu 6,
 * dntu 5, dnu 1 (total 12) — and more small cells across fields, organisations, parks and communes.
 * `small` builds a third of it (the probe's short run). Returns the organisations, whose funnels the officer may
 * open. Ids carry `prefix` so the world can sit beside other data.
 */
export async function seedSmallCellWorld(options: { prefix?: string; small?: boolean } = {}) {
  const p = options.prefix ?? "";
  const orgIds = [`${p}org-sec`, `${p}org-soft`, `${p}org-chip`];
  const [secId, softId, chipId] = orgIds as [string, string, string];
  await Promise.all([
    ...orgIds.map((id) => verifiedOrganisation(id)),
    ...["lhu", "dntu", "dnu"].map((id) => verifiedOrganisation(`${p}${id}`, "university")),
  ]);
  const [sec, soft, chip] = await Promise.all(orgIds.map((id) => memberOf(`rec-${id}`, id)));
  const security = { requiredSkills: ["pentest", "network-security"], positions: 30 };
  const inTamPhuoc = { industrialParkId: "tam-phuoc", communeId: "p-tam-phuoc" };
  const listings = {
    secAmata: { token: sec!, id: await parkListing(sec!, secId, security) },
    secCity: { token: soft!, id: await parkListing(soft!, softId, { ...security, ...inTamPhuoc }) },
    software: {
      token: soft!,
      id: await parkListing(soft!, softId, { requiredSkills: ["typescript", "java"], positions: 30, ...inTamPhuoc }),
    },
    chip: { token: chip!, id: await parkListing(chip!, chipId, { positions: 30 }) },
  };
  let n = 0;
  const students = (school: string, count: number) =>
    Promise.all(Array.from({ length: count }, () => studentAt(`${p}sv-${school}-${++n}`, `${p}${school}`)));
  // [listing, school, applicants, offers, accepts]
  const plan: Array<[keyof typeof listings, string, number, number, number]> = [
    ["secAmata", "lhu", 5, 4, 4],
    ["secCity", "lhu", 2, 2, 2],
    ["secAmata", "dntu", 4, 3, 3],
    ["secCity", "dntu", 2, 2, 2],
    ["secCity", "dnu", 2, 1, 1],
    ["software", "lhu", 3, 2, 2],
    ["software", "dnu", 4, 3, 3],
    ["software", "dntu", 1, 0, 0],
    ["chip", "lhu", 8, 7, 7],
    ["chip", "dntu", 3, 2, 2],
  ];
  for (const [listing, school, applicants, offers, accepts] of options.small ? plan.slice(0, 5) : plan) {
    const { token, id } = listings[listing];
    await runPipeline(token, id, await students(school, applicants), { offers, accepts });
  }
  return { orgIds };
}
