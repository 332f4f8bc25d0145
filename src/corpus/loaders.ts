/**
 * Reads one corpus file into text, whatever its format. Every failure a user can meet becomes an AppError
 * that names the file and says what to do; no library exception escapes unwrapped.
 */
import { readFile, stat } from "node:fs/promises";
import { basename, extname } from "node:path";
import { PDFLoader } from "@langchain/community/document_loaders/fs/pdf";
import { convert, type DomNode, type FormatCallback, type HtmlToTextOptions } from "html-to-text";
import { DomUtils } from "htmlparser2";
import mammoth from "mammoth";
import { AppError, describeError, isAppError } from "../errors.js";
import { DIVISION_WORDS } from "../text/vietnamese.js";
import { decodeText } from "./decode.js";
import { DEFAULT_MAX_FILE_BYTES, DEFAULT_PARSE_LIMITS, checkBeforeParsing, checkFileSize, checkTextLength, type ParseLimits } from "./limits.js";
import { odtToText, wordDocToText } from "./office.js";
import { openPdf } from "./pdfParse.js";
import { ocrImage, ocrPdfPages, type OcrOptions } from "./scans.js";
import { SUPPORTED_EXTENSIONS, type LoadedFile, type SourceFormat } from "./types.js";

export interface LoadFileOptions {
  /** Files larger than this are refused with FILE_TOO_LARGE before being read. Default DEFAULT_MAX_FILE_BYTES (limits.ts). */
  maxBytes?: number;
  /** Bounds on unpacked size, pages and text (limits.ts). Default DEFAULT_PARSE_LIMITS. */
  limits?: ParseLimits;
  /**
   * OCR for PDF pages without a text layer and for images. Without it such PDF pages stay empty and an
   * image is refused with FILE_UNSUPPORTED.
   */
  ocr?: OcrOptions;
}

const FORMAT_BY_EXTENSION: Record<string, SourceFormat> = {
  ".txt": "txt",
  ".md": "md",
  ".html": "html",
  ".htm": "html",
  ".pdf": "pdf",
  ".docx": "docx",
  ".doc": "doc",
  ".odt": "odt",
  ".png": "image",
  ".jpg": "image",
  ".jpeg": "image",
  ".tif": "image",
  ".tiff": "image",
};

interface Extracted {
  pages: string[];
  encoding: string;
  scannedPages?: number[];
}

/**
 * Loads a .txt, .md, .html/.htm, .pdf, .docx, .doc, .odt or image (.png, .jpg/.jpeg, .tif/.tiff) file
 * (extension case-insensitive) as NFC text: one page per PDF page, a single page otherwise. PDF pages
 * without a text layer and images are read by OCR when `opts.ocr` is given. Throws FILE_UNSUPPORTED,
 * FILE_TOO_LARGE, FILE_EMPTY or FILE_UNREADABLE.
 * @example const { pages } = await loadFile("/srv/corpus/dieu-le-dang.pdf", { maxBytes: 5_000_000 });
 */
export async function loadFile(absPath: string, opts: LoadFileOptions = {}): Promise<LoadedFile> {
  const name = basename(absPath);
  const extension = extname(name).toLowerCase();
  const format = FORMAT_BY_EXTENSION[extension];
  if (format === undefined) {
    throw new AppError(
      "FILE_UNSUPPORTED",
      `${name}: unsupported file type "${extension || "(no extension)"}"; convert it to one of ${SUPPORTED_EXTENSIONS.join(", ")}`,
    );
  }

  const sizeBytes = await fileSize(absPath, name);
  checkFileSize(name, sizeBytes, opts.maxBytes ?? DEFAULT_MAX_FILE_BYTES);
  if (sizeBytes === 0) throw new AppError("FILE_EMPTY", `${name} is empty (0 bytes): add content to it or remove it`);

  let bytes: Buffer;
  try {
    bytes = await readFile(absPath);
  } catch (err) {
    throw new AppError("FILE_UNREADABLE", `${name} could not be read (${describeError(err)}): check its permissions`, {
      cause: err,
    });
  }

  const limits = opts.limits ?? DEFAULT_PARSE_LIMITS;
  await checkBeforeParsing(name, extension, bytes, limits);
  let extracted: Extracted;
  try {
    extracted = await extract(format, bytes, opts.ocr);
  } catch (err) {
    throw unreadableError(name, format, err);
  }
  checkTextLength(name, extracted.pages, limits);

  const pages = extracted.pages.map(tidyText);
  if (pages.every((page) => page === "")) throw emptyError(name, format);
  const scanned = extracted.scannedPages ?? [];
  return { format, pages, encoding: extracted.encoding, ...(scanned.length > 0 ? { scannedPages: scanned } : {}) };
}

