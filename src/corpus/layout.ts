/**
 * Layout tables read as their columns. An official document sets its header and its signing block side by
 * side: the issuing body on the left, the motto and the place-and-date line on the right; "Nơi nhận" on the
 * left, the signer on the right. A site's markdown writes that table as rows of two cells with `<br>` line
 * breaks; a Word file saved as text writes each row on one line with tabs (or a run of spaces) between the cells. Read row by
 * row, the two columns interleave ("ĐẢNG BỘ TỈNH X  ĐẢNG CỘNG SẢN VIỆT NAM" on one line, the issuer's next
 * line under the motto); read as a reader does, each column is its own run of lines. Pure: no I/O.
 */
import { DOCUMENT_KIND_LINE_SOURCE, NATIONAL_MOTTO } from "../text/vietnamese.js";

const BREAKS = /<br\s*\/?>/giu;
/** A markdown table row: "| a | b |", its cells between the outer bars captured. */
export const TABLE_ROW = /^\s*\|(.*)\|\s*$/u;
/** Cells of a line saved from a Word table: text, a run of tabs (or of four spaces or more), text. */
const TAB_CELLS = /\t+| {4,}/u;
/** A header's place-and-date line ("Hà Nội, ngày 21 tháng 11 năm 2025"). */
const PLACE_DATE = /,\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}/iu;
/** The kind line under a header ("QUYẾT ĐỊNH"): where the header ends. */
const KIND_LINE = new RegExp(`^[\\s*_#]*${DOCUMENT_KIND_LINE_SOURCE}[\\s*_:]*$`, "iu");
/** Lines at the top of a document where a tabbed header is looked for. */
const HEADER_LINES = 30;
/** Lines from "Nơi nhận" on that a tabbed signing block may take. */
const SIGNING_LINES = 20;
/** A line that only rules off what is above it ("-----", "______"). */
const RULE_LINE = /^\s*(?:-{3,}|_{3,}|={3,})\s*$/u;
/** A title in capitals at the left margin ("DANH SÁCH ĐẢNG VIÊN …", "PHỤ LỤC"): two words at least, no lowercase. */
const APPENDIX_TITLE = /^(?=\S)(?!.*\p{Ll})\p{Lu}+(?:\s+\S+)+\s*$/u;
const RECIPIENTS = /^\s*(?:\*\*)?\s*nơi nhận/iu;
/** Lines above "Nơi nhận" that the signing block's right column may start on. */
const SIGNING_LEAD_LINES = 4;

/**
 * Whether a line is blank or, read with the signing block `from..to` (see `cellsOf`), has only a right
 * cell.
 */
function isRightColumnOnly(line: string, lines: readonly string[], from: number, to: number): boolean {
  if (line.trim() === "") return true;
  const [cells] = cellsOf([line, ...lines.slice(from, to)], 0, to - from + 1);
  return cells !== undefined && cells.left === "" && cells.right !== "";
}

/** A cell set in bold or italics as a whole ("**T/M BAN THƯỜNG VỤ<br>BÍ THƯ<br>Tạ Quang Hưng**"): its mark and its text. */
const WHOLE_CELL_EMPHASIS = /^(\*\*|\*|__|_)(?!\s)([\s\S]*\S)\1$/u;

/** A cell's lines; a mark around the whole cell goes around each line, so that no line is left with half of it. */
function cellLines(cell: string): string[] {
  const whole = WHOLE_CELL_EMPHASIS.exec(cell.trim());
  const [mark, text] = whole && !(whole[2] ?? "").includes(whole[1] ?? "") ? [whole[1] ?? "", whole[2] ?? ""] : ["", cell];
  return text
    .split(BREAKS)
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) => `${mark}${part}${mark}`);
}

/** A header's cell: the motto, a place-and-date line or a document number ("Số: 01-NQ/ĐH", not "Số 47 Phạm Văn Đồng"). */
function isHeaderCell(cell: string): boolean {
  const text = cell.replace(/[*_]/gu, "").trim();
  return NATIONAL_MOTTO.test(text) || PLACE_DATE.test(text) || /^Số\s*:?\s*\d[\p{L}\d.]*[-/]\p{L}/u.test(text);
}

/**
 * A markdown row of two cells that is layout, not data (line breaks inside a cell, or a header's cell):
 * the lines of the first cell, then those of the second. Null for any other line.
 */
function markdownLayoutRow(line: string): string[] | null {
  const row = TABLE_ROW.exec(line);
  if (!row) return null;
  const cells = (row[1] ?? "").split("|");
  if (cells.length !== 2) return null;
  // (`search` ignores the global flag and its lastIndex.)
  const broken = cells.some((cell) => cell.search(BREAKS) >= 0);
  if (!broken && !cells.some(isHeaderCell)) return null;
  return cells.flatMap(cellLines);
}

