/** The terminal chat's conversation (pure: a fake engine), and the short answer it prints. */
import { describe, expect, it } from "vitest";
import { COLOURS, PLAIN, formatAnswerText, formatChatAnswer, trimmedQuote } from "../../src/cli/format.js";
import { ChatSession, type ChatDeps } from "../../src/cli/session.js";
import type { AnswerResult, Citation } from "../../src/qa/engine.js";
import { QUIZ_BANK_VERSION, type QuizQuestion } from "../../src/quiz/types.js";

const PASSAGE = `${"Mở đầu đoạn văn rất dài về công tác xây dựng Đảng ở cơ sở. ".repeat(6)}Cụ thể: 68/152 xã có chi bộ cơ quan với 918 đảng viên; 12/20 phường có chi bộ cơ quan. ${"Phần sau của đoạn cũng dài. ".repeat(10)}`;
const START = PASSAGE.indexOf("68/152");

function citation(n: number, highlight = true): Citation {
  return { passageId: `doc#${n}`, docId: "doc", title: "Báo cáo thử", location: `Mục “Kết quả”, đoạn ${n}`, passage: PASSAGE, highlight: highlight ? { start: START, end: START + 45 } : null };
}

function answer(citations: Citation[], text: string | null = "68/152 xã có chi bộ cơ quan với 918 đảng viên"): AnswerResult {
  return { question: "q", answer: text, abstained: text === null, citations, reason: null, ms: 1 };
}

function quizQuestion(i: number): QuizQuestion {
  return {
    id: `q${i}`,
    kind: "count",
    question: `Câu hỏi số ${i} có bao nhiêu chi bộ?`,
    options: ["10", "20", "30"],
    correct: 1,
    explanation: "“Xã có 20 chi bộ.”",
    source: { passageId: "doc#1", docId: "doc", title: "Báo cáo thử", location: "Mục “Kết quả”, đoạn 1", passage: "Xã có 20 chi bộ.", highlight: { start: 0, end: 16 } },
  };
}

function session(): { chat: ChatSession; asked: string[] } {
  const asked: string[] = [];
  const deps: ChatDeps = {
    ask: async (q) => {
      asked.push(q);
      return answer([citation(1), citation(2), citation(3)]);
    },
    info: () => ({ generation: "gen-1", builtAt: "2026-01-02T03:04:05Z", documents: [{ docId: "doc", title: "Báo cáo thử", path: "bao-cao.txt", passages: 7 }], passages: 7 }),
    quizBank: () => ({ version: QUIZ_BANK_VERSION, questions: [quizQuestion(1), quizQuestion(2), quizQuestion(3)] }),
    samples: ["Câu hỏi mẫu?"],
    quizSeed: () => 1,
  };
  return { chat: new ChatSession(deps), asked };
}

describe("formatChatAnswer", () => {
  it("prints the answer, one quote trimmed around the highlight, the source and the count of other passages", () => {
    const text = formatChatAnswer(answer([citation(1), citation(2), citation(3)]));
    const lines = text.split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^“….*68\/152 xã có chi bộ cơ quan với 918 đảng viên.*…”$/u);
    expect(lines[2]).toBe("Nguồn: Báo cáo thử — Mục “Kết quả”, đoạn 1");
    expect(lines[3]).toBe("(+2 nguồn khác: /nguonkhac)");
    expect(text.length).toBeLessThanOrEqual(600);
  });

  it("says nothing about other sources when there are none, and colours only with a colour style", () => {
    expect(formatChatAnswer(answer([citation(1)]))).not.toContain("/nguonkhac");
    expect(formatChatAnswer(answer([citation(1)]))).not.toContain("\u001b[");
    expect(formatChatAnswer(answer([citation(1)]), COLOURS)).toContain("\u001b[1;33m68/152 xã có chi bộ cơ quan với 918 đảng viên\u001b[0m");
  });

  it("quotes the start of a passage without a highlight", () => {
    expect(trimmedQuote(citation(1, false), 100, PLAIN)).toMatch(/^“Mở đầu đoạn văn.*…”$/u);
    expect(trimmedQuote(citation(1, false), 100, PLAIN).length).toBeLessThanOrEqual(100);
  });

  it("names the closest passages of an abstention without quoting them", () => {
    const text = formatChatAnswer(answer([citation(4), citation(5)], null));
    expect(text).toContain("Tài liệu hiện có không đề cập đến nội dung này.");
    expect(text).toContain("• Báo cáo thử — Mục “Kết quả”, đoạn 4");
    expect(text).not.toContain("68/152");
  });

  it("says it is not sure, rather than that the documents are silent, when the verifier withheld the answer", () => {
    const text = formatChatAnswer({ ...answer([citation(4), citation(5)], null), uncertain: true });
    expect(text).toContain("Tôi chưa chắc chắn về câu trả lời.");
    expect(text).not.toContain("không đề cập");
    expect(text).toContain("• Báo cáo thử — Mục “Kết quả”, đoạn 4");
    expect(text).not.toContain("68/152");
    expect(formatAnswerText({ ...answer([citation(4)], null), uncertain: true })).toMatch(/^Chưa chắc chắn/u);
  });
});

