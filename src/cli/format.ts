/** Plain-text rendering of answers for the terminal. */
import type { AnswerResult } from "../qa/engine.js";

/** The answer, then each cited passage with the answering sentence marked »like this«. */
export function formatAnswerText(result: AnswerResult): string {
  const lines: string[] = [];
  if (result.abstained) {
    lines.push("Không tìm thấy câu trả lời trong tài liệu. (Not found in the documents.)");
    if (result.citations.length > 0) lines.push("", "Các đoạn gần nhất:");
  } else {
    lines.push(`Trả lời: ${result.answer ?? ""}`, "", "Nguồn:");
  }
  result.citations.forEach((c, i) => {
    const text = c.highlight ? `${c.passage.slice(0, c.highlight.start)}»${c.passage.slice(c.highlight.start, c.highlight.end)}«${c.passage.slice(c.highlight.end)}` : c.passage;
    lines.push(`[${i + 1}] ${c.title} — ${c.location}`, `    “${text.length > 700 ? `${text.slice(0, 700)}…` : text}”`);
  });
  lines.push("", `(${result.ms} ms)`);
  return lines.join("\n");
}
