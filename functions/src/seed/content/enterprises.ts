import { communes, type IndustrialParkId, industrialParks } from "@ketnoi/core";
import type { OrganisationSeed } from "./organisations";

type EnterpriseSeed = Pick<OrganisationSeed, "id" | "name" | "description" | "sectors" | "ownerId"> &
  Partial<Pick<OrganisationSeed, "verification" | "verificationReason">> & { park: IndustrialParkId; lot: string };

/** A fictional enterprise on a lot of a real industrial park; its commune is the park's. */
function enterprise({ park: parkId, lot, ...seed }: EnterpriseSeed): OrganisationSeed {
  const park = industrialParks.find((p) => p.id === parkId)!;
  const commune = communes.find((c) => c.id === park.communeId)!;
  return {
    kind: "enterprise",
    communeId: park.communeId,
    industrialParkId: parkId,
    address: `${lot}, ${park.name}, ${commune.name}, tỉnh Đồng Nai`,
    verification: "verified",
    ...seed,
  };
}

/** Fictional but plausible high-tech enterprises, at least one in each of Đồng Nai's listed industrial parks. */
export const enterpriseSeeds: readonly OrganisationSeed[] = (
  [
    {
      id: "amata-tech",
      park: "amata",
      lot: "Lô 112/3, đường số 2",
      sectors: ["electronics", "manufacturing"],
      name: { vi: "Công ty TNHH Điện tử Amata Tech", en: "Amata Tech Electronics Co., Ltd." },
      description: {
        vi: [
          "Sản xuất bo mạch điều khiển và mô-đun cảm biến cho thiết bị gia dụng thông minh xuất khẩu sang Nhật Bản.",
        ],
        en: ["Makes control boards and sensor modules for smart home appliances exported to Japan."],
      },
      ownerId: "rec-amata",
    },
    {
      id: "dong-xanh-software",
      park: "amata",
      lot: "Tòa nhà văn phòng lô 101",
      sectors: ["software", "ai_data"],
      name: { vi: "Công ty TNHH Giải pháp Phần mềm Đồng Xanh", en: "Dong Xanh Software Solutions Co., Ltd." },
      description: {
        vi: ["Phát triển phần mềm quản lý sản xuất (MES) và ứng dụng web cho các nhà máy trong khu công nghiệp."],
        en: ["Builds manufacturing execution systems and web apps for factories in the industrial parks."],
      },
    },
    {
      id: "la-chan-xanh",
      park: "amata",
      lot: "Lô 205, đường số 5",
      sectors: ["software", "telecom"],
      name: { vi: "Công ty TNHH An ninh mạng Lá Chắn Xanh", en: "Green Shield Cybersecurity Co., Ltd." },
      description: {
        vi: ["Cung cấp dịch vụ giám sát an ninh mạng 24/7 (SOC) và đánh giá bảo mật cho doanh nghiệp sản xuất."],
      },
    },
    {
      id: "bien-hoa-robotics",
      park: "bien-hoa-2",
      lot: "Đường số 8, lô C4",
      sectors: ["automation", "manufacturing"],
      name: { vi: "Công ty CP Robot Biên Hòa", en: "Bien Hoa Robotics JSC" },
      description: {
        vi: ["Tích hợp robot hàn, robot gắp đặt và dây chuyền tự động cho ngành cơ khí và điện tử."],
        en: ["Integrates welding and pick-and-place robots and automated lines for metalwork and electronics."],
      },
    },
    {
      id: "dnai",
      park: "bien-hoa-2",
      lot: "Đường số 3, lô A7",
      sectors: ["ai_data", "software"],
      name: { vi: "Công ty CP Trí tuệ Nhân tạo Đồng Nai", en: "Đồng Nai AI JSC" },
      description: {
        vi: ["Phát triển hệ thống thị giác máy tính kiểm tra lỗi sản phẩm và trợ lý ảo tiếng Việt cho doanh nghiệp."],
        en: ["Develops computer-vision inspection systems and Vietnamese virtual assistants for businesses."],
      },
    },
    {
      id: "loteco-logistics",
      park: "loteco",
      lot: "Lô 24, đường số 1",
      sectors: ["logistics", "software"],
      name: { vi: "Công ty TNHH Logistics Số Loteco", en: "Loteco Digital Logistics Co., Ltd." },
      description: {
        vi: ["Vận hành kho ngoại quan và nền tảng theo dõi đơn hàng thời gian thực cho doanh nghiệp xuất nhập khẩu."],
      },
    },
    {
      id: "bien-hoa-telecom",
      park: "loteco",
      lot: "Lô 9, đường số 4",
      sectors: ["telecom", "software"],
      name: { vi: "Công ty CP Viễn thông Số Biên Hòa", en: "Bien Hoa Digital Telecom JSC" },
      description: {
        vi: ["Triển khai mạng 5G riêng và hạ tầng cáp quang cho nhà máy, khu công nghiệp."],
        en: ["Deploys private 5G networks and fibre for factories and industrial parks."],
      },
    },
    {
      id: "tam-phuoc-automation",
      park: "tam-phuoc",
      lot: "Đường số 6, lô K2",
      sectors: ["automation", "electronics"],
      name: { vi: "Công ty TNHH Tự động hóa Tam Phước", en: "Tam Phuoc Automation Co., Ltd." },
      description: {
        vi: ["Thiết kế tủ điện điều khiển, lập trình PLC và hệ thống SCADA cho nhà máy thực phẩm và hóa chất."],
      },
    },
    {
      id: "tam-phuoc-medtech",
      park: "tam-phuoc",
      lot: "Lô 15, đường số 2",
      sectors: ["electronics", "manufacturing"],
      name: { vi: "Công ty TNHH Thiết bị Y tế Thông minh Tam Phước", en: "Tam Phuoc Smart Medical Devices Co., Ltd." },
      description: {
        vi: ["Sản xuất máy đo huyết áp, máy đo SpO2 có kết nối Bluetooth và phần mềm đi kèm."],
        en: ["Makes connected blood-pressure monitors and pulse oximeters with companion software."],
      },
    },
    {
      id: "long-thanh-semi",
      park: "long-thanh",
      lot: "Lô B2, đường số 3",
      sectors: ["semiconductors", "electronics"],
      name: { vi: "Công ty TNHH Bán dẫn Long Thành", en: "Long Thanh Semiconductor Co., Ltd." },
      description: {
        vi: ["Nhà máy lắp ráp và kiểm thử linh kiện bán dẫn công suất cho xe điện và năng lượng tái tạo."],
        en: ["Assembles and tests power semiconductor devices for electric vehicles and renewable energy."],
      },
    },
    {
      id: "viet-nhat-sensor",
      park: "long-thanh",
      lot: "Lô D5, đường số 7",
      sectors: ["electronics", "semiconductors"],
      name: { vi: "Công ty TNHH Cảm biến Việt Nhật", en: "Viet Nhat Sensor Co., Ltd." },
      description: { vi: ["Liên doanh Việt – Nhật sản xuất cảm biến áp suất và nhiệt độ MEMS cho ô tô."] },
    },
    {
      id: "an-phuoc-pcb",
      park: "an-phuoc",
      lot: "Lô 3, đường N2",
      sectors: ["electronics", "manufacturing"],
      name: { vi: "Công ty TNHH Mạch in An Phước", en: "An Phuoc PCB Co., Ltd." },
      description: {
        vi: ["Thiết kế và gia công mạch in nhiều lớp, lắp ráp linh kiện SMT cho khách hàng trong và ngoài nước."],
        en: ["Designs and fabricates multilayer printed circuit boards and provides SMT assembly."],
      },
    },
    {
      id: "an-phuoc-service-robot",
      park: "an-phuoc",
      lot: "Lô 11, đường N4",
      sectors: ["automation", "ai_data"],
      name: { vi: "Công ty CP Robot Dịch vụ An Phước", en: "An Phuoc Service Robots JSC" },
      description: { vi: ["Doanh nghiệp mới thành lập, phát triển robot giao hàng trong nhà xưởng và bệnh viện."] },
      verification: "pending",
    },
    {
      id: "long-duc-iot",
      park: "long-duc",
      lot: "Lô 18, đường số 2",
      sectors: ["electronics", "software"],
      name: { vi: "Công ty CP Giải pháp IoT Long Đức", en: "Long Duc IoT Solutions JSC" },
      description: {
        vi: ["Cung cấp thiết bị và nền tảng IoT giám sát năng lượng, môi trường cho nhà máy."],
        en: ["Supplies IoT devices and a platform for monitoring energy use and environment in factories."],
      },
    },
    {
      id: "long-duc-emotor",
      park: "long-duc",
      lot: "Lô 27, đường số 5",
      sectors: ["manufacturing", "electronics"],
      name: { vi: "Công ty TNHH Động cơ Điện Long Đức", en: "Long Duc E-Motor Co., Ltd." },
      description: { vi: ["Sản xuất động cơ điện và bộ điều khiển cho xe máy điện, xe đạp điện."] },
    },
    {
      id: "nhon-trach-precision",
      park: "nhon-trach-1",
      lot: "Đường số 2, lô 14",
      sectors: ["manufacturing", "automation"],
      name: { vi: "Công ty TNHH Cơ khí Chính xác Nhơn Trạch", en: "Nhon Trach Precision Engineering Co., Ltd." },
      description: {
        vi: ["Gia công chi tiết chính xác trên máy CNC 5 trục cho ngành hàng không và thiết bị y tế."],
        en: ["Machines precision parts on 5-axis CNC for aerospace and medical devices."],
      },
    },
    {
      id: "nhon-trach-ic",
      park: "nhon-trach-3",
      lot: "Lô 7, đường 2A",
      sectors: ["semiconductors", "electronics"],
      name: { vi: "Công ty CP Vi mạch Nhơn Trạch", en: "Nhon Trach IC JSC" },
      description: {
        vi: [
          "Thiết kế vi mạch quản lý nguồn và vi điều khiển cho thiết bị IoT,",
          "hợp tác đào tạo kỹ sư với ĐHQG-HCM.",
        ],
        en: [
          "Designs power-management chips and microcontrollers for IoT devices and co-trains engineers with VNU-HCM.",
        ],
      },
    },
    {
      id: "nhon-trach-optic",
      park: "nhon-trach-3",
      lot: "Lô 19, đường 3B",
      sectors: ["electronics"],
      name: { vi: "Công ty TNHH Linh kiện Quang điện Nhơn Trạch", en: "Nhon Trach Optoelectronics Co., Ltd." },
      description: { vi: ["Đang xây dựng nhà máy sản xuất mô-đun LED và cảm biến quang."] },
      verification: "pending",
    },
    {
      id: "dai-phuoc-battery",
      park: "nhon-trach-6",
      lot: "Lô C1, đường số 9",
      sectors: ["manufacturing", "electronics"],
      name: { vi: "Công ty TNHH Pin Năng lượng Mới Đại Phước", en: "Dai Phuoc New Energy Battery Co., Ltd." },
      description: {
        vi: ["Lắp ráp khối pin lithium và hệ thống quản lý pin (BMS) cho xe điện và lưu trữ năng lượng."],
        en: ["Assembles lithium battery packs and battery management systems for EVs and energy storage."],
      },
    },
    {
      id: "dong-nai-chiptest",
      park: "nhon-trach-6",
      lot: "Lô C6, đường số 10",
      sectors: ["semiconductors", "manufacturing"],
      name: { vi: "Công ty TNHH Đóng gói và Kiểm thử Chip Đồng Nai", en: "Đồng Nai Chip Packaging and Test Co., Ltd." },
      description: { vi: ["Đóng gói và kiểm thử vi mạch (OSAT) cho các hãng thiết kế chip trong và ngoài nước."] },
    },
    {
      id: "loc-an-aero",
      park: "loc-an-binh-son",
      lot: "Lô 5, đường D1",
      sectors: ["logistics", "automation"],
      name: { vi: "Công ty CP Dịch vụ Kỹ thuật Hàng không Lộc An", en: "Loc An Aviation Engineering Services JSC" },
      description: {
        vi: [
          "Bảo dưỡng thiết bị mặt đất và hệ thống băng chuyền hành lý,",
          "chuẩn bị cho Cảng hàng không quốc tế Long Thành.",
        ],
        en: ["Maintains ground equipment and baggage conveyors, preparing for Long Thành International Airport."],
      },
    },
    {
      id: "long-thanh-airport-logistics",
      park: "loc-an-binh-son",
      lot: "Lô 12, đường D3",
      sectors: ["logistics", "software"],
      name: { vi: "Công ty CP Logistics Sân bay Long Thành", en: "Long Thanh Airport Logistics JSC" },
      description: {
        vi: ["Xây dựng trung tâm logistics hàng không và hệ thống quản lý kho thông minh cạnh sân bay Long Thành."],
      },
    },
    {
      id: "song-may-smart",
      park: "song-may",
      lot: "Lô 8, đường số 1",
      sectors: ["manufacturing", "ai_data"],
      name: { vi: "Công ty TNHH Sản xuất Thông minh Sông Mây", en: "Song May Smart Manufacturing Co., Ltd." },
      description: {
        vi: ["Nhà máy linh kiện nhựa kỹ thuật dùng dữ liệu thời gian thực và robot cộng tác trên dây chuyền."],
        en: ["Engineering-plastics plant using real-time data and collaborative robots on its lines."],
      },
    },
    {
      id: "song-may-smarthome",
      park: "song-may",
      lot: "Lô 21, đường số 4",
      sectors: ["electronics", "software"],
      name: { vi: "Công ty TNHH Thiết bị Nhà thông minh Sông Mây", en: "Song May Smart Home Devices Co., Ltd." },
      description: { vi: ["Phát triển công tắc, ổ cắm thông minh và ứng dụng điều khiển trên điện thoại."] },
      verification: "pending",
      ownerId: "rec-pending",
    },
    {
      id: "bau-xeo-datacenter",
      park: "bau-xeo",
      lot: "Lô 2, đường số 6",
      sectors: ["telecom", "software"],
      name: { vi: "Công ty CP Trung tâm Dữ liệu Bàu Xéo", en: "Bau Xeo Data Centre JSC" },
      description: {
        vi: ["Vận hành trung tâm dữ liệu đạt chuẩn Tier III và dịch vụ đám mây cho doanh nghiệp phía Nam."],
        en: ["Runs a Tier III data centre and cloud services for businesses in southern Việt Nam."],
      },
    },
    {
      id: "dau-giay-agritech",
      park: "dau-giay",
      lot: "Lô 4, đường số 2",
      sectors: ["ai_data", "automation"],
      name: { vi: "Công ty TNHH Công nghệ Nông nghiệp Dầu Giây", en: "Dau Giay Agritech Co., Ltd." },
      description: { vi: ["Ứng dụng cảm biến, dữ liệu và tự động hóa cho trang trại và nhà máy chế biến nông sản."] },
    },
    {
      id: "viec-nhanh-24h",
      park: "dau-giay",
      lot: "Lô 30, đường số 8",
      sectors: ["software"],
      name: { vi: "Công ty TNHH Dịch vụ Việc Làm Nhanh 24h" },
      description: { vi: ["Tuyển cộng tác viên làm việc tại nhà, thu nhập cao, không cần kinh nghiệm."] },
      verification: "rejected",
      verificationReason:
        "Mã số thuế không khớp với Cổng thông tin quốc gia về đăng ký doanh nghiệp; không xác minh được địa chỉ.",
    },
  ] satisfies EnterpriseSeed[]
).map(enterprise);
