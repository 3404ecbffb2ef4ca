/** Sectors organisations work in and students prefer. */
export const sectors = {
  software: { vi: "Phần mềm và dịch vụ CNTT", en: "Software and IT services" },
  semiconductors: { vi: "Bán dẫn và vi mạch", en: "Semiconductors and microelectronics" },
  electronics: { vi: "Điện tử", en: "Electronics" },
  automation: { vi: "Tự động hóa và robot", en: "Automation and robotics" },
  ai_data: { vi: "AI và dữ liệu", en: "AI and data" },
  manufacturing: { vi: "Sản xuất thông minh", en: "Smart manufacturing" },
  logistics: { vi: "Logistics", en: "Logistics" },
  telecom: { vi: "Viễn thông", en: "Telecommunications" },
  education: { vi: "Giáo dục và nghiên cứu", en: "Education and research" },
  public_services: { vi: "Dịch vụ công", en: "Public services" },
} as const;
export type Sector = keyof typeof sectors;
export const sectorIds = Object.keys(sectors) as [Sector, ...Sector[]];

/** Majors students declare on their profile. */
export const majors = {
  it: { vi: "Công nghệ thông tin", en: "Information technology" },
  cs: { vi: "Khoa học máy tính", en: "Computer science" },
  se: { vi: "Kỹ thuật phần mềm", en: "Software engineering" },
  is: { vi: "Hệ thống thông tin", en: "Information systems" },
  infosec: { vi: "An toàn thông tin", en: "Information security" },
  data_science: { vi: "Khoa học dữ liệu", en: "Data science" },
  electronics: { vi: "Kỹ thuật điện tử – viễn thông", en: "Electronics and telecommunications" },
  microelectronics: { vi: "Vi mạch bán dẫn", en: "Microelectronics" },
  mechatronics: { vi: "Cơ điện tử", en: "Mechatronics" },
  automation: { vi: "Kỹ thuật điều khiển và tự động hóa", en: "Control and automation engineering" },
  electrical: { vi: "Kỹ thuật điện", en: "Electrical engineering" },
  ecommerce: { vi: "Thương mại điện tử", en: "E-commerce" },
  business: { vi: "Quản trị kinh doanh", en: "Business administration" },
  logistics: { vi: "Logistics và quản lý chuỗi cung ứng", en: "Logistics and supply chain" },
  design: { vi: "Thiết kế đồ họa", en: "Graphic design" },
} as const;
export type Major = keyof typeof majors;
export const majorIds = Object.keys(majors) as [Major, ...Major[]];

export const listingTypes = ["internship", "visit", "job", "training", "event", "volunteer"] as const;
export type ListingType = (typeof listingTypes)[number];

export const listingStatuses = ["draft", "published", "closed", "archived"] as const;
export type ListingStatus = (typeof listingStatuses)[number];

export const workModes = ["onsite", "hybrid", "remote"] as const;

const allowedTransitions: Record<ListingStatus, readonly ListingStatus[]> = {
  draft: ["published", "archived"],
  published: ["closed"],
  closed: ["published", "archived"],
  archived: [],
};

/**
 * Whether a listing may move from one status to another (draft → published → closed → archived;
 * a closed listing may be reopened).
 * @example canTransitionListing("draft", "published") // true
 */
export function canTransitionListing(from: ListingStatus, to: ListingStatus): boolean {
  return from === to || allowedTransitions[from].includes(to);
}
