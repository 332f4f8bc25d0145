/**
 * Word 97-2003 `.doc` and OpenDocument `.odt` to plain text in the shape the structure pipeline reads:
 * a blank line between paragraphs, headings on their own line prefixed with "# ", list items with their
 * number ("1. ", "a) ") or "- ".
 */
import type { ChildNode, Element } from "domhandler";
import { parseDocument } from "htmlparser2";
import JSZip from "jszip";
import WordExtractor from "word-extractor";

// ----------------------------------------------------------------------------------------------- DOC

/**
 * A `.doc` holds its text as one stream with a paragraph mark after each paragraph and a cell mark after
 * each table cell; word-extractor gives those as "\n" and "\t". Styles (headings) and automatic list
 * numbers are not part of that stream, so headings are recognised later by their shape (short line,
 * capitals, no final full stop) and typed numbers ("1.", "a)") survive, generated ones do not.
 */
export async function wordDocToText(bytes: Buffer): Promise<string> {
  const document = await new WordExtractor().extract(bytes);
  return document
    .getBody()
    .split("\n")
    .map((paragraph) => paragraph.replace(/\t+$/u, "").replace(/\t/gu, " | ").trim())
    .join("\n\n");
}

// ----------------------------------------------------------------------------------------------- ODT

/** Elements whose content is not running text: change tracking, comments, notes, generated indexes. */
const SKIPPED_ODT_ELEMENTS = new Set([
  "text:tracked-changes",
  "office:annotation",
  "office:annotation-end",
  "text:note",
  "text:sequence-decls",
  "text:table-of-content",
  "text:alphabetical-index",
  "text:illustration-index",
  "text:table-index",
  "text:object-index",
  "text:user-index",
  "text:bibliography",
  "svg:title",
  "svg:desc",
  "office:forms",
]);

/** A paragraph style is a heading when it is, or derives from, one of these ("Heading_20_1", "Title"). */
const HEADING_STYLE = /^(?:Heading|Title)(?:_|$)/u;

/** How one level of a list style labels its items. */
interface ListLevel {
  kind: "number" | "bullet";
  /** ODF number format: "1", "a", "A", "i", "I", or "" for none. */
  format: string;
  prefix: string;
  suffix: string;
  start: number;
}

/** What the styles of an ODT say about headings and lists. */
interface OdtStyles {
  /** Paragraph style name → parent style name. */
  parents: Map<string, string>;
  /** Paragraph styles with an outline level of their own. */
  outlined: Set<string>;
  /** List style name → levels (index 0 is level 1). */
  lists: Map<string, ListLevel[]>;
}

function elementsOf(nodes: readonly ChildNode[]): Element[] {
  return nodes.filter((node): node is Element => node.type === "tag");
}

function textOf(node: ChildNode): string {
  if (node.type === "text") return node.data;
  if (node.type !== "tag") return "";
  return node.children.map(textOf).join("");
}

function collectStyles(root: readonly ChildNode[], into: OdtStyles): void {
  for (const element of elementsOf(root)) {
    if (element.name === "style:style") {
      const name = element.attribs["style:name"];
      if (name === undefined) continue;
      const parent = element.attribs["style:parent-style-name"];
      if (parent !== undefined) into.parents.set(name, parent);
      if (element.attribs["style:default-outline-level"]) into.outlined.add(name);
      continue;
    }
    if (element.name === "text:list-style") {
      const name = element.attribs["style:name"];
      if (name === undefined) continue;
      const levels: ListLevel[] = [];
      for (const level of elementsOf(element.children)) {
        const index = Number(level.attribs["text:level"] ?? 0) - 1;
        if (index < 0) continue;
        levels[index] = {
          kind: level.name === "text:list-level-style-number" ? "number" : "bullet",
          format: level.attribs["style:num-format"] ?? "",
          prefix: level.attribs["style:num-prefix"] ?? "",
          suffix: level.attribs["style:num-suffix"] ?? "",
          start: Number(level.attribs["text:start-value"] ?? 1) || 1,
        };
      }
      into.lists.set(name, levels);
      continue;
    }
    collectStyles(element.children, into);
  }
}

function isHeadingStyle(styles: OdtStyles, name: string | undefined): boolean {
  const seen = new Set<string>();
  for (let style = name; style !== undefined && !seen.has(style); style = styles.parents.get(style)) {
    if (HEADING_STYLE.test(style) || styles.outlined.has(style)) return true;
    seen.add(style);
  }
  return false;
}

const ROMAN = [
  [1000, "m"], [900, "cm"], [500, "d"], [400, "cd"], [100, "c"], [90, "xc"],
  [50, "l"], [40, "xl"], [10, "x"], [9, "ix"], [5, "v"], [4, "iv"], [1, "i"],
] as const;

function formatNumber(n: number, format: string): string {
  if (format === "a" || format === "A") {
    let label = "";
    for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) label = String.fromCharCode(97 + ((rest - 1) % 26)) + label;
    return format === "A" ? label.toUpperCase() : label;
  }
  if (format === "i" || format === "I") {
    let label = "";
    let rest = n;
    for (const [value, numeral] of ROMAN) {
      while (rest >= value) {
        label += numeral;
        rest -= value;
      }
    }
    return format === "I" ? label.toUpperCase() : label;
  }
  return format === "" ? "" : String(n);
}