describe("ChatSession", () => {
  it("answers small talk with a greeting and sample questions, without asking the engine", async () => {
    const { chat, asked } = session();
    for (const line of ["chào bạn", "Xin chào!", "hello", "cảm ơn"]) {
      const reply = await chat.handle(line);
      expect(reply.text, line).toContain("Câu hỏi mẫu?");
    }
    expect((await chat.handle("chào bạn")).text).toContain("Xin chào!");
    expect(asked).toEqual([]);
  });

  it("shows the other sources of the last answer on /nguonkhac, and says when there was no question yet", async () => {
    const { chat } = session();
    expect((await chat.handle("/nguonkhac")).text).toContain("Chưa có câu hỏi nào");
    await chat.handle("Có bao nhiêu xã có chi bộ cơ quan?");
    const more = (await chat.handle("/nguonkhac")).text;
    expect(more).toContain("[1] “");
    expect(more).toContain("Mục “Kết quả”, đoạn 2");
    expect(more).toContain("Mục “Kết quả”, đoạn 3");
    expect(more).not.toContain("đoạn 1\n");
  });

  it("lists documents on /nguon, and refuses an unknown command instead of asking it", async () => {
    const { chat, asked } = session();
    expect((await chat.handle("/nguon")).text).toContain("1. Báo cáo thử — 7 đoạn\n   bao-cao.txt");
    expect((await chat.handle("/xyz")).text).toBe("Không có lệnh /xyz. Gõ /help để xem các lệnh.");
    expect(asked).toEqual([]);
  });

  it("runs a quiz: asks each question, checks the letter typed, explains with the source once, and gives the score", async () => {
    const { chat, asked } = session();
    const start = (await chat.handle("/quiz 2")).text;
    expect(start).toContain("Quiz: 2 câu");
    expect(start).toMatch(/Câu 1\/2: Câu hỏi số \d có bao nhiêu chi bộ\?\n {2}A\. 10\n {2}B\. 20\n {2}C\. 30/);
    expect(chat.prompt).toBe("Đáp án (A–C): ");
    expect((await chat.handle("z")).text).toContain("Hãy gõ một chữ từ A đến C");
    const first = (await chat.handle("b")).text;
    expect(first).toContain("✅ Đúng!");
    expect(first.match(/Mục “Kết quả”, đoạn 1/g)).toHaveLength(1);
    expect(first).toContain("Câu 2/2");
    const second = (await chat.handle("A")).text;
    expect(second).toContain("❌ Chưa đúng. Đáp án: B. 20");
    expect(second).toContain("Kết quả quiz: 1/2 câu đúng.");
    expect(chat.prompt).toBe("❓ ");
    expect(asked).toEqual([]);
  });

  it("stops a quiz on /dung and leaves on /thoat", async () => {
    const { chat } = session();
    await chat.handle("/quiz");
    expect((await chat.handle("/dung")).text).toContain("Kết quả quiz: 0/0 câu đúng (dừng sau 0/3 câu).");
    expect(await chat.handle("/thoat")).toEqual({ text: "Tạm biệt!", done: true });
  });
});
