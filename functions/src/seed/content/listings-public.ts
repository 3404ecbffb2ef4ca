import type { ListingSeed } from "./types";

/** Listings of universities, VNU-HCM labs, innovation centres and government units (incl. volunteering). */
export const publicListings: readonly ListingSeed[] = [
  {
    key: "visit-ic-lab",
    type: "visit",
    owners: ["vnu-ic-lab"],
    title: { vi: "Tham quan Phòng thí nghiệm Thiết kế Vi mạch ĐHQG-HCM", en: "Visit to the VNU-HCM IC Design Lab" },
    description: {
      vi: [
        "Chương trình dành cho sinh viên các trường tại Đồng Nai theo chương trình liên kết với ĐHQG-HCM.",
        "Sinh viên được giới thiệu quy trình thiết kế chip từ ý tưởng đến bản vẽ layout,",
        "xem trình diễn công cụ EDA và trao đổi với nghiên cứu sinh.",
        "Xe đưa đón khởi hành từ Trường Đại học Lạc Hồng lúc 7 giờ sáng.",
      ],
      en: [
        "For students of Đồng Nai universities under the partnership with VNU-HCM.",
        "You will see how a chip goes from idea to layout, watch an EDA tool demo and talk with PhD students.",
        "The bus leaves Lac Hong University at 7 a.m.",
      ],
    },
    skills: { required: [], preferred: ["ic-design", "cpp"] },
    majors: ["microelectronics", "electronics", "it", "cs"],
    terms: { years: [1, 2, 3], workMode: "onsite", sessions: 4 },
  },
  {
    key: "intern-risc-v",
    type: "internship",
    owners: ["vnu-ic-lab"],
    title: { vi: "Thực tập nghiên cứu thiết kế lõi RISC-V", en: "Research internship: RISC-V core design" },
    description: {
      vi: [
        "Tham gia nhóm nghiên cứu thiết kế lõi vi xử lý RISC-V công suất thấp cho thiết bị IoT.",
        "Bạn sẽ viết RTL, chạy mô phỏng và thử nghiệm trên FPGA; kết quả tốt có thể viết thành bài báo hội nghị.",
        "Sinh viên Đồng Nai được hỗ trợ chỗ ở tại ký túc xá ĐHQG-HCM trong thời gian thực tập.",
      ],
      en: [
        "Join the research group designing a low-power RISC-V core for IoT devices.",
        "You will write RTL, run simulations and test on FPGA; good results can become a conference paper.",
        "Students from Đồng Nai can stay in the VNU-HCM dormitory during the internship.",
      ],
    },
    skills: { required: ["ic-design", "cpp"], preferred: ["linux", "python"] },
    majors: ["microelectronics", "electronics", "cs"],
    terms: { years: [3, 4, 5], workMode: "hybrid", positions: 6, stipendVnd: 3_000_000, durationWeeks: 16 },
  },
  {
    key: "training-verilog",
    type: "training",
    owners: ["vnu-ic-lab", "vnu-hcmut"],
    title: { vi: "Khóa đào tạo Thiết kế vi mạch số cơ bản với Verilog" },
    description: {
      vi: [
        "Khóa học 8 tuần về thiết kế số, ngôn ngữ Verilog và quy trình tổng hợp, do giảng viên của {org} phụ trách.",
        "Học viên thực hành trên máy chủ EDA từ xa và hoàn thành một đồ án nhỏ trên FPGA ở buổi cuối.",
        "Ưu tiên sinh viên các trường tại Đồng Nai thuộc chương trình nhân lực bán dẫn của tỉnh.",
      ],
    },
    skills: { required: [], preferred: ["cpp", "ic-design"] },
    majors: ["microelectronics", "electronics", "cs", "it"],
    terms: { years: [2, 3, 4], workMode: "hybrid", positions: 40, durationWeeks: 8 },
  },
  {
    key: "visit-ai-lab",
    type: "visit",
    owners: ["vnu-ai-lab", "vnu-uit"],
    title: { vi: "Tham quan Phòng thí nghiệm AI và Dữ liệu", en: "AI and Data Lab visit" },
    description: {
      vi: [
        "Sinh viên được xem trình diễn các hệ thống nhận dạng giọng nói tiếng Việt, đọc biển số xe",
        "và phân tích văn bản.",
        "Nghiên cứu viên của {org} giới thiệu các hướng đề tài mở cho sinh viên năm 3–4.",
        "Buổi tham quan kéo dài nửa ngày, có phần hỏi đáp về học bổng sau đại học.",
      ],
      en: [
        "Watch demos of Vietnamese speech recognition, licence-plate reading and text analytics.",
        "Researchers of {org} present open topics for third- and fourth-year students.",
        "Half a day, with a Q&A on graduate scholarships.",
      ],
    },
    skills: { required: [], preferred: ["python", "machine-learning"] },
    majors: ["cs", "it", "data_science", "se"],
    terms: { years: [1, 2, 3], workMode: "onsite", sessions: 2 },
  },
  {
    key: "intern-vietnamese-nlp",
    type: "internship",
    owners: ["vnu-ai-lab"],
    title: { vi: "Thực tập nghiên cứu Xử lý ngôn ngữ tự nhiên tiếng Việt" },
    description: {
      vi: [
        "Tham gia dự án xây dựng bộ dữ liệu và mô hình hỏi đáp về thủ tục hành chính bằng tiếng Việt.",
        "Bạn sẽ thu thập, làm sạch dữ liệu, tinh chỉnh mô hình ngôn ngữ và đánh giá kết quả.",
        "Thời gian linh hoạt, có thể làm từ xa phần lớn thời gian.",
      ],
    },
    skills: { required: ["python", "nlp"], preferred: ["machine-learning", "git"] },
    majors: ["cs", "data_science"],
    terms: { years: [3, 4, 5], workMode: "remote", positions: 4, stipendVnd: 3_000_000, durationWeeks: 12 },
  },
  {
    key: "visit-nano-lab",
    type: "visit",
    owners: ["vnu-nano"],
    title: { vi: "Tham quan Phòng thí nghiệm Công nghệ Nano", en: "Nanotechnology Lab visit" },
    description: {
      vi: [
        "Tham quan phòng sạch, khu chế tạo màng mỏng và hệ thống kính hiển vi điện tử của {org}.",
        "Sinh viên được nghe giới thiệu về quy trình chế tạo linh kiện bán dẫn và cảm biến nano.",
        "Số chỗ mỗi buổi có hạn vì yêu cầu an toàn phòng sạch.",
      ],
      en: [
        "Visit the cleanroom, thin-film area and electron microscopes of the {org}.",
        "Hear how semiconductor devices and nano sensors are made.",
        "Seats are limited by cleanroom safety rules.",
      ],
    },
    skills: { required: [], preferred: ["semiconductor-process"] },
    majors: ["microelectronics", "electronics", "electrical"],
    terms: { years: [1, 2, 3], workMode: "onsite", sessions: 2 },
  },
  {
    key: "intern-nano-devices",
    type: "internship",
    owners: ["vnu-nano"],
    title: { vi: "Thực tập chế tạo và đo đạc linh kiện bán dẫn" },
    description: {
      vi: [
        "Thực tập tại phòng thí nghiệm: chuẩn bị mẫu, chế tạo màng mỏng và đo đặc tính điện của linh kiện.",
        "Bạn làm việc theo nhóm với học viên cao học và ghi chép thí nghiệm theo quy chuẩn phòng sạch.",
        "Không có phụ cấp; được cấp giấy xác nhận thực tập và hỗ trợ đề tài tốt nghiệp.",
      ],
    },
    skills: { required: ["semiconductor-process"], preferred: ["data-analysis", "python"] },
    majors: ["microelectronics", "electronics"],
    terms: { years: [3, 4, 5], workMode: "onsite", positions: 3, durationWeeks: 12 },
  },
  {
    key: "intern-startup-support",
    type: "internship",
    owners: ["vnu-innovation", "dn-innovation"],
    title: { vi: "Thực tập tại Trung tâm Đổi mới sáng tạo", en: "Innovation Centre Internship" },
    description: {
      vi: [
        "Hỗ trợ các nhóm khởi nghiệp công nghệ đang được {org} ươm tạo.",
        "Bạn sẽ nghiên cứu thị trường, thiết kế nguyên mẫu giao diện, tổ chức sự kiện kết nối",
        "và đo lường hiệu quả truyền thông.",
        "Môi trường năng động, phù hợp sinh viên muốn khởi nghiệp.",
      ],
      en: [
        "Support the tech start-ups incubated at {org}.",
        "You will do market research, prototype interfaces, organise networking events and measure outreach.",
        "A lively place for students who want to start a company.",
      ],
    },
    skills: {
      required: ["office-digital"],
      preferred: ["digital-marketing", "ui-ux", "data-analysis", "web-frontend"],
    },
    majors: ["business", "ecommerce", "it", "design"],
    terms: { years: [2, 3, 4], workMode: "hybrid", positions: 5, stipendVnd: 2_500_000, durationWeeks: 10 },
  },
  {
    key: "visit-maker-space",
    type: "visit",
    owners: ["vnu-innovation"],
    title: { vi: "Tham quan Trung tâm Đổi mới sáng tạo và không gian maker" },
    description: {
      vi: [
        "Đoàn sinh viên Đồng Nai tham quan không gian maker, xưởng in 3D",
        "và khu trưng bày sản phẩm khởi nghiệp của ĐHQG-HCM.",
        "Các nhà sáng lập trẻ chia sẻ hành trình từ đồ án môn học đến doanh nghiệp.",
        "Phù hợp mọi ngành; mỗi trường đăng ký tối đa 15 sinh viên mỗi buổi.",
      ],
    },
    skills: { required: [], preferred: [] },
    majors: [],
    terms: { years: [1, 2, 3], workMode: "onsite", sessions: 3 },
  },
  {
    key: "event-demo-day",
    type: "event",
    owners: ["vnu-innovation", "dn-innovation"],
    title: { vi: "Demo Day: Sinh viên khởi nghiệp công nghệ", en: "Demo Day: student tech start-ups" },
    description: {
      vi: [
        "Các nhóm sinh viên trình bày sản phẩm trước nhà đầu tư, doanh nghiệp trong khu công nghiệp",
        "và đại diện Sở Khoa học và Công nghệ.",
        "Khán giả được bình chọn giải thưởng cộng đồng và gặp gỡ các nhà sáng lập sau chương trình.",
        "Sự kiện miễn phí, đăng ký để nhận thẻ tham dự.",
      ],
      en: [
        "Student teams pitch their products to investors, companies from the industrial parks",
        "and the Department of Science and Technology.",
        "The audience votes for a community prize and meets the founders afterwards.",
        "Free event; register to get a pass.",
      ],
    },
    skills: { required: [], preferred: [] },
    majors: [],
    terms: { years: [1, 2, 3, 4, 5], workMode: "onsite", positions: 200 },
  },
  {
    key: "training-intro-ai",
    type: "training",
    owners: ["lhu", "vnu-uit"],
    title: { vi: "Bồi dưỡng Nhập môn trí tuệ nhân tạo cho sinh viên năm 1–2", en: "Intro to AI for first-years" },
    description: {
      vi: [
        "Khóa học 6 tuần giới thiệu học máy, xử lý ảnh và mô hình ngôn ngữ qua các bài thực hành bằng Python.",
        "Giảng viên của {org} phối hợp với chuyên gia doanh nghiệp hướng dẫn một dự án nhỏ cuối khóa.",
        "Học trực tuyến buổi tối, mở cho sinh viên mọi trường tại Đồng Nai.",
      ],
      en: [
        "A 6-week course introducing machine learning, image processing and language models through Python labs.",
        "Lecturers of {org} and industry experts guide a small final project.",
        "Online evening classes, open to students of every Đồng Nai university.",
      ],
    },
    skills: { required: [], preferred: ["python"] },
    majors: ["it", "cs", "se", "data_science", "is"],
    terms: { years: [1, 2], workMode: "remote", positions: 60, durationWeeks: 6 },
  },
  {
    key: "event-semiconductor-workforce",
    type: "event",
    owners: ["lhu", "so-khcn", "dntu"],
    title: { vi: "Hội thảo: Nhân lực số cho ngành bán dẫn Đồng Nai" },
    description: {
      vi: [
        "Hội thảo kết nối nhà trường, doanh nghiệp bán dẫn trong các khu công nghiệp và các phòng thí nghiệm ĐHQG-HCM.",
        "Chủ đề gồm nhu cầu tuyển dụng đến năm 2030, chương trình đào tạo vi mạch và học bổng cho sinh viên.",
        "Sinh viên tham dự được cấp giấy chứng nhận tham gia hoạt động ngoại khóa.",
      ],
    },
    skills: { required: [], preferred: [] },
    majors: ["microelectronics", "electronics", "it", "cs", "electrical"],
    terms: { years: [1, 2, 3, 4, 5], workMode: "onsite", positions: 150 },
  },
  {
    key: "training-plc-s7",
    type: "training",
    owners: ["dntu", "lhu"],
    title: { vi: "Khóa bồi dưỡng Lập trình PLC Siemens S7-1200" },
    description: {
      vi: [
        "Khóa thực hành 5 tuần tại xưởng tự động hóa của {org}, mỗi học viên một bộ thiết bị PLC.",
        "Nội dung gồm lập trình ladder, kết nối HMI, mạng Profinet và bài thi cuối khóa theo đề của doanh nghiệp.",
        "Học viên đạt yêu cầu được giới thiệu thực tập tại các công ty tự động hóa trong khu công nghiệp.",
      ],
    },
    skills: { required: [], preferred: ["plc"] },
    majors: ["automation", "electrical", "mechatronics"],
    terms: { years: [2, 3, 4], workMode: "onsite", positions: 30, durationWeeks: 5 },
  },
  {
    key: "visit-robotics-lab",
    type: "visit",
    owners: ["lhu"],
    title: { vi: "Tham quan Phòng thí nghiệm Robot và Tự động hóa", en: "Robotics and Automation Lab visit" },
    description: {
      vi: [
        "Phòng thí nghiệm của {org} đón sinh viên các trường bạn đến xem dây chuyền mô phỏng nhà máy và robot tự hành.",
        "Sinh viên được tự tay điều khiển cánh tay robot và tìm hiểu các đề tài hợp tác với doanh nghiệp.",
      ],
      en: [
        "The {org} lab welcomes students from partner universities to see its model factory line and mobile robots.",
        "You can drive a robot arm yourself and learn about projects run with companies.",
      ],
    },
    skills: { required: [], preferred: ["robotics", "plc"] },
    majors: ["automation", "mechatronics", "it", "electrical"],
    terms: { years: [1, 2], workMode: "onsite", sessions: 2 },
  },
  {
    key: "job-lab-assistant",
    type: "job",
    owners: ["dntu"],
    title: { vi: "Trợ giảng phòng thí nghiệm Điện tử – Viễn thông", en: "Electronics Lab Teaching Assistant" },
    description: {
      vi: [
        "{org} tuyển trợ giảng hỗ trợ các buổi thí nghiệm vi điều khiển và mạch điện tử cho sinh viên năm 1–2.",
        "Công việc bán thời gian, phù hợp sinh viên năm cuối hoặc mới tốt nghiệp muốn theo con đường giảng dạy.",
        "Thù lao 8 triệu đồng mỗi tháng.",
      ],
      en: [
        "{org} is hiring a teaching assistant for microcontroller and electronics labs of first- and second-years.",
        "Part-time, suited to final-year students or new graduates interested in teaching.",
        "Pay: 8 million VND a month.",
      ],
    },
    skills: { required: ["microcontroller"], preferred: ["pcb-design", "embedded-c"] },
    majors: ["electronics"],
    terms: { years: [4, 5], workMode: "onsite", positions: 2, stipendVnd: 8_000_000 },
  },
  {
    key: "training-cloud",
    type: "training",
    owners: ["vnu-hcmus", "dnu"],
    title: { vi: "Khóa học Điện toán đám mây cho sinh viên", en: "Cloud foundations for students" },
    description: {
      vi: [
        "Khóa học 8 tuần về máy ảo, lưu trữ, mạng và bảo mật trên đám mây, kèm bài lab thực hành hằng tuần.",
        "Học viên hoàn thành khóa được hỗ trợ lệ phí thi chứng chỉ quốc tế.",
        "Học trực tuyến vào tối thứ Hai và thứ Tư.",
      ],
      en: [
        "An 8-week course on virtual machines, storage, networking and security in the cloud, with weekly labs.",
        "Those who complete it get help with international certification exam fees.",
        "Online on Monday and Wednesday evenings.",
      ],
    },
    skills: { required: [], preferred: ["linux", "networking"] },
    majors: ["it", "cs", "se", "is", "infosec"],
    terms: { years: [2, 3, 4], workMode: "remote", positions: 50, durationWeeks: 8 },
  },
  {
    key: "training-data-python",
    type: "training",
    owners: ["vnu-hcmus", "dnu"],
    title: { vi: "Bồi dưỡng Phân tích dữ liệu với Python" },
    description: {
      vi: [
        "Khóa học 6 tuần giúp sinh viên đọc, làm sạch và trực quan hóa dữ liệu bằng Python và SQL.",
        "Bài tập cuối khóa dùng bộ dữ liệu mở của tỉnh Đồng Nai về lao động và doanh nghiệp.",
        "Học kết hợp: lý thuyết trực tuyến, thực hành tại phòng máy của {org}.",
      ],
    },
    skills: { required: [], preferred: ["python", "sql"] },
    majors: ["data_science", "it", "is", "business", "logistics"],
    terms: { years: [2, 3], workMode: "hybrid", positions: 40, durationWeeks: 6 },
  },
  {
    key: "event-hackathon",
    type: "event",
    owners: ["so-khcn", "vnu-uit"],
    title: { vi: "Hackathon Chuyển đổi số Đồng Nai 2027", en: "Đồng Nai Digital Transformation Hackathon 2027" },
    description: {
      vi: [
        "Cuộc thi 48 giờ để sinh viên xây dựng giải pháp số cho bài toán thật của tỉnh:",
        "dịch vụ công, giao thông, nông nghiệp và khu công nghiệp.",
        "Mỗi đội 3–5 người, có mentor từ doanh nghiệp và giảng viên các trường.",
        "Đội đoạt giải nhất được ươm tạo tại Trung tâm Khởi nghiệp Đổi mới sáng tạo Đồng Nai.",
      ],
      en: [
        "A 48-hour contest where students build digital solutions to real provincial problems:",
        "public services, transport, farming and industrial parks.",
        "Teams of 3–5 with mentors from companies and universities.",
        "The winning team is incubated at the Đồng Nai Innovation and Start-up Centre.",
      ],
    },
    skills: { required: [], preferred: ["web-frontend", "web-backend", "ai", "ui-ux"] },
    majors: ["it", "se", "cs", "data_science", "design", "is", "ecommerce"],
    terms: { years: [1, 2, 3, 4, 5], workMode: "onsite", positions: 120 },
  },
];
