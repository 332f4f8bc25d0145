/**
 * Markdown data tables read as records. A legal site or a converted Word file writes a list of commended
 * units, targets or deadlines as a table: a header row, a rule ("|---|---|") and one row per record. Read
 * line by line, the rows run together into one paragraph and the header row passes for a section heading.
 * Read as a reader does, each row is one statement that names its columns: "4. Tên tập thể: Đảng bộ xã
 * Sơn Hà; Thành tích: …; Hình thức / mức thưởng: Giấy khen; 1.500.000 đồng." Layout tables (a header's or
 * a signing block's two columns) are read before this, by `layout.ts`. Pure: no I/O.
 */
import { foldKey } from "../text/normalize.js";
import { TABLE_ROW } from "./layout.js";
/** The rule under a table's header row: "|---|:---:|". */
const RULE_ROW = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/u;
/** A header naming the row number column ("STT", "TT", "Số TT"), folded. */
const NUMBER_COLUMN = /^(?:stt|tt|so tt|so thu tu|#|no\.?)$/u;

/** A row's cells, marks and line breaks taken out. */
function rowCells(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/u, "")
    .replace(/\|$/u, "")
    .split("|")
    .map((cell) => cell.replace(/<br\s*\/?>/giu, " ").replace(/\*\*|__/gu, "").replace(/\s+/gu, " ").trim());
}

/** A row as one statement: its number, then each filled cell under its column's name. */
function rowStatement(labels: readonly string[], cells: readonly string[], numbered: boolean): string {
  const parts: string[] = [];
  let number = "";
  cells.forEach((cell, i) => {
    if (cell === "") return;
    if (numbered && i === 0) {
      number = cell;
      return;
    }
    const label = labels[i] ?? "";
    parts.push(label !== "" ? `${label}: ${cell}` : cell);
  });
  const body = parts.join("; ");
  if (body === "") return "";
  const statement = /[.!?]$/u.test(body) ? body : `${body}.`;
  return number !== "" && /^[\p{N}\p{L}]{1,4}$/u.test(number) ? `${number}. ${statement}` : statement;
}

/** A two-cell row of a table without column names ("| Viết tắt | Việt Cách |"): the name, then its value. */
function pairStatement(cells: readonly string[]): string {
  const filled = cells.filter((c) => c !== "");
  if (filled.length === 0) return "";
  const [key, ...rest] = filled;
  const body = rest.length > 0 ? `${key}: ${rest.join("; ")}` : (key ?? "");
  return /[.!?:]$/u.test(body) ? body : `${body}.`;
}

/** A grid table's border: "+----+--------+", "+====+====+". */
const GRID_BORDER = /^\s*\+(?:[-=:]+\+)+\s*$/u;

/**
 * Grid tables (drawn with "+---+" borders, as text exports and copied terminal output write them) as
 * markdown tables: the border under the first row is its rule, the other borders go (a blank line after
 * the last). Lines of other kinds are left as they are.
 */
function gridAsMarkdown(lines: readonly string[]): string[] {
  const out: string[] = [];
  let rowsSinceTop = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (!GRID_BORDER.test(line)) {
      if (rowsSinceTop >= 0 && TABLE_ROW.test(line)) rowsSinceTop++;
      else rowsSinceTop = -1;
      out.push(line);
      continue;
    }
    const next = lines[i + 1] ?? "";
    if (!TABLE_ROW.test(next)) {
      // The bottom border.
      if (rowsSinceTop >= 0) out.push("");
      rowsSinceTop = -1;
    } else if (rowsSinceTop === 1) {
      out.push(`|${"---|".repeat((line.match(/\+/gu)?.length ?? 2) - 1)}`);
      rowsSinceTop = 2;
    } else if (rowsSinceTop < 0) rowsSinceTop = 0;
  }
  return out;
}

/** How many cell separators a line without outer pipes has ("TT | Chỉ tiêu | Kế hoạch năm"), 0 for any other. */
function bareSeparators(line: string): number {
  if (TABLE_ROW.test(line) || RULE_ROW.test(line) || !/[\p{L}\p{N}]/u.test(line)) return 0;
  return line.split("|").length - 1;
}

