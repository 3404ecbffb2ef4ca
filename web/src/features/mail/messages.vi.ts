/** Vietnamese messages of the mail settings (`/cai-dat-thu`) and unsubscribe (`/huy-nhan-thu`) pages. */
export const mailVi = {
  "mail.title": "Cài đặt thư",
  "mail.intro":
    "Chọn loại thông báo nào KetNoi gửi tới hộp thư của bạn: gửi ngay, gộp vào một thư mỗi ngày (7 giờ sáng), hoặc không gửi. Thông báo vẫn luôn hiện trong ứng dụng.",
  "mail.language": "Ngôn ngữ của thư",
  "mail.language.vi": "Tiếng Việt",
  "mail.language.en": "Tiếng Anh (English)",
  "mail.kinds": "Loại thông báo",
  "mail.channel.instant": "Gửi ngay",
  "mail.channel.daily": "Gộp mỗi ngày",
  "mail.channel.off": "Không gửi",
  "mail.save": "Lưu cài đặt",
  "mail.saving": "Đang lưu…",
  "mail.saved": "Đã lưu cài đặt thư.",
  "mail.unsubscribe.title": "Hủy nhận thư",
  "mail.unsubscribe.question": "Ngừng nhận thư “{kind}” từ KetNoi?",
  "mail.unsubscribe.confirm": "Hủy nhận loại thư này",
  "mail.unsubscribe.done": "Đã hủy. Bạn sẽ không nhận thư “{kind}” nữa; thông báo vẫn hiện trong ứng dụng.",
  "mail.unsubscribe.already": "Bạn đã hủy nhận thư “{kind}” rồi.",
  "mail.unsubscribe.invalid": "Liên kết này không hợp lệ. Hãy đăng nhập rồi đổi cài đặt thư.",
  "mail.unsubscribe.settings": "Mở cài đặt thư",
};

export type MailKey = keyof typeof mailVi;
