import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadIndex, type LoadedIndex } from "../../src/index/store.js";
import { QaEngine } from "../../src/qa/engine.js";
import { loadQuizBank } from "../../src/quiz/bank.js";
import { buildQuizBank, type QuizBuildResult } from "../../src/quiz/generate.js";
import { TELEGRAM_QUIZ_LIMITS, type QuizQuestion } from "../../src/quiz/types.js";
import { containsTerm, optionKey } from "../../src/quiz/validate.js";
import { foldKey } from "../../src/text/normalize.js";
import { ingestShippedCorpus, makePassage } from "./shippedCorpus.js";

let index: LoadedIndex;
let built: QuizBuildResult;
let questions: QuizQuestion[];
let cleanup: () => Promise<void> = async () => {};

beforeAll(async () => {
  ({ index, cleanup } = await ingestShippedCorpus());
  built = buildQuizBank(index.passages);
  questions = built.bank.questions;
});

afterAll(async () => {
  await cleanup();
});

const answerOf = (q: QuizQuestion): string => q.options[q.correct] ?? "";
const NUMBER_KINDS = new Set(["count", "fraction", "percent", "year", "date", "numberWord", "documentCode"]);

describe("quiz bank from the shipped corpus", () => {
  it("holds at least 40 distinct valid questions, distinct in wording too", () => {
    expect(questions.length).toBeGreaterThanOrEqual(40);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    expect(new Set(questions.map((q) => foldKey(q.question))).size).toBeGreaterThanOrEqual(40);
    expect(built.questions).toBe(questions.length);
  });

  it("is stored with the index at ingest time and read back by loadQuizBank", () => {
    const stored = loadQuizBank(index);
    expect(stored.version).toBe(1);
    expect(stored.questions).toEqual(questions);
    expect(index.manifest.quiz).toEqual({ questions: built.questions, dropped: built.dropped });
  });

  it("is read from its file at first use; a damaged file leaves the index serving, with the bank rebuilt in memory", async () => {
    const file = path.join(index.dir, "quiz.json");
    const saved = await readFile(file, "utf8");
    expect(loadQuizBank(index).questions).toEqual(questions);
    try {
      const fresh = await loadIndex(path.dirname(index.dir), { efSearch: 50 });
      // Damaged after the load: the load did not read it, the first use does.
      await writeFile(file, "{ not json");
      expect(fresh.quiz).toBeNull();
      const engine = await QaEngine.open(path.dirname(index.dir));
      const reading = engine.quizBank();
      expect(reading.isBuiltInMemory).toBe(true);
      expect(reading.bank.questions.length).toBe(questions.length);
      expect((await engine.ask("Đảng bộ tỉnh có bao nhiêu tổ chức cơ sở đảng?")).question).toBeTruthy();
    } finally {
      await writeFile(file, saved);
    }
  });

  it("cites each question's passage verbatim, with its location", () => {
    for (const q of questions) {
      const passage = index.byId.get(q.source.passageId);
      expect(passage?.text).toBe(q.source.passage);
      expect(q.source.docId).toBe(passage?.docId);
      expect(q.source.title).toBe(passage?.title);
      expect(q.source.location).toMatch(/đoạn \d+/);
    }
  });

  it("makes every question answerable from its cited passage", () => {
    for (const q of questions) {
      const fact = q.source.passage.slice(q.source.highlight.start, q.source.highlight.end);
      expect(foldKey(fact), q.question).toContain(optionKey(answerOf(q)));
      if (NUMBER_KINDS.has(q.kind)) expect(q.source.passage, q.question).toContain(answerOf(q));
      // The location is stated once, by whoever shows the source line, not again in the explanation.
      expect(q.explanation).toMatch(/^“[^]*”$/u);
      expect(q.explanation).not.toContain(q.source.location);
    }
  });

  it("never offers a second correct option", () => {
    for (const q of questions) {
      const fact = q.source.passage.slice(q.source.highlight.start, q.source.highlight.end);
      q.options.forEach((o, i) => {
        if (i !== q.correct) expect(containsTerm(fact, o), `${q.question} → ${o}`).toBe(false);
      });
    }
  });

  it("offers distinct options, ignoring case and diacritics", () => {
    for (const q of questions) expect(new Set(q.options.map(optionKey)).size, q.question).toBe(q.options.length);
  });

  it("respects Telegram's quiz poll limits", () => {
    for (const q of questions) {
      expect(q.question.length).toBeLessThanOrEqual(TELEGRAM_QUIZ_LIMITS.questionChars);
      expect(q.explanation.length).toBeLessThanOrEqual(TELEGRAM_QUIZ_LIMITS.explanationChars);
      expect(q.options.length).toBeGreaterThanOrEqual(3);
      expect(q.options.length).toBeLessThanOrEqual(TELEGRAM_QUIZ_LIMITS.maxOptions);
      for (const o of q.options) expect(o.length).toBeLessThanOrEqual(TELEGRAM_QUIZ_LIMITS.optionChars);
      expect(q.correct).toBeGreaterThanOrEqual(0);
      expect(q.correct).toBeLessThan(q.options.length);
      expect(q.question).toMatch(/^[\p{Lu}\d“].*\?$/u);
    }
  });

  it("never gives the answer away in the question", () => {
    for (const q of questions) expect(containsTerm(q.question, answerOf(q)), q.question).toBe(false);
  });

  it("generates nothing from web boilerplate or the photo caption", () => {
    const junk = ["Phản hồi", "Các tin khác", "Mới nhất", "Xem nhiều nhất", "Đại biểu bỏ phiếu tín nhiệm"];
    for (const q of questions) {
      for (const line of junk) {
        expect(q.question).not.toContain(line);
        expect(q.source.passage).not.toContain(line);
        for (const o of q.options) expect(o).not.toContain(line);
      }
    }
  });

  it("is deterministic for a seed and different for another seed", () => {
    const a = buildQuizBank(index.passages, { seed: 7 });
    const b = buildQuizBank(index.passages, { seed: 7 });
    const c = buildQuizBank(index.passages, { seed: 8 });
    expect(JSON.stringify(a.bank)).toBe(JSON.stringify(b.bank));
    expect(JSON.stringify(c.bank)).not.toBe(JSON.stringify(a.bank));
    // The questions asked stay the same; only option order and the wrong options change.
    expect(c.bank.questions.map((q) => q.id).sort()).toEqual(a.bank.questions.map((q) => q.id).sort());
  });
});

