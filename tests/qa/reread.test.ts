import { describe, expect, it } from "vitest";
import { TermStats } from "../../src/index/termStats.js";
import { rereadQuestion } from "../../src/qa/restore.js";
import { spellAccentKey, toneKey } from "../../src/text/normalize.js";

const PASSAGES = [
  "Có 46/184 chi bộ công an xã, phường, thị trấn được kiện toàn.",
  "Đảng bộ có 12 đảng bộ bộ phận và 30 chi bộ trực thuộc.",
  "Phong trào thi đua được phát động trong toàn tỉnh.",
  "Nhiều xã đã thành lập chi bộ cơ quan.",
  "Mỗi chi bộ cử tối đa 02 đảng viên; đảng viên có thể đăng ký thêm.",
];

function statsOf(passages: readonly string[]): TermStats {
  const stats = new TermStats();
  for (const p of passages) stats.add(p);
  return stats;
}

describe("re-reading a question typed partly with diacritics", () => {
  const stats = statsOf(PASSAGES);

  it("gives a bare or toneless syllable the form the passages write next to its neighbours", () => {
    expect(rereadQuestion("Có bao nhiêu chi bộ công an xã, phường, thi trấn?", PASSAGES, stats)).toBe("Có bao nhiêu chi bộ công an xã, phường, thị trấn?");
    expect(rereadQuestion("Toàn tỉnh có bao nhiêu đảng bộ bộ phân?", PASSAGES, stats)).toBe("Toàn tỉnh có bao nhiêu đảng bộ bộ phận?");
  });

  it("reads a bare syllable that asks with its neighbour (\"la ai\", \"ngay nào\") as the asking pair, though the passages write the bare form", () => {
    const passages = ["Đồng chí La Văn Hùng, Chủ tịch Ủy ban Mặt trận Tổ quốc huyện.", "Đoàn đến ngay sau hội nghị ngày 05/3; La Thị Mai tham dự."];
    const corpus = statsOf(passages);
    expect(rereadQuestion("Chủ tịch Mặt trận huyện la ai vậy", passages, corpus)).toBe("Chủ tịch Mặt trận huyện là ai vậy");
    expect(rereadQuestion("Đoàn đến vào ngay nào?", passages, corpus)).toBe("Đoàn đến vào ngày nào?");
    // (A bare syllable beside no asking partner keeps the form the passages write.)
    expect(rereadQuestion("Đoàn đến ngay sau hội nghị không?", passages, corpus) ?? "ngay sau").toContain("ngay sau");
  });

  it("keeps an abbreviation typed in capitals (\"HU\", \"TU\") instead of giving it a syllable's marks", () => {
    const passages = ["Văn phòng Huyện ủy tham mưu; hồ sơ hư hỏng được thay thế.", "Ban Tổ chức Huyện ủy thẩm định hồ sơ, hồ sơ hư phải làm lại."];
    const typed = "Ban tổ chức HU thẩm định hồ sơ nào";
    expect(rereadQuestion(typed, passages, statsOf(passages)) ?? typed).toContain("HU");
    // The same letters typed as a word are still read as the passages write them.
    expect(rereadQuestion("ho so hu phai lam lai khong", passages, statsOf(passages)) ?? "").toContain("hư");
  });

  it("reads marks typed wrong on a syllable as the passages write it beside its neighbour, when they write the typed pair nowhere", () => {
    const passages = ["Chuyển sinh hoạt đảng chính thức trong 03 tháng.", "Hồ sơ chuyển sinh hoạt đảng chính thức gồm giấy giới thiệu.", "Thúc đẩy phát triển kinh tế; chính thức hóa quy trình.", "Quyết định chuẩn y kết quả bầu cử.", "Quyết định chuấn y chi ủy."];
    const corpus = statsOf([...passages, "Chuẩn y kết quả bầu cử chi ủy.", "Đảng ủy chuẩn y."]);
    expect(rereadQuestion("Bao lâu phải chuyển sinh hoạt đảng chính thúc?", passages, corpus)).toBe("Bao lâu phải chuyển sinh hoạt đảng chính thức?");
    // (Not into a form the corpus writes less often than the one typed: a document's "chuấn y" is its own slip.)
    const misspelt = ["Quyết định chuấn y chi ủy.", "Đảng ủy chuấn y kết quả bầu cử."];
    const usual = statsOf([...misspelt, "Chuẩn y kết quả bầu cử.", "Đảng ủy chuẩn y chi ủy.", "Ban Thường vụ chuẩn y."]);
    expect(rereadQuestion("Ai chuẩn y chi ủy?", misspelt, usual) ?? "chuẩn y").toContain("chuẩn y");
    // (Nor where the passages write the pair as typed.)
    expect(rereadQuestion("Thúc đẩy phát triển kinh tế thế nào?", passages, corpus) ?? "Thúc đẩy").toContain("Thúc đẩy");
  });

  it("reads a question word the documents never write from the function-word table", () => {
    expect(rereadQuestion("Đảng bộ có mây đảng bộ bộ phận?", PASSAGES, stats)).toBe("Đảng bộ có mấy đảng bộ bộ phận?");
  });

  it("reads a function word typed for another word when neither neighbour stands with it (\"tôi đa\")", () => {
    expect(rereadQuestion("Mỗi chi bộ cử tôi đa mấy đảng viên?", PASSAGES, stats)).toBe("Mỗi chi bộ cử tối đa mấy đảng viên?");
  });

  it("keeps a word of the lexicon typed right (\"tối đa\") that the passages do not write, beside a function word they write with another form (\"đã là\")", () => {
    const passages = ["Biên chế của Ban là 36 biên chế, lãnh đạo cấp phòng không quá 14 biên chế.", "Việc sắp xếp đã là yêu cầu bắt buộc; đã hoàn thành."];
    expect(rereadQuestion("Số lãnh đạo cấp phòng tối đa là bao nhiêu?", passages, statsOf(passages)) ?? "tối đa").toContain("tối đa");
  });

  it("knows the pairs of function-word phrases the passages do not use (\"như thế nào\")", () => {
    expect(rereadQuestion("Phong trào thi đua phát động như thê nào?", PASSAGES, stats)).toBe("Phong trào thi đua phát động như thế nào?");
  });

  it("keeps what was typed right: a bare syllable the passages write bare, a function word, a toned syllable", () => {
    expect(rereadQuestion("Phong trào thi đua phát động ở đâu?", PASSAGES, stats)).toBeNull();
    // "nhiêu" is a question word although "nhiều xã" is in the passages.
    expect(rereadQuestion("Có bao nhiêu xã thành lập chi bộ cơ quan?", PASSAGES, stats)).toBeNull();
    expect(rereadQuestion("Có bao nhiêu chi bộ trực thuộc?", PASSAGES, stats)).toBeNull();
  });

  it("keeps a syllable whose neighbours support two forms alike", () => {
    const passages = ["Địa phương có 3 xã.", "Phường có 5 tổ dân phố."];
    expect(rereadQuestion("phuong có mấy xã?", passages, statsOf(passages))).toBeNull();
  });
});

describe("spelling an accent key", () => {
  it("puts the tone on the vowel Vietnamese writing puts it on", () => {
    for (const word of ["mấy", "người", "được", "nghiệp", "quả", "giá", "gì", "ngoài", "hoà", "thuỷ", "tuổi", "quyền", "giữ", "bảy", "chỉ", "khuya"]) {
      expect(spellAccentKey(toneKey(word))).toBe(word);
    }
  });
});
