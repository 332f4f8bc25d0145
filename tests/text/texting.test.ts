import { describe, expect, it } from "vitest";
import { expandTexting } from "../../src/text/lexicon.js";

/** How many passages write each group of bigrams (joined by spaces), as the corpus statistics would say. */
function togetherIn(written: Readonly<Record<string, number>>): (bigrams: readonly string[]) => number {
  return (bigrams) => written[bigrams.join(" ")] ?? 0;
}

describe("texting shorthand written out", () => {
  it("writes out shorthand with one reading, without diacritics in a question typed without them", () => {
    expect(expandTexting("đv ko đc nghỉ sinh hoạt bao lâu?")).toBe("đảng viên không được nghỉ sinh hoạt bao lâu?");
    expect(expandTexting("dv ko dc nghi bao lau")).toBe("dang vien khong duoc nghi bao lau");
    expect(expandTexting("chuyển sh đảng tạm thời")).toBe("chuyển sinh hoạt đảng tạm thời");
    expect(expandTexting("thu nhập bq đầu ng")).toBe("thu nhập bình quân đầu người");
    // Contractions of the domain's frequent words, and its compounds typed by their initials.
    expect(expandTexting("sl đvdb của chi bộ là bnhieu")).toBe("số lượng đảng viên dự bị của chi bộ là bao nhiêu");
    expect(expandTexting("ktgs ndung gi")).toBe("kiem tra giam sat noi dung gi");
    expect(expandTexting("htxsnv co bao nhieu dv")).toBe("hoan thanh xuat sac nhiem vu co bao nhieu dang vien");
    expect(expandTexting("trường có bao nhiêu hs và gv?")).toBe("trường có bao nhiêu học sinh và giáo viên?");
    expect(expandTexting("Kiểm phiếu kết thúc lúc mấy h?")).toBe("Kiểm phiếu kết thúc lúc mấy giờ?");
    // (Reviewed without the questions: shorthands cadres type for "đề xuất", "ủy quyền", "tổ chức".)
    expect(expandTexting("đx của chi bộ về uq ký văn bản do ai tchức")).toBe("đề xuất của chi bộ về ủy quyền ký văn bản do ai tổ chức");
    // "gđ" is giai đoạn, gia đình or giám đốc: the phrase the corpus writes beside "biên chế" decides.
    expect(expandTexting("đề xuất biên chế gđ 2026-2031", () => true, (b) => (b.join(" ") === "che_giai giai_doan" ? 4 : 0))).toBe("đề xuất biên chế giai đoạn 2026-2031");
  });

  it("reads a question word (\"bn\": bao nhiêu) whether or not the corpus writes it", () => {
    // A corpus that writes "ban" ("cơ bản", "Ban Thường vụ") and never "nhiêu": documents state facts, they seldom ask.
    const knows = (folded: string): boolean => ["chi", "bo", "khu", "pho", "dang", "vien", "ban", "co", "mien", "sinh", "hoat"].includes(folded);
    expect(expandTexting("cb khu pho 7 co bn dv duoc mien sinh hoat?", knows, (b) => (b.includes("co_ban") ? 9 : 0))).toBe("chi bo khu pho 7 co bao nhieu dang vien duoc mien sinh hoat?");
  });

  it("writes out initials no table lists as the phrase the corpus writes with them (\"tổ dp\", \"htt\"), and leaves them when it cannot tell", () => {
    const passages: Record<string, number> = { dan_pho: 30, du_phong: 3, hoan_thanh: 50, thanh_tot: 20, "hoan_thanh thanh_tot": 15, kinh_doanh: 10, ky_dao: 8 };
    const together = togetherIn(passages);
    const bigrams = Object.keys(passages).filter((k) => !k.includes(" "));
    const byInitials = (initials: string): Array<{ bigram: string; passages: number }> =>
      bigrams.filter((b) => `${b[0]}${b[b.indexOf("_") + 1]}` === initials).map((bigram) => ({ bigram, passages: passages[bigram] ?? 0 }));
    const knows = (folded: string): boolean => !["dp", "htt", "kd", "dnh"].includes(folded);
    expect(expandTexting("bí thư cb thôn, tổ dp được hỗ trợ bao nhiêu", knows, together, byInitials)).toContain("tổ dan pho");
    expect(expandTexting("tỷ lệ chi bộ htt nhiệm vụ", knows, together, byInitials)).toContain("hoan thanh tot nhiệm vụ");
    // (Two readings as common, nothing beside them to decide: left as typed. A syllable missing its vowel is a typo, not initials.)
    expect(expandTexting("hộ kd phải nộp bao nhiêu", knows, together, byInitials)).toContain("kd");
    expect(expandTexting("quan uy trung uong do ai chi dnh", knows, together, () => [{ bigram: "de_nghi", passages: 9 }])).toContain("dnh");
  });

  it("knows \"đb\" as đảng bộ and \"hs\" as hồ sơ too, where the corpus writes them beside the neighbour", () => {
    const together = togetherIn({ "dang_bo bo_xa": 12, "ho_so so_de": 7 });
    expect(expandTexting("đồng chí nào phụ trách ĐB xã Quảng Lạc", () => true, together)).toContain("đảng bộ xã");
    expect(expandTexting("hs đề nghị kết nạp gồm những gì", () => true, together)).toContain("hồ sơ đề nghị");
    // (Nothing beside it says otherwise: the usual reading.)
    expect(expandTexting("trường có bao nhiêu hs", () => true, together)).toContain("học sinh");
  });

  it("reads a shorthand typed with its number attached (\"kp5\") as the shorthand and the number", () => {
    // (The corpus writes "khu phố" in the passages that say "sinh hoạt chuyên đề".)
    const together = togetherIn({ "khu_pho sinh_hoat": 5, "khu_pho chuyen_de": 3 });
    expect(expandTexting("cb kp5 sinh hoạt chuyên đề vào ngày nào", () => true, together)).toContain("khu phố 5");
    // (Letters that are no shorthand keep their number: "Q1", "A4"; so does a single letter, "k12" no "không 12".)
    expect(expandTexting("báo cáo Q1 trên giấy A4", () => true, together)).toBe("báo cáo Q1 trên giấy A4");
    expect(expandTexting("phòng k12 họp lúc mấy h?", () => true, together)).toBe("phòng k12 họp lúc mấy giờ?");
  });

  it("reads a shorthand with several readings as the phrase the corpus writes with its neighbours", () => {
    // "cs" is "chính sách", "cơ sở" or "cảnh sát": after "đảng bộ", the corpus writes "bộ cơ sở" — though
    // "bộ chính" alone (Bộ Chính trị) is commoner than "bộ cơ".
    const together = (bigrams: readonly string[]): number => {
      const counts: Record<string, number> = { bo_co: 5, co_so: 40, bo_chinh: 30, chinh_sach: 25, canh_sat: 2 };
      const key = bigrams.join(" ");
      if (key === "bo_co co_so") return 5;
      if (key === "bo_chinh chinh_sach") return 1;
      return bigrams.length === 1 ? (counts[bigrams[0] ?? ""] ?? 0) : 0;
    };
    expect(expandTexting("các đảng bộ cs phải xong trước ngày nào", () => true, together)).toContain("đảng bộ cơ sở phải");
    // With no evidence either way, the first reading the corpus knows.
    expect(expandTexting("cs là gì", () => true, () => 0)).toBe("chính sách là gì");
  });

  it("when its neighbours do not decide, takes the reading the corpus writes beside the question's other terms", () => {
    // "vs cb ít nhất": function words on both sides; "chi bộ" shares passages with "làm ăn" and "ăn xa".
    const together = (bigrams: readonly string[]): number => {
      const key = [...bigrams].sort().join(" ");
      return ({ "an_xa chi_bo": 12, "chi_bo lam_an": 12, "an_xa can_bo": 2, "can_bo lam_an": 2 } as Record<string, number>)[key] ?? 0;
    };
    expect(expandTexting("đv đi làm ăn xa phải báo cáo với cb ít nhất mấy tháng một lần?", () => true, together)).toContain("báo cáo với chi bộ ít nhất");
    // Without any evidence, the first reading.
    expect(expandTexting("đv đi làm ăn xa phải báo cáo với cb ít nhất mấy tháng một lần?", () => true, () => 0)).toContain("với cán bộ ít nhất");
  });

  it("reads the shorthands of a term of office and of cleared land (nk, mb)", () => {
    expect(expandTexting("nk mới chi bộ có mấy chi ủy viên", () => true, () => 0)).toBe("nhiệm kỳ mới chi bộ có mấy chi ủy viên");
    expect(expandTexting("còn bn hộ chưa bàn giao mb", () => true, () => 0)).toContain("bàn giao mặt bằng");
  });

  it("keeps the usual reading when a single passage is all the evidence for another", () => {
    // "vi phạm" and "tham gia" in one passage is chance: "tg" stays "thời gian", the usual reading.
    const once = (bigrams: readonly string[]): number => ([...bigrams].sort().join(" ") === "tham_gia vi_pham" ? 1 : 0);
    expect(expandTexting("vi phạm trong khoảng tg nào", () => true, once)).toBe("vi phạm trong khoảng thời gian nào");
    const usual = (bigrams: readonly string[]): number => ([...bigrams].sort().join(" ") === "tham_gia vi_pham" ? 3 : 0);
    expect(expandTexting("vi phạm trong khoảng tg nào", () => true, usual)).toBe("vi phạm trong khoảng tham gia nào");
  });

  it("reads \"đc\" before a personal name as \"đồng chí\", and as \"được\" before a body, a role, a document or an honour", () => {
    expect(expandTexting("đc Khôi vi phạm gì")).toBe("đồng chí Khôi vi phạm gì");
    expect(expandTexting("dc Nguyễn Văn An giữ chức gì")).toBe("đồng chí Nguyễn Văn An giữ chức gì");
    expect(expandTexting("dc Ban Thường vụ khen ko")).toBe("được Ban Thường vụ khen không");
    expect(expandTexting("xã muốn dc Bằng khen thì sao")).toBe("xã muốn được Bằng khen thì sao");
    expect(expandTexting("đc Huyện ủy giao việc gì")).toBe("được Huyện ủy giao việc gì");
    expect(expandTexting("dc UBND tỉnh tặng gì")).toBe("được UBND tỉnh tặng gì");
    expect(expandTexting("dc Quyết định công nhận chưa")).toBe("được Quyết định công nhận chưa");
    // Typed in lower case, nothing says it is a name.
    expect(expandTexting("đc khôi vi phạm gì")).toBe("được khôi vi phạm gì");
  });

  it("takes no evidence from a function word beside the shorthand (\"KL của …\")", () => {
    const together = (bigrams: readonly string[]): number => (bigrams.join(" ") === "luat_cua" ? 50 : bigrams.join(" ") === "luan_cua" ? 5 : 0);
    expect(expandTexting("kl của hội nghị số mấy?", () => true, together)).toBe("kết luận của hội nghị số mấy?");
    // In capitals, as documents write their codes, it is the document kind whatever the corpus says.
    const discipline = (bigrams: readonly string[]): number => (bigrams.join(" ") === "ky_luat hoi_nghi" ? 50 : 0);
    expect(expandTexting("KL của hội nghị văn phòng số mấy?", () => true, discipline)).toBe("kết luận của hội nghị văn phòng số mấy?");
  });

  it("takes no evidence for a function-word reading from its folded neighbours (\"trước bn ngày\" is no \"trước Ban\")", () => {
    const together = (bigrams: readonly string[]): number => (bigrams.join(" ") === "truoc_ban" ? 80 : 0);
    expect(expandTexting("Tài liệu phải gửi trước bn ngày?", () => true, together)).toBe("Tài liệu phải gửi trước bao nhiêu ngày?");
    // (A capitalised word the corpus writes as typed beside its neighbour is a name: "Xã Ea Tu".)
    const name = (bigrams: readonly string[]): number => (bigrams.join(" ") === "ea_tu" ? 12 : 0);
    expect(expandTexting("Xã Ea Tu có bao nhiêu chi bộ thôn?", () => true, name)).toBe("Xã Ea Tu có bao nhiêu chi bộ thôn?");
  });

  it("reads a shorthand before a number as the document kind it can name (\"kh 0124\" is Kế hoạch 0124)", () => {
    expect(expandTexting("kh 0124 giao việc gì cho xã?")).toBe("kế hoạch 0124 giao việc gì cho xã?");
    expect(expandTexting("đảng viên kh được làm gì?")).toBe("đảng viên không được làm gì?");
  });

  it("leaves English alone", () => {
    expect(expandTexting("Who signed the decision?")).toBe("Who signed the decision?");
  });
});
