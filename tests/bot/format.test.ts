import { describe, expect, it } from "vitest";
import {
  TELEGRAM_TEXT_LIMIT,
  escapeHtml,
  htmlToText,
  renderAbstention,
  renderAnswer,
  renderDocumentExcerpt,
  renderPassages,
  splitMessage,
  splitText,
  visibleLength,
  type QuotedPassage,
} from "../../src/bot/format.js";
import { indexBuiltAt, type AnswerResult, type Citation } from "../../src/qa/engine.js";
import { validateTelegramHtml } from "../../testing/telegramHtml.js";

const SENTENCE = "Chi bộ sinh hoạt thường kỳ mỗi tháng một lần theo quy định của Điều lệ Đảng. ";

function citation(passage: string, highlight: { start: number; end: number } | null, n = 1): Citation {
  return { passageId: `doc-${n}#${n}`, docId: `doc-${n}`, title: `Tài liệu số ${n}`, location: `Mục “Chi bộ”, đoạn ${n}`, passage, highlight };
}

function answer(citations: Citation[], text: string | null = "mỗi tháng một lần"): AnswerResult {
  return { question: "?", answer: text, abstained: text === null, citations, reason: text === null ? "not covered" : null, ms: 1 };
}

/** Asserts every part is HTML Telegram accepts and within its length limit; returns the visible texts. */
function expectValidParts(parts: string[], limit = TELEGRAM_TEXT_LIMIT): string[] {
  expect(parts.length).toBeGreaterThan(0);
  return parts.map((part) => {
    const parsed = validateTelegramHtml(part, { maxLength: limit });
    if (!parsed.ok) throw new Error(`invalid part: ${parsed.error}\n${part.slice(0, 300)}`);
    expect(parsed.text.trim()).not.toBe("");
    return parsed.text;
  });
}

describe("escaping and measuring", () => {
  it("escapes the three characters Telegram's HTML parser treats specially", () => {
    expect(escapeHtml(`<b>Điều 5</b> & "khoản" 2 </blockquote>`)).toBe(`&lt;b&gt;Điều 5&lt;/b&gt; &amp; "khoản" 2 &lt;/blockquote&gt;`);
  });

  it("counts length after entity parsing, as Telegram does", () => {
    const html = `<b>a&amp;b</b> &lt;i&gt;`;
    expect(htmlToText(html)).toBe("a&b <i>");
    expect(visibleLength(html)).toBe(7);
    const parsed = validateTelegramHtml(html);
    expect(parsed.ok && parsed.text.length).toBe(7);
  });
});

describe("splitText", () => {
  it("cuts at sentence ends and covers the text without gaps", () => {
    const text = SENTENCE.repeat(40);
    const spans = splitText(text, 500);
    expect(spans.length).toBeGreaterThan(1);
    expect(spans.map((s) => text.slice(s.start, s.end)).join("")).toBe(text);
    for (const s of spans) {
      expect(s.end - s.start).toBeLessThanOrEqual(500);
      if (s.end < text.length) expect(text.slice(s.start, s.end)).toMatch(/\.\s$/);
    }
  });

  it("cuts a text without spaces at the limit without splitting a surrogate pair", () => {
    const text = "😀".repeat(300);
    const spans = splitText(text, 101);
    for (const s of spans) {
      expect(s.end - s.start).toBeLessThanOrEqual(101);
      expect(text.slice(s.start, s.end)).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    }
  });
});

describe("renderAnswer", () => {
  it("puts the direct answer first, then the passage in a blockquote with the answer in bold", () => {
    const passage = `Mở đầu. ${SENTENCE}Kết thúc.`;
    const start = passage.indexOf("Chi bộ");
    const end = start + SENTENCE.trim().length;
    const [text] = expectValidParts(renderAnswer(answer([citation(passage, { start, end })])));
    const html = renderAnswer(answer([citation(passage, { start, end })]))[0] ?? "";
    expect(text?.startsWith("✅ Trả lời: mỗi tháng một lần")).toBe(true);
    expect(text).toContain("Tài liệu số 1");
    expect(text).toContain("Mục “Chi bộ”, đoạn 1");
    const parsed = validateTelegramHtml(html);
    if (!parsed.ok) throw new Error(parsed.error);
    const quote = parsed.entities.find((e) => e.type === "blockquote");
    expect(quote && parsed.text.slice(quote.offset, quote.offset + quote.length)).toBe(passage);
    const bold = parsed.entities.filter((e) => e.type === "bold").map((e) => parsed.text.slice(e.offset, e.offset + e.length));
    expect(bold).toContain(SENTENCE.trim());
  });

  it("escapes HTML-looking document text and answers", () => {
    const passage = `Văn bản có <b>thẻ</b>, dấu & và </blockquote> giữa chừng.`;
    const parts = renderAnswer(answer([citation(passage, { start: 14, end: 30 })], "<i>x</i> & </blockquote>"));
    const [text] = expectValidParts(parts);
    expect(text).toContain("<i>x</i> & </blockquote>");
    expect(text).toContain(passage);
  });

  it("splits a long answer on passage boundaries into valid parts under 4,096 characters", () => {
    const citations = [1, 2, 3, 4, 5, 6].map((n) => citation(SENTENCE.repeat(18), { start: 0, end: SENTENCE.length - 1 }, n));
    const total = citations.reduce((sum, c) => sum + c.passage.length, 0);
    expect(total).toBeGreaterThan(TELEGRAM_TEXT_LIMIT * 1.5);
    const parts = renderAnswer(answer(citations), { citationsShown: 6 });
    const texts = expectValidParts(parts);
    expect(parts.length).toBeGreaterThan(1);
    // Every passage is quoted whole in exactly one part: cuts fall between passages.
    for (const n of [1, 2, 3, 4, 5, 6]) {
      const holding = parts.filter((p) => p.includes(`Tài liệu số ${n}<`));
      expect(holding).toHaveLength(1);
      expect(htmlToText(holding[0] ?? "")).toContain(SENTENCE.repeat(18));
    }
    expect(texts.join("\n\n")).toContain("✅ Trả lời: mỗi tháng một lần");
  });

  it("splits a single passage longer than a message into several blockquotes, each part valid", () => {
    const passage = SENTENCE.repeat(150); // ~11,000 characters
    const highlightStart = SENTENCE.length * 60;
    const parts = renderAnswer(answer([citation(passage, { start: highlightStart, end: highlightStart + SENTENCE.length * 2 })]));
    const texts = expectValidParts(parts);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const part of parts.slice(1)) expect(part).toContain("<blockquote>");
    // Nothing of the passage is lost across the parts.
    const quoted = parts
      .flatMap((p) => [...p.matchAll(/<blockquote>([\s\S]*?)<\/blockquote>/g)].map((m) => htmlToText(m[1] ?? "")))
      .join("");
    expect(quoted).toBe(passage);
    expect(texts.some((t) => t.includes("(tiếp theo)"))).toBe(true);
  });

  it("honours a smaller limit for every part", () => {
    const citations = [1, 2, 3].map((n) => citation(SENTENCE.repeat(5), null, n));
    const parts = renderAnswer(answer(citations), { citationsShown: 3, limit: 300 });
    expectValidParts(parts, 300);
  });
});

