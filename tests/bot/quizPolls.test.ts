/** The quiz feature's pure parts: `/quiz` arguments, poll question and explanation, names, results. */
import { describe, expect, it } from "vitest";
import { displayName, parseQuizArgs, pollExplanation, pollQuestion } from "../../src/bot/quizPolls.js";
import { renderLeaderboard, renderQuizResults } from "../../src/bot/texts.js";
import type { ScoreRow, SessionResults } from "../../src/storage/quizStore.js";
import type { QuizQuestion } from "../../src/quiz/types.js";
import { validateTelegramHtml } from "../../testing/telegramHtml.js";

const PASSAGE =
  "Qua 5 năm thực hiện Nghị quyết, toàn tỉnh đã sắp xếp lại các tổ chức cơ sở đảng. Cụ thể: 68/152 xã có chi bộ cơ quan với 918 đảng viên; 12/20 phường có chi bộ cơ quan với 262 đảng viên; 8/12 thị trấn có chi bộ cơ quan với 177 đảng viên. Các chi bộ hoạt động nền nếp.";

function question(overrides: Partial<QuizQuestion> = {}, source: Partial<QuizQuestion["source"]> = {}): QuizQuestion {
  const start = PASSAGE.indexOf("Cụ thể");
  const end = PASSAGE.indexOf("Các chi bộ");
  return {
    id: "q1",
    kind: "count",
    question: "8/12 thị trấn có chi bộ cơ quan với bao nhiêu đảng viên?",
    options: ["177", "154", "203", "188"],
    correct: 0,
    explanation: "",
    source: {
      passageId: "p1",
      docId: "d1",
      title: "Kết quả và kinh nghiệm thực hiện Nghị quyết số 22 ở Đăk Lăk",
      location: "Mục “Những chuyển biến rõ rệt”, đoạn 1",
      passage: PASSAGE,
      highlight: { start, end },
      ...source,
    },
    ...overrides,
  };
}

describe("parseQuizArgs", () => {
  it("reads an optional leading count, then an optional topic", () => {
    expect(parseQuizArgs("")).toEqual({ ok: true, count: 5, asked: 5, topic: undefined });
    expect(parseQuizArgs("10")).toEqual({ ok: true, count: 10, asked: 10, topic: undefined });
    expect(parseQuizArgs("  7   chi   bộ ")).toEqual({ ok: true, count: 7, asked: 7, topic: "chi bộ" });
    expect(parseQuizArgs("chi bộ quân sự")).toEqual({ ok: true, count: 5, asked: 5, topic: "chi bộ quân sự" });
  });

  it("keeps a number after the topic in the topic", () => {
    expect(parseQuizArgs("nghị quyết 22")).toEqual({ ok: true, count: 5, asked: 5, topic: "nghị quyết 22" });
  });

  it("lowers a count over 20 to 20 and remembers what was asked", () => {
    expect(parseQuizArgs("999")).toEqual({ ok: true, count: 20, asked: 999, topic: undefined });
    expect(parseQuizArgs("99999999999999999999999")).toMatchObject({ ok: true, count: 20 });
  });

  it("refuses zero, negative, fractional and dotted counts", () => {
    for (const given of ["0", "-3", "2.5", "2,5", "1.000", "+0"]) expect(parseQuizArgs(`${given} chi bộ`)).toEqual({ ok: false, problem: "count", given });
  });

  it("refuses a topic without a letter or digit (it would match everything) and an over-long one", () => {
    expect(parseQuizArgs("???")).toEqual({ ok: false, problem: "topic" });
    expect(parseQuizArgs(`3 ${"chi bộ ".repeat(20)}`)).toEqual({ ok: false, problem: "topic" });
  });
});

describe("pollQuestion", () => {
  it("numbers the question when it fits in 300 characters, and leaves it bare otherwise", () => {
    expect(pollQuestion(question(), 2, 5)).toBe("Câu 2/5: 8/12 thị trấn có chi bộ cơ quan với bao nhiêu đảng viên?");
    const long = question({ question: `${"Trong nhiệm kỳ qua, ".repeat(14)}có bao nhiêu chi bộ?` });
    expect(long.question.length).toBe(300);
    expect(pollQuestion(long, 2, 5)).toBe(long.question);
  });
});

