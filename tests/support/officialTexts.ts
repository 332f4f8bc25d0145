/**
 * Official texts as a Word file saves them as plain text: the header's and the signing block's two cells
 * on one line with tabs between them (used by the layout and the header-field tests).
 */
export const TABBED_DECISION = [
  "ĐẢNG BỘ TỈNH HÀ TĨNH\t\tĐẢNG CỘNG SẢN VIỆT NAM",
  "HUYỆN ỦY SƠN QUY",
  "ỦY BAN KIỂM TRA\t\t\t______________________",
  "*",
  "Số 12-QĐ/UBKTHU\t\tSơn Quy, ngày 18 tháng 3 năm 2025",
  "",
  "QUYẾT ĐỊNH",
  "Về việc thi hành kỷ luật đảng viên",
  "-----",
  "",
  "Xét Tờ trình số 05-TTr/ĐU ngày 04/3/2025 của Ban Thường vụ Đảng ủy xã Quy Thạnh, Ủy ban Kiểm tra Huyện ủy nhận thấy đồng chí Trần Đình Khôi, Phó Chủ tịch Ủy ban nhân dân xã Quy Thạnh, đã vi phạm quy định về quản lý đất đai trong thời gian từ tháng 6/2022 đến tháng 9/2023.",
  "",
  "Điều 1. Thi hành kỷ luật bằng hình thức CẢNH CÁO đối với đồng chí Trần Đình Khôi, Phó Chủ tịch Ủy ban nhân dân xã Quy Thạnh.",
  "",
  "Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Nếu không đồng ý, trong thời hạn 30 ngày kể từ ngày nhận được Quyết định, đồng chí Trần Đình Khôi có quyền khiếu nại đến Ban Thường vụ Huyện ủy Sơn Quy.",
  "",
  "Điều 3. Văn phòng Huyện ủy, Ban Tổ chức Huyện ủy và đồng chí Trần Đình Khôi chịu trách nhiệm thi hành Quyết định này. Mọi thắc mắc liên hệ Văn phòng Huyện ủy, số điện thoại 0239 3851 234.",
  "",
  "Nơi nhận:\t\t\tT/M ỦY BAN KIỂM TRA",
  "- Như Điều 3;\t\t\tCHỦ NHIỆM",
  "- Lưu UBKT.\t\t\t(đã ký)",
  "\t\t\tPhan Thị Minh Nguyệt",
].join("\n");

/** A commune party committee's header as a legal-document site's markdown writes it: two-cell rows with <br> breaks. */
export const BR_TABLE_HEADER: readonly string[] = [
  "| ĐẢNG BỘ TỈNH LÂM ĐỒNG<br>**ĐẢNG BỘ XÃ PHÚ LỘC SƠN**<br>\\* | **ĐẢNG CỘNG SẢN VIỆT NAM**<br>--------------- |",
  "|---|---|",
  "| Số: 01-NQ/ĐU | *Phú Lộc Sơn, ngày 26 tháng 7 năm 2025* |",
  "",
  "**NGHỊ QUYẾT**",
  "",
];