/**
 * Tables written without outer pipes — rows of cells separated by " | ", lined up in a text file, with or
 * without a rule under the first — as markdown tables: runs of at least two lines with the same number of
 * separators (two or more), the first being the header row.
 */
function bareRowsAsMarkdown(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const separators = bareSeparators(line);
    const ruled = separators > 0 && RULE_ROW.test(lines[i + 1] ?? "") && !TABLE_ROW.test(lines[i + 1] ?? "");
    let end = ruled ? i + 2 : i + 1;
    while (separators >= (ruled ? 1 : 2) && end < lines.length && bareSeparators(lines[end] ?? "") === separators) end++;
    const rows = end - (ruled ? i + 2 : i + 1);
    if (separators < (ruled ? 1 : 2) || rows < 1) {
      out.push(line);
      continue;
    }
    out.push(`| ${line.trim()} |`, `|${"---|".repeat(separators + 1)}`);
    for (let k = ruled ? i + 2 : i + 1; k < end; k++) out.push(`| ${(lines[k] ?? "").trim()} |`);
    i = end - 1;
  }
  return out;
}

/** The cells of a line whose cells are separated by tabs (a run of tabs lines cells up), or null for fewer than three. */
function tabbedCells(line: string): string[] | null {
  if (!line.includes("\t")) return null;
  const cells = line.trim().split(/\s*\t[\t ]*/u);
  return cells.length >= 3 && cells.every((cell) => cell !== "") && !cells.some((cell) => cell.includes("|")) ? cells : null;
}

/** Where a line's cells start when they are set apart by runs of spaces ("TT   Họ và tên     Năm sinh …"). */
function spacedColumnStarts(line: string): number[] {
  // (A markdown or grid table's row is read as one: its pipes are its columns.)
  if (line.includes("|")) return [];
  const starts = [...line.matchAll(/(?:^|\s{3,})(\S)/gu)].map((m) => (m.index ?? 0) + m[0].length - 1);
  return starts.length >= 3 && starts[0] === 0 ? starts : [];
}

/** How far a row's cell may start from its column's start in the header line (hand-aligned text tables drift). */
const COLUMN_DRIFT = 2;

/**
 * Where a line's cells start under columns starting at `starts`: each near its column's start (within
 * `COLUMN_DRIFT`), after a space; null when the line does not fit (a line too short ends its last cells).
 */
function rowStarts(line: string, starts: readonly number[]): number[] | null {
  if (line.trim() === "" || /^\s/u.test(line) || line.includes("|")) return null;
  const found = [0];
  let gaps = 0;
  for (const start of starts.slice(1)) {
    if (line.length <= start - COLUMN_DRIFT) break;
    let at = -1;
    for (let d = 0; d <= COLUMN_DRIFT && at < 0; d++) {
      for (const p of d === 0 ? [start] : [start - d, start + d]) if (at < 0 && line[p - 1] === " " && line[p] !== undefined && line[p] !== " ") at = p;
    }
    if (at < 0) return null;
    if (line[at - 2] === " ") gaps++;
    found.push(at);
  }
  // (Most boundaries are set apart by two spaces or more: a sentence's single spaces fit by chance only.)
  return gaps * 2 >= starts.length - 1 ? found : null;
}

/**
 * A text file's table laid out in columns with spaces ("TT   Họ và tên               Năm sinh   …" over rows
 * lined up under it, as a PDF or a Word table saved as text writes it): its header line and the rows that fit
 * its columns, at least two, as rows of cells separated by " | " (see `tabbedRowsAsBars`). Without it, each row
 * ("1    Lê Văn Khải   1979 …") was read as a numbered heading, and the table was lost.
 */
