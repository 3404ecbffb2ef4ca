import { type CommuneId, communes, type IndustrialParkId, type OrganisationKind, type Sector } from "@ketnoi/core";
import type { Prose, Text } from "./types";

/** An organisation of the demo data, before timestamps and its owner's account are added. */
export interface OrganisationSeed {
  id: string;
  kind: OrganisationKind;
  name: Text;
  description: Prose;
  sectors: Sector[];
  communeId: CommuneId;
  address: string;
  industrialParkId?: IndustrialParkId;
  website?: string;
  verification: "verified" | "pending" | "rejected";
  verificationReason?: string;
  /** The owner's id when it is one of the named demo accounts the sign-in page lists first. */
  ownerId?: string;
}

// VNU-HCM sits in Thủ Đức, outside Đồng Nai: its organisations take the nearest listed ward (Long Bình, across
// the Hà Nội highway) so that filters work, while `address` keeps the real place.
const vnuCommune: CommuneId = "p-long-binh";
const vnuCampus = "Khu đô thị ĐHQG-HCM, phường Linh Xuân, Thủ Đức, TP. Hồ Chí Minh";

const universities: OrganisationSeed[] = [
  {
    id: "lhu",
    kind: "university",
    name: { vi: "Trường Đại học Lạc Hồng", en: "Lac Hong University" },
    description: {
      vi: [
        "Trường đại học tại Biên Hòa đào tạo kỹ sư công nghệ thông tin, điện tử, tự động hóa và cơ điện tử",
        "gắn với doanh nghiệp trong các khu công nghiệp Đồng Nai.",
      ],
      en: [
        "University in Biên Hòa training IT, electronics, automation and mechatronics engineers",
        "together with companies in Đồng Nai's industrial parks.",
      ],
    },
    sectors: ["education", "software", "automation", "ai_data"],
    communeId: "p-tran-bien",
    address: "Số 10 Huỳnh Văn Nghệ, phường Trấn Biên, tỉnh Đồng Nai",
    website: "https://lhu.edu.vn",
    verification: "verified",
    ownerId: "staff-lhu",
  },
  {
    id: "dnu",
    kind: "university",
    name: { vi: "Trường Đại học Đồng Nai", en: "Đồng Nai University" },
    description: {
      vi: [
        "Trường đại học công lập của tỉnh, đào tạo giáo viên và cử nhân công nghệ thông tin, kinh tế,",
        "kỹ thuật điện cho nhu cầu nhân lực địa phương.",
      ],
      en: [
        "The province's public university, training teachers and graduates in IT, economics",
        "and electrical engineering.",
      ],
    },
    sectors: ["education", "software", "public_services"],
    communeId: "p-tam-hiep",
    address: "Số 4 Lê Quý Đôn, phường Tam Hiệp, tỉnh Đồng Nai",
    website: "https://dnpu.edu.vn",
    verification: "verified",
  },
  {
    id: "dntu",
    kind: "university",
    name: { vi: "Trường Đại học Công nghệ Đồng Nai", en: "Đồng Nai Technology University" },
    description: {
      vi: [
        "Trường đại học định hướng ứng dụng, mạnh về điện – điện tử, cơ điện tử, logistics và công nghệ thông tin,",
        "có nhiều chương trình thực tập tại doanh nghiệp FDI.",
      ],
      en: [
        "Applied university strong in electrical and electronic engineering, mechatronics, logistics and IT,",
        "with many internships at foreign-invested firms.",
      ],
    },
    sectors: ["education", "electronics", "automation", "logistics"],
    communeId: "p-trang-dai",
    address: "Đường Nguyễn Khuyến, khu phố 5, phường Trảng Dài, tỉnh Đồng Nai",
    website: "https://dntu.edu.vn",
    verification: "verified",
  },
  {
    id: "vnu-hcmut",
    kind: "university",
    name: { vi: "Trường Đại học Bách khoa – ĐHQG-HCM", en: "Ho Chi Minh City University of Technology – VNU-HCM" },
    description: {
      vi: [
        "Trường kỹ thuật hàng đầu phía Nam với các phòng thí nghiệm trọng điểm về vi mạch, tự động hóa và vật liệu,",
        "hợp tác đào tạo với các trường tại Đồng Nai.",
      ],
      en: [
        "A leading engineering university with key laboratories in microelectronics, automation and materials,",
        "co-training with Đồng Nai universities.",
      ],
    },
    sectors: ["education", "semiconductors", "automation"],
    communeId: vnuCommune,
    address: "Cơ sở 2, Khu đô thị ĐHQG-HCM, Thủ Đức, TP. Hồ Chí Minh",
    website: "https://hcmut.edu.vn",
    verification: "verified",
  },
  {
    id: "vnu-hcmus",
    kind: "university",
    name: { vi: "Trường Đại học Khoa học Tự nhiên – ĐHQG-HCM", en: "University of Science – VNU-HCM" },
    description: {
      vi: ["Trường đào tạo và nghiên cứu khoa học cơ bản, khoa học dữ liệu, công nghệ thông tin và điện tử – vi mạch."],
      en: ["Research university for the basic sciences, data science, IT, electronics and microchips."],
    },
    sectors: ["education", "ai_data", "semiconductors"],
    communeId: vnuCommune,
    address: vnuCampus,
    website: "https://hcmus.edu.vn",
    verification: "verified",
  },
  {
    id: "vnu-uit",
    kind: "university",
    name: { vi: "Trường Đại học Công nghệ Thông tin – ĐHQG-HCM", en: "University of Information Technology – VNU-HCM" },
    description: {
      vi: [
        "Trường chuyên sâu về khoa học máy tính, kỹ thuật phần mềm, an toàn thông tin, hệ thống thông tin",
        "và thương mại điện tử.",
      ],
    },
    sectors: ["education", "software", "ai_data"],
    communeId: vnuCommune,
    address: "Khu phố 6, phường Linh Xuân, Thủ Đức, TP. Hồ Chí Minh",
    website: "https://uit.edu.vn",
    verification: "verified",
  },
];

