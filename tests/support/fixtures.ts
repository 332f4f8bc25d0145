/**
 * Builders for test documents (DOCX, PDF) and throwaway folders, so tests make their inputs in code
 * instead of shipping binary fixtures.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { constants as zlibConstants, crc32, createDeflateRaw } from "node:zlib";
import { createCanvas, loadImage } from "@napi-rs/canvas";
import { Document, HeadingLevel, Packer, Paragraph } from "docx";
import { PDFParse } from "pdf-parse";
import PDFDocument from "pdfkit";

/** A paragraph of a generated DOCX: a heading (Heading 1), body text, or both (heading first). */
export interface DocxParagraph {
  heading?: string;
  text?: string;
}

/** Builds a DOCX whose headings use Word's built-in "Heading 1" style, as real documents do. */
export async function makeDocx(paragraphs: DocxParagraph[]): Promise<Buffer> {
  const children: Paragraph[] = [];
  for (const p of paragraphs) {
    if (p.heading !== undefined) children.push(new Paragraph({ text: p.heading, heading: HeadingLevel.HEADING_1 }));
    if (p.text !== undefined) children.push(new Paragraph({ text: p.text }));
  }
  const doc = new Document({ sections: [{ children }] });
  return Packer.toBuffer(doc);
}

/** DejaVu Sans from the `dejavu-fonts-ttf` devDependency: present wherever `npm ci` ran. */
function packagedDejaVuSans(): string | null {
  try {
    return createRequire(import.meta.url).resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
  } catch {
    return null;
  }
}

/**
 * TTF fonts with Vietnamese coverage: the packaged one first, then commonly installed ones. PDFKit's
 * built-in Helvetica only covers WinAnsi, so "ệ", "ư", "Đ"… come out as garbage without one of these.
 */
const VIETNAMESE_FONT_CANDIDATES = [
  packagedDejaVuSans(),
  "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
  "/usr/share/fonts/dejavu/DejaVuSans.ttf",
  "/usr/share/fonts/TTF/DejaVuSans.ttf",
  "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
  "/usr/share/fonts/noto/NotoSans-Regular.ttf",
  "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
  "/Library/Fonts/Arial Unicode.ttf",
  "C:\\Windows\\Fonts\\arial.ttf",
];

/** Path of an installed TTF that can render Vietnamese, or null; tests needing it should skip when null. */
export function findVietnameseFont(): string | null {
  return VIETNAMESE_FONT_CANDIDATES.find((path): path is string => path !== null && existsSync(path)) ?? null;
}

export interface MakePdfOptions {
  /**
   * TTF font to embed. Defaults to `findVietnameseFont()`; when none is installed, PDFKit's Helvetica is
   * used and only ASCII text will survive extraction.
   */
  fontPath?: string | null;
}

/** The bytes a PDFKit document writes, once it is ended. */
function collectPdf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
}

/** Builds a PDF with one page per outer entry; each inner entry is a paragraph, separated by a blank gap. */
export async function makePdf(pages: string[][], options: MakePdfOptions = {}): Promise<Buffer> {
  const fontPath = options.fontPath === undefined ? findVietnameseFont() : options.fontPath;
  const doc = new PDFDocument({ autoFirstPage: false, compress: false });
  const done = collectPdf(doc);
  for (const paragraphs of pages) {
    doc.addPage({ size: "A4", margin: 72 });
    if (fontPath !== null) doc.font(fontPath);
    doc.fontSize(12);
    for (const paragraph of paragraphs) {
      // A gap taller than a line, as a typeset paragraph break looks to a text extractor.
      doc.text(paragraph, { paragraphGap: 12 });
    }
  }
  doc.end();
  return done;
}

/** A fresh folder under the OS temp dir and a function that deletes it (safe to call twice). */
export async function makeTempDir(prefix: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `${prefix}-`));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Builds an uncompressed ZIP archive from name → content pairs: enough to make a ".docx" that is a valid
 * zip but not a Word document.
 */
export function makeZip(entries: Record<string, string | Uint8Array>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name, "utf8");
    const data = typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content);
    const crc = crc32(data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, data);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6); // version needed
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);

    offset += local.length + nameBytes.length + data.length;
  }
  const centralDirectory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDirectory, end]);
}

/**
 * Windows-1258 stores ê, ơ, ă… precomposed but the five tones as separate combining bytes, so a string has
 * to be put in that shape before iconv-lite can encode it.
 */
export function toWindows1258Shape(text: string): string {
  return Array.from(text.normalize("NFC"))
    .map((char) => {
      const decomposed = char.normalize("NFD");
      const tones = decomposed.replace(/[^\u0300\u0301\u0303\u0309\u0323]/gu, "");
      return decomposed.replace(/[\u0300\u0301\u0303\u0309\u0323]/gu, "").normalize("NFC") + tones;
    })
    .join("");
}

