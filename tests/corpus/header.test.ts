import { describe, expect, it } from "vitest";
import { HEADER_FIELDS, citationName, headerNumber, headerPassageText, parseHeader, recase, titleCase } from "../../src/corpus/header.js";
import { readStructure } from "../../src/corpus/document.js";
import { unwrapLines } from "../../src/corpus/unwrap.js";

const lines = (text: string): string[] => unwrapLines(text.split("\n"));

describe("document header", () => {
  it("names the Ban Thường vụ as issuer of a committee written \"Huyện uỷ\" in the old tone placement, as of \"Huyện ủy\"", () => {
    for (const issuer of ["Huyện ủy Kim Lãng", "Huyện uỷ Kim Lãng"]) {
      const header = { kind: "Chỉ thị", number: "12-CT/HU", issuer, place: null, date: null, dateText: null, subject: null, signer: "Nguyễn Văn A", signerRole: "T/M BAN THƯỜNG VỤ, BÍ THƯ", recipients: [], addressees: [] };
      expect(headerPassageText(header)).toContain(`Cơ quan ban hành: Ban Thường vụ ${issuer}`);
    }
  });

  it("keeps a hard-wrapped text's kind line apart from the subject under it (\"BIÊN BẢN\" / \"HỌP CHI BỘ XÉT, ĐỀ NGHỊ KẾT NẠP ĐẢNG VIÊN\")", () => {
    const text = [
      "ĐẢNG BỘ XÃ HÒA XUÂN LÂM                          ĐẢNG CỘNG SẢN VIỆT NAM",
      "CHI BỘ THÔN ĐỒNG CHẰM                            ----------------------",
      "Số: 04-BB/CB                          Hòa Xuân Lâm, ngày 22 tháng 4 năm 2025",
      "",
      "                                  BIÊN BẢN",
      "               HỌP CHI BỘ XÉT, ĐỀ NGHỊ KẾT NẠP ĐẢNG VIÊN",
      "                (Đối với quần chúng Lường Thị Kim Oanh)",
      "",
      "Hôm nay, vào lúc 19 giờ 30 phút ngày 22 tháng 4 năm 2025, tại Nhà văn hóa thôn",
      "Đồng Chằm, xã Hòa Xuân Lâm, huyện Vĩnh Khê, tỉnh Hà Lâm, Chi bộ thôn Đồng Chằm",
      "tiến hành họp để xét, đề nghị kết nạp quần chúng Lường Thị Kim Oanh vào Đảng",
      "Cộng sản Việt Nam.",
      "",
      "I. THÀNH PHẦN DỰ HỌP",
      "",
      "1. Tổng số đảng viên của chi bộ: 29 đồng chí, trong đó có 27 đảng viên chính",
      "thức và 02 đảng viên dự bị. Có 02 đảng viên chính thức được miễn công tác và",
      "sinh hoạt đảng, không tính vào tổng số đảng viên chính thức khi biểu quyết;",
      "như vậy số đảng viên chính thức được tính để biểu quyết là 25 đồng chí.",
      "2. Đồng chí Bí thư Chi bộ nêu mục đích, yêu cầu của cuộc họp và thông qua hồ sơ",
      "của người vào Đảng, gồm: đơn xin vào Đảng; lý lịch của người xin vào Đảng; giấy",
      "chứng nhận học lớp bồi dưỡng nhận thức về Đảng; nghị quyết giới thiệu đoàn viên",
      "ưu tú vào Đảng của Ban Chấp hành Đoàn xã; giấy giới thiệu của đảng viên chính",
      "thức; tổng hợp ý kiến nhận xét của tổ chức đoàn thể nơi cư trú.",
    ].join("\n");
    const structure = readStructure({ format: "txt", pages: [text] } as Parameters<typeof readStructure>[0], "bien-ban.txt");
    expect(structure.header?.kind).toBe("Biên bản");
    expect(structure.header?.subject).toBe("Họp Chi bộ xét, đề nghị kết nạp đảng viên");
    expect(structure.title).toContain("Họp Chi bộ xét, đề nghị kết nạp đảng viên");
  });

  it("takes \"để ra thông báo\" (in order to issue) for no question about the issuing", () => {
    const date = HEADER_FIELDS.find((f) => f.label === "Ngày ban hành");
    expect(date?.asks.test("ban thuong vu hop hoi nghi de ra thong bao ket luan 214 vao ngay nao")).toBe(false);
    expect(date?.asks.test("thi uy ra thong bao ket luan 214 vao ngay nao")).toBe(true);
  });

  it("reads a signing block marked T/L (thừa lệnh) above the site's lines, and a compound kind line", () => {
    const lines = ["ĐẢNG ỦY XÃ HÒA BÌNH", "Số 146-TB/ĐU", "", "ĐẢNG CỘNG SẢN VIỆT NAM", "Hòa Bình, ngày 10 tháng 7 năm 2026", "", "THÔNG BÁO KẾT LUẬN", "", "của Ban Thường vụ Đảng ủy xã về nhiệm vụ 6 tháng cuối năm 2026", "", "Nội dung thông báo.", "", "Nơi nhận:", "- Lưu VP.", "T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG", "(Đã ký)", "Hồ Thị Thanh Xuân", "", "Nguồn: Văn phòng Đảng ủy xã Hòa Bình, đăng lại trên cổng thông tin điện tử của tỉnh"];
    const { header } = parseHeader(lines);
    expect(header).toMatchObject({ kind: "Thông báo kết luận", signer: "Hồ Thị Thanh Xuân", signerRole: "T/L BAN THƯỜNG VỤ, CHÁNH VĂN PHÒNG" });
    expect(header?.subject).toBe("của Ban Thường vụ Đảng ủy xã về nhiệm vụ 6 tháng cuối năm 2026");
  });

  it("reads a signing block written on one line, and drops the site's lines after it (its 'đính kèm' file box, a login notice naming an appendix)", () => {
    const body = ["ĐẢNG BỘ THÀNH PHỐ BẢO AN", "BAN TỔ CHỨC THÀNH ỦY", "Số 14-HD/BTCTU", "", "ĐẢNG CỘNG SẢN VIỆT NAM", "Bảo An, ngày 06 tháng 4 năm 2026", "", "HƯỚNG DẪN", "", "Thủ tục chuyển sinh hoạt đảng", "", "Nội dung hướng dẫn.", "", "Nơi nhận:", "- Lưu VP."];
    const { header, consumed } = parseHeader([...body, "K/T TRƯỞNG BAN PHÓ TRƯỞNG BAN Đặng Thị Hồng Nhung", "", "Tài khoản hiện đã đủ người dùng cùng thời điểm.", "Vui lòng đăng nhập để xem nội dung Phụ lục kèm theo văn bản.", "FILE ĐƯỢC ĐÍNH KÈM THEO VĂN BẢN"]);
    expect(header).toMatchObject({ signer: "Đặng Thị Hồng Nhung", signerRole: "K/T TRƯỞNG BAN PHÓ TRƯỞNG BAN" });
    expect(consumed.has(body.length + 2)).toBe(true);
    expect(consumed.has(body.length + 4)).toBe(true);
    // An attached text is the document's: "(Ban hành kèm theo …)" after the signature is kept.
    const attached = parseHeader([...body, "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn Bình", "", "QUY CHẾ", "(Ban hành kèm theo Quyết định số 12-QĐ/TU)", "Điều 1. Phạm vi"]);
    expect(attached.consumed.has(body.length + 6)).toBe(false);
  });

  it("reads a provincial plan's header, its site label table and its signer", () => {
    const doc = lines(
      [
        "**Số hiệu:**", "|", "0125/KH-UBND", "|", "**Người ký:**", "|", "Đào Mỹ", "|",
        "|", "**ỦY BAN NHÂN DÂN**", "TỈNH ĐẮK LẮK", "-------", "|", "**CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM**", "Độc lập - Tự do - Hạnh phúc", "|",
        "Số: 0125/KH-UBND", "|", "*Đắk Lắk, ngày 18", "tháng 11 năm 2025*", "|", "", "**KẾ HOẠCH**", "PHÁT ĐỘNG PHONG TRÀO THI ĐUA", "",
        "Ủy ban nhân dân tỉnh Đắk Lắk phát động phong trào thi đua trong toàn tỉnh.", "",
        "|", "Nơi nhận:", "- Các sở, ban, ngành;", "- Lưu: VT.", "|", "**KT. CHỦ TỊCH**", "PHÓ CHỦ TỊCH", "**Đào Mỹ**", "|",
      ].join("\n"),
    );
    const { header, consumed } = parseHeader(doc);
    expect(header).toMatchObject({ kind: "Kế hoạch", number: "0125/KH-UBND", place: "Đắk Lắk", date: "18/11/2025", signer: "Đào Mỹ" });
    expect(header?.issuer).toBe("Ủy ban nhân dân tỉnh Đắk Lắk");
    expect(header?.recipients).toEqual(["Các sở, ban, ngành", "Lưu: VT"]);
    expect(consumed.size).toBeGreaterThan(5);
    const text = headerPassageText(header!);
    expect(headerNumber(text)).toBe("0125/KH-UBND");
    // A signer's role is quoted as the signing block writes it.
    expect(text).toContain("Người ký: Đào Mỹ (KT. CHỦ TỊCH, PHÓ CHỦ TỊCH)");
    expect(citationName(header!)).toBe("Kế hoạch số 0125/KH-UBND ngày 18/11/2025");
  });

  it("reads minutes signed by two (the signature placeholders skipped), and a village's party cell as its issuer", () => {
    const doc = lines(
      [
        "ĐẢNG BỘ XÃ AN LẠC ĐIỀN", "CHI BỘ THÔN ĐÔNG LẠC", "*", "ĐẢNG CỘNG SẢN VIỆT NAM", "Đông Lạc, ngày 05 tháng 3 năm 2026", "",
        "BIÊN BẢN", "Sinh hoạt chi bộ thường kỳ tháng 3 năm 2026", "-----", "",
        "Vào lúc 19 giờ 30 phút ngày 05/3/2026, tại Nhà văn hóa thôn Đông Lạc, Chi bộ thôn Đông Lạc tổ chức sinh hoạt thường kỳ.", "",
        "Cuộc họp kết thúc vào lúc 21 giờ 15 phút cùng ngày.", "",
        "THƯ KÝ", "(đã ký)", "Lê Thị Mai Hương", "", "T/M CHI BỘ", "BÍ THƯ", "(đã ký)", "Trần Văn Khải",
      ].join("\n"),
    );
    const { header, consumed } = parseHeader(doc);
    expect(header).toMatchObject({ kind: "Biên bản", issuer: "Chi bộ thôn Đông Lạc", date: "05/03/2026", signer: "Trần Văn Khải" });
    expect(header?.cosigners?.map((c) => c.name)).toEqual(["Lê Thị Mai Hương"]);
    expect(header?.superior).toMatch(/^đảng bộ xã an lạc điền$/iu);
    // The names are the header's now, not stray lines of the body.
    expect(consumed.has(doc.indexOf("Lê Thị Mai Hương"))).toBe(true);
    expect(headerPassageText(header!)).toContain("Người ký: Trần Văn Khải (T/M CHI BỘ, BÍ THƯ); Lê Thị Mai Hương (THƯ KÝ)");
  });

  it("names a letter's kind by its number's code when it has no kind line (\"186-CV/BTCTU\" is a Công văn; \"QĐ\" names two kinds)", () => {
    const letter = (number: string) => parseHeader(lines(["BAN TỔ CHỨC TỈNH ỦY", "*", `Số: ${number}`, "V/v chuyển sinh hoạt đảng", "ĐẢNG CỘNG SẢN VIỆT NAM", "Bình Xuyên, ngày 16 tháng 3 năm 2026", "", "Kính gửi: Các đảng ủy trực thuộc", "", "Ban Tổ chức Tỉnh ủy đề nghị các đảng ủy thực hiện tốt việc chuyển sinh hoạt đảng."].join("\n"))).header;
    expect(letter("186-CV/BTCTU")?.kind).toBe("Công văn");
    expect(letter("03-TTr/ĐU")?.kind).toBe("Tờ trình");
    expect(letter("383-QĐ/TW")?.kind).toBeNull();
  });

  it("drops a site's banners and status table above the header, and takes the issuer from the lines right above the motto", () => {
    const doc = lines(
      [
        "**", "CÁC NỘI DUNG ĐƯỢC SỬA ĐỔI, HƯỚNG DẪN", "**", "Các nội dung của VB này được VB khác thay đổi sẽ được làm nổi bật.", "|", "Đang tải văn bản...",
        "**Số hiệu:**", "|", "659/TB-VPCP", "|", "**Tình trạng:**", "|", "Đã biết", "|", "|",
        "**VĂN PHÒNG", "CHÍNH PHỦ**", "--------", "|", "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**", "Độc lập - Tự do - Hạnh phúc", "|",
        "Số: 659/TB-VPCP", "|", "*Hà Nội, ngày 29 tháng 11 năm 2025*", "|", "**THÔNG BÁO**", "KẾT LUẬN CỦA PHÓ THỦ TƯỚNG", "",
        "Văn phòng Chính phủ thông báo kết luận của Phó Thủ tướng.", "",
      ].join("\n"),
    );
    const { header, consumed } = parseHeader(doc);
    expect(header?.issuer).toBe("Văn phòng Chính phủ");
    const kept = doc.filter((line, i) => !consumed.has(i) && line.replace(/[|*\s-]/g, "") !== "");
    expect(kept).toEqual(["Văn phòng Chính phủ thông báo kết luận của Phó Thủ tướng."]);
  });

  it("takes a Quyết định's deciding authority under its subject as part of the header, not a heading", () => {
    const doc = lines(
      [
        "**ỦY BAN NHÂN DÂN**", "THÀNH PHỐ CẦN THƠ", "-------", "|", "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**", "Độc lập - Tự do - Hạnh phúc", "|",
        "Số: 2610/QĐ-UBND", "|", "*Cần Thơ, ngày 24 tháng 11 năm 2025*", "", "**QUYẾT ĐỊNH**", "BAN HÀNH QUY CHẾ LẤY Ý KIẾN ĐIỆN TỬ", "",
        "**CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ**", "", "Căn cứ Luật Giao dịch điện tử ngày 22 tháng 6 năm 2023;", "",
      ].join("\n"),
    );
    const { consumed } = parseHeader(doc);
    expect(doc.filter((line, i) => !consumed.has(i) && line.replace(/[|*\s-]/g, "") !== "")).toEqual(["Căn cứ Luật Giao dịch điện tử ngày 22 tháng 6 năm 2023;"]);
  });

  it("reads a letter's header below a long site table, its signer under two marked role lines, and keeps its footnotes", () => {
    const site = [
      "**Loại văn bản:**", "|", "Công văn", "|", "**Nơi ban hành:**", "|", "Bộ Nội vụ", "|", "**Người ký:**", "|", "Vũ Chiến Thắng", "|",
      "**Ngày ban hành:**", "|", "21/11/2025", "|", "|", "**Ngày hiệu lực:**", "|", "Đã biết", "|", "**Ngày công báo:**", "|", "Đang cập nhật", "|",
      "|", "**Số công báo:**", "|", "Đang cập nhật", "|", "|", "**Tình trạng:**", "|", "Đã biết", "|", "|",
    ];
    const doc = lines(
      [
        "**Số hiệu:**", "|", "10989/BNV-TCBC", "|", ...site,
        "**BỘ NỘI VỤ**", "--------", "|", "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**", "Độc lập - Tự do - Hạnh phúc", "|",
        "Số: 10989/BNV-TCBC", "|", "*Hà Nội, ngày 21 tháng 11 năm 2025*", "|",
        "Bộ Nội vụ đề nghị các bộ, ngành, địa phương gửi đề xuất biên chế trước ngày 26/11/2025[i].", "|",
        "**TM. BỘ NỘI VỤ**", "**KT. BỘ TRƯỞNG**", "THỨ TRƯỞNG", "**Vũ", "Chiến Thắng**", "|",
        "[i] Tổng số vị trí việc làm không vượt quá tổng số đã được hướng dẫn.",
        "Văn bản này chưa cập nhật nội dung Tiếng Anh",
      ].join("\n"),
    );
    const { header, consumed } = parseHeader(doc);
    expect(header).toMatchObject({ number: "10989/BNV-TCBC", place: "Hà Nội", date: "21/11/2025", signer: "Vũ Chiến Thắng" });
    expect(header?.signerRole).toMatch(/^TM\. Bộ Nội vụ, KT\. Bộ Trưởng, Thứ Trưởng$/iu);
    expect(doc.filter((line, i) => !consumed.has(i) && line.replace(/[|*\s-]/g, "") !== "")).toEqual([
      "Bộ Nội vụ đề nghị các bộ, ngành, địa phương gửi đề xuất biên chế trước ngày 26/11/2025[i].",
      "[i] Tổng số vị trí việc làm không vượt quá tổng số đã được hướng dẫn.",
    ]);
  });

  it("reads a letter's addressees (\"Kính gửi\") into its header, not as a heading over its text", () => {
    const doc = lines(
      [
        "**BỘ NỘI VỤ**", "|", "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**", "Độc lập - Tự do - Hạnh phúc", "|", "Số: 10989/BNV-TCBC", "|",
        "*Hà Nội, ngày 21 tháng 11 năm 2025*", "|", "**Kính gửi:**", "|", "- Các bộ, cơ quan ngang bộ;", "- Ủy ban nhân dân tỉnh, thành phố.", "|",
        "Bộ Nội vụ đề nghị các bộ, ngành, địa phương gửi đề xuất biên chế.",
      ].join("\n"),
    );
    const { header, consumed } = parseHeader(doc);
    expect(header?.addressees).toEqual(["Các bộ, cơ quan ngang bộ", "Ủy ban nhân dân tỉnh, thành phố"]);
    expect(headerPassageText(header!)).toContain("Kính gửi: Các bộ, cơ quan ngang bộ; Ủy ban nhân dân tỉnh, thành phố");
    expect(doc.filter((line, i) => !consumed.has(i) && line.replace(/[|*\s-]/g, "") !== "")).toEqual(["Bộ Nội vụ đề nghị các bộ, ngành, địa phương gửi đề xuất biên chế."]);
  });

  it("takes an official letter's subject from its \"V/v\" line", () => {
    const doc = lines(
      [
        "**BỘ NỘI VỤ**", "-------", "|", "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**", "Độc lập - Tự do - Hạnh phúc", "|",
        "Số: 10989/BNV-TCBC", "*V/v", "đề xuất biên chế giai đoạn 2026-2031*", "|", "*Hà Nội, ngày 21 tháng 11 năm 2025*", "|",
        "Kính gửi: Các bộ, cơ quan ngang bộ.", "",
        "Bộ Nội vụ đề nghị các bộ gửi đề xuất biên chế trước ngày 15/12/2025.",
      ].join("\n"),
    );
    const { header } = parseHeader(doc);
    expect(header?.subject).toBe("V/v đề xuất biên chế giai đoạn 2026-2031");
  });

  it("reads a number written on the line after \"Số:\" and writes the issuer as the body does, not as a heading in capitals", () => {
    const doc = lines(
      [
        "|", "**ỦY BAN NHÂN", "DÂN **", "THÀNH PHỐ CẦN THƠ", "--------", "|", "**CỘNG HÒA XÃ", "HỘI CHỦ NGHĨA VIỆT NAM**", "Độc lập - Tự do - Hạnh phúc", "|",
        "Số:", "2610/QĐ-UBND", "|", "*Cần Thơ, ngày", "24 tháng 11 năm 2025*", "|", "", "**QUYẾT ĐỊNH**", "", "BAN HÀNH QUY CHẾ LẤY Ý KIẾN ĐIỆN TỬ", "",
        "**CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ**", "", "Căn cứ đề nghị của Ủy ban nhân dân thành phố Cần Thơ về quy chế lấy ý kiến điện tử;", "",
      ].join("\n"),
    );
    const { header } = parseHeader(doc);
    expect(header?.number).toBe("2610/QĐ-UBND");
    expect(header?.issuer).toBe("Ủy ban nhân dân thành phố Cần Thơ");
  });

  it("reads a plain-text report's header: the motto above the place line is no part of the place, and the subject is in sentence case", () => {
    const doc = lines(
      [
        "ĐẢNG BỘ TỈNH ĐỒNG XUYÊN", "ĐẢNG ỦY XÃ PHONG THẠNH", "*", "Số 86-BC/ĐU", "ĐẢNG CỘNG SẢN VIỆT NAM", "Phong Thạnh, ngày 15 tháng 12 năm 2025", "",
        "BÁO CÁO", "Kết quả công tác xây dựng Đảng năm 2025,", "phương hướng, nhiệm vụ năm 2026", "-----", "",
        "Thực hiện Hướng dẫn số 31-HD/BTCTU, Đảng ủy xã Phong Thạnh báo cáo kết quả như sau:", "", "Đảng bộ xã có 36 chi bộ trực thuộc.",
      ].join("\n"),
    );
    const { header, consumed } = parseHeader(doc);
    expect(header).toMatchObject({ kind: "Báo cáo", number: "86-BC/ĐU", place: "Phong Thạnh", date: "15/12/2025", subject: "Kết quả công tác xây dựng Đảng năm 2025, phương hướng, nhiệm vụ năm 2026" });
    // The commune's party committee issues it; the province's party organisation is the body above it.
    expect(header?.issuer).toBe("Đảng ủy xã Phong Thạnh");
    expect(header?.superior?.toLowerCase()).toBe("đảng bộ tỉnh đồng xuyên");
    // The body starts at its first sentence: a first paragraph right under the kind line is no subject either.
    expect(consumed.has(doc.indexOf("Thực hiện Hướng dẫn số 31-HD/BTCTU, Đảng ủy xã Phong Thạnh báo cáo kết quả như sau:"))).toBe(false);
    const unsubjected = parseHeader(lines(["ĐẢNG ỦY XÃ PHONG THẠNH", "Số 87-BC/ĐU", "Phong Thạnh, ngày 16 tháng 12 năm 2025", "", "BÁO CÁO", "Thực hiện Hướng dẫn số 31, Đảng ủy báo cáo như sau:", "", "Đảng bộ xã có 36 chi bộ."].join("\n")));
    expect(unsubjected.header?.subject).toBeNull();
  });

  it("names a department by the body above it, as the body names it, also where the copy joined their lines", () => {
    const issuerOf = (top: string[]): string | null | undefined =>
      parseHeader(lines([...top, "|", "**ĐẢNG CỘNG SẢN VIỆT NAM**", "|", "Số 12-HD/BTCTU", "|", "*Lam Giang, ngày 09 tháng 12 năm 2026*", "|", "", "**HƯỚNG DẪN**", "TỔ CHỨC ĐẠI HỘI CHI BỘ", "", "Ban Tổ chức Tỉnh ủy hướng dẫn như sau."].join("\n"))).header?.issuer;
    expect(issuerOf(["|", "TỈNH ỦY LAM GIANG", "**BAN TỔ CHỨC**"])).toBe("Ban Tổ chức Tỉnh ủy Lam Giang");
    expect(issuerOf(["|", "TỈNH ỦY LAM GIANG BAN TỔ CHỨC"])).toBe("Ban Tổ chức Tỉnh ủy Lam Giang");
    // A department of the Central Committee is "… Trung ương".
    expect(issuerOf(["|", "BAN CHẤP HÀNH TRUNG ƯƠNG", "**BAN TỔ CHỨC**"])).toBe("Ban Tổ chức Trung ương");
    // One body over two lines stays one name.
    expect(issuerOf(["|", "**ỦY BAN NHÂN DÂN**", "TỈNH LAM GIANG"])?.toLowerCase()).toBe("ủy ban nhân dân tỉnh lam giang");
  });

  it("reads a subject in sentence case after a blank line under the kind line when the title block's rule closes it (as a Word file sets it)", () => {
    const top = ["| ĐẢNG BỘ TỈNH VÂN KHÁNH<br>ĐẢNG ỦY XÃ LÃNG KHÊ<br>*<br>Số 01-NQ/ĐU | ĐẢNG CỘNG SẢN VIỆT NAM<br>Lãng Khê, ngày 24 tháng 7 năm 2025 |", "", "NGHỊ QUYẾT", ""];
    const headerOf = (body: string[]) => readStructure({ format: "docx", pages: [[...top, ...body].join("\n")], encoding: "utf-8" }, "nq.docx").header;
    const ruled = headerOf(["Đại hội đại biểu Đảng bộ xã Lãng Khê lần thứ I, nhiệm kỳ 2025 – 2030", "", "-----", "", "Đại hội đại biểu Đảng bộ xã Lãng Khê lần thứ I được tổ chức từ ngày 22 đến ngày 24 tháng 7 năm 2025."]);
    expect(ruled?.subject).toBe("Đại hội đại biểu Đảng bộ xã Lãng Khê lần thứ I, nhiệm kỳ 2025 – 2030");
    // A Quyết định's subject closed by the rule may start in lower case ("chuẩn y kết quả bầu cử …").
    const decision = readStructure({ format: "txt", pages: [["HUYỆN ỦY MINH LẠC                 ĐẢNG CỘNG SẢN VIỆT NAM", "        *", "  Số 128-QĐ/HU                Minh Lạc, ngày 05 tháng 8 năm 2025", "", "                    QUYẾT ĐỊNH", "   chuẩn y kết quả bầu cử Ban Chấp hành Đảng bộ xã Hà Khê,", "                nhiệm kỳ 2025 - 2030", "                      -----", "", "    Điều 1. Chuẩn y kết quả bầu cử Ban Chấp hành Đảng bộ xã Hà Khê khóa XV gồm 15 đồng chí."].join("\n")], encoding: "utf-8" }, "qd.txt").header;
    expect(decision?.subject).toBe("chuẩn y kết quả bầu cử Ban Chấp hành Đảng bộ xã Hà Khê, nhiệm kỳ 2025 - 2030");
    // Without the rule, the first line after the blank may be the body's: no subject.
    const unruled = headerOf(["Đại hội đại biểu Đảng bộ xã Lãng Khê lần thứ I được tổ chức từ ngày 22 đến ngày 24 tháng 7 năm 2025", "", "Đại hội quyết nghị như sau."]);
    expect(unruled?.subject).toBeNull();
  });

  it("reads a site's header table whose issuer cell writes the star escaped (\"\\*\"), and the decision a Quy chế is issued with", () => {
    const text = [
      "| ĐẢNG BỘ TỈNH ĐÔNG LĨNH<br>HUYỆN ỦY VẠN XUYÊN<br>\\*<br>Số 01-QC/HU | **ĐẢNG CỘNG SẢN VIỆT NAM**<br>*Vạn Xuyên, ngày 12 tháng 8 năm 2025* |",
      "|---|---|",
      "",
      "**QUY CHẾ**",
      "",
      "**Làm việc của Ban Chấp hành Đảng bộ huyện khóa XXIII, nhiệm kỳ 2025 - 2030**",
      "",
      "*(Ban hành kèm theo Quyết định số 17-QĐ/HU, ngày 12/8/2025 của Ban Chấp hành Đảng bộ huyện Vạn Xuyên)*",
      "",
      "**Chương I**",
      "",
      "**Điều 1. Phạm vi điều chỉnh**",
      "",
      "1. Quy chế này quy định chế độ làm việc của Huyện ủy.",
    ].join("\n");
    const { header, headerText } = readStructure({ format: "md", pages: [text], encoding: "utf-8" }, "qc.md");
    expect(header?.date).toBe("12/08/2025");
    expect(header?.issuedWith).toBe("Quyết định số 17-QĐ/HU, ngày 12/8/2025 của Ban Chấp hành Đảng bộ huyện Vạn Xuyên");
    expect(headerText).toContain("Ban hành kèm theo: Quyết định số 17-QĐ/HU");
    const field = HEADER_FIELDS.find((f) => f.label === "Ban hành kèm theo");
    expect(field?.asks.test("quy che lam viec duoc ban hanh kem theo quyet dinh nao")).toBe(true);
  });

  it("reads the signer a head signs as in their own name (no T/M) above a signature's place, with the site's text after it", () => {
    const text = [
      "| TỈNH ỦY HƯNG LAM<br>BAN TỔ CHỨC<br>* | ĐẢNG CỘNG SẢN VIỆT NAM |",
      "|---|---|",
      "| Số 31-TTr/BTCTU | Hưng Lam, ngày 12 tháng 01 năm 2026 |",
      "",
      "**TỜ TRÌNH**",
      "",
      "**Về việc điều động cán bộ**",
      "",
      "Ban Tổ chức Tỉnh ủy kính trình Ban Thường vụ Tỉnh ủy xem xét, quyết định./.",
      "",
      "| **Nơi nhận:**<br>- Thường trực Tỉnh ủy,<br>- Lưu Văn phòng Ban. | **TRƯỞNG BAN**<br><br>*(Đã ký)*<br><br>**Lê Văn Hiển** |",
      "|---|---|",
      "",
      "Tải văn bản: [31-TTr-BTCTU.pdf](#) (PDF, 412 KB) | [31-TTr-BTCTU.docx](#)",
      "",
      "- Kế hoạch số 09-KH/TU ngày 06/11/2025 về luân chuyển cán bộ giai đoạn 2025 - 2030",
    ].join("\n");
    const { header } = readStructure({ format: "md", pages: [text], encoding: "utf-8" }, "tt.md");
    expect(header).toMatchObject({ number: "31-TTr/BTCTU", signer: "Lê Văn Hiển", signerRole: "TRƯỞNG BAN" });
    // Without the signature's place, an upper-case line above a name followed by longer text is no signing block.
    const unsigned = readStructure({ format: "md", pages: [text.replace("*(Đã ký)*<br><br>", "")], encoding: "utf-8" }, "tt.md");
    expect(unsigned.header?.signer ?? null).toBeNull();
  });

  it("names a department whose line ends with its committee unnamed (\"ỦY BAN KIỂM TRA HUYỆN ỦY\") by the committee above it, once", () => {
    const header = parseHeader(
      lines(["ĐẢNG BỘ TỈNH NGỌC TRÌ", "HUYỆN ỦY ĐÔNG VÂN", "ỦY BAN KIỂM TRA HUYỆN ỦY", "*", "Số 41-BB/UBKTHU", "Đông Vân, ngày 11 tháng 3 năm 2025", "", "BIÊN BẢN", "Kỳ họp thứ 41 của Ủy ban Kiểm tra Huyện ủy", "", "Ủy ban Kiểm tra Huyện ủy họp."].join("\n")),
    ).header;
    expect(header?.issuer).toBe("Ủy ban Kiểm tra Huyện ủy Đông Vân");
    expect(header?.superior?.toLowerCase()).toBe("đảng bộ tỉnh ngọc trì");
  });

  it("reads a coordination regulation's compound kind (\"QUY CHẾ PHỐI HỢP\") and its subject naming the parties (\"giữa …\"), so its title names the commune", () => {
    const text = [
      "ĐẢNG BỘ HUYỆN VĨNH KHÊ",
      "ĐẢNG ỦY XÃ ĐÔNG LŨNG",
      "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM XÃ ĐÔNG LŨNG",
      "Số 05-QCPH/ĐU-MTTQ",
      "",
      "ĐẢNG CỘNG SẢN VIỆT NAM",
      "Đông Lũng, ngày 18 tháng 9 năm 2024",
      "",
      "QUY CHẾ PHỐI HỢP",
      "giữa Đảng ủy xã và Ủy ban Mặt trận Tổ quốc Việt Nam xã Đông Lũng, nhiệm kỳ 2024 - 2029",
      "",
      "# Chương I. NHỮNG QUY ĐỊNH CHUNG",
      "",
      "## Điều 1. Phạm vi điều chỉnh",
      "",
      "1. Quy chế này quy định nguyên tắc phối hợp giữa Đảng ủy xã với Ủy ban Mặt trận xã.",
    ].join("\n");
    const { header, title } = readStructure({ format: "md", pages: [text], encoding: "utf-8" }, "qcph.md");
    expect(header).toMatchObject({ kind: "Quy chế phối hợp", number: "05-QCPH/ĐU-MTTQ", subject: "giữa Đảng ủy xã và Ủy ban Mặt trận Tổ quốc Việt Nam xã Đông Lũng, nhiệm kỳ 2024 - 2029" });
    expect(title).toContain("Đông Lũng");
    expect(title).not.toContain("Chương I");
  });

  it("finds no header in a report without one", () => {
    expect(parseHeader(["Kết quả thực hiện Nghị quyết 22", "", "Tỉnh ủy chỉ đạo sắp xếp các tổ chức đảng."]).header).toBeNull();
  });

  it("writes upper-case header words as the body writes them", () => {
    expect(recase("BAN CHẤP HÀNH TRUNG ƯƠNG", "Theo quyết định của Ban Chấp hành Trung ương Đảng.", titleCase)).toBe("Ban Chấp hành Trung ương");
    expect(recase("BAN TỔ CHỨC", "không có", titleCase)).toBe("Ban Tổ Chức");
  });

  it("reads a site's fields given on one line, so the document's own header below is read too", () => {
    const text = [
      "# Kế hoạch 126-KH/HU năm 2025 tổ chức Hội nghị biểu dương điển hình tiên tiến do Huyện ủy Thuận Giang ban hành",
      "",
      "**Số hiệu:** 126-KH/HU | **Loại văn bản:** Kế hoạch | **Nơi ban hành:** Huyện ủy Thuận Giang | **Người ký:** Nguyễn Thị Thu Hương | **Ngày ban hành:** 12/05/2025",
      "",
      "| ĐẢNG BỘ TỈNH QUẢNG HƯNG<br>**HUYỆN ỦY THUẬN GIANG**<br>\\*<br>Số: 126-KH/HU | **ĐẢNG CỘNG SẢN VIỆT NAM**<br>---------------<br>*Thuận Giang, ngày 12 tháng 5 năm 2025* |",
      "|---|---|",
      "",
      "**KẾ HOẠCH**",
      "",
      "**TỔ CHỨC HỘI NGHỊ BIỂU DƯƠNG ĐIỂN HÌNH TIÊN TIẾN**",
      "",
      "Thực hiện Kế hoạch số 215-KH/TU của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Huyện ủy xây dựng Kế hoạch như sau:",
    ].join("\n");
    const { header, blocks } = readStructure({ format: "md", pages: [text], encoding: "utf-8" }, "kh.md");
    expect(header).toMatchObject({ number: "126-KH/HU", date: "12/05/2025", signer: "Nguyễn Thị Thu Hương" });
    expect(header?.issuer).toMatch(/Huyện ủy Thuận Giang$/u);
    // The issuer's lines are the header's, not a heading of the body.
    expect(blocks.map((b) => b.text).some((t) => t.includes("ĐẢNG BỘ TỈNH QUẢNG HƯNG"))).toBe(false);
  });

  it("reads a site's properties table written in four columns (label and value in cells of their own), and the document's own header below it", () => {
    const text = [
      "# Nghị quyết 04-NQ/ĐU năm 2026 về công tác phát triển đảng viên do Đảng ủy xã Tân Phước ban hành",
      "",
      "| Số hiệu: | 04-NQ/ĐU | Loại văn bản: | Nghị quyết |",
      "|---|---|---|---|",
      "| Nơi ban hành: | Đảng ủy xã Tân Phước | Người ký: | Đỗ Văn Hưng |",
      "| Ngày ban hành: | 08/02/2026 | Ngày hiệu lực: | Đã biết |",
      "| Tình trạng: | Đã biết | Lĩnh vực: | Bộ máy hành chính |",
      "",
      "| ĐẢNG BỘ TỈNH BẢO GIANG<br>**ĐẢNG ỦY XÃ TÂN PHƯỚC**<br>\\* | **ĐẢNG CỘNG SẢN VIỆT NAM**<br>--------------- |",
      "|---|---|",
      "| Số: 04-NQ/ĐU | *Tân Phước, ngày 08 tháng 02 năm 2026* |",
      "",
      "**NGHỊ QUYẾT**",
      "",
      "**VỀ CÔNG TÁC PHÁT TRIỂN ĐẢNG VIÊN NĂM 2026**",
      "",
      "Năm 2026, Đảng bộ xã phấn đấu kết nạp 24 đảng viên mới.",
    ].join("\n");
    const { header, blocks } = readStructure({ format: "md", pages: [text], encoding: "utf-8" }, "nq.md");
    expect(header).toMatchObject({ number: "04-NQ/ĐU", date: "08/02/2026", signer: "Đỗ Văn Hưng", issuer: "Đảng ủy xã Tân Phước", kind: "Nghị quyết" });
    // The table's rows are the header's, not text of the body.
    expect(blocks.map((b) => b.text).some((t) => t.includes("Ngày hiệu lực"))).toBe(false);
  });

  it("does not take \"tổng số bao nhiêu\" for a document's number", () => {
    const number = HEADER_FIELDS.find((f) => f.label === "Số hiệu");
    expect(number?.asks.test("hoi nghi co tong so bao nhieu dai bieu") && !number.unless?.test("hoi nghi co tong so bao nhieu dai bieu")).toBe(false);
    expect(number?.asks.test("quyet dinh so bao nhieu") && !number.unless?.test("quyet dinh so bao nhieu")).toBe(true);
    // The number of the document it replaces is not its own.
    expect(number?.asks.test("tb phan cong lan nay thay cho thong bao so may") && !number.unless?.test("tb phan cong lan nay thay cho thong bao so may")).toBe(false);
  });

  it("names the Central Committee's organ that signs for it as the issuing body (\"T/M BAN BÍ THƯ\")", () => {
    const text = ["| **BAN CHẤP HÀNH TRUNG ƯƠNG** <br> * | **ĐẢNG CỘNG SẢN VIỆT NAM** |", "|---|---|", "| Số 412-QĐ/TW | *Hà Nội, ngày 16 tháng 3 năm 2026* |", "", "**QUY ĐỊNH**", "", "về chế độ sinh hoạt chi bộ", "", "Điều 1. Chi bộ sinh hoạt thường kỳ mỗi tháng một lần.", "", "| Nơi nhận: <br> - Các tỉnh ủy, thành ủy | T/M BAN BÍ THƯ <br> **Trần Văn Nam** |", "|---|---|"].join("\n");
    const { headerText } = readStructure({ format: "md", pages: [text], encoding: "utf-8" }, "qd.md");
    expect(headerText).toContain("Cơ quan ban hành: Ban Bí thư (Ban Chấp hành Trung ương)");
  });

  it("names a committee under its party organisation (\"ĐẢNG BỘ TỈNH ĐÔNG LÂM\" / \"TỈNH ỦY\") by the place, over a site's bare place", () => {
    const text = ["**Nơi ban hành:**", "", "Tỉnh Đông Lâm", "", "| ĐẢNG BỘ TỈNH ĐÔNG LÂM<br>**TỈNH ỦY**<br>* | **ĐẢNG CỘNG SẢN VIỆT NAM** |", "|---|---|", "| Số 118-KH/TU | *Đông Lâm, ngày 24 tháng 11 năm 2025* |", "", "**KẾ HOẠCH**", "", "thực hiện Chỉ thị số 52-CT/TW", "", "I. MỤC ĐÍCH, YÊU CẦU", "", "Quán triệt sâu sắc Chỉ thị 52."].join("\n");
    const { header } = readStructure({ format: "md", pages: [text], encoding: "utf-8" }, "kh.md");
    expect(header?.issuer).toBe("Tỉnh ủy Đông Lâm");
  });
});
