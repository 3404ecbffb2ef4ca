/**
 * Every error code the API answers, with its one HTTP status and default messages. `AppError` (functions) takes
 * its status from here, the OpenAPI document describes each status with the codes listed here, and docs/api.md's
 * error table is generated from it (`npm run docs:errors`; a test keeps the two equal). The web may read `status`
 * and the English default too: the codes are a contract with clients.
 *
 * `vi` is the message sent when a call site gives none (messages are Vietnamese: the API's users are); `en` is
 * its translation for docs and an English client; `note` (optional, English) is shown in docs/api.md's table.
 * @example errorCatalogue.version_conflict.status // 409
 */
export const errorCatalogue = {
  validation_failed: {
    status: 400,
    vi: "Dữ liệu gửi lên không hợp lệ.",
    en: "The request is not valid.",
    note: "details: `[{ path, message }]`",
  },
  invalid_json: { status: 400, vi: "Nội dung JSON không đọc được.", en: "The JSON body cannot be read." },
  unauthenticated: {
    status: 401,
    vi: "Bạn cần đăng nhập để làm việc này.",
    en: "You need to sign in to do this.",
  },
  account_erased: {
    status: 401,
    vi: "Tài khoản này đã bị xóa hoặc khóa; mã đăng nhập không còn dùng được.",
    en: "This account was erased or disabled; its sign-in token no longer works.",
    note: "the token's account was erased or disabled: refused on every route",
  },
  consent_required: {
    status: 403,
    vi: "Sinh viên chưa đồng ý chia sẻ thông tin nên không thể tải CV.",
    en: "The student does not consent to share their details, so the CV cannot be downloaded.",
    note: "a CV download while the student does not consent to share: `GET /api/files/applications/{id}/cv`",
  },
  forbidden: {
    status: 403,
    vi: "Bạn không có quyền làm việc này.",
    en: "You are not allowed to do this.",
    note: "also: a deployed API called without going through CloudFront",
  },
  organisation_unverified: {
    status: 403,
    vi: "Tổ chức chưa được xác minh nên chưa thể đăng tin.",
    en: "The organisation is not verified yet, so it cannot publish.",
    note: 'also: an unverified "school" acting as one',
  },
  role_mismatch: {
    status: 403,
    vi: "Tài khoản này không tham gia được loại tổ chức này.",
    en: "This account cannot join this kind of organisation.",
  },
  mfa_required: {
    status: 403,
    vi: "Vai trò của bạn cần xác thực hai bước (ứng dụng xác thực) trước khi xem dữ liệu cá nhân.",
    en: "Your role needs a second sign-in factor (an authenticator app) before it sees personal data.",
    note: "a staff, recruiter, province or admin token without a second factor, on any route but `GET /api/me` and the public catalogue: docs/deploy.md, MFA",
  },
  not_found: {
    status: 404,
    vi: "Không tìm thấy.",
    en: "Not found.",
    note: "also for resources whose existence must not leak: drafts, unverified organisations, others' applications",
  },
  version_conflict: {
    status: 409,
    vi: "Dữ liệu đã được người khác thay đổi; hãy tải lại rồi sửa tiếp.",
    en: "Someone else changed this; reload it and edit again.",
  },
  already_exists: { status: 409, vi: "Đã có rồi.", en: "It already exists." },
  invalid_transition: {
    status: 409,
    vi: "Không thể chuyển sang trạng thái này.",
    en: "This status change is not allowed.",
  },
  listing_closed: {
    status: 409,
    vi: "Tin này không còn nhận hồ sơ.",
    en: "This listing no longer takes applications.",
  },
  deadline_passed: {
    status: 409,
    vi: "Đã quá hạn nộp hồ sơ của tin này.",
    en: "The listing's application deadline has passed.",
  },
  session_past: {
    status: 409,
    vi: "Buổi tham quan này đã diễn ra.",
    en: "This visit session has already taken place.",
  },
  wrong_listing_type: {
    status: 409,
    vi: "Loại tin này không hỗ trợ thao tác này.",
    en: "This kind of listing does not support this.",
  },
  profile_required: {
    status: 409,
    vi: "Hãy tạo hồ sơ sinh viên trước.",
    en: "Create your student profile first.",
  },
  already_applied: {
    status: 409,
    vi: "Bạn đã ứng tuyển tin này rồi; hãy xem trạng thái trong hồ sơ của bạn.",
    en: "You have already applied to this listing; see its status in your profile.",
  },
  already_booked: { status: 409, vi: "Bạn đã đặt chỗ buổi này rồi.", en: "You have already booked this session." },
  capacity_full: {
    status: 409,
    vi: "Đã hết chỗ.",
    en: "There is no room left.",
    note: "a booking: `details: { seatsLeft }`",
  },
  last_owner: {
    status: 409,
    vi: "Tổ chức phải còn ít nhất một chủ sở hữu; hãy chỉ định chủ sở hữu khác trước.",
    en: "The organisation must keep at least one owner; make someone else an owner first.",
  },
  invitation_expired: {
    status: 409,
    vi: "Lời mời đã hết hạn; hãy xin lời mời mới.",
    en: "The invitation has expired; ask for a new one.",
  },
  saved_search_limit: {
    status: 409,
    vi: "Bạn đã lưu tối đa số tìm kiếm; hãy xóa bớt.",
    en: "You have saved as many searches as allowed; delete one first.",
  },
  cv_limit: {
    status: 409,
    vi: "Bạn đã có đủ số CV tối đa; hãy xóa bớt một tệp trước khi tải tệp mới lên.",
    en: "You have the most CV files allowed; delete one before uploading another.",
    note: "a 4th CV file",
  },
  round_closed: {
    status: 409,
    vi: "Đợt phân bổ đã chạy hoặc đã quá hạn nộp nguyện vọng; không thể sửa nữa.",
    en: "The placement round has run or its preferences deadline has passed; it can no longer change.",
  },
  round_not_run: {
    status: 409,
    vi: "Đợt phân bổ chưa chạy.",
    en: "The placement round has not run yet.",
  },
  round_too_large: {
    status: 409,
    vi: "Kết quả đợt phân bổ quá lớn để lưu; hãy chia nhỏ đợt.",
    en: "The placement round's result is too large to store; split the round.",
    note: "a round result over ~350 kB, about 3,000 students: split the round",
  },
  thread_closed: {
    status: 409,
    vi: "Hồ sơ ứng tuyển đã rút hoặc đã xóa; không thể nhắn thêm.",
    en: "The application was withdrawn or erased; no more messages can be sent.",
  },
  not_assigned: {
    status: 409,
    vi: "Bạn không được phân bổ chỗ nào trong đợt này nên không có gì để xác nhận.",
    en: "You were not placed in this round, so there is nothing to confirm.",
  },
  already_responded: {
    status: 409,
    vi: "Bạn đã trả lời về chỗ được phân bổ; không thể đổi nữa.",
    en: "You have already answered about your placement; it cannot change.",
  },
  idempotency_key_reused: {
    status: 409,
    vi: "Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác; hãy tạo khóa mới cho yêu cầu mới.",
    en: "This Idempotency-Key was used for another request; make a new key for a new request.",
  },
  idempotency_in_progress: {
    status: 409,
    vi: "Yêu cầu với khóa Idempotency-Key này đang được xử lý; hãy thử lại sau giây lát.",
    en: "A request with this Idempotency-Key is in progress; try again in a moment.",
  },
  not_in_interview_stage: {
    status: 409,
    vi: "Chỉ đề xuất lịch cho hồ sơ đang ở bước “Mời phỏng vấn”; hãy chuyển hồ sơ sang bước này trước.",
    en: "Interview slots are only proposed for applications at the interview stage; move it there first.",
  },
  interview_exists: {
    status: 409,
    vi: "Hồ sơ này đã có lịch phỏng vấn đang mở; hãy đổi lịch thay vì đề xuất mới.",
    en: "This application already has an open interview; reschedule it instead of proposing a new one.",
  },
  slot_taken: {
    status: 409,
    vi: "Khung giờ này vừa có ứng viên khác chọn; hãy chọn khung giờ khác hoặc xin đổi lịch.",
    en: "Another candidate just took this slot; choose another or ask to reschedule.",
  },
  slot_past: {
    status: 409,
    vi: "Khung giờ này đã qua; hãy chọn khung giờ khác hoặc xin đổi lịch.",
    en: "This slot is in the past; choose another or ask to reschedule.",
  },
  not_scheduled: {
    status: 409,
    vi: "Chưa chọn khung giờ phỏng vấn nên chưa có lịch.",
    en: "No interview slot was chosen, so there is no schedule yet.",
  },
  offer_expired: {
    status: 409,
    vi: "Lời mời đã hết hạn trả lời.",
    en: "The offer's reply deadline has passed.",
  },
  organisation_inactive: {
    status: 410,
    vi: "Tổ chức đăng tin này đã bị từ chối hoặc đình chỉ; tin không còn hiển thị và không nhận hồ sơ hay đặt chỗ.",
    en: "The listing's organisation was rejected or suspended; the listing is hidden and takes no applications or bookings.",
    note: "the listing's organisation was rejected or suspended: detail, apply and book",
  },
  payload_too_large: { status: 413, vi: "Dữ liệu gửi lên quá lớn.", en: "The request body is too large." },
  headers_too_large: {
    status: 431,
    vi: "Địa chỉ hoặc phần đầu của yêu cầu quá dài.",
    en: "The request's address or headers are too long.",
    note: "answered by the HTTP server before the app (local server; API Gateway has its own limit in deploy)",
  },
  unsupported_media_type: {
    status: 415,
    vi: "Yêu cầu phải gửi dữ liệu JSON (Content-Type: application/json).",
    en: "The request must send JSON (Content-Type: application/json).",
  },
  file_missing: {
    status: 422,
    vi: "Không thấy tệp đã tải lên; hãy tải lại.",
    en: "The uploaded file was not found; upload it again.",
    note: "no object arrived; this and every 422 code: a CV upload that is not an acceptable PDF, deleted",
  },
  file_too_large: { status: 422, vi: "Tệp quá lớn.", en: "The file is too large." },
  file_empty: { status: 422, vi: "Tệp trống.", en: "The file is empty." },
  not_a_pdf: { status: 422, vi: "Tệp không phải PDF.", en: "The file is not a PDF." },
  pdf_unreadable: { status: 422, vi: "Không đọc được tệp PDF.", en: "The PDF cannot be read." },
  too_many_pages: { status: 422, vi: "Tệp PDF có quá nhiều trang.", en: "The PDF has too many pages." },
  rate_limited: {
    status: 429,
    vi: "Bạn thao tác quá nhanh; hãy thử lại sau ít phút.",
    en: "Too many requests; try again in a few minutes.",
    note: "with `Retry-After`; in deploy any path may get it from the edge's per-address limit, so the OpenAPI document lists 429 on every operation",
  },
  internal_error: {
    status: 500,
    vi: "Đã có lỗi xảy ra; vui lòng thử lại.",
    en: "Something went wrong; please try again.",
    note: "logged server-side; no stack trace is ever sent",
  },
  database_unavailable: {
    status: 503,
    vi: "Cơ sở dữ liệu tạm thời không truy cập được, vui lòng thử lại sau.",
    en: "The database cannot be reached for now; please try again later.",
  },
  search_unavailable: {
    status: 503,
    vi: "Tìm kiếm tạm thời chưa sẵn sàng, vui lòng thử lại sau.",
    en: "Search is not available for now; please try again later.",
  },
  files_unavailable: {
    status: 503,
    vi: "Kho tệp chưa được cấu hình; vui lòng thử lại sau.",
    en: "File storage is not available; please try again later.",
  },
} as const satisfies Record<string, { status: number; vi: string; en: string; note?: string }>;

/** A stable error code clients can rely on. */
export type ErrorCode = keyof typeof errorCatalogue;

/** The HTTP status of a code (of each code of a union). */
export type ErrorStatus<C extends ErrorCode = ErrorCode> = (typeof errorCatalogue)[C]["status"];

/** The HTTP status the API answers a code with. */
export const errorStatus = <C extends ErrorCode>(code: C): ErrorStatus<C> => errorCatalogue[code].status;

/** The codes answered with one status, in the catalogue's order. */
export const errorCodesOf = (status: number): ErrorCode[] =>
  (Object.keys(errorCatalogue) as ErrorCode[]).filter((code) => errorCatalogue[code].status === status);
