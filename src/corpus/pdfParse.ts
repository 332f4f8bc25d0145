/**
 * pdf-parse (and pdf.js under it), imported on first use. Loading it takes ~0.9–1.3 s (pdf.js is 3 MB of
 * modules, and under tsx Node also parses their source maps when pdf.js reads an Error's stack as it
 * loads), and most processes never read a PDF: the bot answering questions, an ingest of a corpus
 * without PDFs, a re-ingest whose changed files are not PDFs.
 */
import type { PDFParse } from "pdf-parse";

let loading: Promise<typeof import("pdf-parse")> | null = null;

/** A pdf-parse parser over a copy of `bytes` (pdf.js may take ownership of the buffer it is given). */
export async function openPdf(bytes: Uint8Array): Promise<PDFParse> {
  loading ??= import("pdf-parse");
  const { PDFParse } = await loading;
  return new PDFParse({ data: new Uint8Array(bytes) });
}