/** Options of {@link makeDocxBomb}. */
export interface DocxBombOptions {
  /** Size word/document.xml unpacks to, in MB. */
  unpackedMb: number;
  /** Writes a small unpacked size into the zip headers, as a crafted bomb does to pass a header check. */
  lieAboutSize?: boolean;
}

/**
 * A .docx "zip bomb": a real-looking package whose word/document.xml is megabytes of repeated
 * paragraphs deflated to a few hundred KB (180 MB → ~550 KB, as in the reported attack). Built by
 * streaming, so the test itself never holds the unpacked XML.
 */
export async function makeDocxBomb(options: DocxBombOptions): Promise<Buffer> {
  const paragraph = Buffer.from("<w:p><w:r><w:t>Chi bộ sinh hoạt định kỳ mỗi tháng một lần theo quy định của Điều lệ Đảng.</w:t></w:r></w:p>");
  const block = Buffer.concat(Array.from({ length: Math.ceil(65536 / paragraph.length) }, () => paragraph));
  const head = Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>');
  const tail = Buffer.from("</w:body></w:document>");
  const deflate = createDeflateRaw({ level: zlibConstants.Z_BEST_COMPRESSION });
  const packed: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => packed.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    deflate.once("end", resolve);
    deflate.once("error", reject);
  });
  let crc = crc32(head);
  let unpacked = head.length;
  deflate.write(head);
  const target = options.unpackedMb * 1024 * 1024;
  while (unpacked < target) {
    crc = crc32(block, crc);
    unpacked += block.length;
    if (!deflate.write(block)) await new Promise((r) => deflate.once("drain", r));
  }
  crc = crc32(tail, crc);
  unpacked += tail.length;
  deflate.end(tail);
  await done;
  const documentXml = { name: "word/document.xml", data: Buffer.concat(packed), crc, unpacked, method: 8 };
  const contentTypes = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  const entries = [{ name: "[Content_Types].xml", data: contentTypes, crc: crc32(contentTypes), unpacked: contentTypes.length, method: 0 }, documentXml];
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const declared = options.lieAboutSize ? Math.min(e.unpacked, 4096) : e.unpacked;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    parts.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

/**
 * Renders page `page` (1-based) of a PDF to PNG at `scale` × 72 dpi, as a scanner would image the
 * printed page.
 */
export async function renderPdfPage(pdf: Uint8Array, page: number, scale: number): Promise<Buffer> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const shot = await parser.getScreenshot({ partial: [page], scale, imageBuffer: true, imageDataUrl: false });
    const data = shot.pages[0]?.data;
    if (data === undefined) throw new Error(`page ${page} was not rendered`);
    return Buffer.from(data);
  } finally {
    await parser.destroy();
  }
}

/**
 * A PDF with one A4 page per entry: an image fills its page with no text layer at all (what a scanner
 * produces); a list of paragraphs is typeset with a Vietnamese font, with a text layer.
 */
export async function makeImagePdf(pages: ReadonlyArray<Buffer | readonly string[]>): Promise<Buffer> {
  const fontPath = findVietnameseFont();
  const doc = new PDFDocument({ autoFirstPage: false });
  const done = collectPdf(doc);
  for (const page of pages) {
    if (Buffer.isBuffer(page)) {
      doc.addPage({ size: "A4", margin: 0 });
      doc.image(page, 0, 0, { width: doc.page.width, height: doc.page.height });
      continue;
    }
    doc.addPage({ size: "A4", margin: 72 });
    if (fontPath !== null) doc.font(fontPath);
    for (const paragraph of page) doc.fontSize(12).text(paragraph, { paragraphGap: 12 });
  }
  doc.end();
  return done;
}

/**
 * A scanned copy of the PDF `makePdf(pages)` would make: each page typeset, rendered to an image at
 * `scale` × 72 dpi, and wrapped in an image-only PDF. Returns the PDF and the page images.
 */
export async function makeScannedPdf(pages: string[][], scale = 2): Promise<{ pdf: Buffer; images: Buffer[] }> {
  const fontPath = findVietnameseFont();
  if (fontPath === null) throw new Error("no font with Vietnamese glyphs: run `npm ci` (dejavu-fonts-ttf)");
  const typeset = await makePdf(pages, { fontPath });
  const images: Buffer[] = [];
  for (let page = 1; page <= pages.length; page++) images.push(await renderPdfPage(typeset, page, scale));
  return { pdf: await makeImagePdf(images), images };
}

/** A phone-like copy of a page image: a grey, slightly rotated JPEG, as Telegram delivers photos. */
export async function photographed(png: Buffer): Promise<{ jpeg: Buffer; width: number; height: number }> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#d8d4cc";
  ctx.fillRect(0, 0, image.width, image.height);
  ctx.globalAlpha = 0.92;
  ctx.translate(image.width / 2, image.height / 2);
  ctx.rotate((0.6 * Math.PI) / 180);
  ctx.drawImage(image, -image.width / 2, -image.height / 2);
  return { jpeg: await canvas.encode("jpeg", 80), width: image.width, height: image.height };
}
