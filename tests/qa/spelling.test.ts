import { describe, expect, it } from "vitest";
import { TermStats } from "../../src/index/termStats.js";
import { understandQuestion } from "../../src/qa/query.js";
import { checkSpelling, withCorrectedSpelling } from "../../src/qa/spelling.js";

function stats(texts: readonly string[]): TermStats {
  const s = new TermStats();
  for (const t of texts) s.add(t);
  return s;
}

describe("spelling against the corpus", () => {
  const corpus = stats([
    "Đơn vị hoàn thành tốt nhiệm vụ được tặng Giấy khen.",
    "Cơ quan hoàn thành xuất sắc nhiệm vụ được tặng Bằng khen.",
    "Các đơn vị chưa hoàn thành nhiệm vụ phải báo cáo.",
    "Tinh thần trách nhiệm của cán bộ được đề cao.",
  ]);
  const pairs = (bigram: string): number => (bigram === "hoan_thanh" ? 3 : bigram === "tinh_than" ? 1 : 0);

  it("corrects a typo that makes another word by the compound its neighbour forms (\"hoàn thàn\" → \"hoàn thành\")", () => {
    const plan = checkSpelling(understandQuestion("Đơn vị hoàn thàn tốt nhiệm vụ được tặng gì?"), corpus, pairs);
    expect(plan.terms.some((t) => t.fold === "thanh" && t.accent === null)).toBe(true);
  });

  it("reads a hỏi typed for a ngã (or the reverse) as the syllable the corpus uses, when it uses no syllable as typed", () => {
    const rules = stats(["Mỗi chi bộ sinh hoạt chuyên đề ít nhất một lần mỗi quý.", "Hồ sơ chuyển sinh hoạt đảng phải niêm phong.", "Với chi bộ ghép, đảng ủy chỉ đạo.", "Sửa chữa phòng học."]);
    // ("với chi bộ", one letter away, is a commoner compound than "mỗi chi bộ": the letters typed are right.)
    const pairs = (bigram: string): number => (bigram === "voi_chi" ? 4 : bigram === "moi_chi" || bigram === "chi_bo" ? 1 : 0);
    const accentOf = (question: string, fold: string): string | null | undefined => checkSpelling(understandQuestion(question), rules, pairs).terms.find((t) => t.fold === fold)?.accent;
    const each = checkSpelling(understandQuestion("Mổi chi bộ sinh hoạt chuyên đề mấy lần?"), rules, pairs);
    expect(each.terms.map((t) => t.fold)).not.toContain("voi");
    // ("mỗi", a function word, is no key term when typed right: the one typed wrong matches it.)
    expect(each.unknownTerms.size).toBe(0);
    expect(rules.has(accentOf("Mổi chi bộ sinh hoạt chuyên đề mấy lần?", "moi") ?? "", true)).toBe(true);
    expect(accentOf("Hồ sơ chuyễn sinh hoạt đảng có niêm phong không?", "chuyen")).toBe(accentOf("Hồ sơ chuyển sinh hoạt đảng có niêm phong không?", "chuyen"));
    // (Another tone than hỏi and ngã stays strict: "sựa" is not taken for "sửa".)
    expect(accentOf("Sựa chữa phòng học nào?", "sua")).not.toBe(accentOf("Sửa chữa phòng học nào?", "sua"));
  });

  it("leaves a word that forms a compound the corpus uses as typed", () => {
    const plan = checkSpelling(understandQuestion("Tinh thần trách nhiệm của cán bộ thế nào?"), corpus, pairs);
    expect(plan.terms.some((t) => t.fold === "than")).toBe(true);
  });

  it("corrects a misspelt place name by the compound it forms, and the name with it (\"Krôg Bông\" → \"krong_bong\")", () => {
    const places = stats(["Huyện Krông Bông có 12 xã.", "Krông Bông và Krông Pắc là hai huyện.", "Huyện Krông Bông tổ chức hội nghị.", "Kế hoạch của huyện.", "Kho lưu trữ.", "Kho bạc."]);
    const plan = checkSpelling(understandQuestion("Huyện Krôg Bông có bao nhiêu xã?"), places, (bigram) => (bigram === "krong_bong" ? 3 : 0));
    expect(plan.names).toEqual([["krong_bong"]]);
    expect(plan.terms.some((t) => t.fold === "krong")).toBe(true);
  });

  it("rewrites the question with a correction that makes a compound, so its question words read anew (\"Đng chí nào\")", () => {
    const people = stats(["Đồng chí Lê Minh Hưng ký Quy định.", "Đồng chí Bí thư chủ trì hội nghị.", "Các đồng chí cấp ủy viên dự họp."]);
    const pairs = (bigram: string): number => (bigram === "dong_chi" ? 3 : 0);
    const typed = "Đng chí nào ký Quy định?";
    expect(understandQuestion(typed).kind).not.toBe("who");
    const rewritten = withCorrectedSpelling(typed, checkSpelling(understandQuestion(typed), people, pairs), people, pairs);
    expect(rewritten).toBe("Dong chí nào ký Quy định?");
    expect(understandQuestion(rewritten ?? "").kind).toBe("who");
  });

  it("does not rewrite the question with a guess that forms no compound, nor change letters the corpus knows", () => {
    const corpus2 = stats(["Các đơn vị gửi báo cáo trước ngày 15."]);
    const none = (): number => 0;
    const guess = "Các đơn vị gửi báo cáo trước ngy nào?";
    const guessed = checkSpelling(understandQuestion(guess), corpus2, none);
    expect(guessed.terms.some((t) => t.fold === "ngay")).toBe(true);
    expect(withCorrectedSpelling(guess, guessed, corpus2, none)).toBeNull();
    expect(withCorrectedSpelling(guess, guessed, corpus2, (bigram) => (bigram === "truoc_ngay" ? 3 : 0))).toBe("Các đơn vị gửi báo cáo trước ngay nào?");
    // "tơi" for tới: the compound check reads it as "thời" ("đông thời"); the letters "toi" are the corpus's.
    const slips = stats(["Chi bộ đông tới 120 đảng viên.", "Đồng thời kiện toàn cấp ủy.", "Thời gian họp."]);
    const compound = (bigram: string): number => (bigram === "dong_thoi" ? 5 : 0);
    const known = "Chi bộ đông tơi bao nhiêu đảng viên?";
    const read = checkSpelling(understandQuestion(known), slips, compound);
    expect(read.terms.some((t) => t.fold === "thoi")).toBe(true);
    expect(withCorrectedSpelling(known, read, slips, compound)).toBeNull();
  });

  it("reads a typed form no Vietnamese syllable has as a syllable with a letter left out (\"xog\" → \"xong\", not the commoner \"xoa\")", () => {
    const s = stats(["Đã xóa tên đảng viên.", "Xóa bỏ chi bộ.", "Xóa đói giảm nghèo.", "Làm xong trước ngày 30."]);
    expect(s.correct("xog")).toBe("xong");
    // A typed form that is a syllable keeps the commonest word one edit away.
    expect(s.correct("xoan")).toBe("xoa");
  });

  it("reads \"i\" for \"y\" after a consonant as the spelling the corpus uses (\"lí do\", \"kỉ luật\"), with or without marks", () => {
    const s = stats(["Đồng chí vắng mặt có lý do.", "Thi hành kỷ luật đảng viên vi phạm."]);
    const plan = checkSpelling(understandQuestion("Đồng chí vắng mặt vì lí do gì, bị kỉ luật không?"), s);
    expect(plan.terms.map((t) => t.accent)).toEqual(expect.arrayContaining(["lys", "kyr"]));
    expect(plan.unknownTerms.size).toBe(0);
    const folded = checkSpelling(understandQuestion("dong chi vang mat vi li do gi"), s);
    expect(folded.terms.map((t) => t.fold)).toContain("ly");
  });
});

