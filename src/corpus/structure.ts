/**
 * From a loaded file's text to clean structural blocks: web boilerplate, captions, markdown and table
 * debris are dropped; headings are recognised (markdown marks, "Chương/Điều" numbering, short unpunctuated
 * lines); wrapped lines are joined back into paragraphs. Pure functions: no I/O.
 */
import { cleanUnicode, collapseSpaces, foldKey } from "../text/normalize.js";
import { DIVISION_WORDS } from "../text/vietnamese.js";
import { SITE_LABELS } from "./header.js";
import { readDataTables } from "./tables.js";
import type { Block, LoadedFile } from "./types.js";

// Lines that web pages add around an article. Compared folded, without trailing punctuation.
const BOILERPLATE_LINES = new Set(
  [
    "Phản hồi", "Mới nhất", "Xem nhiều nhất", "Đọc nhiều nhất", "Chia sẻ", "Bình luận", "In bài", "In trang",
    "Gửi bài viết", "Gửi phản hồi", "Ý kiến bạn đọc", "Bản in", "Lưu bài", "Quay lại", "Trở về", "Về đầu trang",
    "Lên đầu trang", "Đầu trang", "Trang chủ", "Tags", "Từ khóa", "Từ khoá", "Theo dõi", "Thích", "Share", "Tweet",
    "Like", "Facebook", "Zalo", "Email", "Đăng nhập", "Đăng ký", "Tìm kiếm", "Xem tiếp", "Xem thêm", "Đọc thêm",
  ].map((line) => foldKey(line)),
);
// Lines after which a web page only lists other articles: everything from here on is dropped.
// (A legal site's footer under a document: "Văn bản này chưa cập nhật nội dung Tiếng Anh", "Lược đồ",
// "Văn bản liên quan", after its own title line for the document, which goes too.)
const TAIL_MARKERS = new Set(
  ["Các tin khác", "Tin liên quan", "Tin cùng chuyên mục", "Bài viết liên quan", "Tin khác", "Các bài viết khác", "Tin bài liên quan", "Bài liên quan", "Văn bản này chưa cập nhật nội dung Tiếng Anh", "Lược đồ", "Văn bản liên quan"].map((line) => foldKey(line)),
);
// A legal site's title line for the document above its footer ("Quyết định 1147-QĐ/HU năm 2024 thành lập … ban hành").
const SITE_TITLE_LINE = /^(?:điều lệ|nghị quyết|hướng dẫn|quy định|chỉ thị|kết luận|quyết định|thông tri|thông báo|luật|nghị định|thông tư|kế hoạch|báo cáo|quy chế|đề án|chương trình|công văn)\s+\d+[\p{L}\d/.-]*\s+(?:năm\s+\d{4}|ngày\s+\d)/iu;
const CAPTION = /^(?:ảnh|hình|photo|image)\s*(?:\d+)?\s*[:.–-]|\((?:ảnh|nguồn ảnh|photo)\s*:?[^)]*\)\s*$|^ảnh minh họa|^ảnh minh hoạ/iu;
const METADATA = /^(?:source|nguồn|url|link)\s*:/iu;
// A site's navigation trail or menu ("Trang chủ > Chính trị > Xây dựng Đảng", "Trang chủ | Giới thiệu | …").
const NAVIGATION = /^trang chủ\s*[>»›|/]/iu;
// A news page's publication line ("Thứ Năm, 14/05/2026 - 16:42", "Thứ Sáu, 17/07/2026 - 08:15 | Thu Hằng").
const DATELINE = /^(?:thứ (?:hai|ba|tư|năm|sáu|bảy)|chủ nhật)\s*,?\s*(?:ngày\s+)?\d{1,2}\/\d{1,2}\/\d{4}(?:\s*[-–,|]\s*\d{1,2}[:h]\d{2})?(?:\s*(?:\(GMT[^)]*\)|\|\s*[^|]{1,40}))?\s*$/iu;
// A site's masthead: a newspaper or portal's name in capitals ("BÁO BẮC TRÀNG ĐIỆN TỬ - CƠ QUAN CỦA ĐẢNG BỘ
// …", "CỔNG THÔNG TIN ĐIỆN TỬ XÃ …", "BAOVINHTHANH.VN - …").
const MASTHEAD = /^(?:BÁO(?!\s+CÁO)\s|CỔNG THÔNG TIN|TRANG THÔNG TIN|[\p{Lu}\d-]+\.VN(?![\p{L}]))|CƠ QUAN CỦA ĐẢNG BỘ/u;
const DIVISION = DIVISION_WORDS.join("|");
// A division's number: "2", "II", or in words ("Phần thứ hai", as political reports number their parts).
const DIVISION_NUMBER = String.raw`(?:\d+|[ivxlcdm]+|thứ\s+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười))`;
const STRUCTURAL = new RegExp(String.raw`^(?:${DIVISION})\s+${DIVISION_NUMBER}(?![\p{L}\p{N}])`, "iu");
const STRUCTURAL_LEAD = new RegExp(String.raw`^((?:${DIVISION})\s+${DIVISION_NUMBER})(?![\p{L}\p{N}])\s*[.:]\s*(.+)$`, "iu");
const LIST_MARKER = /^(?:\d+[.)]|[a-zđ][.)]|[-•–+*]\s)/u;
// A list marker with nothing after it on its line ("3.", "a)", "-").
const BARE_LIST_MARKER = /^(?:\d+(?:\.\d+)*[.)]|[a-zđ][.)]|[-•–+*])$/u;
// A lettered item ("a) Về tổ chức đảng: …"): one level below a numbered one, never beside it.
const LETTERED_ITEM = /^[a-zđ][.)]\s/u;
const TERMINAL = /[.!?;:…,"”)]$/u;

/** A line after markdown and debris handling, before paragraphs are formed. */
interface Line {
  text: string;
  /** "heading" when the markup says so, "emphasis" for italic-only lines, else "plain"; "break" is a paragraph break. */
  kind: "heading" | "emphasis" | "plain" | "break";
  /** A markdown heading's level ("## " → 2). */
  level?: number;
}

function stripInlineMarkdown(text: string): string {
  return text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(.*?)\1/g, "$2")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/(^|\s)[*_]([^*_\s][^*_]*?)[*_](?=\s|$|[.,;:])/g, "$1$2")
    .replace(/\*\*/g, "")
    .replace(/\\([*_#|])/g, "$1");
}

function classifyLine(raw: string, markdown: boolean): Line {
  let text = raw.trim();
  if (!/[\p{L}\p{N}]/u.test(text)) return { text: "", kind: "break" };
  // Table rows: keep the cells' text.
  if (text.includes("|")) text = text.split("|").map((c) => c.trim()).filter((c) => /[\p{L}\p{N}]/u.test(c)).join(" – ");
  if (/^#{1,6}\s/.test(text)) return { text: collapseSpaces(stripInlineMarkdown(text.replace(/^#+\s*/, ""))), kind: "heading", level: /^#+/u.exec(text)?.[0].length ?? 1 };
  if (markdown) {
    const bold = text.match(/^\*\*(.+?)\*\*\s*([.:]?)\s*$/u);
    if (bold?.[1] && !bold[1].includes("**")) return { text: collapseSpaces(bold[1] + (bold[2] ?? "")), kind: "heading" };
    const italic = text.match(/^\*([^*].*?)\*\s*$/u);
    if (italic?.[1]) return { text: collapseSpaces(italic[1]), kind: "emphasis" };
    text = stripInlineMarkdown(text.replace(/^\s*>\s?/, ""));
  }
  return { text: collapseSpaces(text), kind: "plain" };
}

/**
 * A step of a procedure or plan named on its own line ("Bước 2. Ban hành quyết định (hoàn thành trước ngày
 * 10/01/2025)"): a heading over the paragraphs that follow, even with its time in parentheses at the end.
 */
const STEP_HEADING = /^(?:[Bb]ước|BƯỚC|[Gg]iai đoạn|GIAI ĐOẠN)\s+\d+\s*[.:]\s+\p{Lu}[^.:;!?]{0,100}$/u;

function looksLikeHeading(text: string): boolean {
  if (STRUCTURAL.test(text)) return text.length <= 160;
  if (STEP_HEADING.test(text)) return true;
  if (text.length > 100 || TERMINAL.test(text) || LIST_MARKER.test(text)) return false;
  return /^[\p{Lu}\d]/u.test(text);
}

/**
 * A short numbered line without closing punctuation followed, after a blank line or indented under it (a
 * PDF's first-line indent), by a paragraph that is not another item ("1. Sở Y tế" above its duties), or by
 * lettered items, which are a level below it ("2. Công tác tổ chức" above "a) Về tổ chức đảng: …"), names a
 * section; one followed by further numbered items or bullets is a list item.
 */
function isNumberedHeading(text: string, rawLines: readonly string[], i: number): boolean {
  // A numbered line in capitals is a section's title, whatever follows it ("7. QUẢN LÝ, SỬ DỤNG THẺ ĐẢNG VIÊN"
  // above "7.1. …"): list items are not written in capitals.
  const numbered = /^\d+(?:\.\d+)*[.)]\s+(.+)$/u.exec(text)?.[1];
  if (numbered !== undefined && text.length <= 120 && /\p{L}{2}/u.test(numbered) && isUpperCase(numbered)) return true;
  if (!/^\d+(?:\.\d+)*[.)]\s+\p{Lu}/u.test(text) || text.length > 80 || TERMINAL.test(text)) return false;
  let j = i + 1;
  while (j < rawLines.length && (rawLines[j] ?? "").trim() === "") j++;
  // A blank line between, or the next line indented under this one (a PDF's first-line indent): the next
  // line starts a paragraph rather than going on with this one.
  const indent = (line: string): number => /^[ \t]*/u.exec(line)?.[0].length ?? 0;
  const next = classifyLine(rawLines[j] ?? "", false).text;
  // (A heading of a higher level next — "II. TỔ GIÚP VIỆC" under "13. Đồng chí … – Thành viên" — ends the list
  // this line is the last item of: a section's heading is followed by its content.)
  // (So does a paragraph right under it — a long line opening in capitals, "3. Kết quả" / "Căn cứ Quy chế bầu cử …"
  // — unless the line above is an item of the same list: then this line is its last item.)
  const paragraphUnder = j === i + 1 && next.length > PARAGRAPH_LINE_CHARS && /^\p{Lu}/u.test(next) && !/^\d+(?:\.\d+)*[.)]\s/u.test((rawLines[i - 1] ?? "").trim());
  return (j > i + 1 || indent(rawLines[j] ?? "") > indent(rawLines[i] ?? "") || LETTERED_ITEM.test(next) || paragraphUnder) && next.length > 0 && (!LIST_MARKER.test(next) || LETTERED_ITEM.test(next)) && !STRUCTURAL.test(next) && !HIGHER_HEADING.test(next);
}

