/**
 * Bounds on what parsing one file may cost, checked before the expensive parser runs: a 550 KB .docx
 * can unpack to 180 MB of XML (a "zip bomb") and a 3 MB PDF can hold 20,000 pages. A file over a bound
 * is refused with FILE_TOO_LARGE naming the file, the bound and the setting that raises it.
 */
import { Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";
import { openPdf } from "./pdfParse.js";
import { AppError } from "../errors.js";

/** Bytes in a megabyte, as the *_MB settings (MAX_FILE_MB, MAX_UNZIPPED_MB) count them. */
export const BYTES_PER_MB = 1024 * 1024;

/** Largest file the ingest and uploads accept unless MAX_FILE_MB says otherwise (its default). */
export const DEFAULT_MAX_FILE_BYTES = 20 * BYTES_PER_MB;

/** Parsing bounds; the defaults below are the configuration defaults (src/config.ts). */
export interface ParseLimits {
  /** Largest total a zip-based document (.docx, .odt) may unpack to, in bytes, whatever its own size. */
  maxUnzippedBytes: number;
  /** Largest unpacked/packed ratio of a zip-based document (above {@link UNZIP_RATIO_FLOOR_BYTES}). */
  maxUnzipRatio: number;
  /** Most entries a zip-based document may hold (a real .docx has a few dozen). */
  maxZipEntries: number;
  /** Most pages a PDF may have. */
  maxPdfPages: number;
  /** Most characters of text one file may yield, after extraction. */
  maxTextChars: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  maxUnzippedBytes: 100 * BYTES_PER_MB,
  maxUnzipRatio: 50,
  maxZipEntries: 2_000,
  maxPdfPages: 2_000,
  maxTextChars: 30_000_000,
};

/** Below this unpacked size the ratio is not checked: small documents compress very well, and cost nothing. */
export const UNZIP_RATIO_FLOOR_BYTES = 10 * BYTES_PER_MB;

function mb(bytes: number): string {
  return `${(bytes / BYTES_PER_MB).toFixed(1)} MB`;
}

/**
 * The size limit of one file (MAX_FILE_MB), checked before it is read: by the ingest (before hashing),
 * by `loadFile` and by uploads. Throws FILE_TOO_LARGE naming the file, its size and the limit.
 */
export function checkFileSize(name: string, sizeBytes: number, maxBytes: number): void {
  if (sizeBytes > maxBytes) {
    throw new AppError("FILE_TOO_LARGE", `${name} is ${mb(sizeBytes)}, over the ${mb(maxBytes)} limit (MAX_FILE_MB): split it into smaller files or raise MAX_FILE_MB`);
  }
}

/** The unpacked size a zip of `packedBytes` may reach. */
export function unzipBudget(packedBytes: number, limits: ParseLimits): number {
  return Math.min(limits.maxUnzippedBytes, Math.max(UNZIP_RATIO_FLOOR_BYTES, packedBytes * limits.maxUnzipRatio));
}

interface ZipEntry {
  name: string;
  method: number;
  packedBytes: number;
  declaredBytes: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/** The central directory of a zip, or null when `bytes` is not a zip (the parser then reports it). */
function readCentralDirectory(bytes: Buffer): { count: number; entries: ZipEntry[] } | null {
  // The end-of-central-directory record is in the last 22 + 65,535 (comment) bytes.
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count && offset + 46 <= bytes.length; i++) {
    if (bytes.readUInt32LE(offset) !== CENTRAL_SIGNATURE) break;
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    entries.push({
      method: bytes.readUInt16LE(offset + 10),
      packedBytes: bytes.readUInt32LE(offset + 20),
      declaredBytes: bytes.readUInt32LE(offset + 24),
      localHeaderOffset: bytes.readUInt32LE(offset + 42),
      name: bytes.toString("utf8", offset + 46, offset + 46 + nameLength),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return { count, entries };
}

/** Inflates one entry without keeping its output, counting bytes; stops as soon as `budget` is passed. */
async function inflatedSize(bytes: Buffer, entry: ZipEntry, budget: number): Promise<number> {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_SIGNATURE) return 0;
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const packed = bytes.subarray(start, Math.min(bytes.length, start + entry.packedBytes));
  if (entry.method === 0) return packed.length;
  if (entry.method !== 8) return 0;
  const inflate = createInflateRaw();
  let size = 0;
  try {
    for await (const chunk of Readable.from([packed]).pipe(inflate)) {
      size += (chunk as Buffer).length;
      if (size > budget) break;
    }
  } catch {
    // A damaged stream: what was inflated so far counts; the parser reports the damage.
  } finally {
    inflate.destroy();
  }
  return size;
}

/**
 * Refuses a zip-based document (.docx, .odt) whose entry count, declared unpacked size or actual unpacked
 * size is over the limits, before any XML is parsed. Memory stays bounded: entries are inflated in
 * streaming and their output is counted, not kept. Bytes that are not a zip pass (the parser says why).
 */
export async function checkZipBounds(name: string, bytes: Buffer, limits: ParseLimits): Promise<void> {
  const directory = readCentralDirectory(bytes);
  if (directory === null) return;
  const budget = unzipBudget(bytes.length, limits);
  const refuse = (what: string): AppError =>
    new AppError(
      "FILE_TOO_LARGE",
      `${name} ${what}, over the limit of ${mb(budget)} (${limits.maxUnzipRatio}× its ${mb(bytes.length)}, at most MAX_UNZIPPED_MB=${Math.round(limits.maxUnzippedBytes / 1048576)}): it looks like a zip bomb; re-save it from Word or split it`,
    );
  if (directory.count > limits.maxZipEntries) {
    throw new AppError("FILE_TOO_LARGE", `${name} holds ${directory.count} zip entries, over the limit of ${limits.maxZipEntries}: re-save it from Word`);
  }
  // 0xFFFFFFFF means "see the zip64 record": at least 4 GB, over any budget.
  const declared = directory.entries.reduce((sum, e) => sum + e.declaredBytes, 0);
  if (declared > budget) throw refuse(`declares ${mb(declared)} unpacked`);
  let actual = 0;
  for (const entry of directory.entries) {
    actual += await inflatedSize(bytes, entry, budget - actual);
    if (actual > budget) throw refuse(`unpacks to more than its zip headers declare (${mb(declared)})`);
  }
}

/** Refuses a PDF with more than `limits.maxPdfPages` pages; reads only its page tree, not the pages. */
export async function checkPdfPages(name: string, bytes: Buffer, limits: ParseLimits): Promise<void> {
  const parser = await openPdf(bytes);
  let pages: number;
  try {
    pages = (await parser.getInfo()).total;
  } catch {
    // Not a readable PDF: the loader reports why.
    return;
  } finally {
    await parser.destroy().catch(() => undefined);
  }
  if (pages > limits.maxPdfPages) {
    throw new AppError("FILE_TOO_LARGE", `${name} has ${pages} pages, over the limit of ${limits.maxPdfPages} (MAX_PDF_PAGES): split it into smaller PDFs`);
  }
}

/** Refuses extracted text longer than `limits.maxTextChars`. */
export function checkTextLength(name: string, pages: readonly string[], limits: ParseLimits): void {
  const chars = pages.reduce((sum, page) => sum + page.length, 0);
  if (chars > limits.maxTextChars) {
    throw new AppError("FILE_TOO_LARGE", `${name} yields ${chars} characters of text, over the limit of ${limits.maxTextChars} (MAX_TEXT_CHARS): split it into smaller files`);
  }
}

/** Extensions whose files are zip archives of XML. */
const ZIP_EXTENSIONS = new Set([".docx", ".odt"]);

/** The checks that apply to a file before its parser runs, chosen by its extension (".docx", ".pdf", …). */
export async function checkBeforeParsing(name: string, extension: string, bytes: Buffer, limits: ParseLimits): Promise<void> {
  if (ZIP_EXTENSIONS.has(extension)) await checkZipBounds(name, bytes, limits);
  else if (extension === ".pdf") await checkPdfPages(name, bytes, limits);
}
