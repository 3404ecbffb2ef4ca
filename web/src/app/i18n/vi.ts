/**
 * Vietnamese messages: the default language and the source of truth for message keys.
 * `{name}` placeholders are filled by `t(key, { name })`.
 */
export const vi = {
  "app.name": "KetNoi",
  "app.tagline": "Cầu nối nhân lực số Đồng Nai",
  "app.skipToContent": "Bỏ qua, đến nội dung chính",
  "app.footer":
    "KetNoi kết nối sinh viên, trường và viện, doanh nghiệp công nghệ cao trong các khu công nghiệp và tỉnh Đồng Nai.",
  "nav.label": "Điều hướng chính",
  "nav.listings": "Tin mới",
  "nav.signIn": "Đăng nhập",
  "nav.signOut": "Đăng xuất",
  "nav.signedInAs": "Đang đăng nhập: {name}",
  "nav.search": "Tìm kiếm",
  "nav.myApplications": "Đơn ứng tuyển",
  "nav.savedSearches": "Tìm kiếm đã lưu",
  "nav.profile": "Hồ sơ",
  "nav.myOrganisations": "Tổ chức của tôi",
  "nav.orgListings": "Tin đã đăng",
  "nav.forYou": "Dành cho bạn",
  "nav.placement": "Phân bổ thực tập",
  "nav.verification": "Xác minh tổ chức",
  "nav.notifications": "Thông báo",
  "nav.notificationsUnread": "Thông báo, {count} chưa đọc",
  "nav.mailSettings": "Cài đặt thư",
  "nav.security": "Bảo mật tài khoản",
  "nav.menu": "Menu",
  "lang.switch": "English",
  "lang.switchLabel": "Switch to English",

  "state.loading": "Đang tải…",
  "state.retry": "Thử lại",
  "state.errorTitle": "Không tải được dữ liệu.",
  "error.network": "Không kết nối được máy chủ. Hãy kiểm tra mạng rồi thử lại.",
  "error.not_found": "Không tìm thấy nội dung bạn cần.",
  "error.database_unavailable": "Hệ thống đang bận, vui lòng thử lại sau ít phút.",
  "error.rate_limited": "Bạn thao tác quá nhanh; hãy thử lại sau ít phút.",
  "error.unauthenticated": "Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại.",
  "error.generic": "Đã có lỗi xảy ra; vui lòng thử lại.",
  "error.mfa_required":
    "Vai trò của bạn được xem dữ liệu cá nhân của sinh viên nên cần xác thực hai bước: bật ứng dụng xác thực " +
    "(Google Authenticator, Microsoft Authenticator…) cho tài khoản KetNoi, rồi đăng nhập lại.",
  "error.mfa_enrol": "Thiết lập xác thực hai bước",
  "error.mfa_signInAgain": "Đăng nhập lại",

  "listingType.all": "Tất cả",
  "listingType.internship": "Thực tập",
  "listingType.visit": "Tham quan",
  "listingType.job": "Việc làm",
  "listingType.training": "Đào tạo",
  "listingType.event": "Sự kiện",
  "listingType.volunteer": "Tình nguyện",

  "workMode.onsite": "Làm tại chỗ",
  "workMode.hybrid": "Kết hợp",
  "workMode.remote": "Từ xa",

  "home.title": "Cơ hội đang mở",
  "home.intro":
    "Thực tập, tham quan phòng thí nghiệm, việc làm và đào tạo từ các trường, viện và doanh nghiệp ở Đồng Nai.",
  "home.filterLabel": "Lọc theo loại tin",
  "home.empty": "Chưa có tin nào thuộc loại này.",
  "home.loadMore": "Xem thêm",
  "home.loadingMore": "Đang tải thêm…",
  "home.loadMoreFailed": "Không tải thêm được tin.",
  "home.count": "Đang hiển thị {count} tin",

  "listing.verified": "Đã xác minh",
  "listing.verifiedTitle": "Tổ chức đã được nền tảng xác minh",
  "listing.deadline": "Hạn nộp: {date}",
  "listing.skills": "Kỹ năng",
  "listing.moreSkills": "+{count} kỹ năng khác",
  "listing.place": "Địa điểm",
  "listing.back": "← Quay lại danh sách",
  "listing.description": "Mô tả",
  "listing.requiredSkills": "Kỹ năng cần có",
  "listing.preferredSkills": "Kỹ năng ưu tiên",
  "listing.majors": "Ngành phù hợp",
  "listing.years": "Dành cho sinh viên năm",
  "listing.details": "Thông tin chính",
  "listing.type": "Loại tin",
  "listing.workMode": "Hình thức",
  "listing.positions": "Số lượng",
  "listing.duration": "Thời gian",
  "listing.durationWeeks": "{count} tuần",
  "listing.pay": "Thù lao",
  "listing.paid": "Có hỗ trợ",
  "listing.unpaid": "Không có",
  "listing.stipend": "{amount}/tháng",
  "listing.sessions": "Các buổi tham quan",
  "listing.sessionSeats": "{count} chỗ",
  "listing.signInToApply": "Đăng nhập để ứng tuyển",
  "listing.edit": "Sửa tin",
  "listing.candidates": "Ứng viên phù hợp",
  "listing.applicants": "Xem ứng viên",
  "listing.notFound": "Không tìm thấy tin này. Có thể tin đã đóng hoặc bị gỡ.",

  "role.student": "Sinh viên",
  "role.staff": "Cán bộ trường/viện",
  "role.recruiter": "Nhà tuyển dụng",
  "role.province": "Cán bộ tỉnh",
  "role.admin": "Quản trị nền tảng",

  "notFound.title": "Không tìm thấy trang",
  "notFound.body": "Địa chỉ này không tồn tại hoặc đã được chuyển đi.",
  "notFound.home": "Về trang chủ",
} satisfies Record<string, string>;

/** Every message key; the English catalog must define exactly these. */
export type MessageKey = keyof typeof vi;

/** A full catalog: one string per key. */
export type Messages = Record<MessageKey, string>;