async function fileSize(absPath: string, name: string): Promise<number> {
  let stats;
  try {
    stats = await stat(absPath);
  } catch (err) {
    throw new AppError("FILE_UNREADABLE", `${name} could not be opened (${describeError(err)}): check that it exists`, {
      cause: err,
    });
  }
  if (!stats.isFile()) throw new AppError("FILE_UNREADABLE", `${name} is not a regular file: pass a file, not a folder`);
  return stats.size;
}

function emptyError(name: string, format: SourceFormat): AppError {
  const hint =
    format === "pdf" || format === "image"
      ? "has no readable text, even by OCR: scan it again at 300 dpi or more, or supply a .docx or .txt version"
      : "has no text: add content to it or remove it from the corpus";
  return new AppError("FILE_EMPTY", `${name} ${hint}`);
}

function unreadableError(name: string, format: SourceFormat, err: unknown): AppError {
  // decodeText's messages have no file name ("looks binary, not text: …"); keep its code, add the name.
  if (isAppError(err)) return new AppError(err.code, `${name} ${err.message}`, { cause: err });
  const reason = describeError(err);
  if (format === "pdf" && err instanceof Error && err.name === "PasswordException") {
    return new AppError("FILE_UNREADABLE", `${name} is password-protected: save a copy without the password`, {
      cause: err,
    });
  }
  const hint =
    format === "pdf"
      ? "it is not a valid PDF; re-export it from the original document"
      : format === "docx"
        ? "it is not a valid .docx (an old .doc renamed?); open it in Word and save it as .docx"
        : format === "doc"
          ? "it is not a valid Word 97-2003 .doc; open it in Word or LibreOffice and save it as .docx"
          : format === "odt"
            ? "it is not a valid OpenDocument text; open it in LibreOffice and save it again"
            : format === "image"
              ? "it is not a valid PNG, JPEG or TIFF image; save or scan it again"
              : "save it again as UTF-8 text";
  return new AppError("FILE_UNREADABLE", `${name} could not be read (${reason}): ${hint}`, { cause: err });
}

async function extract(format: SourceFormat, bytes: Buffer, ocr: OcrOptions | undefined): Promise<Extracted> {
  switch (format) {
    case "txt":
    case "md": {
      const { text, encoding } = decodeText(bytes);
      return { pages: [text], encoding };
    }
    case "html": {
      const { text, encoding } = decodeText(bytes);
      return { pages: [htmlToText(text)], encoding };
    }
    case "docx":
      return { pages: [await docxToText(bytes)], encoding: "utf-8" };
    case "doc":
      return { pages: [await wordDocToText(bytes)], encoding: "doc" };
    case "odt":
      return { pages: [await odtToText(bytes)], encoding: "utf-8" };
    case "pdf": {
      const pages = await pdfToPages(bytes);
      return ocr ? { ...(await ocrPdfPages(bytes, pages, ocr)), encoding: "pdf" } : { pages, encoding: "pdf" };
    }
    case "image":
      if (!ocr) throw new AppError("FILE_UNSUPPORTED", "is an image, which is only read with OCR, and OCR is not available here");
      return { pages: [await ocrImage(bytes, ocr)], encoding: "ocr", scannedPages: [1] };
  }
}

