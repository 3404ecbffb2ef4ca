/** Vietnamese messages of the account security page (`/bao-mat`, TOTP enrolment), loaded with it. */
export const securityVi = {
  "security.title": "Bảo mật tài khoản",
  "security.intro":
    "Vai trò của bạn được xem dữ liệu cá nhân của sinh viên, nên KetNoi yêu cầu xác thực hai bước bằng ứng dụng xác thực (Google Authenticator, Microsoft Authenticator…).",
  "security.signedOut": "Hãy đăng nhập để thiết lập xác thực hai bước.",
  "security.signIn": "Đăng nhập",
  "security.devSimulated":
    "Môi trường phát triển: xác thực hai bước được mô phỏng. Tài khoản demo đã được coi là đã xác thực hai bước, không cần thiết lập ứng dụng.",
  "security.needFreshSignIn":
    "Để thiết lập, KetNoi cần một phiên đăng nhập mới (phiên này đã hết hạn hoặc trang đã được tải lại).",
  "security.signInAgain": "Đăng nhập lại",
  "security.start": "Bắt đầu thiết lập",
  "security.starting": "Đang lấy khoá bí mật…",
  "security.step1": "Bước 1: thêm KetNoi vào ứng dụng xác thực",
  "security.step1Help":
    "Trên điện thoại, mở liên kết bên dưới, hoặc trong ứng dụng chọn “Nhập khoá thiết lập” và gõ khoá bí mật (loại: theo thời gian).",
  "security.secretLabel": "Khoá bí mật",
  "security.openInApp": "Mở trong ứng dụng xác thực",
  "security.step2": "Bước 2: nhập mã 6 chữ số ứng dụng hiển thị",
  "security.codeLabel": "Mã xác thực",
  "security.codeHint": "6 chữ số, đổi sau mỗi 30 giây.",
  "security.codeInvalid": "Hãy nhập đúng 6 chữ số.",
  "security.verify": "Xác nhận",
  "security.verifying": "Đang xác nhận…",
  "security.done":
    "Đã bật xác thực hai bước. Hãy đăng xuất rồi đăng nhập lại: từ nay mỗi lần đăng nhập, KetNoi sẽ hỏi mã từ ứng dụng xác thực.",
  "security.doneButton": "Đăng xuất để đăng nhập lại",
  "security.error.wrongCode": "Mã không đúng hoặc đã hết hạn. Hãy nhập mã đang hiển thị trong ứng dụng.",
  "security.error.expired": "Phiên thiết lập đã hết hạn. Hãy đăng nhập lại rồi thiết lập lại từ đầu.",
  "security.error.tooMany": "Bạn đã thử quá nhiều lần. Hãy đợi vài phút rồi thử lại.",
  "security.error.failed": "Không thể liên hệ dịch vụ đăng nhập. Hãy thử lại sau ít phút.",
};

export type SecurityKey = keyof typeof securityVi;
