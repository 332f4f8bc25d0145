/**
 * Telegram HTML rendering of answers and passages, and splitting into messages. Pure: no grammY, no
 * I/O, so tests call it directly.
 *
 * Telegram refuses a message whose text is longer than 4,096 UTF-16 code units *after entity parsing*
 * (tags removed, `&lt;` counted as one character): https://core.telegram.org/bots/api#sendmessage.
 * Everything here is built from self-contained blocks (a block never leaves a tag open), so a long
 * reply can be cut between blocks and every part is valid HTML on its own.
 */
import type { AnswerResult, Citation } from "../qa/engine.js";

/** Telegram's limit for a text message, in UTF-16 code units after entity parsing. */
export const TELEGRAM_TEXT_LIMIT = 4096;

const BLOCK_SEPARATOR = "\n\n";
/** Titles are clipped so a header can never crowd out the passage it introduces. */
const MAX_TITLE_CHARS = 200;
/** Closest passages named in an abstention (all of them are behind its button). */
const MAX_CLOSEST_LISTED = 3;

/** A passage to quote: the document's text, where it stands, and the span to highlight. */
export interface QuotedPassage {
  title: string;
  location: string;
  /** The document's own text. */
  passage: string;
  /** Offsets within `passage` of the answering sentence, or null. */
  highlight: { start: number; end: number } | null;
}

/** Escapes text for Telegram HTML: `&`, `<` and `>` are the only characters its parser treats specially. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

/** The text Telegram shows for HTML built here: tags dropped, character references decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&(?:([a-z]+)|#(\d{1,7})|#x([0-9a-f]{1,6}));/gi, (whole, name?: string, dec?: string, hex?: string) => {
      if (name !== undefined) return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
      return String.fromCodePoint(dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? "0", 16));
    });
}

/** Length of HTML as Telegram counts it against {@link TELEGRAM_TEXT_LIMIT}. */
export function visibleLength(html: string): number {
  return htmlToText(html).length;
}

/**
 * Cuts `text` into spans of at most `maxChars`, preferring sentence ends, then line breaks, then
 * spaces, so a quoted passage reads naturally across messages. Spans cover the text without gaps.
 */