/** Line endings to "\n", NFC, no trailing spaces, at most one blank line in a row. */
function tidyText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\r\n?|\v/gu, "\n")
    .replace(/\f/gu, "\n\n")
    .replace(/\u00a0/gu, " ")
    .replace(/[\u200b\u200c\u200d\ufeff]/gu, "")
    .replace(/[ \t]+$/gmu, "")
    .replace(/\n{3,}/gu, "\n\n")
    .replace(/^\n+|\n+$/gu, "");
}

// ---------------------------------------------------------------------------------------------- HTML

/** Headings become their own "# " line, original case kept. */
const formatMarkdownHeading: FormatCallback = (elem, walk, builder) => {
  builder.openBlock({ leadingLineBreaks: 2 });
  // "# " for <h1>, "## " for <h2> …: the page's own title is told from its section headings.
  builder.addLiteral(`${"#".repeat(Number(/^h([1-6])$/iu.exec(elem.name ?? "")?.[1] ?? 1))} `);
  walk(elem.children, builder);
  builder.closeBlock({ trailingLineBreaks: 2 });
};

/**
 * A table is written as markdown, the way legal sites publish theirs: one "| a | b |" line a row, the
 * line breaks and paragraphs inside a cell as "<br>", and a rule under a header row (<th> cells or <thead>).
 * The corpus reads those rows as markdown's: a header's or a signing block's two columns as columns
 * (layout.ts), a data table's rows as records naming their columns (tables.ts).
 */
const formatMarkdownTable: FormatCallback = (elem, _walk, builder) => {
  const rows = tableRows(elem);
  if (rows.length === 0) return;
  const { cells, headerRows } = tableGrid(rows);
  builder.openBlock({ leadingLineBreaks: 2 });
  // Header rows one above the other (a group "Biến động trong năm 2025" over "Kết nạp mới", "Chuyển đi", …)
  // make one header row naming each column by both: "Kết nạp mới (Biến động trong năm 2025)".
  const header = headerRows > 1 ? [combinedHeader(cells.slice(0, headerRows))] : [];
  const body = headerRows > 1 ? cells.slice(headerRows) : cells;
  [...header, ...body].forEach((row, i) => {
    builder.addLiteral(`| ${row.join(" | ")} |`);
    builder.addLineBreak();
    if (i === 0 && headerRows > 0) {
      builder.addLiteral(`|${row.map(() => "---").join("|")}|`);
      builder.addLineBreak();
    }
  });
  builder.closeBlock({ trailingLineBreaks: 2 });
};

/** Most columns or rows one cell may span (a malformed "colspan=100000" spans no more). */
const MAX_SPAN = 64;

function span(cell: DomNode, attribute: "colspan" | "rowspan"): number {
  const n = Number.parseInt(cell.attribs?.[attribute] ?? "1", 10);
  return Number.isFinite(n) ? Math.min(MAX_SPAN, Math.max(1, n)) : 1;
}

/**
 * A table's cells as a grid, merged cells spread over the columns and rows they span: a header cell is
 * repeated in each (so every column keeps its name), a data cell fills its first column and repeats down
 * the rows it spans (a group label applies to each of them). `headerRows`: the leading rows in <thead> or
 * of <th> cells only.
 */
