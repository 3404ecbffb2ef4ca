/**
 * What a placement round promises, in plain words for the results page (Vietnamese first). Users often read
 * "stable" as "everyone gets their first choice"; this says what it does and does not mean.
 */
export const placementGuarantees = {
  vi: {
    title: "Đợt phân bổ này bảo đảm điều gì?",
    points: [
      "Ổn định: không có sinh viên và tin tuyển nào cùng muốn nhau hơn kết quả hiện tại. Nếu bạn không được xếp vào nơi bạn thích hơn, đó là vì nơi đó đã đủ chỗ với những người họ xếp hạng cao hơn bạn (hoặc họ không xếp hạng bạn).",
      "Ổn định không có nghĩa là ai cũng được nguyện vọng 1. Chỗ có hạn: nơi được nhiều người chọn sẽ nhận những người họ xếp hạng cao nhất.",
      "Tốt nhất cho sinh viên: trong mọi cách phân bổ ổn định, mỗi sinh viên nhận được nơi tốt nhất có thể. Vì vậy bạn không được lợi gì khi khai nguyện vọng khác với mong muốn thật: hãy xếp theo đúng thứ tự bạn thích.",
      "Bạn chỉ được xếp vào nơi bạn đã chọn, và chỉ vào nơi đã xếp hạng bạn; không nơi nào nhận quá số chỗ.",
      "Có thể có sinh viên không được xếp chỗ, khi mọi nơi họ chọn đã đủ người được xếp hạng cao hơn. Chọn thêm nguyện vọng giúp giảm khả năng này.",
      "Khi tổ chức xếp nhiều người ngang hạng, thứ tự được quyết định bằng một quy tắc công khai, có mã đợt, ai cũng kiểm tra lại được. Chạy lại với cùng dữ liệu luôn cho cùng kết quả.",
    ],
  },
  en: {
    title: "What does this placement round guarantee?",
    points: [
      "Stable: no student and listing both prefer each other to what they got. If you did not get a place you like more, it is because that place was filled with people it ranked above you (or it did not rank you).",
      "Stable does not mean everyone gets their first choice. Seats are limited: a place many people want takes those it ranks highest.",
      "Best for students: among all stable outcomes, each student gets the best place possible. So there is nothing to gain from ranking places in any order other than your true preference.",
      "You are only placed where you applied, and only where you were ranked; no place takes more people than its seats.",
      "Some students may get no place, when every place they chose filled with people ranked above them. Listing more choices makes this less likely.",
      "When an organisation ranks people equally, a public, seeded rule orders them, and anyone can check it. Running the round again on the same data always gives the same result.",
    ],
  },
} as const;
