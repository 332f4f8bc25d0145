import { describe, expect, it } from "vitest";
import { formatDateLike, formatLike, numberToWords, scanNumbers, scanNumberWords } from "../../src/quiz/numbers.js";
import { cutRest, readNoun, shortenAtWord } from "../../src/quiz/phrasing.js";
import { mulberry32 } from "../../src/quiz/random.js";
import { perturbQuantity } from "../../src/quiz/distractors.js";

describe("numbers in Vietnamese text", () => {
  it("tells counts, fractions, percentages, dates and document codes apart", () => {
    const text = "Có 68/152 xã với 1.357 đảng viên, chiếm 1,3% theo Hướng dẫn số 35-HD/BTCTW ngày 15-10-2009.";
    expect(scanNumbers(text).map((t) => [t.shape, t.text, t.value])).toEqual([
      ["fraction", "68/152", 68],
      ["count", "1.357", 1357],
      ["percent", "1,3%", 1.3],
      ["code", "35-HD/BTCTW", 35],
      ["date", "15-10-2009", Math.round(Date.UTC(2009, 9, 15) / 86_400_000)],
    ]);
  });

  it("reads quantities written in words but not ordinals, enumerations or 'năm' alone", () => {
    const text = "Phải có ba đảng viên chính thức, đủ mười tám tuổi. Hai là, thứ ba tuần sau, năm học mới có hai mươi mốt chi bộ.";
    expect(scanNumberWords(text).map((t) => [t.text, t.value])).toEqual([
      ["ba", 3],
      ["mười tám", 18],
      ["hai mươi mốt", 21],
    ]);
    // "năm" starts a quantity only as "năm mươi"; a text with no other number word has none.
    expect(scanNumberWords("có năm mươi lăm đảng viên").map((t) => t.value)).toEqual([55]);
    expect(scanNumberWords("Năm 2025 chi bộ họp mỗi tháng một lần.")).toEqual([]);
  });

  it("writes a wrong option in the answer's own style", () => {
    const [thousands] = scanNumbers("có 1.357 đảng viên");
    const [plain] = scanNumbers("có 975 đảng viên");
    const [percent] = scanNumbers("chiếm 1,3% tổng số");
    const [date] = scanNumbers("ngày 05-01-2009");
    if (!thousands || !plain || !percent || !date) throw new Error("tokens not found");
    expect(formatLike(thousands, 1420)).toBe("1.420");
    expect(formatLike(plain, 1155)).toBe("1.155");
    expect(formatLike(percent, 2)).toBe("2,0%");
    expect(formatDateLike(date, 7, 3, 2010)).toBe("07-03-2010");
    expect([2, 10, 15, 18, 21, 25, 40].map(numberToWords)).toEqual(["hai", "mười", "mười lăm", "mười tám", "hai mươi mốt", "hai mươi lăm", "bốn mươi"]);
  });

  it("perturbs round numbers in round steps and never returns the answer", () => {
    const values = perturbQuantity(100, 0, mulberry32(1), { min: 1, max: Infinity });
    expect(values.length).toBeGreaterThanOrEqual(3);
    for (const v of values) {
      expect(v % 10).toBe(0);
      expect(v).not.toBe(100);
    }
    expect(perturbQuantity(3, 0, mulberry32(1), { min: 1, max: Infinity })).not.toContain(3);
    for (const v of perturbQuantity(3, 0, mulberry32(1), { min: 1, max: Infinity })) expect(v).toBeGreaterThan(0);
  });
});

describe("question phrasing helpers", () => {
  it("reads the noun a number counts, including a short list of unit words", () => {
    expect(readNoun(" chi bộ quân sự xã, phường, thị trấn với đồng chí bí thư").noun).toBe("chi bộ quân sự xã, phường, thị trấn");
    expect(readNoun(" đảng viên, chiếm 1,3%").noun).toBe("đảng viên");
    expect(readNoun(" TCCSĐ trong các DNNKVNN").noun).toBe("TCCSĐ");
    expect(readNoun(" (giảm 152)").noun).toBe("");
  });

  it("cuts a clause where the asked fact ends", () => {
    expect(cutRest(" có chi bộ cơ quan với 918 đảng viên")).toBe(" có chi bộ cơ quan");
    expect(cutRest(" của 15 đảng bộ huyện, thị xã, thành phố, Ban Tổ chức")).toBe(" của 15 đảng bộ huyện, thị xã, thành phố");
    expect(cutRest(" về “xây dựng tổ chức đảng, đoàn thể” nhằm củng cố")).toBe(" về “xây dựng tổ chức đảng, đoàn thể”");
    expect(cutRest(" so với đảng viên của toàn Đảng bộ tỉnh.")).toBe(" so với đảng viên của toàn Đảng bộ tỉnh");
  });

  it("shortens at a word boundary with an ellipsis", () => {
    const s = shortenAtWord("Thường xuyên nâng cao nhận thức và vai trò trách nhiệm của các cấp ủy, tổ chức đảng", 40);
    expect(s.length).toBeLessThanOrEqual(40);
    expect(s).toBe("Thường xuyên nâng cao nhận thức và vai…");
  });
});
