import { communes, industrialParks } from "../places";
import { findSkill } from "../skills";
import { noValue } from "./cells";
import { type FieldOrOther, fieldLabel } from "./fields";

/** A label in both languages (English falls back to Vietnamese). */
export interface Bilingual {
  vi: string;
  en: string;
}

/** Names of organisations (universities, companies) the rows refer to, by id. */
export type OrganisationNames = Readonly<Record<string, { vi: string; en?: string | undefined }>>;

const parkNames = new Map<string, string>(industrialParks.map((p) => [p.id, p.name]));
const communeNames = new Map<string, string>(communes.map((c) => [c.id, c.name]));

/** Row labels per dimension, with "none" and unknown ids named rather than shown raw. */
export const rowLabel = {
  field: (field: string): Bilingual => fieldLabel(field as FieldOrOther),
  university: (id: string, names: OrganisationNames): Bilingual => {
    if (id === noValue) return { vi: "Trường chưa xác nhận", en: "School not confirmed" };
    const name = names[id];
    return name ? { vi: name.vi, en: name.en ?? name.vi } : { vi: id, en: id };
  },
  park: (id: string): Bilingual =>
    id === noValue
      ? { vi: "Ngoài khu công nghiệp", en: "Outside industrial parks" }
      : { vi: parkNames.get(id) ?? id, en: `${(parkNames.get(id) ?? id).replace(/^KCN /, "")} IP` },
  commune: (id: string): Bilingual => {
    const name = communeNames.get(id) ?? id;
    return { vi: name, en: name.replace(/^Phường /, "").replace(/^Xã /, "") };
  },
  month: (month: number): Bilingual => ({
    vi: `Tháng ${month}`,
    en: new Date(Date.UTC(2000, month - 1, 1)).toLocaleString("en-GB", { month: "long", timeZone: "UTC" }),
  }),
  skill: (id: string): Bilingual => {
    const skill = findSkill(id);
    return skill ? { vi: skill.vi, en: skill.en } : { vi: id, en: id };
  },
};

/** The label of a table's total row. */
export const totalLabel: Bilingual = { vi: "Tổng", en: "Total" };