function tableGrid(rows: readonly DomNode[]): { cells: string[][]; headerRows: number } {
  const cells: string[][] = [];
  const carried: Array<{ text: string; rows: number } | undefined> = [];
  let headerRows = 0;
  // Header rows stack only under a cell spanning several columns or rows ("Biến động trong năm 2025" over
  // "Kết nạp mới", …); a converter that marks every row a header (a Word file's "repeat header row" flag
  // read on every row) heads the table with its first row only.
  let spanned = false;
  rows.forEach((row, r) => {
    const own = (row.children ?? []).filter(isTableCell);
    const isHeader = own.length > 0 && (row.parent?.name === "thead" || own.every((cell) => cell.name === "th"));
    if (isHeader && headerRows === r && (r === 0 || spanned)) headerRows = r + 1;
    if (headerRows === r + 1) spanned ||= own.some((cell) => span(cell, "colspan") > 1 || span(cell, "rowspan") > 1);
    const out: string[] = [];
    let col = 0;
    const fillCarried = (): void => {
      for (let c = carried[col]; c !== undefined && c.rows > 0; c = carried[col]) {
        out[col] = c.text;
        c.rows--;
        col++;
      }
    };
    for (const cell of own) {
      fillCarried();
      const text = cellText(cell);
      const across = span(cell, "colspan");
      const down = span(cell, "rowspan");
      for (let k = 0; k < across; k++) {
        const shown = isHeader || k === 0 ? text : "";
        out[col + k] = shown;
        carried[col + k] = down > 1 ? { text: shown, rows: down - 1 } : undefined;
      }
      col += across;
    }
    fillCarried();
    cells.push(Array.from(out, (text) => text ?? ""));
  });
  const width = Math.max(...cells.map((row) => row.length));
  return { cells: cells.map((row) => [...row, ...Array<string>(width - row.length).fill("")]), headerRows };
}

/** Header rows as one: each column named by its lowest header, the groups above it in brackets. */
function combinedHeader(rows: readonly string[][]): string[] {
  const width = rows[0]?.length ?? 0;
  return Array.from({ length: width }, (_, col) => {
    const names = [...new Set(rows.map((row) => row[col] ?? "").filter((name) => name !== ""))];
    const [lowest, ...above] = names.reverse();
    return above.length > 0 ? `${lowest} (${above.reverse().join(", ")})` : (lowest ?? "");
  });
}

/** A table's rows, in its head, bodies and foot, not those of a table nested in a cell. */
function tableRows(table: DomNode): DomNode[] {
  const rows: DomNode[] = [];
  for (const child of table.children ?? []) {
    if (child.type !== "tag") continue;
    if (child.name === "tr") rows.push(child);
    else if (["thead", "tbody", "tfoot"].includes(child.name ?? "")) rows.push(...(child.children ?? []).filter((row) => row.type === "tag" && row.name === "tr"));
  }
  return rows;
}

/** A cell's text on one line: its own lines and paragraphs joined by "<br>", bars that would split it made slashes. */
function cellText(cell: DomNode): string {
  const text = convert(DomUtils.getInnerHTML(cell as unknown as Parameters<typeof DomUtils.getInnerHTML>[0]), HTML_TO_TEXT_OPTIONS);
  return text
    .split("\n")
    .map((line) => line.trim().replace(/\|/gu, "/"))
    .filter((line) => line !== "")
    .join("<br>");
}

/**
 * A page's <header> is site chrome (logo, menu) and is dropped, but an article's own <header> usually holds
 * its title, so that one is kept.
 */
const formatPageHeader: FormatCallback = (elem, walk, builder) => {
  if (!hasAncestor(elem, "article")) return;
  builder.openBlock({ leadingLineBreaks: 2 });
  walk(elem.children, builder);
  builder.closeBlock({ trailingLineBreaks: 2 });
};

/**
 * Each list item is a paragraph of its own: in a legal text an item ("a) …", "1. …") is a whole clause.
 * html-to-text's own list formatter always puts items on consecutive lines.
 */
const formatListAsParagraphs: FormatCallback = (elem, walk, builder) => {
  const isOrdered = elem.name === "ol";
  let index = Number(elem.attribs?.start ?? 1) || 1;
  const items = elem.children.filter((child) => child.type === "tag" && child.name === "li");
  if (items.length === 0) return;
  builder.openList({ interRowLineBreaks: 2, leadingLineBreaks: 2, maxPrefixLength: 0, prefixAlign: "left" });
  for (const item of items) {
    builder.openListItem({ prefix: isOrdered ? `${index++}. ` : "- " });
    walk(item.children, builder);
    builder.closeListItem();
  }
  builder.closeList({ trailingLineBreaks: 2 });
};

