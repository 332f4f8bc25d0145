import { describe, expect, it } from "vitest";
import { TextMemo, termSets } from "../../src/qa/termSets.js";
import { understandQuestion } from "../../src/qa/query.js";
import { extractAnswer } from "../../src/qa/answer.js";
import { TermStats } from "../../src/index/termStats.js";

describe("memoised analyses", () => {
  it("keep the texts used most recently when full, instead of forgetting everything at once", () => {
    const computed: string[] = [];
    const memo = new TextMemo<string>(4);
    const get = (text: string): string =>
      memo.get(text, (t) => {
        computed.push(t);
        return t.toUpperCase();
      });
    for (const text of ["a", "b", "c", "a", "d", "e", "a"]) expect(get(text)).toBe(text.toUpperCase());
    // "a" stays remembered: it is used again before it ages out; "b" and "c", unused since, are forgotten.
    expect(computed).toEqual(["a", "b", "c", "d", "e"]);
    get("b");
    get("c");
    expect(computed).toEqual(["a", "b", "c", "d", "e", "b", "c"]);
  });

  it("are bounded by the characters of the texts they hold, not by how many texts", () => {
    const computed: string[] = [];
    const memo = new TextMemo<number>(40);
    const get = (text: string): number =>
      memo.get(text, (t) => {
        computed.push(t);
        return t.length;
      });
    const passages = ["a".repeat(15), "b".repeat(15), "c".repeat(15), "d".repeat(15)];
    for (const p of passages) get(p);
    // Twenty characters a generation: the first two passages have aged out, the last two are remembered.
    get(passages[3] ?? "");
    get(passages[2] ?? "");
    get(passages[0] ?? "");
    expect(computed.map((t) => t[0])).toEqual(["a", "b", "c", "d", "a"]);
    // Short texts are many to a generation.
    const words = Array.from({ length: 10 }, (_, i) => String.fromCharCode(101 + i));
    for (const w of words) get(w);
    computed.length = 0;
    for (const w of words.slice(-10)) get(w);
    expect(computed).toEqual([]);
  });
});

describe("numbers a text states", () => {
  it("read a month written with its year in numbers ('tháng 02/2026') as that month, as a question's '2/2026' asks it", () => {
    expect(termSets("2. Đánh giá kết quả thực hiện nhiệm vụ tháng 02/2026").numbers.has("2/2026")).toBe(true);
    expect(termSets("Phương hướng, nhiệm vụ tháng 3 năm 2026").numbers.has("3/2026")).toBe(true);
    // (A day and month is not a month and year: "ngày 05/3" has no year.)
    expect(termSets("họp ngày 05/3 tại hội trường").numbers.has("5/3")).toBe(true);
  });

  it("read an occasion's ordinal word as its number too: 'lần thứ tám' is the 8th, as 'Trung ương 8' writes it", () => {
    const numbers = termSets("Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII").numbers;
    expect(numbers.has("thu#8")).toBe(true);
    expect(numbers.has("8")).toBe(true);
    expect(numbers.has("13")).toBe(true);
    // (A weekday is no ordinal.)
    expect(termSets("Chi bộ sinh hoạt vào thứ Năm hằng tuần").numbers.has("5")).toBe(false);
  });
});

describe("counts spelled out", () => {
  it("read 'ba lần', 'hai năm' as the numbers 3 and 2, in a passage and in a question, but not a part of 'mười hai'", () => {
    expect(termSets("vắng sinh hoạt không có lý do chính đáng ba lần trong một năm").numbers.has("3")).toBe(true);
    expect(termSets("Chi bộ họp mười hai tháng liền").numbers.has("2")).toBe(false);
    expect(understandQuestion("Đảng viên vắng sinh hoạt không có lý do ba lần trong một năm thì bị xếp loại thế nào?").numbers).toContain("3");
    // (Typed without marks, "ba" and "nam" are too often other words.)
    expect(understandQuestion("dang vien vang sinh hoat ba lan thi sao").numbers).not.toContain("3");
  });

  it("do not answer a question counting three absences with a rule about two", () => {
    const s = new TermStats();
    const passages = ["Đảng viên vắng sinh hoạt không có lý do chính đáng 02 lần trong một năm thì không được xếp loại chất lượng \"Hoàn thành xuất sắc nhiệm vụ\"."];
    for (const p of passages) s.add(p);
    const r = extractAnswer(understandQuestion("Đảng viên vắng sinh hoạt không có lý do chính đáng ba lần trong một năm thì bị xếp loại chất lượng thế nào?"), passages.map((text, rank) => ({ id: `p${rank}`, text, context: "", title: "Quy định sinh hoạt chi bộ", rank })), s);
    expect(r.abstained).toBe(true);
  });
});

describe("quarters", () => {
  it("read a quarter in digits as the quarter, with or without marks: 'quý 1' and 'quy 1' are 'quý I', not any 1", () => {
    expect(understandQuestion("Hội nghị sơ kết quý 1 dự kiến tổ chức ngày nào?").numbers).toEqual(["quy#1"]);
    expect(understandQuestion("hoi nghi so ket quy 1 du kien to chuc ngay nao").numbers).toEqual(["quy#1"]);
    expect(termSets("Hội nghị sơ kết quý I/2026 tổ chức ngày 03/4/2026").numbers.has("quy#1")).toBe(true);
    expect(termSets("đánh giá kết quả thực hiện nhiệm vụ tháng 01 năm 2026").numbers.has("quy#1")).toBe(false);
  });
});