/** A lettered or numbered label set in italics on its own line ("*a) Về kinh tế*"): a sub-section's title. */
const EMPHASISED_LABEL = /^(?:[a-zđ]\)|\d+(?:\.\d+)*[.)])\s+\p{Lu}[^.!?;:]{0,78}$/u;

/** A title's note in parentheses on a line of its own: "(Kèm theo Quyết định số 214-QĐ/HU, ngày 06/01/2026 …)". */
const TITLE_NOTE = /^\s*\((?:ban hành )?kèm theo\b[^()]*\)\s*$/iu;

/** A line longer than this is a paragraph's, not a title's. */
const PARAGRAPH_LINE_CHARS = 60;

/** A heading numbered in Roman numerals ("II. TỔ GIÚP VIỆC"), a level above numbered sections. */
const HIGHER_HEADING = /^[IVXL]+[.)]\s+\p{Lu}/u;

function isBoilerplate(text: string): boolean {
  return BOILERPLATE_LINES.has(foldKey(text).replace(/[\s.:!…]+$/u, ""));
}

function isTailMarker(text: string): boolean {
  return TAIL_MARKERS.has(foldKey(text).replace(/[\s.:!…]+$/u, ""));
}

/**
 * Turns a page's raw text into headings and paragraphs. Consecutive lines join into one paragraph unless
 * the earlier one ends a sentence or the later one starts a list item; blank lines always break.
 */
