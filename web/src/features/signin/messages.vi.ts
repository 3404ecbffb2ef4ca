/** Vietnamese messages of the sign-in pages (`/dang-nhap`, `/dang-nhap/xong`), loaded with them. */
export const signInVi = {
  "signIn.title": "Đăng nhập",
  "signIn.intro":
    "Đây là môi trường thử nghiệm: chọn một tài khoản demo để xem KetNoi dưới góc nhìn của người dùng đó.",
  "signIn.button": "Đăng nhập",
  "signIn.as": "Đăng nhập với tên {name}",
  "signIn.signingIn": "Đang đăng nhập…",
  "signIn.failed": "Không đăng nhập được.",
  "signIn.empty": "Chưa có tài khoản demo nào. Hãy nạp dữ liệu mẫu (npm run seed).",
  "signIn.current": "Bạn đang đăng nhập với tên {name}.",
  "signIn.cognitoIntro":
    "Đăng nhập bằng email của bạn. Sinh viên chưa có tài khoản có thể tự đăng ký; tài khoản của trường, doanh nghiệp và cán bộ tỉnh do quản trị viên cấp quyền.",
  "signIn.cognitoButton": "Đăng nhập / Đăng ký bằng tài khoản KetNoi",
  "signIn.cognitoNote":
    "Bạn sẽ được chuyển đến trang đăng nhập an toàn của KetNoi (Amazon Cognito, giao diện tiếng Anh), rồi quay lại đây.",
  "signIn.cognitoUnsupported":
    "Trình duyệt này không hỗ trợ đăng nhập an toàn. Hãy dùng phiên bản mới của Chrome, Edge, Firefox hoặc Safari.",
  "signIn.redirecting": "Đang chuyển đến trang đăng nhập…",
  "signIn.callbackWorking": "Đang hoàn tất đăng nhập…",
  "signIn.callbackState": "Phiên đăng nhập không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.",
  "signIn.callbackDenied": "Đăng nhập đã bị huỷ hoặc bị từ chối.",
  "signIn.callbackFailed": "Không hoàn tất được đăng nhập. Vui lòng thử lại sau ít phút.",
  "signIn.again": "Đăng nhập lại",
} satisfies Record<string, string>;

export type SignInKey = keyof typeof signInVi;