/** The label of a list item: "1. ", "a) ", "- ". */
function itemLabel(level: ListLevel | undefined, n: number): string {
  if (level === undefined || level.kind === "bullet") return "- ";
  const number = formatNumber(n, level.format);
  if (number === "") return "";
  return `${level.prefix}${number}${level.suffix || "."} `;
}

/** Walks the body of an ODT, writing its blocks (paragraphs, headings, items, table rows) as lines. */
class OdtTextWriter {
  readonly blocks: string[] = [];
  /** Blocks that carry a number generated by the writing application (text:number). */
  private readonly numbered = new Set<number>();

  constructor(private readonly styles: OdtStyles) {}

  walk(nodes: readonly ChildNode[], list: { style: string | undefined; depth: number }): void {
    for (const element of elementsOf(nodes)) {
      if (SKIPPED_ODT_ELEMENTS.has(element.name)) continue;
      switch (element.name) {
        case "text:h":
          this.paragraph(element, true);
          break;
        case "text:p":
          this.paragraph(element, isHeadingStyle(this.styles, element.attribs["text:style-name"]));
          break;
        case "text:list":
          this.list(element, { style: element.attribs["text:style-name"] ?? list.style, depth: list.depth + 1 });
          break;
        case "table:table-row":
          this.push(
            elementsOf(element.children)
              .filter((cell) => cell.name === "table:table-cell")
              .map((cell) => elementsOf(cell.children).map((p) => this.inline(p.children)).join(" ").trim())
              .join(" | "),
          );
          break;
        default:
          this.walk(element.children, list);
      }
    }
  }

  private paragraph(element: Element, isHeading: boolean): void {
    const generated = elementsOf(element.children).find((child) => child.name === "text:number");
    const number = generated ? `${textOf(generated).trim()} ` : "";
    if (this.push(`${isHeading ? "# " : ""}${number}${this.inline(element.children)}`) && number !== "") this.numbered.add(this.blocks.length - 1);
  }

  private list(element: Element, list: { style: string | undefined; depth: number }): void {
    const level = list.style === undefined ? undefined : this.styles.lists.get(list.style)?.[list.depth - 1];
    let n = level?.start ?? 1;
    for (const item of elementsOf(element.children)) {
      if (item.name !== "text:list-item" && item.name !== "text:list-header") continue;
      const start = Number(item.attribs["text:start-value"]);
      if (Number.isInteger(start) && start > 0) n = start;
      const label = item.name === "text:list-item" ? itemLabel(level, n++) : "";
      const first = this.blocks.length;
      this.walk(item.children, list);
      // The label goes on the item's first paragraph, unless the writer stored the number itself.
      const text = this.blocks[first];
      if (text !== undefined && label !== "" && !this.numbered.has(first)) this.blocks[first] = `${label}${text}`;
    }
  }

  /** Text of inline content: spans, links, spaces (text:s), tabs and line breaks. */
  private inline(nodes: readonly ChildNode[]): string {
    let out = "";
    for (const node of nodes) {
      if (node.type === "text") {
        out += node.data.replace(/\s+/gu, " ");
        continue;
      }
      if (node.type !== "tag" || SKIPPED_ODT_ELEMENTS.has(node.name) || node.name === "text:number") continue;
      if (node.name === "text:s") out += " ".repeat(Math.min(Number(node.attribs["text:c"] ?? 1) || 1, 100));
      else if (node.name === "text:tab") out += " ";
      else if (node.name === "text:line-break") out += "\n";
      else out += this.inline(node.children);
    }
    return out.replace(/ +$/gmu, "").replace(/^ +/gmu, "");
  }

  /** Adds a block if it has any letter or digit; says whether it did. */
  private push(line: string): boolean {
    if (!/[\p{L}\p{N}]/u.test(line)) return false;
    this.blocks.push(line);
    return true;
  }
}

/** Reads an `.odt` (a zip holding content.xml and styles.xml). Throws when it is not one. */
export async function odtToText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const content = zip.file("content.xml");
  if (content === null) throw new Error("content.xml is missing");
  const stylesFile = zip.file("styles.xml");
  const contentDom = parseDocument(await content.async("string"), { xmlMode: true });
  const styles: OdtStyles = { parents: new Map(), outlined: new Set(), lists: new Map() };
  if (stylesFile !== null) collectStyles(parseDocument(await stylesFile.async("string"), { xmlMode: true }).children, styles);
  collectStyles(contentDom.children, styles);

  const body = findElement(contentDom.children, "office:text");
  if (body === null) throw new Error("the document has no text body (office:text)");
  const writer = new OdtTextWriter(styles);
  writer.walk(body.children, { style: undefined, depth: 0 });
  return writer.blocks.join("\n\n");
}

function findElement(nodes: readonly ChildNode[], name: string): Element | null {
  for (const element of elementsOf(nodes)) {
    if (element.name === name) return element;
    const found = findElement(element.children, name);
    if (found) return found;
  }
  return null;
}
