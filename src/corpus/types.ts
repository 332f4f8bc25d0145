import type { DocumentHeader } from "./header.js";

/** Formats the ingest understands, by file extension. */
export const SUPPORTED_EXTENSIONS = [".txt", ".md", ".html", ".htm", ".pdf", ".docx", ".doc", ".odt", ".png", ".jpg", ".jpeg", ".tif", ".tiff"] as const;
/** Image formats read by OCR as one-page documents. */
export const IMAGE_EXTENSIONS = [".png", ".jpg", ".jpeg", ".tif", ".tiff"] as const;
export type SourceFormat = "txt" | "md" | "html" | "pdf" | "docx" | "doc" | "odt" | "image";

/**
 * A file's text as a loader extracted it: one entry per page (PDF) or a single entry for other formats.
 * Lines are separated by "\n"; a blank line separates paragraphs. Headings in HTML and DOCX are kept
 * as their own lines, prefixed with "# " (markdown style) so the structure survives.
 */
export interface LoadedFile {
  format: SourceFormat;
  pages: string[];
  /** Character encoding the bytes were decoded from (utf-8, utf-16le, windows-1258, …). */
  encoding: string;
  /**
   * 1-based pages whose text was read by OCR (the page of an image; a PDF's pages without a text layer).
   * Absent when no page was.
   */
  scannedPages?: number[];
}

/** A structural block of a document, after cleaning. */
export interface Block {
  kind: "heading" | "paragraph";
  text: string;
  /** 1-based PDF page, null elsewhere. */
  page: number | null;
  /** A heading marked in markdown ("# …", "## …", an HTML page's <h1>, <h2> …): its level. */
  level?: number;
}

/** A passage a person would quote, with where it stands in its document. */
export interface Passage {
  /** Stable id: `${docId}#${ordinal}`. */
  id: string;
  docId: string;
  title: string;
  /** Nearest heading above the passage ("Kinh nghiệm", "Chương V › Điều 21"), null if none. */
  section: string | null;
  /** 1-based paragraph number within the section (or the document when there is no section). */
  paragraph: number;
  page: number | null;
  /** Position of the passage in its document, 0-based. */
  order: number;
  /** The document's own text (NFC), as quoted to users. */
  text: string;
  /** True when the text was read by OCR from a scan or photo: it may hold misread characters. */
  isScanned?: boolean;
}

/** A document in the index. */
export interface DocumentInfo {
  docId: string;
  title: string;
  /** Path relative to the corpus folder, with "/" separators. */
  path: string;
  format: SourceFormat;
  /** sha256 of the file bytes. */
  hash: string;
  passages: number;
  /** The formal header (number, date, issuer, signer), when the document has one. */
  header?: DocumentHeader | null;
  /**
   * The file's size and modification time when it was last read: at start-up, a file whose size and
   * time still match is not re-hashed to tell whether the index is current (absent in old indexes).
   */
  size?: number;
  mtimeMs?: number;
}
