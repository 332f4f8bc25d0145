/**
 * A loaded file's structure in one pass: hard line breaks undone, the formal header and signing block
 * taken out as metadata, the rest cleaned into blocks, and the title chosen. Pure: no I/O.
 */
import { collapseSpaces } from "../text/normalize.js";
import { citationName, headerPassageText, parseHeader, unnumberedName, type DocumentHeader } from "./header.js";
import { readLayoutColumns } from "./layout.js";
import { pickTitle, toBlocks } from "./structure.js";
import { tabbedRowsAsBars } from "./tables.js";
import type { Block, LoadedFile } from "./types.js";
import { dropPageNumbers, isHardWrapped, unwrapLines } from "./unwrap.js";

/** Longest title kept, in characters. */
export const MAX_TITLE_CHARS = 200;

/** What a document is and says, ready for chunking. */
export interface DocumentStructure {
  title: string;
  header: DocumentHeader | null;
  /** The header as a quotable passage (one labelled fact a line), or null without a header. */
  headerText: string | null;
  blocks: Block[];
}

function cut(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  return `${text.slice(0, text.lastIndexOf(" ", maxChars - 1)).replace(/[,;:]$/u, "")}…`;
}

/** Reads a loaded file's header, blocks and title. */
export function readStructure(file: LoadedFile, fileName: string): DocumentStructure {
  // Whether the text is hard-wrapped is decided on the whole document; lines are joined within a page.
  // Page numbers are dropped and layout tables (the header's and the signing block's two columns) read
  // column by column first.
  // (Tables written with tabs are read as rows of cells, so that unwrapping leaves each row a line.)
  const rawPages = file.pages.map((page, i) => tabbedRowsAsBars(readLayoutColumns(dropPageNumbers(page.split("\n")), i === 0)));
  const hardWrapped = isHardWrapped(rawPages.flat());
  const pages = rawPages.map((lines) => unwrapLines(lines, hardWrapped));
  const lines = pages.flat();
  const { header, consumed } = parseHeader(lines);
  const pageTexts: string[] = [];
  let at = 0;
  for (const page of pages) {
    pageTexts.push(page.map((line, i) => (consumed.has(at + i) ? "" : line)).join("\n"));
    at += page.length;
  }
  const blocks = toBlocks({ ...file, pages: pageTexts });
  const name = header ? citationName(header) : null;
  // Cited as Vietnamese cite documents: kind, number, date, issuing body, subject. The issuer and the
  // subject are context for every passage ("… của Cần Thơ" is answered by a passage that never says it).
  const issuer = header?.issuer ? ` của ${header.issuer.replace(/,\s*/g, " ")}` : "";
  const unnumbered = header ? unnumberedName(header) : null;
  const title = name ? cut(collapseSpaces(`${name}${issuer}${header?.subject ? `: ${header.subject}` : ""}`), MAX_TITLE_CHARS) : unnumbered ? cut(unnumbered, MAX_TITLE_CHARS) : pickTitle(blocks, fileName);
  return { title, header, headerText: header ? headerPassageText(header) : null, blocks };
}
