/**
 * Retrieval beside the ranked search: passages a question asks for by their place in a document, which a
 * search for its few words ranks below texts that repeat those words.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QaEngine } from "../../src/qa/engine.js";
import { understandQuestion } from "../../src/qa/query.js";
import { engineOver } from "../support/corpusEngine.js";

const REPORT = [
  "# Báo cáo tổng kết công tác xây dựng Đảng",
  "",
  "## Kết quả",
  "",
  "Toàn huyện kết nạp 120 đảng viên mới trong năm.",
  "",
  "## Kinh nghiệm",
  "",
  "Một là, cấp ủy phải quán triệt sâu sắc nghị quyết.",
  "",
  "Hai là, phát huy vai trò của người đứng đầu.",
  "",
  "Ba là, chú trọng công tác tuyên truyền.",
  "",
  "Bốn là, thường xuyên sơ kết, rút ra bài học từ cơ sở.",
].join("\n");

// Many passages that repeat the question's words, and none of them an enumeration's fourth item.
const OTHER = Array.from({ length: 30 }, (_, i) => `Kinh nghiệm số ${i + 1}: trao đổi kinh nghiệm, học hỏi kinh nghiệm giữa các đơn vị bạn về kinh nghiệm quản lý.`).join("\n\n");

// A commune's report that names the commune only in its title, and many texts that repeat the words of a
// question about it.
const COMMUNE = ["# Báo cáo công tác xây dựng Đảng năm 2025 của Đảng ủy xã Tân Lập", "", "## Tình hình", "", "Đảng bộ xã hiện có 21 chi bộ trực thuộc, gồm 15 chi bộ thôn và 6 chi bộ cơ quan."].join("\n");
const CELLS = Array.from({ length: 30 }, (_, i) => `Chi bộ trực thuộc đảng ủy xã số ${i + 1}: chi bộ trực thuộc đảng ủy xã sinh hoạt định kỳ, đảng ủy xã chỉ đạo chi bộ trực thuộc.`).join("\n\n");

// A committee's working rules that give its size in comrades once, and many passages that name its members
// by their title.
const RULES = ["# Quy chế làm việc của Ban Chấp hành Đảng bộ huyện Vạn Lâm", "", "## Điều 1", "", "Ban Chấp hành Đảng bộ huyện gồm 41 đồng chí; Ban Thường vụ Huyện ủy gồm 13 đồng chí."].join("\n");
const DUTIES = Array.from({ length: 30 }, (_, i) => `Ủy viên Ban Thường vụ Huyện ủy thứ ${i + 1} phụ trách lĩnh vực và theo dõi địa bàn được phân công.`).join("\n\n");

let engine: QaEngine;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ engine, cleanup } = await engineOver("retrieval", { "bao-cao.md": REPORT, "trao-doi.md": OTHER, "bao-cao-tan-lap.md": COMMUNE, "chi-bo.md": CELLS, "quy-che.md": RULES, "nhiem-vu.md": DUTIES }, { candidates: 3 }));
});

afterAll(async () => {
  await cleanup();
});

describe("passages asked for by their place", () => {
  it("finds the n-th item under the section a question names, however many texts repeat its words", async () => {
    const r = await engine.ask("Kinh nghiệm thứ tư là gì?");
    expect(r.answer).toContain("thường xuyên sơ kết");
  });

  it("finds a commune's fact by the commune its title names, in Vietnamese and in English, however many texts repeat the other words", async () => {
    expect((await engine.ask("Đảng ủy xã Tân Lập có bao nhiêu chi bộ trực thuộc?")).answer).toContain("21 chi bộ trực thuộc");
    expect((await engine.ask("How many party cells are directly under the Tan Lap commune party committee?")).answer).toContain("21 chi bộ trực thuộc");
  });

  it("finds a committee's size, given in comrades, however many texts repeat its name and its members' title", async () => {
    expect((await engine.ask("Ban Thường vụ Huyện ủy có bao nhiêu ủy viên?")).answer).toContain("13 đồng chí");
    expect((await engine.ask("How many members does the Standing Committee of the district Party Committee have?")).answer).toContain("13 đồng chí");
  });

  it("does not take an item of a section the question does not name", async () => {
    const r = await engine.ask("Kết quả thứ tư là gì?");
    expect(r.answer ?? "").not.toContain("thường xuyên sơ kết");
  });
});

describe("search terms", () => {
  it("searches with a question's words but its stop words, which most passages hold", () => {
    const plan = understandQuestion("Có bao nhiêu xã có chi bộ cơ quan?");
    expect(plan.fold).toEqual(expect.arrayContaining(["xa", "chi", "bo", "co", "quan"]));
    expect(plan.accent).not.toContain("cos");
    expect(plan.accent).toContain("cơ");
    expect(plan.bigrams).toContain("chi_bo");
    expect(plan.bigrams).not.toContain("bao_nhieu");
  });

  it("searches for comrades when a question counts a body's members or people, which documents count as comrades", () => {
    expect(understandQuestion("Ban Thường vụ có bao nhiêu ủy viên?").searchText).toContain("đồng chí");
    expect(understandQuestion("How many members does the Standing Committee have?").searchText).toContain("đồng chí");
    expect(understandQuestion("ban thuong vu co bao nhieu thanh vien").searchText).toContain("dong chi");
    expect(understandQuestion("Chi bộ có bao nhiêu đảng viên?").searchText).not.toContain("đồng chí");
  });

  it("reads \"thời điểm nào\" and \"thời gian nào\" in a question asking a time as its question words, not key terms", () => {
    const folds = (q: string): string[] => understandQuestion(q).terms.map((t) => t.fold);
    expect(folds("Quyết định có hiệu lực từ thời điểm nào?")).not.toContain("diem");
    expect(folds("quyet dinh co hieu luc tu thoi diem nao")).not.toContain("diem");
    expect(folds("Chi bộ họp vào thời gian nào?")).not.toContain("gian");
    // (Elsewhere they are words of the question: "thời gian công tác".)
    expect(folds("Thời gian công tác tối thiểu là bao lâu?")).toContain("gian");
  });

  it("keeps every word of a question made only of stop words", () => {
    expect(understandQuestion("Có bao nhiêu?").fold.length).toBeGreaterThan(0);
  });

  it("reads an English question's modal \"may\" as no count, and the noun after \"which\" in a who-question as the answer's kind", () => {
    expect(understandQuestion("Who decides whether archives may be taken abroad?").kind).toBe("who");
    expect(understandQuestion("co may xa co chi bo co quan").kind).toBe("count");
    const signer = understandQuestion("Which official signed Official Letter 10989/BNV-TCBC on staffing?");
    expect(signer.kind).toBe("who");
    expect(signer.headPhrase?.flat()).not.toContain("can");
  });

  it("reads no level in a compound noun that holds a level's syllable: xã hội, xã viên, hợp tác xã", () => {
    expect(understandQuestion("Chi bộ hợp tác xã có bao nhiêu đảng viên?").levels).toEqual([]);
    expect(understandQuestion("chi bo hop tac xa co bao nhieu dang vien").levels).toEqual([]);
    expect(understandQuestion("Kế hoạch phát triển kinh tế - xã hội của tỉnh đặt mục tiêu gì?").levels).toEqual(["tinh"]);
    expect(understandQuestion("Các xã có bao nhiêu xã viên hợp tác xã?").levels).toEqual(["xa"]);
  });

  it("reads 'how much … time' as a duration, and keeps the 'quy' of 'quy hoạch' (only 'quý', a quarter, is a time word)", () => {
    const plan = understandQuestion("For next-term planning, how much working time before retirement must a candidate still have?");
    expect(plan.kind).toBe("duration");
    expect(plan.terms.map((t) => t.fold)).toContain("quy");
    expect(understandQuestion("Chi bộ báo cáo mấy lần mỗi quý?").terms.map((t) => t.fold)).not.toContain("quy");
  });

  it("reads \"how many times\" as asking a frequency, as \"bao nhiêu lần\" is read", () => {
    expect(understandQuestion("At most how many times a year may a unit be inspected?").kind).toBe("duration");
    expect(understandQuestion("Tối đa bao nhiêu lần một năm?").kind).toBe("duration");
  });

  it("reads \"through / by which department\" as asking for a body", () => {
    expect(understandQuestion("Through which department should units report the results to the provincial people's committee?").kind).toBe("who");
    expect(understandQuestion("By which agency is the plan approved?").kind).toBe("who");
  });

  it("reads the body a who-question asks for after a preposition as the answer's kind, not as what the passage must speak of", () => {
    const plan = understandQuestion("Through which agency are the dossiers of party members sent to the province?");
    expect(plan.kind).toBe("who");
    expect(plan.headPhrase?.map((p) => p.join(" "))).not.toContain("co quan");
    expect(understandQuestion("Which agency keeps the dossiers of party members?").headPhrase?.map((p) => p.join(" "))).not.toContain("co quan");
  });

  it("matches a place name an English question writes without marks however the documents mark it", () => {
    const plan = understandQuestion("What motto does Dak Lak's plan set for individuals?");
    expect(plan.terms.filter((t) => t.fold === "dak" || t.fold === "lak").map((t) => t.accent)).toEqual([null, null]);
  });
});

describe("questions typed without diacritics", () => {
  it("keeps a syllable that reads as a function word only with its marks (\"can bo\" is \"cán bộ\", \"chu tri\" \"chủ trì\")", () => {
    expect(understandQuestion("to chuc co so dang co bao nhieu can bo").terms.map((t) => t.fold)).toEqual(["to", "chuc", "so", "dang", "can", "bo"]);
    expect(understandQuestion("ban can su dang do ai chu tri").terms.map((t) => t.fold)).toEqual(expect.arrayContaining(["ban", "can", "su", "chu", "tri"]));
  });
});
