/**
 * Starter digital-talent skills taxonomy. Ids are stable; labels are shown to users.
 * The matching work grows this list (synonyms, related skills); keep ids unchanged once published.
 */
export const skillAreas = {
  software: { vi: "Phần mềm", en: "Software" },
  data_ai: { vi: "Dữ liệu và AI", en: "Data and AI" },
  embedded: { vi: "Nhúng và bán dẫn", en: "Embedded and semiconductors" },
  automation: { vi: "Tự động hóa", en: "Automation" },
  network_cloud: { vi: "Mạng và điện toán đám mây", en: "Networks and cloud" },
  security: { vi: "An toàn thông tin", en: "Cybersecurity" },
  digital_business: { vi: "Kinh doanh số", en: "Digital business" },
  design: { vi: "Thiết kế", en: "Design" },
  foundational: { vi: "Kỹ năng số cơ bản", en: "Foundational digital skills" },
} as const;

export type SkillArea = keyof typeof skillAreas;

export interface Skill {
  id: string;
  area: SkillArea;
  vi: string;
  en: string;
}

export const skills: readonly Skill[] = [
  { id: "python", area: "software", vi: "Python", en: "Python" },
  { id: "java", area: "software", vi: "Java", en: "Java" },
  { id: "javascript", area: "software", vi: "JavaScript", en: "JavaScript" },
  { id: "typescript", area: "software", vi: "TypeScript", en: "TypeScript" },
  { id: "csharp", area: "software", vi: "C#", en: "C#" },
  { id: "cpp", area: "software", vi: "C/C++", en: "C/C++" },
  { id: "sql", area: "software", vi: "SQL và cơ sở dữ liệu", en: "SQL and databases" },
  { id: "web-frontend", area: "software", vi: "Lập trình web front-end", en: "Web front-end development" },
  { id: "web-backend", area: "software", vi: "Lập trình web back-end", en: "Web back-end development" },
  { id: "mobile-dev", area: "software", vi: "Lập trình di động", en: "Mobile development" },
  { id: "git", area: "software", vi: "Git", en: "Git" },
  { id: "testing", area: "software", vi: "Kiểm thử phần mềm", en: "Software testing" },
  { id: "machine-learning", area: "data_ai", vi: "Học máy", en: "Machine learning" },
  { id: "ai", area: "data_ai", vi: "Trí tuệ nhân tạo", en: "Artificial intelligence" },
  { id: "computer-vision", area: "data_ai", vi: "Thị giác máy tính", en: "Computer vision" },
  { id: "data-analysis", area: "data_ai", vi: "Phân tích dữ liệu", en: "Data analysis" },
  { id: "nlp", area: "data_ai", vi: "Xử lý ngôn ngữ tự nhiên", en: "Natural language processing" },
  { id: "embedded-c", area: "embedded", vi: "Lập trình nhúng", en: "Embedded programming" },
  { id: "microcontroller", area: "embedded", vi: "Vi điều khiển", en: "Microcontrollers" },
  { id: "pcb-design", area: "embedded", vi: "Thiết kế mạch in (PCB)", en: "PCB design" },
  { id: "ic-design", area: "embedded", vi: "Thiết kế vi mạch", en: "IC design" },
  { id: "semiconductor-process", area: "embedded", vi: "Quy trình bán dẫn", en: "Semiconductor processes" },
  { id: "iot", area: "embedded", vi: "Internet vạn vật (IoT)", en: "Internet of Things" },
  { id: "plc", area: "automation", vi: "Lập trình PLC", en: "PLC programming" },
  { id: "scada", area: "automation", vi: "SCADA", en: "SCADA" },
  { id: "robotics", area: "automation", vi: "Robot công nghiệp", en: "Industrial robotics" },
  { id: "cad-cam", area: "automation", vi: "CAD/CAM", en: "CAD/CAM" },
  { id: "networking", area: "network_cloud", vi: "Quản trị mạng", en: "Networking" },
  { id: "linux", area: "network_cloud", vi: "Quản trị Linux", en: "Linux administration" },
  { id: "cloud-aws", area: "network_cloud", vi: "Điện toán đám mây AWS", en: "AWS cloud" },
  { id: "docker", area: "network_cloud", vi: "Docker", en: "Docker" },
  { id: "cybersecurity", area: "security", vi: "An toàn thông tin", en: "Cybersecurity" },
  { id: "pentest", area: "security", vi: "Kiểm thử xâm nhập", en: "Penetration testing" },
  { id: "ecommerce", area: "digital_business", vi: "Thương mại điện tử", en: "E-commerce" },
  { id: "digital-marketing", area: "digital_business", vi: "Marketing số", en: "Digital marketing" },
  { id: "erp", area: "digital_business", vi: "Hệ thống ERP", en: "ERP systems" },
  { id: "ui-ux", area: "design", vi: "Thiết kế UI/UX", en: "UI/UX design" },
  { id: "graphic-design", area: "design", vi: "Thiết kế đồ họa", en: "Graphic design" },
  { id: "office-digital", area: "foundational", vi: "Tin học văn phòng", en: "Office software" },
  { id: "public-eservices", area: "foundational", vi: "Dịch vụ công trực tuyến", en: "Online public services" },
  { id: "e-id", area: "foundational", vi: "Định danh điện tử (VNeID)", en: "Electronic identification (VNeID)" },
  { id: "cashless-payment", area: "foundational", vi: "Thanh toán không dùng tiền mặt", en: "Cashless payment" },
  { id: "english-it", area: "foundational", vi: "Tiếng Anh chuyên ngành CNTT", en: "English for IT" },
];

export const skillIds = skills.map((s) => s.id);
const skillById = new Map(skills.map((s) => [s.id, s]));

/** Looks up a skill by id; undefined when the id is not in the taxonomy. */
export function findSkill(id: string): Skill | undefined {
  return skillById.get(id);
}
