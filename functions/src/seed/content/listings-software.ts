import type { ListingSeed } from "./types";

/** Listings of software, AI, data, telecom, security and logistics enterprises. */
export const softwareListings: readonly ListingSeed[] = [
  {
    key: "intern-backend",
    type: "internship",
    owners: ["dong-xanh-software", "loteco-logistics", "bien-hoa-telecom"],
    title: { vi: "Thực tập sinh Lập trình Back-end", en: "Back-end Developer Intern" },
    description: {
      vi: [
        "Tham gia đội phát triển sản phẩm của {org}, xây dựng API cho hệ thống phục vụ các nhà máy và kho hàng.",
        "Bạn sẽ làm việc với Node.js hoặc Java, cơ sở dữ liệu SQL, viết kiểm thử",
        "và tham gia review mã nguồn hằng ngày.",
        "Làm việc kết hợp, được cấp laptop và phụ cấp 4 triệu đồng mỗi tháng.",
      ],
      en: [
        "Join {org}'s product team building APIs for systems used by factories and warehouses.",
        "You will work with Node.js or Java and SQL databases, write tests and take part in daily code reviews.",
        "Hybrid work, laptop provided, 4 million VND monthly stipend.",
      ],
    },
    skills: { required: ["web-backend", "sql"], preferred: ["typescript", "java", "docker", "git"] },
    majors: ["it", "se", "cs", "is"],
    terms: { years: [3, 4], workMode: "hybrid", positions: 5, stipendVnd: 4_000_000, durationWeeks: 12 },
  },
  {
    key: "intern-frontend",
    type: "internship",
    owners: ["dong-xanh-software", "dnai"],
    title: { vi: "Thực tập sinh Lập trình Front-end" },
    description: {
      vi: [
        "Xây dựng giao diện web cho bảng điều khiển sản xuất và ứng dụng nội bộ của {org}.",
        "Bạn sẽ dùng TypeScript và một framework hiện đại, làm việc cùng nhà thiết kế UI/UX",
        "để giao diện dễ dùng trên máy tính bảng tại xưởng.",
        "Sinh viên năm 2 có sản phẩm cá nhân trên GitHub cũng được xem xét.",
      ],
    },
    skills: { required: ["web-frontend", "javascript"], preferred: ["typescript", "ui-ux", "git"] },
    majors: ["it", "se", "design"],
    terms: { years: [2, 3, 4], workMode: "hybrid", positions: 3, stipendVnd: 3_500_000, durationWeeks: 10 },
  },
  {
    key: "job-fullstack",
    type: "job",
    owners: ["dong-xanh-software"],
    title: { vi: "Lập trình viên Full-stack (mới tốt nghiệp)", en: "Junior Full-stack Developer" },
    description: {
      vi: [
        "{org} tuyển lập trình viên full-stack cho nền tảng MES đang chạy tại hơn 30 nhà máy ở Đồng Nai.",
        "Bạn sẽ phát triển tính năng từ giao diện đến cơ sở dữ liệu, triển khai lên đám mây",
        "và hỗ trợ khách hàng khi cần.",
        "Lương khởi điểm 14 triệu đồng, xem xét tăng lương sau 6 tháng.",
      ],
      en: [
        "{org} is hiring a full-stack developer for its MES platform, running in more than 30 factories in Đồng Nai.",
        "You will build features from the UI to the database, deploy to the cloud and support customers when needed.",
        "Starting salary 14 million VND, reviewed after 6 months.",
      ],
    },
    skills: { required: ["web-frontend", "web-backend", "sql"], preferred: ["typescript", "docker", "cloud-aws"] },
    majors: ["it", "se", "cs"],
    terms: { years: [4, 5], workMode: "hybrid", positions: 3, stipendVnd: 14_000_000 },
  },
  {
    key: "job-qa",
    type: "job",
    owners: ["dong-xanh-software", "tam-phuoc-medtech"],
    title: { vi: "Kỹ sư kiểm thử phần mềm (QA)" },
    description: {
      vi: [
        "Đảm bảo chất lượng phần mềm của {org} trước mỗi lần phát hành.",
        "Bạn sẽ thiết kế ca kiểm thử, viết kiểm thử tự động cho web và API, theo dõi lỗi cùng đội phát triển.",
        "Ưu tiên ứng viên có chứng chỉ ISTQB hoặc đã thực tập kiểm thử.",
      ],
    },
    skills: { required: ["testing", "sql"], preferred: ["javascript", "git"] },
    majors: ["se", "it", "is"],
    terms: { years: [4, 5], workMode: "hybrid", positions: 2, stipendVnd: 12_000_000 },
  },
  {
    key: "intern-data-analyst",
    type: "internship",
    owners: ["song-may-smart", "long-duc-emotor", "dai-phuoc-battery"],
    title: { vi: "Thực tập sinh Phân tích dữ liệu sản xuất", en: "Manufacturing Data Analyst Intern" },
    description: {
      vi: [
        "Phân tích dữ liệu sản lượng, tỷ lệ lỗi và thời gian dừng máy để giúp {org} cải tiến dây chuyền.",
        "Bạn sẽ viết truy vấn SQL, làm báo cáo trực quan và trình bày kết quả với trưởng ca mỗi tuần.",
        "Cần thành thạo Excel; biết Python là lợi thế.",
      ],
      en: [
        "Analyse output, defect rates and downtime data to help {org} improve its lines.",
        "You will write SQL queries, build visual reports and present findings to shift leaders every week.",
        "Good Excel skills required; Python is a plus.",
      ],
    },
    skills: { required: ["data-analysis", "sql"], preferred: ["python", "erp", "office-digital"] },
    majors: ["data_science", "is", "it", "business", "logistics"],
    terms: { years: [3, 4], workMode: "hybrid", positions: 2, stipendVnd: 3_500_000, durationWeeks: 10 },
  },
  {
    key: "intern-computer-vision",
    type: "internship",
    owners: ["dnai", "amata-tech"],
    title: { vi: "Thực tập sinh Thị giác máy tính kiểm tra lỗi sản phẩm", en: "Computer Vision Intern – Inspection" },
    description: {
      vi: [
        "Huấn luyện mô hình phát hiện lỗi bề mặt sản phẩm từ ảnh camera trên dây chuyền của {org}.",
        "Bạn sẽ gán nhãn dữ liệu, thử nghiệm các mô hình phát hiện vật thể và đo độ chính xác trên dữ liệu thực tế.",
        "Có máy chủ GPU để thực nghiệm và người hướng dẫn là kỹ sư AI nhiều năm kinh nghiệm.",
      ],
      en: [
        "Train models that spot surface defects in camera images from {org}'s production line.",
        "You will label data, try object-detection models and measure accuracy on real data.",
        "GPU servers are available and your mentor is an experienced AI engineer.",
      ],
    },
    skills: { required: ["python", "computer-vision"], preferred: ["machine-learning", "docker", "git"] },
    majors: ["cs", "data_science", "it"],
    terms: { years: [3, 4, 5], workMode: "hybrid", positions: 3, stipendVnd: 5_000_000, durationWeeks: 16 },
  },
  {
    key: "job-ml-engineer",
    type: "job",
    owners: ["dnai"],
    title: { vi: "Kỹ sư Học máy", en: "Machine Learning Engineer" },
    description: {
      vi: [
        "{org} tuyển kỹ sư học máy phát triển trợ lý ảo tiếng Việt và hệ thống kiểm tra chất lượng bằng hình ảnh.",
        "Bạn sẽ xây dựng quy trình huấn luyện, đánh giá và triển khai mô hình lên môi trường sản xuất.",
        "Lương khởi điểm từ 20 triệu đồng, làm việc kết hợp.",
      ],
      en: [
        "{org} is hiring an ML engineer for its Vietnamese virtual assistant and visual quality inspection.",
        "You will build pipelines to train, evaluate and deploy models to production.",
        "Starting salary from 20 million VND, hybrid work.",
      ],
    },
    skills: { required: ["python", "machine-learning"], preferred: ["nlp", "computer-vision", "docker", "cloud-aws"] },
    majors: ["cs", "data_science"],
    terms: { years: [4, 5], workMode: "hybrid", positions: 2, stipendVnd: 20_000_000 },
  },
  {
    key: "intern-warehouse",
    type: "internship",
    owners: ["loteco-logistics", "long-thanh-airport-logistics"],
    title: { vi: "Thực tập sinh Logistics số và quản lý kho" },
    description: {
      vi: [
        "Tham gia vận hành kho thông minh của {org}: nhập – xuất hàng bằng mã vạch,",
        "theo dõi tồn kho trên hệ thống WMS.",
        "Bạn sẽ lập báo cáo hiệu suất kho, đề xuất cải tiến bố trí và làm việc với đối tác vận tải.",
        "Phụ cấp 3 triệu đồng mỗi tháng, có xe đưa đón từ Biên Hòa.",
      ],
    },
    skills: { required: ["erp", "office-digital"], preferred: ["data-analysis", "sql"] },
    majors: ["logistics", "business", "is"],
    terms: { years: [2, 3, 4], workMode: "onsite", positions: 6, stipendVnd: 3_000_000, durationWeeks: 8 },
  },
  {
    key: "job-erp",
    type: "job",
    owners: ["loteco-logistics", "long-thanh-airport-logistics"],
    title: { vi: "Chuyên viên triển khai ERP", en: "ERP Implementation Specialist" },
    description: {
      vi: [
        "Triển khai và hỗ trợ người dùng hệ thống ERP cho các phòng kho vận, mua hàng và kế toán của {org}.",
        "Bạn sẽ thu thập yêu cầu, cấu hình phân hệ, viết tài liệu hướng dẫn và đào tạo người dùng.",
        "Phù hợp sinh viên hệ thống thông tin hoặc logistics thích làm việc với con người và dữ liệu.",
      ],
      en: [
        "Roll out and support the ERP system for {org}'s warehouse, purchasing and accounting teams.",
        "You will gather requirements, configure modules, write user guides and train staff.",
        "Suits information systems or logistics graduates who like working with people and data.",
      ],
    },
    skills: { required: ["erp", "sql"], preferred: ["data-analysis", "english-it"] },
    majors: ["is", "logistics", "business"],
    terms: { years: [4, 5], workMode: "onsite", positions: 2, stipendVnd: 13_000_000 },
  },
  {
    key: "intern-network",
    type: "internship",
    owners: ["bau-xeo-datacenter", "bien-hoa-telecom"],
    title: { vi: "Thực tập sinh Quản trị mạng và trung tâm dữ liệu", en: "Network and Data Centre Intern" },
    description: {
      vi: [
        "Làm việc cùng đội vận hành của {org} trong môi trường trung tâm dữ liệu thực tế.",
        "Bạn sẽ cấu hình switch, router, theo dõi hệ thống giám sát",
        "và tham gia xử lý sự cố theo ca có người hướng dẫn.",
        "Ưu tiên sinh viên đã có chứng chỉ CCNA hoặc tương đương.",
      ],
      en: [
        "Work with {org}'s operations team in a real data centre.",
        "You will configure switches and routers, watch the monitoring system and help handle incidents on shifts.",
        "CCNA or an equivalent certificate is preferred.",
      ],
    },
    skills: { required: ["networking", "linux"], preferred: ["docker", "cloud-aws", "cybersecurity"] },
    majors: ["it", "infosec", "electronics"],
    terms: { years: [3, 4], workMode: "onsite", positions: 4, stipendVnd: 4_000_000, durationWeeks: 12 },
  },
  {
    key: "job-cloud-ops",
    type: "job",
    owners: ["bau-xeo-datacenter"],
    title: { vi: "Kỹ sư vận hành hệ thống đám mây" },
    description: {
      vi: [
        "Vận hành hạ tầng đám mây riêng và dịch vụ lưu trữ cho khách hàng doanh nghiệp của {org}.",
        "Bạn sẽ tự động hóa triển khai bằng Docker và script, giám sát hệ thống 24/7 theo ca và tối ưu chi phí.",
        "Lương khởi điểm 16 triệu đồng, được tài trợ chứng chỉ AWS.",
      ],
    },
    skills: { required: ["linux", "docker", "cloud-aws"], preferred: ["networking"] },
    majors: ["it", "infosec", "cs"],
    terms: { years: [4, 5], workMode: "hybrid", positions: 2, stipendVnd: 16_000_000 },
  },
  {
    key: "intern-soc",
    type: "internship",
    owners: ["la-chan-xanh"],
    title: { vi: "Thực tập sinh Giám sát an ninh mạng (SOC)", en: "SOC Analyst Intern" },
    description: {
      vi: [
        "Tham gia đội SOC của {org}, theo dõi cảnh báo an ninh cho các nhà máy trong khu công nghiệp.",
        "Bạn sẽ phân tích log, phân loại cảnh báo và viết báo cáo sự cố dưới sự hướng dẫn của chuyên viên.",
        "Được học các công cụ SIEM và tham gia diễn tập ứng cứu sự cố.",
      ],
      en: [
        "Join {org}'s SOC monitoring security alerts for factories in the industrial parks.",
        "You will analyse logs, triage alerts and write incident reports under an analyst's guidance.",
        "You will learn SIEM tools and take part in incident response drills.",
      ],
    },
    skills: { required: ["cybersecurity", "networking"], preferred: ["linux", "pentest", "python"] },
    majors: ["infosec", "it"],
    terms: { years: [3, 4], workMode: "hybrid", positions: 3, stipendVnd: 4_500_000, durationWeeks: 12 },
  },
  {
    key: "training-pentest",
    type: "training",
    owners: ["la-chan-xanh"],
    title: { vi: "Khóa bồi dưỡng Kiểm thử xâm nhập cơ bản" },
    description: {
      vi: [
        "Khóa học 6 tuần vào tối thứ Ba và thứ Năm do chuyên gia của {org} giảng dạy.",
        "Học viên thực hành trên phòng lab ảo: dò quét lỗ hổng, khai thác ứng dụng web và viết báo cáo kiểm thử.",
        "Miễn phí cho sinh viên; học viên xuất sắc được mời thực tập tại công ty.",
      ],
    },
    skills: { required: ["networking"], preferred: ["linux", "python"] },
    majors: ["infosec", "it", "cs"],
    terms: { years: [2, 3, 4], workMode: "remote", positions: 30, durationWeeks: 6 },
  },
  {
    key: "intern-private-5g",
    type: "internship",
    owners: ["bien-hoa-telecom"],
    title: { vi: "Thực tập sinh Kỹ thuật mạng 5G riêng", en: "Private 5G Network Engineering Intern" },
    description: {
      vi: [
        "Tham gia khảo sát, lắp đặt và đo kiểm mạng 5G riêng cho nhà máy trong {park} cùng kỹ sư của {org}.",
        "Bạn sẽ đo vùng phủ sóng, cấu hình thiết bị truy nhập và lập báo cáo chất lượng mạng.",
        "Cần sức khỏe tốt để làm việc tại hiện trường; có phụ cấp đi lại.",
      ],
      en: [
        "Survey, install and test private 5G networks for factories in {park} with {org}'s engineers.",
        "You will measure coverage, configure access equipment and write network quality reports.",
        "Field work requires good health; travel allowance paid.",
      ],
    },
    skills: { required: ["networking"], preferred: ["iot", "linux"] },
    majors: ["electronics", "it"],
    terms: { years: [3, 4], workMode: "onsite", positions: 3, stipendVnd: 4_000_000, durationWeeks: 12 },
  },
  {
    key: "intern-farm-sensors",
    type: "internship",
    owners: ["dau-giay-agritech"],
    title: { vi: "Thực tập sinh Dữ liệu cảm biến nông nghiệp thông minh" },
    description: {
      vi: [
        "Thu thập và phân tích dữ liệu độ ẩm, nhiệt độ từ mạng cảm biến tại các trang trại đối tác của {org}.",
        "Bạn sẽ làm sạch dữ liệu, xây dựng biểu đồ theo dõi và đề xuất lịch tưới tự động.",
        "Có chuyến đi thực địa hai tuần một lần tại Xuân Lộc và Định Quán.",
      ],
    },
    skills: { required: ["iot", "data-analysis"], preferred: ["python", "microcontroller"] },
    majors: ["it", "data_science", "electronics", "automation"],
    terms: { years: [3, 4], workMode: "hybrid", positions: 2, stipendVnd: 3_000_000, durationWeeks: 10 },
  },
  {
    key: "intern-medtech-testing",
    type: "internship",
    owners: ["tam-phuoc-medtech"],
    title: { vi: "Thực tập sinh Kiểm thử phần mềm thiết bị y tế" },
    description: {
      vi: [
        "Kiểm thử ứng dụng di động và firmware của máy đo huyết áp kết nối Bluetooth do {org} sản xuất.",
        "Bạn sẽ viết kịch bản kiểm thử, ghi nhận lỗi và tham gia kiểm thử theo tiêu chuẩn IEC 62304.",
        "Có cơ hội được nhận làm chính thức sau thực tập.",
      ],
    },
    skills: { required: ["testing"], preferred: ["python", "mobile-dev", "english-it"] },
    majors: ["se", "it", "electronics"],
    terms: { years: [3, 4], workMode: "onsite", positions: 2, stipendVnd: 4_000_000, durationWeeks: 12 },
  },
  {
    key: "intern-smart-home-app",
    type: "internship",
    owners: ["song-may-smarthome"],
    title: { vi: "Thực tập sinh Lập trình ứng dụng nhà thông minh", en: "Smart Home App Developer Intern" },
    description: {
      vi: [
        "Phát triển ứng dụng di động điều khiển công tắc, ổ cắm thông minh của {org}.",
        "Bạn sẽ làm việc với Flutter hoặc React Native, kết nối thiết bị qua Wi-Fi và Bluetooth.",
        "Làm việc tại văn phòng trong {park}, có phụ cấp.",
      ],
      en: [
        "Build the mobile app that controls {org}'s smart switches and sockets.",
        "You will use Flutter or React Native and connect devices over Wi-Fi and Bluetooth.",
        "Office in {park}, stipend paid.",
      ],
    },
    skills: { required: ["mobile-dev"], preferred: ["iot", "ui-ux"] },
    majors: ["it", "se", "electronics"],
    terms: { years: [3, 4], workMode: "onsite", positions: 2, stipendVnd: 3_500_000, durationWeeks: 12 },
  },
];
