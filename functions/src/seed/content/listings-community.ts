import type { ListingSeed } from "./types";

/**
 * Volunteer roles of "Bình dân học vụ số" (Plan 192/KH-UBND): students help residents with digital skills,
 * posted by the communes' community digital technology teams and by universities.
 */
export const communityListings: readonly ListingSeed[] = [
  {
    key: "volunteer-digital-literacy",
    type: "volunteer",
    owners: ["tcns-long-thanh", "tcns-xuan-loc"],
    title: { vi: "Tình nguyện viên Bình dân học vụ số", en: "Digital literacy volunteer" },
    description: {
      vi: [
        "{org} cần sinh viên tình nguyện “cầm tay chỉ việc” cho người cao tuổi và bà con ít tiếp xúc công nghệ.",
        "Bạn sẽ hướng dẫn nộp hồ sơ trên Cổng dịch vụ công, cài đặt VNeID và sử dụng điện thoại an toàn.",
        "Sinh hoạt vào sáng thứ Bảy và Chủ nhật tại nhà văn hóa các ấp; được cấp giấy chứng nhận tình nguyện.",
      ],
      en: [
        "{org} needs student volunteers to give hands-on help to older residents and people new to technology.",
        "You will help with the National Public Service Portal, installing VNeID and using phones safely.",
        "Saturday and Sunday mornings at village community halls; volunteer certificate provided.",
      ],
    },
    skills: { required: ["public-eservices", "e-id"], preferred: ["cashless-payment", "office-digital"] },
    majors: [],
    terms: { years: [1, 2, 3, 4], workMode: "onsite", positions: 20, durationWeeks: 8 },
  },
  {
    key: "volunteer-vneid",
    type: "volunteer",
    owners: ["tcns-long-thanh", "tcns-xuan-loc"],
    title: { vi: "Tình nguyện hỗ trợ kích hoạt định danh điện tử mức 2" },
    description: {
      vi: [
        "Cùng công an xã và {org} hướng dẫn người dân kích hoạt tài khoản định danh điện tử mức 2 trên ứng dụng VNeID.",
        "Tình nguyện viên được tập huấn một buổi trước khi tham gia và làm việc theo nhóm ba người.",
        "Phù hợp sinh viên kiên nhẫn, giao tiếp tốt với người lớn tuổi.",
      ],
    },
    skills: { required: ["e-id"], preferred: ["public-eservices"] },
    majors: [],
    terms: { years: [1, 2, 3, 4], workMode: "onsite", positions: 15, durationWeeks: 4 },
  },
  {
    key: "volunteer-cashless-market",
    type: "volunteer",
    owners: ["tcns-xuan-loc", "lhu"],
    title: { vi: "Chợ không tiền mặt: hướng dẫn tiểu thương nhận tiền qua mã QR", en: "Cashless market helpers" },
    description: {
      vi: [
        "Chiến dịch cùng tiểu thương tạo mã QR nhận tiền, đối soát giao dịch và nhận biết tin nhắn lừa đảo.",
        "Sinh viên làm việc theo ca buổi sáng tại chợ, mỗi nhóm phụ trách một dãy sạp.",
        "Hoạt động được tính điểm rèn luyện theo quy định của nhà trường.",
      ],
      en: [
        "A campaign helping market vendors create QR codes, reconcile payments and spot scam messages.",
        "Students work morning shifts at the market, each team covering one row of stalls.",
        "Counts towards the university's student activity points.",
      ],
    },
    skills: { required: ["cashless-payment"], preferred: ["digital-marketing", "ecommerce"] },
    majors: [],
    terms: { years: [1, 2, 3], workMode: "onsite", positions: 25, durationWeeks: 4 },
  },
  {
    key: "volunteer-green-summer",
    type: "volunteer",
    owners: ["dnu", "dntu"],
    title: { vi: "Mùa hè xanh chuyển đổi số 2027" },
    description: {
      vi: [
        "Chiến dịch tình nguyện hè của {org} tại các xã vùng sâu của tỉnh, phối hợp với tổ công nghệ số cộng đồng.",
        "Sinh viên mở lớp tin học cơ bản cho thiếu nhi, hướng dẫn người dân dùng dịch vụ công trực tuyến",
        "và thanh toán không dùng tiền mặt.",
        "Nhà trường hỗ trợ chỗ ở, ăn uống và bảo hiểm trong 4 tuần.",
      ],
    },
    skills: { required: ["office-digital"], preferred: ["public-eservices", "e-id", "cashless-payment"] },
    majors: [],
    terms: { years: [1, 2, 3], workMode: "onsite", positions: 40, durationWeeks: 4 },
  },
];
