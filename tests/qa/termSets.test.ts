import { describe, expect, it } from "vitest";
import { TextMemo, termSets } from "../../src/qa/termSets.js";

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
});

describe("numbers a text states", () => {
  it("read an occasion's ordinal word as its number too: 'lần thứ tám' is the 8th, as 'Trung ương 8' writes it", () => {
    const numbers = termSets("Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII").numbers;
    expect(numbers.has("thu#8")).toBe(true);
    expect(numbers.has("8")).toBe(true);
    expect(numbers.has("13")).toBe(true);
    // (A weekday is no ordinal.)
    expect(termSets("Chi bộ sinh hoạt vào thứ Năm hằng tuần").numbers.has("5")).toBe(false);
  });
});