describe("question kinds on the shipped corpus", () => {
  const find = (pattern: RegExp): QuizQuestion | undefined => questions.find((q) => pattern.test(q.question));

  it("asks 'bao nhiêu' about counts, with the counted noun", () => {
    const q = find(/toàn tỉnh đã thành lập bao nhiêu chi bộ quân sự xã, phường, thị trấn\?$/u);
    expect(q?.question).toBe("Cuối năm 2013 toàn tỉnh đã thành lập bao nhiêu chi bộ quân sự xã, phường, thị trấn?");
    expect(q && answerOf(q)).toBe("184");
    for (const o of q?.options ?? []) expect(o).toMatch(/^\d+$/);
  });

  it("asks fractions with wrong options over the same total", () => {
    const q = find(/^Có bao nhiêu xã \(trên tổng số\) có chi bộ cơ quan\?$/u);
    expect(q && answerOf(q)).toBe("68/152");
    for (const o of q?.options ?? []) expect(o).toMatch(/^\d+\/152$/);
  });

  it("asks years and dates", () => {
    expect(answerOf(find(/^Cuối năm nào toàn tỉnh/u) ?? ({ options: [], correct: 0 } as unknown as QuizQuestion))).toBe("2013");
    const date = find(/Hướng dẫn số 35-HD\/BTCTW .* được ban hành vào ngày nào\?$/u);
    expect(date && answerOf(date)).toBe("15-10-2009");
    for (const o of date?.options ?? []) expect(o).toMatch(/^\d{1,2}-\d{1,2}-\d{4}$/);
  });

  it("asks which document code a guidance has", () => {
    const q = find(/^Hướng dẫn của Ban Tổ chức Trung ương về tổ chức và hoạt động của chi bộ quân sự/u);
    expect(q && answerOf(q)).toBe("35-HD/BTCTW");
    for (const o of q?.options ?? []) expect(o).toMatch(/^\d+-HD\/BTCTW$/);
  });

  it("asks the numbered lessons, with the other lessons as wrong options", () => {
    const q = find(/bài học kinh nghiệm thứ ba là gì\?$/u);
    expect(q && answerOf(q)).toBe("Xây dựng TCCSĐ và hệ thống chính trị ở cơ sở vững mạnh");
    const lessons = questions.filter((x) => x.kind === "enumeration");
    expect(lessons).toHaveLength(6);
    const allAnswers = new Set(lessons.map(answerOf));
    for (const l of lessons) for (const o of l.options) expect(allAnswers.has(o)).toBe(true);
  });

  it("asks list membership with names from elsewhere in the corpus as wrong options", () => {
    const members = questions.filter((q) => q.kind === "listMember" && q.question.startsWith("Có 4 đảng bộ huyện, thị xã đã giải thể"));
    expect(members.map(answerOf).sort()).toEqual(["Buôn Hồ", "Buôn Đôn", "Ea Súp", "Krông Búk"].sort());
    for (const q of members) for (const o of q.options) if (o !== answerOf(q)) expect(["Buôn Hồ", "Buôn Đôn", "Ea Súp", "Krông Búk"]).not.toContain(o);
  });

  it("keeps wrong options on the right side of 'hơn' and 'dưới'", () => {
    const over = find(/giảm từ hơn bao nhiêu đảng viên/u);
    expect(over && answerOf(over)).toBe("100");
    for (const o of over?.options ?? []) expect(Number(o)).toBeGreaterThanOrEqual(100);
    const under = find(/dưới bao nhiêu phần trăm vốn điều lệ/u);
    expect(under && answerOf(under)).toBe("50%");
    for (const o of under?.options ?? []) expect(parseFloat(o)).toBeLessThanOrEqual(50);
  });
});