const labsAndCentres: OrganisationSeed[] = [
  {
    id: "vnu-ic-lab",
    kind: "institute",
    name: {
      vi: "Phòng thí nghiệm Thiết kế Vi mạch và Hệ thống nhúng – ĐHQG-HCM",
      en: "VNU-HCM IC Design and Embedded Systems Lab",
    },
    description: {
      vi: [
        "Phòng thí nghiệm dùng chung về thiết kế vi mạch số, tương tự và hệ thống trên chip,",
        "có bộ công cụ EDA cho đào tạo và nghiên cứu.",
      ],
      en: ["Shared lab for digital, analog and system-on-chip design, with EDA tools for teaching and research."],
    },
    sectors: ["semiconductors", "electronics", "education"],
    communeId: vnuCommune,
    address: vnuCampus,
    verification: "verified",
  },
  {
    id: "vnu-ai-lab",
    kind: "institute",
    name: { vi: "Phòng thí nghiệm Trí tuệ nhân tạo và Dữ liệu lớn – ĐHQG-HCM", en: "VNU-HCM AI and Big Data Lab" },
    description: {
      vi: [
        "Nhóm nghiên cứu xử lý ngôn ngữ tiếng Việt, thị giác máy tính và dữ liệu lớn,",
        "nhận sinh viên thực tập nghiên cứu theo dự án.",
      ],
    },
    sectors: ["ai_data", "software", "education"],
    communeId: vnuCommune,
    address: vnuCampus,
    verification: "verified",
  },
  {
    id: "vnu-nano",
    kind: "institute",
    name: { vi: "Phòng thí nghiệm Công nghệ Nano – ĐHQG-HCM", en: "VNU-HCM Laboratory for Nanotechnology" },
    description: {
      vi: ["Phòng thí nghiệm có phòng sạch phục vụ chế tạo và đo đạc linh kiện bán dẫn, cảm biến ở kích thước nano."],
      en: ["A cleanroom lab for fabricating and measuring nanoscale semiconductor devices and sensors."],
    },
    sectors: ["semiconductors", "education"],
    communeId: vnuCommune,
    address: vnuCampus,
    verification: "verified",
  },
  {
    id: "vnu-innovation",
    kind: "innovation_centre",
    name: { vi: "Trung tâm Đổi mới sáng tạo – ĐHQG-HCM", en: "VNU-HCM Innovation Centre" },
    description: {
      vi: [
        "Ươm tạo dự án khởi nghiệp công nghệ của sinh viên và kết nối phòng thí nghiệm với doanh nghiệp;",
        "điểm đến quen thuộc của các đoàn tham quan từ Đồng Nai.",
      ],
      en: ["Incubates student tech start-ups and links labs with companies; a regular stop for visits from Đồng Nai."],
    },
    sectors: ["education", "software", "ai_data"],
    communeId: vnuCommune,
    address: vnuCampus,
    verification: "verified",
    ownerId: "staff-vnu",
  },
  {
    id: "dn-innovation",
    kind: "innovation_centre",
    name: { vi: "Trung tâm Khởi nghiệp Đổi mới sáng tạo Đồng Nai", en: "Đồng Nai Innovation and Start-up Centre" },
    description: {
      vi: [
        "Không gian làm việc chung, xưởng chế tạo mẫu và chương trình ươm tạo cho sinh viên",
        "và doanh nghiệp nhỏ trong tỉnh.",
      ],
    },
    sectors: ["education", "software", "public_services"],
    communeId: "p-tran-bien",
    address: "Tầng 3, Tòa nhà Ứng dụng Khoa học Công nghệ, phường Trấn Biên, tỉnh Đồng Nai",
    verification: "verified",
  },
];