/** A line's cells and where each starts (its column), set apart by tab runs or runs of four spaces or more. */
function spacedCells(line: string): Array<{ text: string; start: number }> {
  const cells: Array<{ text: string; start: number }> = [];
  for (const m of line.matchAll(/\S+(?: {1,3}\S+)*/gu)) cells.push({ text: m[0], start: m.index ?? 0 });
  return cells;
}

/** The two cells of a line saved from a Word table with tabs: a line that starts with a tab has only the right one. */
function tabCells(line: string): { left: string; right: string } {
  if (/^\t/u.test(line)) return { left: "", right: line.trim() };
  const [left = "", ...rest] = line.split(TAB_CELLS);
  return { left: left.trim(), right: rest.join(" ").trim() };
}

/**
 * The left and right cells of lines `from..to`. Lines laid out with spaces (a PDF copied as text, centred
 * lines indented) are read by position: a line of one cell is in the right column when it starts past the
 * end of every left cell of the two-cell lines; tabbed lines by their tabs.
 */
function cellsOf(lines: readonly string[], from: number, to: number): Array<{ left: string; right: string }> {
  const block = lines.slice(from, to);
  const spaced = block.map((line) => (line.includes("\t") ? null : spacedCells(line)));
  let leftEnd = -1;
  for (const cells of spaced) if (cells && cells.length >= 2) leftEnd = Math.max(leftEnd, (cells[0]?.start ?? 0) + (cells[0]?.text.length ?? 0));
  return block.map((line, i) => {
    const cells = spaced[i];
    if (!cells) return tabCells(line);
    if (cells.length === 0) return { left: "", right: "" };
    if (cells.length >= 2) return { left: cells[0]?.text ?? "", right: cells.slice(1).map((c) => c.text).join(" ") };
    const only = cells[0] ?? { text: "", start: 0 };
    return leftEnd >= 0 && only.start > leftEnd ? { left: "", right: only.text } : { left: only.text, right: "" };
  });
}

/**
 * Lines `from..to` of a Word table saved as text, read column by column: every left cell, then every right
 * cell (blank lines kept where they were in the left column).
 */
function tabbedBlock(lines: readonly string[], from: number, to: number): string[] {
  const left: string[] = [];
  const right: string[] = [];
  for (const cells of cellsOf(lines, from, to)) {
    if (cells.left !== "" || cells.right === "") left.push(cells.left);
    if (cells.right !== "") right.push(cells.right);
  }
  return [...left, "", ...right];
}

/** Whether some line of `from..to` has two cells, one of them the motto or a place-and-date line. */
function isTabbedHeader(lines: readonly string[], from: number, to: number): boolean {
  return cellsOf(lines, from, to).some(({ left, right }) => left !== "" && right !== "" && [left, right].some((cell) => NATIONAL_MOTTO.test(cell) || PLACE_DATE.test(cell)));
}

/** Whether some line of `from..to` has a left and a right cell. */
function hasTwoCells(lines: readonly string[], from: number, to: number): boolean {
  return cellsOf(lines, from, to).some(({ left, right }) => left !== "" && right !== "");
}

const isBar = (line: string | undefined): boolean => line !== undefined && line.trim() === "|";
const isBlank = (line: string | undefined): boolean => line !== undefined && line.trim() === "";

/** A cell's lines as one: the site's emphasis marks dropped. */
function barCellText(cellLines: readonly string[]): string {
  return cellLines.map((l) => l.trim()).filter((l) => l !== "").join(" ").replace(/\*\*|(?<!\S)\*|\*(?!\S)/gu, "").replace(/\s+/gu, " ").trim();
}

/**
 * A data table as a legal site's copy lays it out: a cell a run of lines after a "|" line, rows separated by
 * two "|" lines ("|" / "Năm" / "|" / "Số đảng viên …" / "|" / "|" / "2026" / "|" / …). Written as markdown
 * rows, it is read as a table (tables.ts). Only a table of three or more rows of the same three or more
 * cells: a header's or a signing block's two columns are left to be read as columns.
 */
