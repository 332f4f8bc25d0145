/**
 * Clean-up of OCR output before the structure pipeline (structure.ts) reads it like a typed document:
 * running headers, footers and page numbers repeated on every page go, words hyphenated across a line
 * end are joined, and the lines Tesseract wrapped within a paragraph become one line, while headings and
 * numbered points keep lines of their own. Pure functions: no I/O.
 */
import { collapseSpaces, foldKey, withinOneEdit } from "../text/normalize.js";
import { DOCUMENT_KIND_WORDS } from "../text/vietnamese.js";

/** Lines at the top and at the bottom of a page searched for running headers, footers and page numbers. */
const MARGIN_LINES = 2;
/** A margin line is a running header or footer when it is on at least this share of the pages… */
const RUNNING_LINE_MIN_SHARE = 0.5;
/** …and on at least this many pages. */
const RUNNING_LINE_MIN_PAGES = 2;

/** "12", "- 12 -", "Trang 12", "12/30", "Page 3": a page number alone on its line. */
const PAGE_NUMBER = /^[-–—\s]*(?:(?:trang|page)\s*)?\d{1,4}(?:\s*(?:\/|of|trên)\s*\d{1,4})?[-–—\s.]*$/iu;
/** Headings that legitimately begin several pages ("Điều 5" on one, "Điều 6" on the next). */
const STRUCTURAL_LINE = /^(?:phần|chương|mục|điều|khoản)\s+\S+/iu;
/**
 * A line that starts a new point: "Điều 5.", "Chương II", "1.", "2)", "a)", "- ", "• ". A numbered
 * part must end its line or be followed by "." or ":", so that a cross-reference wrapped onto a new
 * line ("Điều 5 của Điều lệ") and "Điều lệ Đảng" do not.
 */
