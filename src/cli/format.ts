/**
 * Plain-text rendering for the terminal: the `ask` CLI's full answer ({@link formatAnswerText}) and the
 * terminal chat's short one ({@link formatChatAnswer}), which reads like the bot's reply: the answer, one
 * quote trimmed around the answering sentence, the source, and a hint for the other passages.
 * Colour is a {@link Style}: the chat uses ANSI colours on a TTY and {@link PLAIN} everywhere else.
 */
import type { SmallTalkKind } from "../text/smallTalk.js";
import { indexBuiltAt, type AnswerResult, type Citation, type IndexInfo } from "../qa/engine.js";
import { quoteAround } from "../quiz/phrasing.js";

/** The answer, then each cited passage with the answering sentence marked »like this«. */
export function formatAnswerText(result: AnswerResult): string {
  const lines: string[] = [];
  if (result.abstained) {
    lines.push(result.uncertain ? "Chưa chắc chắn: không đoạn nào trả lời rõ hơn hẳn các đoạn khác. (Not sure: no passage answers clearly better than another.)" : "Không tìm thấy câu trả lời trong tài liệu. (Not found in the documents.)");
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

/** How text is emphasised: ANSI escapes on a colour terminal, nothing elsewhere. */
export interface Style {
  answer(text: string): string;
  highlight(text: string): string;
  muted(text: string): string;
  heading(text: string): string;
  good(text: string): string;
  bad(text: string): string;
}

const identity = (text: string): string => text;

/** No emphasis: for pipes, files and NO_COLOR. */
export const PLAIN: Style = { answer: identity, highlight: identity, muted: identity, heading: identity, good: identity, bad: identity };

const ansi =
  (open: string) =>
  (text: string): string =>
    `\u001b[${open}m${text}\u001b[0m`;

/** ANSI colours (bold answer, yellow highlight, dim source), for a TTY. */
export const COLOURS: Style = { answer: ansi("1;32"), highlight: ansi("1;33"), muted: ansi("2"), heading: ansi("1"), good: ansi("32"), bad: ansi("31") };

/** The command that shows the passages an answer did not quote. */
export const MORE_SOURCES_COMMAND = "/nguonkhac";

/** Limits of the short answer, in characters on screen. */
export const CHAT_LIMITS = {
  /** The whole reply to a question (answer, quote, source, hint), as the README promises a short snippet. */
  replyChars: 600,
  /** The quote under an answer: the answering sentence with a little context, like the README's snippet. */
  quoteChars: 260,
  /** A quote never shrinks below this, however long the answer and the title. */
  minQuoteChars: 120,
  /** Longest title shown in a source line. */
  titleChars: 120,
  /** A passage quoted by /nguonkhac. */
  moreQuoteChars: 320,
} as const;

function clip(text: string, maxChars: number): string {
  return text.length <= maxChars ? text : `${text.slice(0, maxChars - 1).trimEnd()}…`;
}

/** The source line of a passage: "Nguồn: Title — Mục …, đoạn 1". */
export function sourceLine(c: Pick<Citation, "title" | "location">): string {
  return `Nguồn: ${clip(c.title, CHAT_LIMITS.titleChars)} — ${c.location}`;
}

/**
 * A passage quoted in at most `maxChars` (quotation marks included), trimmed around its highlight (or from
 * its start), with the highlighted words styled.
 */
export function trimmedQuote(c: Pick<Citation, "passage" | "highlight">, maxChars: number, style: Style = PLAIN): string {
  // In a passage of lines (a document's header, a list), the line that answers is the quote.
  if (c.highlight && c.passage.includes("\n")) {
    const from = c.passage.lastIndexOf("\n", Math.max(0, c.highlight.start - 1)) + 1;
    const next = c.passage.indexOf("\n", c.highlight.start);
    const to = next < 0 ? c.passage.length : next;
    if (c.highlight.end <= to) return trimmedQuote({ passage: c.passage.slice(from, to), highlight: { start: c.highlight.start - from, end: c.highlight.end - from } }, maxChars, style);
  }
  const text = c.passage.replace(/\s+/g, " ").trim();
  const raw = c.highlight ? c.passage.slice(c.highlight.start, c.highlight.end).replace(/\s+/g, " ").trim() : "";
  const at = raw === "" ? -1 : text.indexOf(raw);
  const quote = at >= 0 ? quoteAround(text, at, at + raw.length, maxChars - 2) : quoteAround(text, 0, 0, maxChars - 2);
  if (at < 0 || style === PLAIN) return `“${quote}”`;
  const inQuote = quote.indexOf(raw);
  return inQuote < 0 ? `“${quote}”` : `“${quote.slice(0, inQuote)}${style.highlight(raw)}${quote.slice(inQuote + raw.length)}”`;
}

/** "(+2 nguồn khác: /nguonkhac)", or nothing when there is no other passage. */
function moreHint(count: number, noun: string): string[] {
  return count > 0 ? [`(+${count} ${noun}: ${MORE_SOURCES_COMMAND})`] : [];
}

/**
 * The chat's reply to a question, like the bot's: the answer, one quote trimmed around the answering
 * sentence, the source line, and "(+2 nguồn khác: /nguonkhac)" when more passages were cited. An
 * abstention says so and names the closest passages. At most {@link CHAT_LIMITS}.replyChars on screen.
 */
export function formatChatAnswer(result: AnswerResult, style: Style = PLAIN): string {
  const [first, ...others] = result.citations;
  if (result.abstained || result.answer === null || !first) {
    const lines = result.uncertain
      ? [style.heading("Tôi chưa chắc chắn về câu trả lời."), "Tài liệu có những đoạn gần với câu hỏi, nhưng không đoạn nào trả lời rõ hơn hẳn; hãy hỏi cụ thể hơn (tên văn bản, đơn vị, năm)."]
      : [style.heading("Tài liệu hiện có không đề cập đến nội dung này."), "Tôi chỉ trả lời bằng những gì có trong tài liệu, nên không đoán."];
    const closest = [...new Set(result.citations.slice(0, 3).map((c) => `• ${clip(c.title, CHAT_LIMITS.titleChars)} — ${c.location}`))];
    if (closest.length > 0) lines.push("Các đoạn gần nhất (có thể liên quan):", ...closest.map((l) => style.muted(l)), style.muted(`(xem nguyên văn: ${MORE_SOURCES_COMMAND})`));
    return lines.join("\n");
  }
  const answer = `Trả lời: ${result.answer}`;
  const source = sourceLine(first);
  const hint = moreHint(others.length, "nguồn khác");
  const used = answer.length + source.length + (hint[0]?.length ?? 0) + 4;
  const quote = trimmedQuote(first, Math.max(CHAT_LIMITS.minQuoteChars, Math.min(CHAT_LIMITS.quoteChars, CHAT_LIMITS.replyChars - used)), style);
  return [style.answer(answer), quote, style.muted(source), ...hint.map((h) => style.muted(h))].join("\n");
}

/** The passages an answer did not quote (the closest ones for an abstention), each with its source. */
export function formatMoreSources(result: AnswerResult | null, style: Style = PLAIN): string {
  if (!result) return "Chưa có câu hỏi nào. Hãy hỏi trước, rồi gõ /nguonkhac để xem các nguồn khác.";
  const others = result.abstained ? result.citations : result.citations.slice(1);
  if (others.length === 0) return "Không có nguồn nào khác cho câu hỏi vừa rồi.";
  const heading = result.abstained ? "Các đoạn gần nhất (không trả lời trực tiếp câu hỏi):" : "Các nguồn khác liên quan:";
  const blocks = others.map((c, i) => `[${i + 1}] ${trimmedQuote(c, CHAT_LIMITS.moreQuoteChars, style)}\n    ${style.muted(sourceLine(c))}`);
  return [style.heading(heading), ...blocks].join("\n");
}

/** The /nguon reply: every indexed document with its passage count and file, and when the index was built. */
export function formatSources(info: IndexInfo, style: Style = PLAIN): string {
  const built = indexBuiltAt(info);
  const head = style.heading(`Tài liệu đã nạp: ${info.documents.length} tài liệu, ${info.passages} đoạn (chỉ mục lập lúc ${built}, giờ Việt Nam).`);
  const lines = info.documents.map((d, i) => `${i + 1}. ${d.title} — ${d.passages} đoạn\n   ${style.muted(d.path)}`);
  return [head, ...lines].join("\n");
}

/** The /help reply: how to ask, sample questions, the commands. */
export function formatHelp(samples: readonly string[], style: Style = PLAIN): string {
  return [
    style.heading("Trợ lý Tổ chức — trả lời chỉ từ các tài liệu đã nạp, luôn kèm đoạn trích và nguồn."),
    "Gõ câu hỏi rồi Enter, có dấu hay không dấu đều được. Ví dụ:",
    ...samples.map((q) => `  • ${q}`),
    "",
    style.heading("Lệnh"),
    `  /nguon              danh sách tài liệu đã nạp`,
    `  ${MORE_SOURCES_COMMAND.padEnd(19)} các nguồn khác của câu trả lời vừa rồi`,
    "  /quiz [N] [chủ đề]  trắc nghiệm N câu (mặc định 5), ví dụ /quiz 3 chi bộ",
    "  /help               hướng dẫn này",
    "  /thoat              thoát (hoặc Ctrl-D)",
  ].join("\n");
}

/** The reply to a greeting, a thank-you or a goodbye: a greeting back and sample questions. */
export function formatSmallTalk(kind: SmallTalkKind, samples: readonly string[], style: Style = PLAIN): string {
  const opening = {
    greeting: "Xin chào! Tôi là Trợ lý Tổ chức.",
    thanks: "Không có gì! Rất vui được giúp bạn.",
    goodbye: "Tạm biệt! Gõ /thoat hoặc Ctrl-D để đóng.",
    personal: "Tôi là Trợ lý Tổ chức: tôi chỉ trả lời từ các tài liệu đã được nạp.",
  }[kind];
  return [style.heading(opening), "Bạn có thể hỏi về nội dung các tài liệu đã nạp, ví dụ:", ...samples.map((q) => `  • ${q}`), style.muted("Gõ /help để xem các lệnh.")].join("\n");
}