function pageBlocks(pageText: string, page: number | null, markdown: boolean, state: { ended: boolean }): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = (): void => {
    if (paragraph.length > 0) blocks.push({ kind: "paragraph", text: collapseSpaces(paragraph.join(" ")), page });
    paragraph = [];
  };
  const rawLines = readDataTables(cleanUnicode(pageText).split("\n"), SITE_LABELS);
  for (let i = 0; i < rawLines.length && !state.ended; i++) {
    const line = classifyLine(rawLines[i] ?? "", markdown);
    if (line.kind === "break") {
      flush();
      continue;
    }
    if (isTailMarker(line.text)) {
      if (paragraph.length === 1 && SITE_TITLE_LINE.test(paragraph[0] ?? "")) paragraph = [];
      else if (paragraph.length === 0 && SITE_TITLE_LINE.test(blocks[blocks.length - 1]?.text ?? "")) blocks.pop();
      state.ended = true;
      break;
    }
    if (isBoilerplate(line.text) || CAPTION.test(line.text) || METADATA.test(line.text) || NAVIGATION.test(line.text) || DATELINE.test(line.text) || (MASTHEAD.test(line.text) && isUpperCase(line.text))) {
      flush();
      continue;
    }
    // "Điều 5. Đảng viên …" on one line: the number is a heading, the rest a paragraph.
    const lead = line.kind !== "heading" ? line.text.match(STRUCTURAL_LEAD) : null;
    if (lead?.[1] && lead[2] && lead[2].length > 60) {
      flush();
      blocks.push({ kind: "heading", text: lead[1], page });
      paragraph.push(lead[2]);
      continue;
    }
    // A line wrapped mid-sentence (PDF, hard-wrapped text) continues the paragraph above it.
    const previous = paragraph[paragraph.length - 1];
    // (A list marker left alone on its line by a hard wrap — "3." above "Đảng ủy khóa I gồm …" — starts the
    // item the next line holds: it is no paragraph of its own.)
    const bareMarker = previous !== undefined && paragraph.length === 1 && BARE_LIST_MARKER.test(previous);
    const continues =
      line.kind !== "heading" &&
      previous !== undefined &&
      !(TITLE_NOTE.test(line.text) && isUpperCase(previous)) &&
      (bareMarker ||
        (!/[.!?:;…]["”)]?$/u.test(previous) &&
          !LIST_MARKER.test(line.text) &&
          (/^[\p{Ll}(]/u.test(line.text) || previous.length > 60)));
    if (!continues) flush();
    // A short line is a heading unless the next line continues it (a paragraph wrapped after its first line).
    const isHeading =
      line.kind === "heading" ||
      (line.kind === "emphasis" && (STRUCTURAL.test(line.text) || EMPHASISED_LABEL.test(line.text))) ||
      (line.kind === "plain" && !continues && (!/^\s*[\p{Ll}(]/u.test(rawLines[i + 1] ?? "") || LETTERED_ITEM.test((rawLines[i + 1] ?? "").trim()) || (isUpperCase(line.text) && TITLE_NOTE.test(rawLines[i + 1] ?? ""))) && (looksLikeHeading(line.text) || isNumberedHeading(line.text, rawLines, i)));
    if (isHeading) {
      blocks.push({ kind: "heading", text: line.text.replace(/\s*[.:]$/, ""), page, ...(line.level !== undefined ? { level: line.level } : {}) });
      continue;
    }
    paragraph.push(line.text);
  }
  flush();
  return blocks;
}

/** The clean blocks of a loaded file, in reading order. */
export function toBlocks(file: LoadedFile): Block[] {
  const markdown = file.format === "md";
  const state = { ended: false };
  const blocks: Block[] = [];
  file.pages.forEach((pageText, i) => {
    if (state.ended) return;
    // One push per block: spreading a page of 100,000+ paragraphs as arguments overflows the stack.
    for (const block of pageBlocks(pageText, file.format === "pdf" ? i + 1 : null, markdown, state)) blocks.push(block);
  });
  return mergeHeadingRuns(blocks);
}

// Headings split over lines ("ĐẠI HỘI ĐẠI BIỂU TOÀN QUỐC" / "LẦN THỨ XI") are one heading when both
// are upper case and neither starts a numbered part; a bare document kind ("KẾ HOẠCH") is one heading
// with the subject line under it ("Thực hiện công tác dân số năm 2026"), in whatever case.
function mergeHeadingRuns(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    const prev = out[out.length - 1];
    if (
      prev?.kind === "heading" &&
      block.kind === "heading" &&
      ((isUpperCase(prev.text) && isUpperCase(block.text)) || BARE_DOCUMENT_KIND.test(prev.text)) &&
      !NUMBERED_HEADING.test(block.text) &&
      !STRUCTURAL.test(prev.text) &&
      !STRUCTURAL.test(block.text)
    ) {
      prev.text = `${prev.text} ${block.text}`;
      continue;
    }
    out.push({ ...block });
  }
  return out;
}

function isUpperCase(text: string): boolean {
  return /\p{L}/u.test(text) && text === text.toUpperCase();
}

// Words that name a kind of guidance document; a heading with one is the best title.
const DOCUMENT_KINDS = /^(?:điều lệ|nghị quyết|hướng dẫn|quy định|chỉ thị|kết luận|quyết định|thông tri|luật|nghị định|thông tư|kế hoạch|báo cáo|quy chế|đề án|chương trình)(?!\p{L})/iu;

// A heading numbered as a part, section or item ("III. TỔ CHỨC THỰC HIỆN", "1. Sở Y tế", "a) …").
const NUMBERED_HEADING = /^(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)]\s/iu;
const BARE_DOCUMENT_KIND = new RegExp(`${DOCUMENT_KINDS.source.replace("(?!\\p{L})", "")}$`, "iu");

export { STRUCTURAL as STRUCTURAL_HEADING };

/** The document's title: a heading naming a document kind near the top, else its first heading or line, else the file name. */
export function pickTitle(blocks: readonly Block[], fileName: string): string {
  const top = blocks.slice(0, 12);
  const kind = top.find((b) => b.kind === "heading" && DOCUMENT_KINDS.test(b.text));
  // (A page's own title, its <h1> or "# " line, before the lines of its site's top bar.)
  const first = kind ?? top.find((b) => b.kind === "heading" && b.level === 1) ?? blocks.find((b) => b.kind === "heading") ?? blocks[0];
  const title = first ? collapseSpaces(first.text).slice(0, 200) : "";
  return title.length > 0 ? title : fileName;
}
