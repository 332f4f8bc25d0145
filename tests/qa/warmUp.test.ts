import { describe, expect, it, vi } from "vitest";
import { clozeQuestion, warmUpQuestions } from "../../src/qa/warmUp.js";
import { QaEngine } from "../../src/qa/engine.js";
import { engineOver } from "../support/corpusEngine.js";

describe("warm-up questions", () => {
  const passages = Array.from({ length: 50 }, (_, i) => ({ text: `Đảng bộ huyện số ${i} kết nạp đảng viên mới trong năm qua.` }));

  it("draws at most the asked number of questions from passages spread through the corpus, of several kinds", () => {
    const questions = [...warmUpQuestions(passages, 10)];
    const drawn = questions.slice(6);
    expect(drawn.length).toBeLessThanOrEqual(10);
    expect(drawn.length).toBeGreaterThan(5);
    expect(new Set(drawn.map((q) => q.replace(/\d+/g, ""))).size).toBeGreaterThan(5);
    expect(drawn.some((q) => /bao nhiêu/u.test(q))).toBe(true);
    // Some are typed without diacritics.
    expect(drawn.some((q) => /^[\x20-\x7e]+$/.test(q))).toBe(true);
  });

  it("asks, given enough passages, the forms that take their own paths: a negation, a yes-or-no, a deadline, an office's holder", () => {
    const drawn = [...warmUpQuestions(passages, 80)].join("\n");
    for (const form of [/không được/u, /có bắt buộc không/u, /trước ngày nào/u, /^Ai giữ chức/mu]) expect(drawn).toMatch(form);
  });

  it("goes through a small corpus again in the next forms until it has the questions asked for", () => {
    const few = ["Chi bộ thôn An Lạc", "Đảng ủy xã Bình Minh", "Ban Thường vụ Huyện ủy", "Ủy ban Kiểm tra Tỉnh ủy", "Hội nghị cán bộ chủ chốt"].map((opening, i) => ({ text: `${opening} kết nạp ${i + 2} đảng viên mới trong năm qua.` }));
    const drawn = [...warmUpQuestions(few, 40)].slice(6);
    expect(drawn).toHaveLength(40);
    expect(new Set(drawn).size).toBe(40);
    // Every form is used once per passage at most: 13 forms and the figure of each of the five passages.
    expect([...warmUpQuestions(few, 1000)].slice(6)).toHaveLength(5 * 13 + 5);
  });

  it("asks only the fixed questions of an empty corpus, and skips passages without words", () => {
    expect([...warmUpQuestions([], 10)]).toHaveLength(6);
    expect([...warmUpQuestions([{ text: "1. 2. 3." }], 10)]).toHaveLength(6);
  });
});

describe("a passage's first figure asked in its own words", () => {
  it("asks a count, a share and a date as cadres would", () => {
    expect(clozeQuestion("Toàn tỉnh có 184 chi bộ quân sự, tăng 12 chi bộ so với năm trước.")).toBe("Toàn tỉnh có bao nhiêu chi bộ quân sự?");
    expect(clozeQuestion("Tỷ lệ đảng viên nữ đạt 35,2% tổng số đảng viên.")).toBe("Tỷ lệ đảng viên nữ đạt bao nhiêu phần trăm tổng số đảng viên?");
    expect(clozeQuestion("Hội nghị được tổ chức ngày 21/11/2025 tại Hà Nội.")).toBe("Hội nghị được tổ chức ngày ngày nào tại Hà Nội?");
  });

  it("asks nothing of a passage without a figure, or with too few words around it", () => {
    expect(clozeQuestion("Đảng viên phải gương mẫu chấp hành đường lối của Đảng.")).toBeNull();
    expect(clozeQuestion("Số 45-HD/BTCTW")).toBeNull();
    expect(clozeQuestion("184.")).toBeNull();
  });

  it("is among the drawn questions", () => {
    const drawn = [...warmUpQuestions([{ text: "Toàn tỉnh có 184 chi bộ quân sự." }], 5)];
    expect(drawn).toContain("Toàn tỉnh có bao nhiêu chi bộ quân sự?");
  });
});

describe("the warm-up that goes on while the engine is idle", () => {
  const corpus = {
    "bao-cao.txt": Array.from({ length: 150 }, (_, i) => `## Mục ${i + 1}. Đảng bộ xã Hòa ${i}\n\nĐảng bộ xã Hòa ${i} có ${100 + i} đảng viên, kết nạp ${i + 2} đảng viên mới trong năm ${2000 + (i % 25)}; các chi bộ thôn, buôn sinh hoạt đều đặn hằng tháng theo hướng dẫn của cấp ủy cấp trên.`).join("\n\n"),
  };

  it("asks more questions after open returns, and is over when warmedUp resolves", async () => {
    const { engine, cleanup } = await engineOver("warm-bg-", corpus, { backgroundWarmUp: true });
    try {
      const ask = vi.spyOn(engine, "ask");
      await engine.warmedUp();
      expect(ask.mock.calls.length).toBeGreaterThan(10);
      // A real question is answered as ever.
      const result = await engine.ask("Đảng bộ xã Hòa 7 có bao nhiêu đảng viên?");
      expect(result.answer).toContain("107");
    } finally {
      await engine.close();
      await cleanup();
    }
  });

  it("returns from open before asking any warm-up question, and answers the first question before them", async () => {
    const ask = vi.spyOn(QaEngine.prototype, "ask");
    const { engine, cleanup } = await engineOver("warm-first-", corpus, { backgroundWarmUp: true });
    try {
      expect(ask).not.toHaveBeenCalled();
      const result = await engine.ask("Đảng bộ xã Hòa 9 có bao nhiêu đảng viên?");
      expect(result.answer).toContain("109");
      expect(ask.mock.calls.map((c) => c[0])).toEqual(["Đảng bộ xã Hòa 9 có bao nhiêu đảng viên?"]);
      await engine.warmedUp();
      expect(ask.mock.calls.length).toBeGreaterThan(10);
    } finally {
      ask.mockRestore();
      await engine.close();
      await cleanup();
    }
  });

  it("asks nothing after open without the option, and stops when the engine is closed", async () => {
    const quiet = await engineOver("warm-none-", corpus);
    const ask = vi.spyOn(quiet.engine, "ask");
    await quiet.engine.warmedUp();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ask).not.toHaveBeenCalled();
    await quiet.engine.close();
    await quiet.cleanup();

    const closing = await engineOver("warm-close-", corpus, { backgroundWarmUp: true });
    const asked = vi.spyOn(closing.engine, "ask");
    await closing.engine.close();
    await closing.engine.warmedUp();
    expect(asked.mock.calls.length).toBeLessThanOrEqual(1);
    await closing.cleanup();
  });
});