describe("renderAbstention", () => {
  it("says the documents do not cover the question and lists the closest titles, never a passage", () => {
    const result = answer([citation("Đoạn gần nhất một.", null, 1), citation("Đoạn gần nhất hai.", null, 2)], null);
    const [text] = expectValidParts(renderAbstention(result));
    expect(text).toContain("Tài liệu hiện có không đề cập đến nội dung này");
    expect(text).toContain("Tài liệu số 1");
    expect(text).toContain("Tài liệu số 2");
    expect(text).not.toContain("Đoạn gần nhất một.");
    expect(renderAnswer(result)).toEqual(renderAbstention(result));
  });

  it("says it is not sure, and how to ask more precisely, when the verifier withheld the answer", () => {
    const result = { ...answer([citation("Đoạn gần nhất một.", { start: 0, end: 5 }, 1)], null), uncertain: true as const };
    const [text] = expectValidParts(renderAbstention(result));
    expect(text).toContain("Tôi chưa chắc chắn về câu trả lời");
    expect(text).not.toContain("không đề cập");
    expect(text).toContain("Tài liệu số 1");
    expect(text).not.toContain("Đoạn gần nhất một.");
    expect(text).toContain("hỏi cụ thể hơn");
  });
});

describe("renderPassages and renderDocumentExcerpt", () => {
  const passages: QuotedPassage[] = [1, 2, 3, 4, 5].map((n) => ({
    title: `Tài liệu <${n}>`,
    location: `đoạn ${n}`,
    passage: SENTENCE.repeat(14),
    highlight: n === 3 ? { start: 0, end: 20 } : null,
  }));

  it("quotes every passage whole, across as many valid messages as needed", () => {
    const parts = renderPassages("🔎 <b>Các nguồn khác</b>:", passages);
    const texts = expectValidParts(parts);
    expect(parts.length).toBeGreaterThan(1);
    expect(texts.join("")).toContain("Tài liệu <5>");
  });

  it("names the document once and each passage by its location", () => {
    const parts = renderDocumentExcerpt("Điều lệ & Quy định", passages.slice(0, 2));
    const [text] = expectValidParts(parts);
    expect(text).toContain("Nguyên văn: Điều lệ & Quy định");
    expect(text).toContain("đoạn 1");
    expect(text).toContain("đoạn 2");
  });
});

describe("splitMessage", () => {
  it("packs blocks greedily and never exceeds the limit", () => {
    const blocks = Array.from({ length: 30 }, (_, i) => `<b>${i}</b> ${"x".repeat(290)}`);
    const parts = splitMessage(blocks, 1000);
    expectValidParts(parts, 1000);
    expect(parts.length).toBe(10);
    expect(parts.map(htmlToText).join("\n\n")).toBe(blocks.map(htmlToText).join("\n\n"));
  });

  it("falls back to escaped plain text for a block longer than the limit on its own", () => {
    const parts = splitMessage([`<blockquote>${escapeHtml("<&> ".repeat(600))}</blockquote>`], 500);
    expectValidParts(parts, 500);
    expect(parts.map(htmlToText).join("")).toBe("<&> ".repeat(600));
  });

  it("drops empty blocks", () => {
    expect(splitMessage(["", "<b></b>", "ok"])).toEqual(["ok"]);
  });
});

describe("the index's build time", () => {
  it("is written in Vietnam time with a two-digit day and month and the full year, whatever the date", () => {
    expect(indexBuiltAt({ builtAt: "2026-11-30T18:01:00Z" })).toBe("01:01 01/12/2026");
    expect(indexBuiltAt({ builtAt: "2026-01-04T20:05:00Z" })).toBe("03:05 05/01/2026");
    // (A stored text that is no date is shown as it is.)
    expect(indexBuiltAt({ builtAt: "chưa rõ" })).toBe("chưa rõ");
  });
});