describe("generation rules on made-up passages", () => {
  it("skips captions and navigation lines even when they hold numbers", () => {
    const result = buildQuizBank([
      makePassage("Đại biểu bỏ phiếu tín nhiệm đối với 27 người giữ chức vụ do HĐND tỉnh bầu", { order: 0 }),
      makePassage("Xem nhiều nhất 11812", { order: 1 }),
      makePassage("Phản hồi", { order: 2 }),
    ]);
    expect(result.bank.questions).toEqual([]);
  });

  it("keeps the subject in the question, or skips a clause that left it in an earlier one", () => {
    const result = buildQuizBank([
      makePassage("Năm 2015, Ủy ban kiểm tra Huyện ủy Krông Bông đã thi hành kỷ luật 12 đảng viên bằng hình thức khiển trách; đã thi hành kỷ luật 3 đảng viên bằng hình thức cảnh cáo.", { order: 0 }),
      makePassage("Trong nhiệm kỳ, đã kết nạp 245 đảng viên mới ở các chi bộ thôn, buôn của huyện Ea Kar.", { order: 1 }),
    ]);
    const counts = result.bank.questions.filter((q) => q.kind === "count").map((q) => q.question);
    expect(counts).toContain("Năm 2015, Ủy ban kiểm tra Huyện ủy Krông Bông đã thi hành kỷ luật bao nhiêu đảng viên bằng hình thức khiển trách?");
    for (const q of counts) expect(q).not.toMatch(/^(?:Đã|Trong nhiệm kỳ, đã)\s/u);
  });

  it("counts number words as numbers and answers in words", () => {
    const result = buildQuizBank([
      makePassage("Người vào Đảng phải được ba đảng viên chính thức giới thiệu và phải qua lớp bồi dưỡng nhận thức về Đảng do cấp ủy tổ chức.", { order: 0 }),
      makePassage("Toàn huyện có 12 chi bộ thôn, buôn và 7 chi bộ trường học được kiện toàn trong năm qua theo hướng dẫn.", { order: 1 }),
    ]);
    const q = result.bank.questions.find((x) => x.kind === "numberWord");
    expect(q?.question).toBe("Người vào Đảng phải được bao nhiêu đảng viên chính thức giới thiệu?");
    expect(q && q.options[q.correct]).toBe("ba");
    for (const o of q?.options ?? []) expect(o).toMatch(/^[\p{Ll} ]+$/u);
  });

  it("drops and counts questions that would give their answer away", () => {
    const result = buildQuizBank([makePassage("Đến nay, 100% thôn, buôn, tổ dân phố có chi bộ và 100% thôn, buôn, tổ dân phố có đảng viên.")]);
    expect(result.dropped).toBeGreaterThanOrEqual(1);
    expect(result.rejected.map((r) => r.reason)).toContain("the question gives the answer away");
    expect(result.questions).toBe(result.bank.questions.length);
  });

  it("drops a question worded the same in two documents with different answers", () => {
    const result = buildQuizBank([
      makePassage("Sau một năm triển khai, hiện toàn tỉnh có 6 đảng bộ bộ phận trong các xã lớn.", { docId: "tinh-a" }),
      makePassage("Sau một năm triển khai, hiện toàn tỉnh có 9 đảng bộ bộ phận trong các xã lớn.", { docId: "tinh-b" }),
    ]);
    expect(result.bank.questions.filter((q) => q.question.includes("bao nhiêu đảng bộ bộ phận"))).toEqual([]);
    expect(result.rejected.some((r) => r.reason.includes("different answers"))).toBe(true);
  });

  it("keeps an over-long clause within Telegram's question limit or drops it", () => {
    const long = `Trong giai đoạn vừa qua, ${"cấp ủy các cấp đã tích cực lãnh đạo, chỉ đạo, kiểm tra, đôn đốc, ".repeat(8)}toàn tỉnh đã kết nạp 1.250 đảng viên mới.`;
    const result = buildQuizBank([makePassage(long)]);
    for (const q of result.bank.questions) expect(q.question.length).toBeLessThanOrEqual(TELEGRAM_QUIZ_LIMITS.questionChars);
    const q = result.bank.questions.find((x) => x.options[x.correct] === "1.250");
    expect(q?.question).toMatch(/toàn tỉnh đã kết nạp bao nhiêu đảng viên mới\?$/u);
    for (const o of q?.options ?? []) expect(o).toMatch(/^\d\.\d{3}$/);
  });
});