const STARTS_POINT = /^(?:(?:điều|chương|mục|phần|khoản|phụ lục)\s+(?:\d+|[ivxlcdm]+)\s*(?:[.:]|$)|[-–—•+*]\s|(?:\d+(?:\.\d+)*|[IVXLC]+|[a-zđ])[.)]\s)/iu;
/** A line shorter than this share of the page's full line width, ending a sentence, ends its paragraph. */
const SHORT_LINE_RATIO = 0.8;
const SENTENCE_END = /[.!?:;…]["”’»)]*$/u;
/** A word broken at a line end with a hyphen: "tổ chức hóa-" + "đơn". */
const HYPHEN_END = /\p{L}-$/u;

/**
 * The pages' OCR text, cleaned: one string per page, paragraphs separated by a blank line. When the first
 * page is the document's first (`opensDocument`), its header's fixed words are read as well (see
 * `readHeaderWords`).
 */
export function cleanOcrPages(pages: readonly string[], opensDocument = true): string[] {
  const lines = pages.map((page) =>
    page
      .normalize("NFC")
      .replace(/\r\n?/gu, "\n")
      .split("\n")
      .map((line) => collapseSpaces(line)),
  );
  const running = runningLines(lines);
  return lines.map((pageLines, i) => joinParagraphs(dropMarginLines(i === 0 && opensDocument ? readHeaderWords(pageLines) : pageLines, running)));
}

/** Lines at the top of a first page where a header's fixed words are looked for. */
const HEADER_LINES = 15;
/** The mottos set in a header's right-hand cell, as printed. */
const MOTTOS = ["ĐẢNG CỘNG SẢN VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"];
/** Fewest letters of a kind line read through one misread letter ("QUYFT ĐỊNH"; not "LUẬT"). */
const MIN_FUZZY_KIND_LETTERS = 6;

/** Letters and single spaces only, folded: "ĐÁNG CỘNG SÁN" → "dang cong san". */
function lettersKey(line: string): string {
  return collapseSpaces(foldKey(line).replace(/[^\p{L}\s]+/gu, " ")).trim();
}

/** The mottos with their keys, and the document kinds with their letters (folded, no spaces). */
const MOTTO_KEYS = MOTTOS.map((motto) => ({ motto, key: lettersKey(motto) }));
const KIND_LETTERS = DOCUMENT_KIND_WORDS.map((kind) => ({ kind, letters: foldKey(kind).replace(/\s/gu, "") }));

/**
 * A scanned header's fixed words, read as printed. Tesseract reads capitals' marks poorly ("ĐÁNG CỘNG
 * SÁN VIỆT NAM", "QUYFT ĐỊNH") and sets the header's two cells side by side on one line ("ĐẢNG BỘ TỈNH …
 * ĐẢNG CỘNG SẢN VIỆT NAM"): a line in capitals ending with a motto is split before it and the motto
 * written as printed, and a line in capitals one letter away from a document kind ("QUYẾT ĐỊNH") or
 * differing from one only by marks is that kind. Nothing else is changed.
 */
export function readHeaderWords(pageLines: readonly string[]): string[] {
  const out: string[] = [];
  // A motto split off the left cell's first line is set after the rest of that cell (the lines in
  // capitals under it: "ĐẢNG ỦY XÃ LỘC ĐIỀN"), as a typed header's columns are read (layout.ts).
  let motto: string | null = null;
  const setMotto = (): void => {
    if (motto !== null) out.push(motto);
    motto = null;
  };
  let seen = 0;
  for (const line of pageLines) {
    if (seen >= HEADER_LINES || !isUpperCaseLine(line)) {
      if (/\p{L}/u.test(line)) {
        seen++;
        setMotto();
      }
      out.push(line);
      continue;
    }
    seen++;
    const key = lettersKey(line);
    const printed = MOTTO_KEYS.find((m) => key === m.key || key.endsWith(` ${m.key}`));
    if (printed !== undefined) {
      setMotto();
      // (The words before the motto, as the line writes them.)
      const before = line.split(/\s+/u).slice(0, -printed.key.split(" ").length).join(" ");
      if (/\p{L}/u.test(before)) {
        out.push(before);
        motto = printed.motto;
      } else out.push(printed.motto);
      continue;
    }
    const letters = key.replace(/\s/gu, "");
    const kind = KIND_LETTERS.find((k) => letters === k.letters || (letters.length >= MIN_FUZZY_KIND_LETTERS && withinOneEdit(letters, k.letters, false)));
    if (kind !== undefined) setMotto();
    out.push(kind !== undefined ? kind.kind.toUpperCase() : line);
  }
  setMotto();
  return out;
}

/** The key two copies of a running header compare equal by: folded, page numbers and spaces ignored. */
function runningKey(line: string): string {
  return foldKey(line).replace(/\d+/gu, "#").replace(/[^\p{L}#]+/gu, "");
}

/** Indexes of the non-empty lines within MARGIN_LINES of the top or the bottom of a page. */
function marginIndexes(pageLines: readonly string[]): number[] {
  const filled = pageLines.flatMap((line, i) => (/[\p{L}\p{N}]/u.test(line) ? [i] : []));
  if (filled.length <= MARGIN_LINES * 2) return filled;
  return [...filled.slice(0, MARGIN_LINES), ...filled.slice(-MARGIN_LINES)];
}

/** Keys of margin lines repeated on enough pages to be running headers or footers. */
function runningLines(pages: readonly (readonly string[])[]): Set<string> {
  const pagesWithKey = new Map<string, number>();
  for (const pageLines of pages) {
    const keys = new Set(
      marginIndexes(pageLines)
        .map((i) => pageLines[i] ?? "")
        .filter((line) => !STRUCTURAL_LINE.test(line))
        .map(runningKey)
        .filter((key) => /\p{L}{3}/u.test(key)),
    );
    for (const key of keys) pagesWithKey.set(key, (pagesWithKey.get(key) ?? 0) + 1);
  }
  const needed = Math.max(RUNNING_LINE_MIN_PAGES, Math.ceil(pages.length * RUNNING_LINE_MIN_SHARE));
  return new Set([...pagesWithKey].filter(([, count]) => count >= needed).map(([key]) => key));
}

function dropMarginLines(pageLines: readonly string[], running: ReadonlySet<string>): string[] {
  const dropped = new Set(
    marginIndexes(pageLines).filter((i) => {
      const line = pageLines[i] ?? "";
      return PAGE_NUMBER.test(line) || (!STRUCTURAL_LINE.test(line) && running.has(runningKey(line)));
    }),
  );
  return pageLines.filter((_, i) => !dropped.has(i));
}

function isUpperCaseLine(line: string): boolean {
  return /\p{L}/u.test(line) && line === line.toUpperCase();
}

/** The length of a full line of the page's text: the 90th percentile of its line lengths, in characters. */
function fullLineChars(pageLines: readonly string[]): number {
  const lengths = pageLines.map((line) => Array.from(line).length).filter((n) => n > 0).sort((a, b) => a - b);
  return lengths[Math.floor((lengths.length - 1) * 0.9)] ?? 0;
}

/**
 * Tesseract often separates the paragraphs it sees with a blank line, and keeps the printed line breaks
 * within them. Lines are joined into one paragraph, except before a new point, around a line in capitals
 * (a heading such as "BÁO CÁO" set above its subtitle), and after a short line that ends a sentence (the
 * last line of a paragraph, when Tesseract gave no blank line).
 */
function joinParagraphs(pageLines: readonly string[]): string {
  const fullChars = fullLineChars(pageLines);
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length > 0) paragraphs.push(current.join("\n"));
    current = [];
  };
  // The previous printed line (not the paragraph joined so far): its length and its end decide.
  let previous: string | null = null;
  for (const line of pageLines) {
    if (!/[\p{L}\p{N}]/u.test(line)) {
      flush();
      previous = null;
      continue;
    }
    const joinedSoFar = current[current.length - 1];
    const endsParagraph = previous !== null && SENTENCE_END.test(previous) && Array.from(previous).length < fullChars * SHORT_LINE_RATIO;
    if (previous === null || joinedSoFar === undefined || endsParagraph || STARTS_POINT.test(line) || isUpperCaseLine(previous) || isUpperCaseLine(line)) {
      current.push(line);
    } else if (HYPHEN_END.test(previous)) {
      // A lower-case continuation is the rest of a broken word; a capital starts a hyphenated name ("Mác-Lênin").
      current[current.length - 1] = /^\p{Ll}/u.test(line) ? `${joinedSoFar.slice(0, -1)}${line}` : `${joinedSoFar}${line}`;
    } else {
      current[current.length - 1] = `${joinedSoFar} ${line}`;
    }
    previous = line;
  }
  flush();
  // Each line left is a paragraph, a heading or a point of its own for the structure pipeline.
  return paragraphs.map((paragraph) => paragraph.split("\n").join("\n\n")).join("\n\n");
}