describe("pollExplanation", () => {
  it("quotes the words around the answer, then the title and location, within 200 characters", () => {
    const text = pollExplanation(question());
    expect(text.length).toBeLessThanOrEqual(200);
    expect(text).toMatch(/^“.*8\/12 thị trấn có chi bộ cơ quan với 177 đảng viên.*”\nNguồn: Kết quả và kinh nghiệm thực hiện Nghị quyết số 22 ở Đăk Lăk — Mục “Những chuyển biến rõ rệt”, đoạn 1$/);
  });

  it("finds the answer written with other case or without diacritics", () => {
    const q = question({ options: ["Chi bộ cơ quan", "Đảng bộ bộ phận", "Tổ đảng"], correct: 0 });
    expect(pollExplanation(q)).toContain("chi bộ cơ quan");
  });

  it("clips a long title and location and still cites both", () => {
    const text = pollExplanation(question({}, { title: "Báo cáo ".repeat(40), location: "Mục “Một mục có tên rất dài”, ".repeat(5) }));
    expect(text.length).toBeLessThanOrEqual(200);
    expect(text).toContain("Nguồn: Báo cáo");
    expect(text).toContain("— Mục “Một mục");
  });

  it("gives the source alone when there is no room for a quote", () => {
    expect(pollExplanation(question(), 110)).toBe("Nguồn: Kết quả và kinh nghiệm thực hiện Nghị quyết số 22 ở Đăk Lăk — Mục “Những chuyển biến rõ rệt”, đoạn 1");
  });
});

describe("displayName", () => {
  it("uses the full name, else the username, else the id", () => {
    expect(displayName({ id: 1, first_name: "Lan", last_name: "Trần" })).toBe("Lan Trần");
    expect(displayName({ id: 1, first_name: " ", username: "lan" })).toBe("@lan");
    expect(displayName({ id: 7, first_name: "" })).toBe("#7");
  });
});

function results(scores: ScoreRow[], polls = 4): SessionResults {
  return { session: { id: 1, chatId: -1, startedBy: 1, createdAt: "", state: "stopped", stoppedAt: null, questionIds: [] }, polls, scores };
}

const row = (name: string, correct: number, answered: number, userId = correct * 100 + answered): ScoreRow => ({ userId, name, correct, answered });

function visible(html: string): string {
  const parsed = validateTelegramHtml(html);
  if (!parsed.ok) throw new Error(`invalid Telegram HTML (${parsed.error}): ${html}`);
  return parsed.text;
}

describe("renderQuizResults", () => {
  it("ranks players, equal scores sharing a rank, with names escaped", () => {
    const text = visible(renderQuizResults(results([row("<Lan>", 4, 4), row("Minh & Hoa", 3, 4), row("Hùng", 3, 4), row("Tú", 1, 2)]), "complete"));
    expect(text).toBe(
      "🏁 Kết quả quiz (4 câu): mọi người đã trả lời xong.\n🥇 <Lan>: 4 đúng / 4 đã trả lời\n🥈 Minh & Hoa: 3 đúng / 4 đã trả lời\n🥈 Hùng: 3 đúng / 4 đã trả lời\n4. Tú: 1 đúng / 2 đã trả lời\n\nGõ /bangxephang để xem bảng xếp hạng.",
    );
  });

  it("says when nobody answered, and tells a running quiz from a finished one", () => {
    expect(visible(renderQuizResults(results([]), "timeout"))).toContain("Hết giờ!");
    expect(visible(renderQuizResults(results([]), "timeout"))).toContain("Chưa có ai trả lời.");
    expect(visible(renderQuizResults(results([row("Lan", 1, 1)]), "running"))).toMatch(/^📊 Kết quả tạm thời[\s\S]*vẫn đang được tính\.$/);
  });

  it("lists at most 30 players and counts the rest, clipping long names", () => {
    const many = Array.from({ length: 45 }, (_, i) => row(`Người chơi số ${i} ${"rất dài ".repeat(10)}`, 45 - i, 45, i));
    const text = visible(renderQuizResults(results(many), "stopped"));
    expect(text.split("\n").filter((l) => l.includes("đúng /"))).toHaveLength(30);
    expect(text).toContain("… và 15 người khác.");
    expect(text.length).toBeLessThan(4096);
  });
});

describe("renderLeaderboard", () => {
  it("shows the top players, or how to start when there is none", () => {
    expect(visible(renderLeaderboard([row("Lan", 8, 10), row("Minh", 5, 5)]))).toBe("🏆 Bảng xếp hạng quiz\n🥇 Lan: 8 câu đúng / 10 câu đã trả lời\n🥈 Minh: 5 câu đúng / 5 câu đã trả lời");
    expect(visible(renderLeaderboard([]))).toContain("Gõ /quiz để bắt đầu");
  });
});
