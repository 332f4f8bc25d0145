import { describe, expect, it } from "vitest";
import { expandTexting } from "../../src/text/lexicon.js";

describe("texting shorthand written out", () => {
  it("writes out shorthand with one reading, without diacritics in a question typed without them", () => {
    expect(expandTexting("đv ko đc nghỉ sinh hoạt bao lâu?")).toBe("đảng viên không được nghỉ sinh hoạt bao lâu?");
    expect(expandTexting("dv ko dc nghi bao lau")).toBe("dang vien khong duoc nghi bao lau");
    expect(expandTexting("trường có bao nhiêu hs và gv?")).toBe("trường có bao nhiêu học sinh và giáo viên?");
    // "gđ" is giai đoạn, gia đình or giám đốc: the phrase the corpus writes beside "biên chế" decides.
    expect(expandTexting("đề xuất biên chế gđ 2026-2031", () => true, (b) => (b.join(" ") === "che_giai giai_doan" ? 4 : 0))).toBe("đề xuất biên chế giai đoạn 2026-2031");
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

  it("takes no evidence from a function word beside the shorthand (\"KL của …\")", () => {
    const together = (bigrams: readonly string[]): number => (bigrams.join(" ") === "luat_cua" ? 50 : bigrams.join(" ") === "luan_cua" ? 5 : 0);
    expect(expandTexting("kl của hội nghị số mấy?", () => true, together)).toBe("kết luận của hội nghị số mấy?");
    // In capitals, as documents write their codes, it is the document kind whatever the corpus says.
    const discipline = (bigrams: readonly string[]): number => (bigrams.join(" ") === "ky_luat hoi_nghi" ? 50 : 0);
    expect(expandTexting("KL của hội nghị văn phòng số mấy?", () => true, discipline)).toBe("kết luận của hội nghị văn phòng số mấy?");
  });

  it("reads a shorthand before a number as the document kind it can name (\"kh 0124\" is Kế hoạch 0124)", () => {
    expect(expandTexting("kh 0124 giao việc gì cho xã?")).toBe("kế hoạch 0124 giao việc gì cho xã?");
    expect(expandTexting("đảng viên kh được làm gì?")).toBe("đảng viên không được làm gì?");
  });

  it("leaves English alone", () => {
    expect(expandTexting("Who signed the decision?")).toBe("Who signed the decision?");
  });
});