/** A commune's community digital technology team (tổ công nghệ số cộng đồng), a government unit. */
function communityTeam(communeId: CommuneId): OrganisationSeed {
  const commune = communes.find((c) => c.id === communeId)!.name.replace(/^Xã |^Phường /, "");
  return {
    id: `tcns-${communeId.slice(2)}`,
    kind: "government",
    name: { vi: `Tổ công nghệ số cộng đồng xã ${commune}`, en: `${commune} community digital technology team` },
    description: {
      vi: [
        "Tổ công nghệ số cộng đồng “cầm tay chỉ việc” cho người dân: dịch vụ công trực tuyến,",
        "định danh điện tử VNeID và thanh toán không dùng tiền mặt.",
      ],
      en: ["Hands-on help for residents with online public services, VNeID electronic ID and cashless payment."],
    },
    sectors: ["public_services"],
    communeId,
    address: `Trung tâm Phục vụ hành chính công xã ${commune}, tỉnh Đồng Nai`,
    verification: "verified",
  };
}

const government: OrganisationSeed[] = [
  {
    id: "so-khcn",
    kind: "government",
    name: { vi: "Sở Khoa học và Công nghệ tỉnh Đồng Nai", en: "Đồng Nai Department of Science and Technology" },
    description: {
      vi: [
        "Cơ quan tham mưu của UBND tỉnh về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số;",
        "theo dõi chỉ tiêu nhân lực số của tỉnh.",
      ],
      en: [
        "Advises the provincial People's Committee on science, technology, innovation and digital transformation,",
        "and tracks the province's digital workforce targets.",
      ],
    },
    sectors: ["public_services", "education"],
    communeId: "p-tran-bien",
    address: "Trung tâm Hành chính tỉnh, phường Trấn Biên, tỉnh Đồng Nai",
    verification: "verified",
  },
  communityTeam("x-long-thanh"),
  communityTeam("x-xuan-loc"),
];

/** Universities, VNU-HCM labs and innovation centres, and government units (all verified). */
export const publicOrganisationSeeds: readonly OrganisationSeed[] = [...universities, ...labsAndCentres, ...government];