function spacedRowsAsBars(lines: readonly string[]): string[] {
  if (!lines.some((line) => / {3,}\S/u.test(line))) return [...lines];
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const starts = spacedColumnStarts(line);
    let end = i + 1;
    const rows: number[][] = [starts];
    while (starts.length > 0 && end < lines.length) {
      const found = rowStarts(lines[end] ?? "", starts);
      if (found === null) break;
      rows.push(found);
      end++;
    }
    if (end - i < 3) {
      out.push(line);
      continue;
    }
    rows.forEach((at, r) => {
      const row = lines[i + r] ?? "";
      out.push(starts.map((_, c) => (c < at.length ? row.slice(at[c], at[c + 1] ?? row.length).trim() : "")).join(" | "));
    });
    i = end - 1;
  }
  return out;
}

/**
 * Tables a text file writes with tabs between cells (as copied from a spreadsheet or a Word table) as rows
 * of cells separated by " | ", which `readDataTables` reads as records: runs of at least two lines with the
 * same number of cells, three or more (a tabbed header or signing block has two columns, read before this
 * by `layout.ts`). Without it, a hard-wrapped text's rows were joined into one paragraph.
 */
export function tabbedRowsAsBars(lines: readonly string[]): string[] {
  if (!lines.some((line) => line.includes("\t"))) return spacedRowsAsBars(lines);
  const cells = lines.map(tabbedCells);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const width = cells[i]?.length;
    let end = i + 1;
    while (width !== undefined && end < lines.length && cells[end]?.length === width) end++;
    if (width === undefined || end - i < 2) {
      out.push(lines[i] ?? "");
      continue;
    }
    for (let k = i; k < end; k++) out.push((cells[k] ?? []).join(" | "));
    i = end - 1;
  }
  return out;
}

/**
 * The lines of a page with every markdown data table (a header row, a rule, then rows; or a grid table, see
 * `gridAsMarkdown`; or one without outer pipes, see `bareRowsAsMarkdown`) written as one
 * statement per row, each its own paragraph (blank lines between). `keyValueLabels` are the names a site's
 * label/value table opens with ("số hiệu"): such a table is read as pairs, its first row included.
 */
export function readDataTables(page: readonly string[], keyValueLabels: ReadonlySet<string> = new Set()): string[] {
  const gridded = page.some((line) => GRID_BORDER.test(line)) ? gridAsMarkdown(page) : page;
  const lines = gridded.some((line) => bareSeparators(line) > 0) ? bareRowsAsMarkdown(gridded) : gridded;
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (!TABLE_ROW.test(line) || !RULE_ROW.test(lines[i + 1] ?? "") || RULE_ROW.test(line)) {
      out.push(line);
      continue;
    }
    const header = rowCells(line);
    let end = i + 2;
    while (end < lines.length && TABLE_ROW.test(lines[end] ?? "") && !RULE_ROW.test(lines[end] ?? "")) end++;
    const rows = lines.slice(i + 2, end).map(rowCells);
    const named = header.filter((c) => c !== "").length;
    const keyValue = keyValueLabels.has(foldKey(header[0] ?? "").replace(/\s*:$/u, ""));
    const statements: string[] = [];
    if (keyValue) {
      // "| Số hiệu | 286-QĐ/HU | Loại văn bản | Quyết định |": pairs, the first row being one of them.
      for (const cells of [header, ...rows]) {
        const pairs: string[] = [];
        for (let c = 0; c + 1 < cells.length; c += 2) if ((cells[c] ?? "") !== "" && (cells[c + 1] ?? "") !== "") pairs.push(`${cells[c]}: ${cells[c + 1]}`);
        if (pairs.length > 0) statements.push(`${pairs.join("; ")}.`);
      }
    } else if (named >= 2) {
      const numbered = NUMBER_COLUMN.test(foldKey(header[0] ?? ""));
      for (const cells of rows) statements.push(rowStatement(header, cells, numbered));
    } else {
      // A table whose header row names no columns (an infobox's title): its title, then name-value rows.
      if (named === 1) statements.push(header.find((c) => c !== "") ?? "");
      for (const cells of rows) statements.push(pairStatement(cells));
    }
    for (const statement of statements.filter((s) => s !== "")) out.push("", statement);
    out.push("");
    i = end - 1;
  }
  return out;
}