function isTableCell(node: DomNode): boolean {
  return node.type === "tag" && (node.name === "td" || node.name === "th");
}

function hasAncestor(node: DomNode, tagName: string): boolean {
  // The root's parent is null at run time, although the type says undefined.
  for (let parent = node.parent; parent != null; parent = parent.parent) {
    if (parent.name === tagName) return true;
  }
  return false;
}

const PARAGRAPH_BLOCK = { leadingLineBreaks: 2, trailingLineBreaks: 2 };
const SKIPPED_TAGS = ["script", "style", "nav", "footer", "aside", "noscript", "template", "svg", "iframe", "form", "button", "img", "hr"];
/** A page's chrome marked by its class: breadcrumbs, share buttons, comments, related links, ads, sidebars. */
const SKIPPED_CHROME = ["[class*=breadcrumb]", "[class*=share]", "[class*=social]", "[class*=comment]", "[class*=related]", "[class~=ads]", "[class*=advert]", "[class*=sidebar]"];

const HTML_TO_TEXT_OPTIONS: HtmlToTextOptions = {
  wordwrap: false,
  // The default cap (16M characters) truncates with a console warning; the file size limit already applies.
  limits: { maxInputLength: Number.MAX_SAFE_INTEGER },
  formatters: {
    markdownHeading: formatMarkdownHeading,
    markdownTable: formatMarkdownTable,
    pageHeader: formatPageHeader,
    listAsParagraphs: formatListAsParagraphs,
  },
  selectors: [
    ...["h1", "h2", "h3", "h4", "h5", "h6"].map((selector) => ({ selector, format: "markdownHeading" })),
    ...[...SKIPPED_TAGS, ...SKIPPED_CHROME].map((selector) => ({ selector, format: "skip" })),
    { selector: "header", format: "pageHeader" },
    { selector: "a", options: { ignoreHref: true } },
    // Many sites put each paragraph in a <div>; treat every block container as a paragraph boundary.
    // A <blockquote> is quoted text, not a markdown "> " quote.
    ...["div", "section", "article", "main", "blockquote"].map((selector) => ({
      selector,
      format: "block",
      options: PARAGRAPH_BLOCK,
    })),
    { selector: "table", format: "markdownTable" },
    { selector: "ul", format: "listAsParagraphs" },
    { selector: "ol", format: "listAsParagraphs" },
  ],
};

/** HTML to plain text: headings as "# " lines, links as their text, tables as markdown rows, chrome dropped. */
function htmlToText(html: string): string {
  // List items indent their continuation lines; indentation carries no meaning once text is extracted.
  return convert(html, HTML_TO_TEXT_OPTIONS).replace(/^[ \t]+/gmu, "");
}

// ---------------------------------------------------------------------------------------------- DOCX

/**
 * Word's own "Title" style is a heading too. mammoth already maps "Heading 1…6" to h1…h6.
 */
const DOCX_STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p.Title => h1:fresh"];

/**
 * DOCX goes through mammoth's HTML, not LangChain's DocxLoader: that loader calls mammoth.extractRawText,
 * which flattens headings into ordinary paragraphs, and headings are what sections are cut on.
 */
async function docxToText(bytes: Buffer): Promise<string> {
  const result = await mammoth.convertToHtml(
    { buffer: bytes },
    {
      styleMap: DOCX_STYLE_MAP,
      // Images are dropped from the text anyway; an empty src avoids base64-encoding every picture.
      convertImage: mammoth.images.imgElement(async () => ({ src: "" })),
    },
  );
  return htmlToText(result.value);
}

// ----------------------------------------------------------------------------------------------- PDF

/**
 * LangChain's PDFLoader works with pdf-parse 2.x here (it detects the v2 `PDFParse` class), but it leaves
 * out pages without text, so pages are put back in place by `loc.pageNumber` and `pdf.totalPages`; when
 * no page has text (a scan), the pages are counted by pdf-parse itself.
 */
