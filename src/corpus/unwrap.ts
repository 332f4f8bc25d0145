/**
 * Hard line breaks undone. Documents copied from legal-document websites and PDFs break every paragraph
 * into lines of ~80 characters (and often its first line short, where the original was indented); a
 * line is not a paragraph there. Pure functions over lines: no I/O.
 */
import { DOCUMENT_KIND_LINE_SOURCE, SIGNATURE_PLACEHOLDER, SIGNING_MARKER } from "../text/vietnamese.js";

/** Share of lines that must visibly continue mid-sentence for a text to count as hard-wrapped. */
export const HARD_WRAP_MIN_SHARE = 0.12;

// A line that starts a new item whatever precedes it: dashes and bullets, "1.", "1.2.", "a)", "II.",
// structural words with a number, markdown headings.
const ITEM_START = /^(?:[-•–+]\s|\d+(?:\.\d+)*[.)]\s|[a-zđ][.)]\s|[IVXLC]+[.)]\s|(?:phần|chương|mục|điều)\s+(?:\d+|[ivxlc]+)\b|#)/iu;
const SENTENCE_END = /[.!?;:…]["”’)]*$/u;
// A clause end (";", ":") before a line that goes on in lower case without an item mark: the same item
// goes on ("… do Chánh Văn phòng quyết định;" / "tại lưu trữ … do thường trực tỉnh ủy quyết định.").
const CLAUSE_END = /[;:]["”’)]*$/u;
// Lines that only carry table bars, rules or emphasis marks: paragraph breaks.
const SEPARATOR = /^[\s|*_\-=~.]*$/u;
/** A document's kind alone on its line ("BIÊN BẢN", "QUYẾT ĐỊNH"): the header's kind line, never joined. */
const KIND_ALONE = new RegExp(`^${DOCUMENT_KIND_LINE_SOURCE}$`, "iu");

/** Markdown emphasis marks removed, for decisions only (the text itself keeps them). */
function bare(line: string): string {
  return line.replace(/[*_`]+/g, "").trim();
}

function isUpperCaseLine(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  return letters.length >= 2 && letters === letters.toUpperCase();
}

/** True when emphasis opened on this line is not closed ("**I. Về" … "cán bộ**"). */
function hasOpenEmphasis(line: string): boolean {
  // (An escaped star, \*, is a star written out: the "*" under a header's issuer.)
  const marks = line.replace(/\\\*/g, "");
  const strong = (marks.match(/\*\*/g) ?? []).length;
  const single = (marks.replace(/\*\*/g, "").match(/\*/g) ?? []).length;
  return strong % 2 === 1 || single % 2 === 1;
}

/**
 * True when a text breaks lines inside its sentences: many lines end without punctuation and the next
 * line goes on in lower case. Texts with one paragraph a line (the Party Charter as published) are not.
 */
export function isHardWrapped(lines: readonly string[]): boolean {
  let content = 0;
  let continued = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = bare(lines[i] ?? "");
    if (SEPARATOR.test(line)) continue;
    content++;
    const next = bare(lines[i + 1] ?? "");
    if (!SENTENCE_END.test(line) && /^[\p{Ll}]/u.test(next)) continued++;
  }
  return content > 0 && continued / content >= HARD_WRAP_MIN_SHARE;
}

/** Whether `next` continues the logical line `current` in a hard-wrapped text. */
/** A markdown table row: "| a | b |", at least two cells. */
const MARKDOWN_ROW = /^\s*\|.*\|.*\|\s*$/u;

function continues(current: string, next: string): boolean {
  if (SEPARATOR.test(next)) return false;
  // A table's rows are lines of their own ("| 2026 | Ít nhất 360 đảng viên |" / "| 2027 | …").
  // (So are those of a table written without outer pipes: "  1  | Thu ngân sách … | 5,34 tỷ đồng | …".)
  if (MARKDOWN_ROW.test(current) || MARKDOWN_ROW.test(next) || [current, next].some((line) => line.split("|").length > 2)) return false;
  if (hasOpenEmphasis(current)) return true;
  // A line bold from end to end is a heading of its own ("**THÔNG BÁO**").
  if (/^\s*\*\*.*\*\*\s*$/u.test(current)) return false;
  const a = bare(current);
  const b = bare(next);
  if (a.length === 0 || ITEM_START.test(b)) return false;
  // Where the signature was ("(đã ký)") stands between the signer's role and name, on its own line.
  // (and a signing role "T/M BAN THƯỜNG VỤ" heads the role under it, not a line it runs on to).
  if (SIGNATURE_PLACEHOLDER.test(a) || SIGNATURE_PLACEHOLDER.test(b) || SIGNING_MARKER.test(a)) return false;
  // The kind stands on its own line above the subject ("BIÊN BẢN" / "HỌP CHI BỘ XÉT, ĐỀ NGHỊ KẾT NẠP …").
  if ([a, b].some((t) => KIND_ALONE.test(t) && isUpperCaseLine(t))) return false;
  if (SENTENCE_END.test(a)) return CLAUSE_END.test(a) && /^\p{Ll}/u.test(b);
  // A change between upper-case and mixed-case lines is a boundary (a title above its body).
  const upperA = isUpperCaseLine(a);
  const upperB = isUpperCaseLine(b);
  // A bold line under an upper-case one starts anew: the signer's name under the role ("THỨ TRƯỞNG" / "**Vũ").
  if (upperA && !upperB && /^\s*\*\*/u.test(next)) return false;
  if (upperA !== upperB && b.split(/\s+/).length >= 2) return false;
  if (upperA !== upperB && !upperA) return false;
  return true;
}

/** Whether a blank line between `current` and `next` falls inside a sentence: a long line ending on a
 * lower-case word, and a next line going on in lower case without an item mark. */
function breaksSentence(current: string, next: string): boolean {
  const a = bare(current);
  const b = bare(next);
  return a.length >= 40 && /\p{Ll}$/u.test(a) && /^\p{Ll}\p{L}*\s/u.test(b) && !ITEM_START.test(b);
}

/** A page number alone on its line: "2", "- 2 -", "Trang 2", "Trang 2/5". */
const PAGE_NUMBER = /^(?:-\s*)?(?:trang\s+)?(\d{1,3})(?:\s*\/\s*\d{1,3})?(?:\s*-)?$/iu;

/**
 * Page numbers taken out of a text copied from print: a line holding only a number, with a blank line (or
 * the page's edge) on each side, after some text, the numbers rising if there are several. The blank lines
 * after it go with it, and those above it when the text above ends mid-sentence, so that a paragraph the
 * page break cut ("… Đảng" / "" / "2" / "" / "viên trước …") reads on. Other lines are kept as they are.
 */
export function dropPageNumbers(lines: readonly string[]): string[] {
  const blank = (i: number): boolean => (lines[i] ?? "").trim() === "";
  const found: Array<{ at: number; page: number }> = [];
  let textAbove = false;
  lines.forEach((line, i) => {
    const m = PAGE_NUMBER.exec(line.trim());
    if (m && textAbove && blank(i - 1) && blank(i + 1)) found.push({ at: i, page: Number(m[1]) });
    else if (line.trim() !== "") textAbove = true;
  });
  if (found.length === 0 || found.some((f, i) => i > 0 && f.page <= (found[i - 1]?.page ?? 0))) return [...lines];
  const dropped = new Set<number>();
  for (const { at } of found) {
    dropped.add(at);
    for (let i = at + 1; i < lines.length && blank(i); i++) dropped.add(i);
    // A sentence the page cut ("… Chủ tịch Ủy ban nhân dân xã Vạn Hòa" / "" / "2" / "" / "Đông, là …")
    // reads on whatever its next word: the blank lines above the number go too.
    let above = at - 1;
    while (above >= 0 && blank(above)) above--;
    if (!SENTENCE_END.test(bare(lines[above] ?? "")) && !SEPARATOR.test(lines[above] ?? "")) for (let i = above + 1; i < at; i++) dropped.add(i);
  }
  return lines.filter((_, i) => !dropped.has(i));
}

/**
 * Joins the lines of a hard-wrapped text back into logical lines (paragraphs, list items, headings);
 * separators and blank lines are kept as they are. In a text that is not hard-wrapped (`hardWrapped`, decided
 * on the whole text by default) only a line with unclosed emphasis is joined to the next.
 * @example unwrapLines(["Thực hiện Quy định số", "377-QĐ/TW ngày 08/10/2025 …"]) // one line
 */
export function unwrapLines(lines: readonly string[], hardWrapped = isHardWrapped(lines)): string[] {
  const out: string[] = [];
  let current: string | null = null;
  for (const [i, line] of lines.entries()) {
    // A blank line inside a sentence ("… của Ủy ban nhân dân thành" / "" / "phố Cần Thơ về việc …") is
    // a break of the copy, not of the text.
    if (hardWrapped && current !== null && line.trim() === "" && breaksSentence(current, lines[i + 1] ?? "")) continue;
    // Emphasis opened and not closed ("**I. Mục" / "đích, yêu cầu**") joins lines in any text.
    // An indented line under a flush one opens a paragraph (a PDF's first-line indent): "1. Nâng cao nhận
    // thức …" / "    Cấp ủy, tổ chức đảng …".
    const indents = /^(?: {2,}|\t)\S/u.test(line) && /^\S/u.test(lines[i - 1] ?? "");
    const joins = current !== null && (hardWrapped ? !indents && continues(current, line) : hasOpenEmphasis(current) && !SEPARATOR.test(line));
    if (current !== null && joins) {
      current = `${current.replace(/\s+$/u, "")} ${line.trim()}`;
      continue;
    }
    if (current !== null) out.push(current);
    current = SEPARATOR.test(line) ? null : line;
    if (current === null) out.push(line);
  }
  if (current !== null) out.push(current);
  return out;
}