export function readBarTables(lines: readonly string[]): string[] {
  // The lines as bars and cells (a cell: the lines between two bars, or before the first or after the last).
  type Cell = { from: number; to: number };
  const rows: Cell[][] = [[]];
  let from = -1;
  lines.forEach((line, n) => {
    if (!isBar(line)) {
      if (from < 0) from = n;
      return;
    }
    // Two bars with nothing but blank lines between end a row.
    if (from >= 0 && lines.slice(from, n).some((l) => !isBlank(l))) rows[rows.length - 1]?.push({ from, to: n });
    else if (n > 0) rows.push([]);
    from = -1;
  });
  if (from >= 0) rows[rows.length - 1]?.push({ from, to: lines.length });
  // Runs of rows: W cells each between the first and the last; the first may carry text before the table
  // as leading cells, the last the text after it as trailing ones.
  const out: string[] = [];
  let copied = 0;
  const text = (c: Cell): string => barCellText(lines.slice(c.from, c.to));
  let r = 0;
  while (r < rows.length) {
    const width = rows[r + 1]?.length ?? 0;
    let end = r + 1;
    while (end < rows.length && rows[end]?.length === width) end++;
    const first = rows[r] ?? [];
    const after = rows[end];
    // The row after the run either ends the table (its first cells) or, shorter, is the text after it
    // (a note below the list: the table then ends with the run's last row).
    const closing = after !== undefined && after.length >= width;
    const last = closing ? after : rows[end - 1];
    const inner = closing ? end - r - 1 : end - r - 2;
    if (width < 3 || inner < 1 || first.length < width || last === undefined) {
      r++;
      continue;
    }
    const head = first.slice(first.length - width);
    const table = [head, ...rows.slice(r + 1, r + 1 + inner), last.slice(0, width)];
    // A label/value table (a site's "Số hiệu:" / "118-KH/TU" fields) is no data table; nor one with an empty
    // name, nor one whose "cells" hold markdown table rows of their own.
    if (head.some((c) => text(c) === "" || /:$/u.test(text(c))) || table.some((cells) => cells.some((c) => lines.slice(c.from, c.to).some((l) => l.includes("|"))))) {
      r++;
      continue;
    }
    const start = head[0]?.from ?? 0;
    const stop = last[width - 1]?.to ?? start;
    // The bar before the table's first cell, and the one after its last, belong to it.
    // (Copied line by line: a spread of a huge page's lines would overflow the stack.)
    for (let n = copied; n < start - 1; n++) out.push(lines[n] ?? "");
    out.push("");
    table.forEach((cells, n) => {
      out.push(`| ${cells.map(text).join(" | ")} |`);
      if (n === 0) out.push(`|${cells.map(() => "---").join("|")}|`);
    });
    out.push("");
    copied = Math.min(lines.length, stop + 1);
    // The cells after the table in its last row are text again.
    if (closing) rows[end] = last.slice(width);
    r = end;
  }
  for (let n = copied; n < lines.length; n++) out.push(lines[n] ?? "");
  return out;
}

/**
 * A page's lines with its layout tables read as columns: two-cell markdown rows with line breaks, and the
 * tabbed header and signing block of a text saved from Word. Other `<br>` breaks (inside a data table's
 * cell) become spaces.
 */
export function readLayoutColumns(lines: readonly string[], isFirstPage: boolean): string[] {
  let out: string[] = [];
  for (const line of readBarTables(lines)) {
    const cells = markdownLayoutRow(line);
    if (cells) out.push(...cells, "");
    else out.push(line.replace(BREAKS, " "));
  }
  // A tabbed header: the lines from the top to the last tabbed line above the kind line.
  if (isFirstPage) {
    const kindAt = out.findIndex((line, i) => i < HEADER_LINES && KIND_LINE.test(line) && line === line.toUpperCase());
    const top = kindAt >= 0 ? kindAt : Math.min(out.length, HEADER_LINES);
    if (isTabbedHeader(out, 0, top)) {
      // The block ends with its last line that has a right cell.
      let end = 0;
      cellsOf(out, 0, top).forEach((cells, i) => {
        if (cells.right !== "") end = i + 1;
      });
      out = [...tabbedBlock(out, 0, end), ...out.slice(end)];
    }
  }
  // A tabbed signing block: from the "Nơi nhận" line on.
  const recipientsAt = out.findIndex((line) => RECIPIENTS.test(line) && TAB_CELLS.test(line));
  if (recipientsAt >= 0) {
    // (It ends at a rule under it: an appendix after it — "-----" then a list's own header — is no part of it.)
    // (Nor past a title standing alone at the left margin after a blank line: "DANH SÁCH ĐẢNG VIÊN …" of a
    // list appended without a rule; the block's own lines there are its right column, indented.)
    const rule = out.findIndex((line, i) => i > recipientsAt && (RULE_LINE.test(line) || (APPENDIX_TITLE.test(line) && !TAB_CELLS.test(line.trim()) && (out[i - 1] ?? "").trim() === "")));
    const end = Math.min(out.length, recipientsAt + SIGNING_LINES, rule > 0 ? rule : out.length);
    if (hasTwoCells(out, recipientsAt, end)) {
      // The signer's first lines may stand above "Nơi nhận", alone in the right column ("T/M BAN THƯỜNG VỤ").
      let start = recipientsAt;
      while (start > 0 && recipientsAt - start < SIGNING_LEAD_LINES && isRightColumnOnly(out[start - 1] ?? "", out, recipientsAt, end)) start--;
      while (start < recipientsAt && (out[start] ?? "").trim() === "") start++;
      out = [...out.slice(0, start), ...tabbedBlock(out, start, end), ...out.slice(end)];
    }
  }
  return out;
}