async function pdfToPages(bytes: Buffer): Promise<string[]> {
  const loader = new PDFLoader(new Blob([new Uint8Array(bytes)]), { splitPages: true });
  const docs = await loader.load();
  const first = docs[0];
  if (first === undefined) return new Array<string>(await pdfPageCount(bytes)).fill("");

  const totalPages = numberAt(first.metadata, ["pdf", "totalPages"]) ?? docs.length;
  const pages: string[] = new Array<string>(totalPages).fill("");
  for (const [i, doc] of docs.entries()) {
    const pageNumber = numberAt(doc.metadata, ["loc", "pageNumber"]) ?? i + 1;
    pages[pageNumber - 1] = markPdfParagraphs(doc.pageContent);
  }
  return pages;
}

async function pdfPageCount(bytes: Buffer): Promise<number> {
  const parser = await openPdf(bytes);
  try {
    return (await parser.getInfo()).total;
  } finally {
    await parser.destroy();
  }
}

function numberAt(value: unknown, path: string[]): number | null {
  let current = value;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return null;
    current = (current as Record<string, unknown>)[key];
  }
  return typeof current === "number" && Number.isInteger(current) && current > 0 ? current : null;
}

/** A line shorter than this share of the page's full line width ends its paragraph (or is a heading). */
const PDF_SHORT_LINE_RATIO = 0.75;
/** Pages whose full lines are shorter than this many characters are lists or tables: one line, one paragraph. */
const PDF_MIN_PROSE_LINE_CHARS = 30;
const SENTENCE_END = /[.!?:…]["”’»)]*$/u;
const CLAUSE_END = /[;,]["”’»)]*$/u;
// Capitalised as a line opens: "Phần I", "Chương II", "Mục 1", "Điều 5", "Khoản 2", "Phụ lục".
const STRUCTURE_WORDS = [...DIVISION_WORDS, "khoản", "phụ lục"].map((w) => w.charAt(0).toUpperCase() + w.slice(1));
const STRUCTURE_MARKER = new RegExp(
  String.raw`^(?:(?:${STRUCTURE_WORDS.join("|")})\s+\S+|[-–—•+*]\s|(?:\d+(?:\.\d+)*|[IVXLC]+|[a-zđ])[.)]\s)`,
  "u",
);

/**
 * pdf-parse gives one line per printed line and no paragraph breaks, and positions are not exposed, so
 * breaks are inferred from the text: a paragraph ends at a short line, or at a sentence end followed by a
 * capital or a structural marker ("Điều 5.", "a)", "- "). Approximate by nature: a wrapped line that
 * happens to end a sentence before a capital is split too.
 */
function markPdfParagraphs(pageText: string): string {
  const lines = pageText.split("\n").map((line) => line.trim());
  const widths = lines.filter((line) => line !== "").map((line) => Array.from(line).length);
  if (widths.length === 0) return "";
  widths.sort((a, b) => a - b);
  const fullWidth = widths[Math.floor((widths.length - 1) * 0.9)] ?? 0;

  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length > 0) paragraphs.push(current.join("\n"));
    current = [];
  };
  for (const [i, line] of lines.entries()) {
    if (line === "") {
      flush();
      continue;
    }
    current.push(line);
    const next = lines[i + 1];
    if (next === undefined || next === "" || endsPdfParagraph(line, next, fullWidth)) flush();
  }
  flush();
  return paragraphs.join("\n\n");
}

function endsPdfParagraph(line: string, next: string, fullWidth: number): boolean {
  if (fullWidth < PDF_MIN_PROSE_LINE_CHARS) return true;
  if (Array.from(line).length < fullWidth * PDF_SHORT_LINE_RATIO) return true;
  if (SENTENCE_END.test(line)) return STRUCTURE_MARKER.test(next) || /^\p{Lu}/u.test(next);
  if (CLAUSE_END.test(line)) return STRUCTURE_MARKER.test(next);
  return false;
}
