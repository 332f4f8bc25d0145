/**
 * Text from scans: a PDF's pages without a usable text layer are rendered to images and read by OCR, and
 * an image file is read as a one-page document. OCR is slow (about a second a page), so every page read is
 * cached by the file's content hash, a file needing more than `maxPages` OCR pages is refused, and each
 * page is reported as it is read.
 */
import { createHash } from "node:crypto";
import type { PDFParse } from "pdf-parse";
import { openPdf } from "./pdfParse.js";
import { AppError } from "../errors.js";
import { OCR_ENGINE_ID, type OcrReader } from "./ocr.js";
import { cleanOcrPages } from "./ocrText.js";

/** Where OCR'd pages are kept between runs. Keys are opaque strings made from the file's hash. */
export interface OcrCache {
  get(key: string): Promise<string | null>;
  set(key: string, text: string): Promise<void>;
}

/** What an OCR read of one file needs. */
export interface OcrOptions {
  reader: OcrReader;
  /** Most pages read by OCR in one file; a file needing more is refused (OCR_MAX_PAGES). */
  maxPages: number;
  cache?: OcrCache;
  /** Called before each page is read by OCR (not for pages found in the cache). */
  onPage?: (page: number, pagesToRead: number) => void;
}

/**
 * Scale at which a scanned page is rendered for OCR: 2.5 × 72 = 180 dpi. Official documents are set in
 * 13-14 pt; on a 300 dpi scan of 12 pt text, renders at 144, 180, 216 and 288 dpi were all read at
 * 99.9-100 % of characters, and time grows with the pixels.
 */
export const OCR_RENDER_SCALE = 2.5;

/**
 * A PDF page with fewer letters than this in its text layer is read by OCR. Scanners and stamps often
 * leave a few characters (a page number, a barcode line) on an otherwise image-only page.
 */
export const MIN_TEXT_LAYER_LETTERS = 20;

/** The cache key prefix of a file's pages: its content hash and everything that shapes the OCR output. */
export function ocrCacheKeyPrefix(fileHash: string): string {
  const setup = createHash("sha256").update(`${OCR_ENGINE_ID}|scale=${OCR_RENDER_SCALE}`).digest("hex").slice(0, 8);
  return `${fileHash}.${setup}`;
}

function countLetters(text: string): number {
  return text.match(/\p{L}/gu)?.length ?? 0;
}

/** 1-based numbers of the pages whose text layer is too thin to use. */
export function pagesNeedingOcr(pages: readonly string[]): number[] {
  return pages.flatMap((text, i) => (countLetters(text) < MIN_TEXT_LAYER_LETTERS ? [i + 1] : []));
}

function tooManyPages(needed: number, maxPages: number): AppError {
  return new AppError(
    "FILE_TOO_LARGE",
    `has ${needed} scanned page(s) to read by OCR, over the limit of ${maxPages} (OCR_MAX_PAGES): split the file, or raise OCR_MAX_PAGES (OCR takes about a second a page)`,
  );
}

/** Reads the given pages, from the cache where it has them, by OCR otherwise (rendering each with `render`). */
async function readPages(
  pageNumbers: readonly number[],
  bytes: Uint8Array,
  ocr: OcrOptions,
  render: (page: number) => Promise<Uint8Array>,
): Promise<string[]> {
  const prefix = ocrCacheKeyPrefix(createHash("sha256").update(bytes).digest("hex"));
  const cached = await Promise.all(pageNumbers.map((page) => ocr.cache?.get(`${prefix}.p${page}`) ?? Promise.resolve(null)));
  const toRead = pageNumbers.filter((_, i) => cached[i] === null);
  const texts: string[] = [];
  for (const [i, page] of pageNumbers.entries()) {
    const hit = cached[i];
    if (hit !== null && hit !== undefined) {
      texts.push(hit);
      continue;
    }
    ocr.onPage?.(toRead.indexOf(page) + 1, toRead.length);
    const text = await ocr.reader.read(await render(page));
    await ocr.cache?.set(`${prefix}.p${page}`, text);
    texts.push(text);
  }
  return texts;
}

/**
 * Replaces the pages of a PDF that have no usable text layer with their OCR'd text. Returns the pages
 * and the 1-based numbers of those read by OCR (empty when every page had text). Error messages leave
 * out the file name: the caller puts it in front.
 */
export async function ocrPdfPages(bytes: Uint8Array, pages: readonly string[], ocr: OcrOptions): Promise<{ pages: string[]; scannedPages: number[] }> {
  const scannedPages = pagesNeedingOcr(pages);
  if (scannedPages.length === 0) return { pages: [...pages], scannedPages };
  if (scannedPages.length > ocr.maxPages) throw tooManyPages(scannedPages.length, ocr.maxPages);

  let parser: PDFParse | null = null;
  const render = async (page: number): Promise<Uint8Array> => {
    parser ??= await openPdf(bytes);
    const shot = await parser.getScreenshot({ partial: [page], scale: OCR_RENDER_SCALE, imageBuffer: true, imageDataUrl: false });
    const image = shot.pages[0]?.data;
    if (image === undefined) throw new AppError("FILE_UNREADABLE", `could not be read: page ${page} could not be rendered for OCR; re-export the PDF`);
    return image;
  };
  let texts: string[];
  try {
    texts = await readPages(scannedPages, bytes, ocr, render);
  } finally {
    await (parser as PDFParse | null)?.destroy();
  }
  const cleaned = cleanOcrPages(texts, scannedPages[0] === 1);
  const out = [...pages];
  scannedPages.forEach((page, i) => {
    out[page - 1] = cleaned[i] ?? "";
  });
  return { pages: out, scannedPages };
}

/** The OCR'd text of an image file (PNG, JPEG, TIFF: the first frame), as one page. */
export async function ocrImage(bytes: Uint8Array, ocr: OcrOptions): Promise<string> {
  const [text] = await readPages([1], bytes, ocr, () => Promise.resolve(bytes));
  return cleanOcrPages([text ?? ""])[0] ?? "";
}
