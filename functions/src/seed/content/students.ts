import type { CommuneId, Major, Sector } from "@ketnoi/core";

/** Family names weighted roughly by how common they are in southern Việt Nam. */
export const familyNames: ReadonlyArray<readonly [string, number]> = [
  ["Nguyễn", 30],
  ["Trần", 11],
  ["Lê", 9],
  ["Phạm", 7],
  ["Huỳnh", 5],
  ["Hoàng", 3],
  ["Phan", 4],
  ["Võ", 5],
  ["Vũ", 2],
  ["Đặng", 3],
  ["Bùi", 2],
  ["Đỗ", 2],
  ["Hồ", 2],
  ["Ngô", 2],
  ["Dương", 2],
  ["Lý", 1],
  ["Trương", 2],
  ["Đinh", 1],
  ["Lâm", 1],
  ["Mai", 1],
];

/** Middle and given names, by the gender they are usually given to (some are shared). One syllable each. */
export const personNames = {
  female: {
    middle: words("Thị Ngọc Thanh Minh Thu Bảo Khánh Phương Hoài Mỹ Gia Kim"),
    given: words(
      "Anh Châu Hà Hương Linh My Nhung Thảo Trang Vy Yến Ngân Quyên Hạnh Uyên Nhi Trâm Loan Diễm Phương Thư Tiên",
    ),
  },
  male: {
    middle: words("Văn Minh Quốc Hoàng Đức Thanh Gia Hữu Tuấn Công Trọng Nhật"),
    given: words(
      "Anh Bảo Dũng Đức Hải Hiếu Khang Khánh Long Nam Phúc Quân Tâm Tú Huy Khoa Lâm Phong Thắng Trí Vinh Tuấn Hưng Sơn",
    ),
  },
};

/** How the generated students spread over universities, and the majors each one mostly trains. */
export const universityMajors: ReadonlyArray<{ orgId: string; weight: number; majors: readonly Major[] }> = [
  {
    orgId: "lhu",
    weight: 30,
    majors: [
      "it",
      "it",
      "se",
      "cs",
      "is",
      "infosec",
      "data_science",
      "electronics",
      "mechatronics",
      "automation",
      "ecommerce",
    ],
  },
  {
    orgId: "dnu",
    weight: 18,
    majors: ["it", "it", "is", "business", "ecommerce", "electrical", "logistics", "design"],
  },
  {
    orgId: "dntu",
    weight: 22,
    majors: [
      "it",
      "se",
      "electronics",
      "electronics",
      "mechatronics",
      "automation",
      "electrical",
      "logistics",
      "design",
    ],
  },
  {
    orgId: "vnu-hcmut",
    weight: 10,
    majors: ["cs", "electronics", "microelectronics", "microelectronics", "automation", "mechatronics", "electrical"],
  },
  { orgId: "vnu-hcmus", weight: 10, majors: ["cs", "it", "data_science", "data_science", "microelectronics"] },
  { orgId: "vnu-uit", weight: 10, majors: ["cs", "se", "is", "infosec", "data_science", "ecommerce"] },
];

/**
 * The skills a student of each major is likely to list, most typical first, and the sectors they lean to.
 * Keeps generated profiles coherent: an automation student lists PLC, not Photoshop.
 */
export const majorProfiles: Record<Major, { skills: readonly string[]; sectors: readonly Sector[] }> = {
  it: {
    skills: [
      "python",
      "sql",
      "javascript",
      "web-frontend",
      "web-backend",
      "java",
      "git",
      "networking",
      "linux",
      "english-it",
    ],
    sectors: ["software", "ai_data", "telecom"],
  },
  cs: {
    skills: [
      "python",
      "cpp",
      "machine-learning",
      "java",
      "sql",
      "git",
      "ai",
      "data-analysis",
      "linux",
      "computer-vision",
    ],
    sectors: ["software", "ai_data", "semiconductors"],
  },
  se: {
    skills: [
      "java",
      "javascript",
      "typescript",
      "web-backend",
      "web-frontend",
      "git",
      "sql",
      "testing",
      "mobile-dev",
      "docker",
    ],
    sectors: ["software", "ai_data"],
  },
  is: {
    skills: ["sql", "data-analysis", "erp", "python", "web-backend", "office-digital", "ecommerce", "git"],
    sectors: ["software", "logistics", "public_services"],
  },
  infosec: {
    skills: ["cybersecurity", "networking", "linux", "pentest", "python", "docker", "cloud-aws", "english-it"],
    sectors: ["software", "telecom", "public_services"],
  },
  data_science: {
    skills: ["python", "sql", "data-analysis", "machine-learning", "ai", "nlp", "computer-vision", "git"],
    sectors: ["ai_data", "software"],
  },
  electronics: {
    skills: ["embedded-c", "microcontroller", "pcb-design", "iot", "cpp", "networking", "python", "english-it"],
    sectors: ["electronics", "semiconductors", "telecom"],
  },
  microelectronics: {
    skills: ["ic-design", "semiconductor-process", "cpp", "embedded-c", "pcb-design", "python", "linux"],
    sectors: ["semiconductors", "electronics"],
  },
  mechatronics: {
    skills: ["plc", "robotics", "cad-cam", "microcontroller", "embedded-c", "iot", "scada"],
    sectors: ["automation", "manufacturing", "electronics"],
  },
  automation: {
    skills: ["plc", "scada", "robotics", "iot", "microcontroller", "python", "cad-cam"],
    sectors: ["automation", "manufacturing"],
  },
  electrical: {
    skills: ["plc", "scada", "cad-cam", "iot", "microcontroller", "office-digital"],
    sectors: ["manufacturing", "automation", "electronics"],
  },
  ecommerce: {
    skills: ["ecommerce", "digital-marketing", "web-frontend", "data-analysis", "ui-ux", "office-digital"],
    sectors: ["software", "logistics"],
  },
  business: {
    skills: ["office-digital", "erp", "data-analysis", "digital-marketing", "ecommerce", "cashless-payment"],
    sectors: ["logistics", "manufacturing", "public_services"],
  },
  logistics: {
    skills: ["erp", "office-digital", "data-analysis", "sql", "ecommerce"],
    sectors: ["logistics", "manufacturing"],
  },
  design: {
    skills: ["graphic-design", "ui-ux", "web-frontend", "digital-marketing", "office-digital"],
    sectors: ["software", "education"],
  },
};

const bienHoa: readonly CommuneId[] = ["p-tran-bien", "p-bien-hoa", "p-tam-hiep", "p-long-binh", "p-trang-dai"];
const industrial: readonly CommuneId[] = ["p-ho-nai", "p-long-hung", "p-tam-phuoc", "p-phuoc-tan", "x-long-thanh"];
const south: readonly CommuneId[] = ["x-an-phuoc", "x-binh-an", "x-nhon-trach", "x-dai-phuoc", "x-phuoc-an"];
const east: readonly CommuneId[] = ["x-trang-bom", "x-bau-ham", "x-dau-giay", "p-long-khanh", "p-binh-loc"];

/** Where students tend to live: the Biên Hòa wards count three times, the rest of the province once. */
export const homeCommunes: readonly CommuneId[] = [
  ...bienHoa,
  ...bienHoa,
  ...bienHoa,
  ...industrial,
  ...south,
  ...east,
  "x-xuan-loc",
  "x-dinh-quan",
];

function words(text: string): readonly string[] {
  return text.split(" ");
}