export function splitText(text: string, maxChars: number): Array<{ start: number; end: number }> {
  if (maxChars < 1) throw new RangeError(`splitText: maxChars must be positive, got ${maxChars}`);
  const spans: Array<{ start: number; end: number }> = [];
  let start = 0;
  while (text.length - start > maxChars) {
    const window = text.slice(start, start + maxChars);
    let cut = 0;
    for (const pattern of [/[.!?…;:]["”»)]?\s+/g, /\n+/g, /\s+/g]) {
      let last = 0;
      for (const m of window.matchAll(pattern)) last = m.index + m[0].length;
      // A boundary in the first half would make tiny parts; try a weaker boundary instead.
      if (last > maxChars / 2) {
        cut = last;
        break;
      }
    }
    if (cut === 0) {
      cut = maxChars;
      // Never cut a surrogate pair in two.
      const code = text.charCodeAt(start + cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    }
    spans.push({ start, end: start + cut });
    start += cut;
  }
  spans.push({ start, end: text.length });
  return spans;
}

/** `text[from, to)` escaped, with the part inside `highlight` in bold. */
function highlighted(text: string, from: number, to: number, highlight: { start: number; end: number } | null): string {
  const hs = highlight ? Math.max(from, Math.min(highlight.start, to)) : to;
  const he = highlight ? Math.max(hs, Math.min(highlight.end, to)) : to;
  const before = escapeHtml(text.slice(from, hs));
  const mid = text.slice(hs, he);
  const after = escapeHtml(text.slice(he, to));
  return mid.trim() === "" ? escapeHtml(text.slice(from, to)) : `${before}<b>${escapeHtml(mid)}</b>${after}`;
}

function clip(text: string, maxChars: number): string {
  return text.length <= maxChars ? text : `${text.slice(0, maxChars - 1).trimEnd()}…`;
}

/** The header naming a passage's document and location: "📄 <b>Title</b>\n<i>Mục …, đoạn 1</i>". */
export function passageHeader(p: Pick<QuotedPassage, "title" | "location">): string {
  return `📄 <b>${escapeHtml(clip(p.title, MAX_TITLE_CHARS))}</b>\n<i>${escapeHtml(p.location)}</i>`;
}

/**
 * A quoted passage as blocks: its header and the passage in a blockquote with the highlight in bold.
 * A passage too long for one message becomes several blocks, each with its own blockquote.
 */
export function renderQuote(p: QuotedPassage, limit = TELEGRAM_TEXT_LIMIT, header = passageHeader(p)): string[] {
  const text = p.passage;
  const continued = "<i>(tiếp theo)</i>";
  const room = limit - Math.max(visibleLength(header), visibleLength(continued)) - 1;
  const spans = splitText(text, Math.max(1, room));
  return spans.map((span, i) => {
    const quote = `<blockquote>${highlighted(text, span.start, span.end, p.highlight)}</blockquote>`;
    return `${i === 0 ? header : continued}\n${quote}`;
  });
}

/** Converts an engine citation to the shape the renderer quotes. */
export function quoted(c: Citation): QuotedPassage {
  return { title: c.title, location: c.location, passage: c.passage, highlight: c.highlight };
}

/**
 * Packs blocks into as few messages as fit in `limit`, never cutting inside a block. A block that is
 * longer than `limit` on its own (which the renderers here never make) is sent as plain text cut at
 * sentence boundaries rather than refused.
 */
export function splitMessage(blocks: readonly string[], limit = TELEGRAM_TEXT_LIMIT): string[] {
  const fitting = blocks
    .filter((b) => htmlToText(b).trim() !== "")
    .flatMap((block) => {
      if (visibleLength(block) <= limit) return [block];
      const plain = htmlToText(block);
      return splitText(plain, limit).map((s) => escapeHtml(plain.slice(s.start, s.end)));
    });
  const parts: string[] = [];
  let current = "";
  for (const block of fitting) {
    const candidate = current === "" ? block : `${current}${BLOCK_SEPARATOR}${block}`;
    if (visibleLength(candidate) <= limit) {
      current = candidate;
    } else {
      parts.push(current);
      current = block;
    }
  }
  if (current !== "") parts.push(current);
  return parts;
}

/** Options of {@link renderAnswer}. */
export interface RenderOptions {
  /** Message length limit; Telegram's unless a test wants small parts. */
  limit?: number;
  /** Citations quoted in the reply itself; the others are offered behind "🔎 Nguồn khác". */
  citationsShown?: number;
  /** An HTML block shown first (how a follow-up was understood). */
  preface?: string;
}

/** The reply to a question: the direct answer first, then the cited passage(s) as blockquotes. */
export function renderAnswer(result: AnswerResult, options: RenderOptions = {}): string[] {
  const limit = options.limit ?? TELEGRAM_TEXT_LIMIT;
  if (result.abstained || result.answer === null) return renderAbstention(result, limit, options.preface);
  const shown = result.citations.slice(0, options.citationsShown ?? 1);
  const blocks = [...(options.preface ? [options.preface] : []), `✅ <b>Trả lời:</b> ${escapeHtml(result.answer)}`];
  if (shown.length > 0) blocks.push(shown.length === 1 ? "<b>Trích dẫn nguồn:</b>" : `<b>Trích dẫn ${shown.length} nguồn:</b>`);
  for (const c of shown) blocks.push(...renderQuote(quoted(c), limit));
  return splitMessage(blocks, limit);
}

/** An abstention: says plainly that the documents do not cover the question and names the closest passages. */
export function renderAbstention(result: AnswerResult, limit = TELEGRAM_TEXT_LIMIT, preface?: string): string[] {
  const blocks = [
    ...(preface ? [preface] : []),
    result.uncertain
      ? "🤔 <b>Tôi chưa chắc chắn về câu trả lời.</b>\nTài liệu có những đoạn gần với câu hỏi, nhưng không đoạn nào trả lời rõ hơn hẳn các đoạn khác, nên tôi không đưa ra câu trả lời để tránh sai."
      : "🤷 <b>Tài liệu hiện có không đề cập đến nội dung này.</b>\nTôi chỉ trả lời bằng những gì có trong tài liệu, nên không đưa ra câu trả lời để tránh suy đoán.",
  ];
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const c of result.citations.slice(0, MAX_CLOSEST_LISTED)) {
    const line = `• ${escapeHtml(clip(c.title, MAX_TITLE_CHARS))} — <i>${escapeHtml(c.location)}</i>`;
    if (!seen.has(line)) lines.push(line);
    seen.add(line);
  }
  if (lines.length > 0) blocks.push(`Các đoạn gần nhất (có thể liên quan):\n${lines.join("\n")}`);
  blocks.push(result.uncertain ? "Bạn có thể hỏi cụ thể hơn (nêu tên văn bản, đơn vị, địa phương hoặc năm), hoặc gõ /nguon để xem danh sách tài liệu." : "Bạn có thể hỏi lại bằng cách khác, hoặc gõ /nguon để xem danh sách tài liệu.");
  return splitMessage(blocks, limit);
}

/** A heading then passages quoted in full (the "📄 Xem nguyên văn" and "🔎 Nguồn khác" replies). */
export function renderPassages(headingHtml: string, passages: readonly QuotedPassage[], limit = TELEGRAM_TEXT_LIMIT): string[] {
  const blocks = [headingHtml];
  for (const p of passages) blocks.push(...renderQuote(p, limit));
  return splitMessage(blocks, limit);
}

/**
 * One document's consecutive passages under a single title (for "📄 Xem nguyên văn"): each passage
 * gets its location and blockquote; the cited one keeps its highlight.
 */
export function renderDocumentExcerpt(title: string, passages: readonly QuotedPassage[], limit = TELEGRAM_TEXT_LIMIT): string[] {
  const blocks = [`📄 <b>Nguyên văn:</b> ${escapeHtml(clip(title, MAX_TITLE_CHARS))}`];
  for (const p of passages) blocks.push(...renderQuote(p, limit, `<i>${escapeHtml(p.location)}</i>`));
  return splitMessage(blocks, limit);
}
