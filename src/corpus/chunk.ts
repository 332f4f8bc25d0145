/**
 * Chunks a document by its own structure: one passage per paragraph or numbered clause, a lead line
 * ("Người vào Đảng phải :") kept with the dash items that follow it, and over-long paragraphs split at
 * sentence boundaries. Each passage knows its section ("Chương V › Điều 21", "Kinh nghiệm").
 */
import { splitSentences } from "../text/sentences.js";
import { FOOTNOTE_MARK, MAX_PERSON_LEAD_CHARS, PERSON_TITLE_OPENING } from "../text/vietnamese.js";
import { STRUCTURAL_HEADING } from "./structure.js";
import type { Block, Passage } from "./types.js";

/** Section name of the passage holding a document's formal header. */
export const HEADER_SECTION = "Thông tin văn bản";

/** Passages longer than this are split at sentence boundaries. */
export const MAX_PASSAGE_CHARS = 1200;

// A numbered or lettered clause ("1.", "2.3.", "a)", "II."), which a lead line introduces as context.
const NUMBERED_CLAUSE = /^(?:\d+(?:\.\d+)*[.)]|[a-zđ][.)]|[IVXLC]+\.)\s/u;
const DASH_ITEM = /^[-•–+*]\s|^[a-zđ]\)\s/u;
/** A bulleted list item ("- …", "+ …"), not a lettered one. */
const BULLET = /^[-•–+*]\s/u;
/** Longest numbered line read as the title of the bullets below it ("6.1. Hệ số quy hoạch cấp ủy."). */
const MAX_NUMBERED_TITLE_CHARS = 120;

/**
 * Whether a short numbered line titles the bullets that follow it ("6.1. Hệ số quy hoạch cấp ủy …." /
 * "- Hệ số quy hoạch từ 1,0 - 1,5 lần …"): it names what they state and states nothing itself.
 */
export function titlesBullets(line: string, next: string | undefined): boolean {
  return NUMBERED_CLAUSE.test(line) && (line.length <= MAX_NUMBERED_TITLE_CHARS || (PERSON_LEAD.test(line) && line.length <= MAX_PERSON_LEAD_CHARS)) && next !== undefined && BULLET.test(next);
}

/**
 * A numbered line naming the person the bullets under it are about ("1. Đồng chí Trương Quốc Thịnh - Ủy
 * viên Ban Chấp hành Trung ương Đảng, Bí thư Tỉnh ủy, …"): a title however long their offices make it.
 */
const PERSON_LEAD = new RegExp(String.raw`^\d+[.)]\s+${PERSON_TITLE_OPENING}`, "u");
const PART = /^phần\b/iu;
const CHAPTER = /^chương\b/iu;
const ARTICLE = /^(?:điều|mục)\b/iu;
// The section footnotes of the text ("[i] …", "[1] …") are cited under.
const FOOTNOTES = "Chú thích";
// An appendix's title, in capitals: "DANH SÁCH …", "PHỤ LỤC …" (possibly after its own header's lines).
const APPENDIX_TITLE = /(?:^|\s)(?:DANH SÁCH|PHỤ LỤC)\s+\p{Lu}/u;
// A section numbered in Roman numerals ("I. MỤC ĐÍCH, YÊU CẦU"): the headings numbered "1.", "2." under
// it are its subsections.
const ROMAN_SECTION = /^[IVXLC]+\.\s/u;

interface SectionState {
  part: string | null;
  chapter: string | null;
  /** Title line right after a "Chương" heading ("ĐẢNG VIÊN"). */
  chapterTitle: string | null;
  article: string | null;
  /** A section numbered in Roman numerals, in force for the headings below it. */
  section: string | null;
  heading: string | null;
  /** How deep `heading` is numbered ("3." 1, "3.2." 2, "a)" below any number), or null when it is not. */
  headingLevel: number | null;
  /** The numbered headings above `heading` ("3. Tiêu chuẩn khen thưởng" › "3.2. Bằng khen …" › "a) Đối với tập thể"). */
  parents: Array<{ level: number; text: string }>;
  /** A lead line ending with a colon, in force for the numbered clauses below it. */
  lead: string | null;
  /**
   * An unnumbered lead line above numbered ones that lead in turn ("Tặng Giấy khen … cho 11 tập thể, cụ thể
   * như sau:" / "1. Tổ chức cơ sở đảng …, mức thưởng 1.500.000 đồng:" / rows): it stays in force above each.
   */
  outerLead: string | null;
  /** True while the last block was a numbered heading with no text yet. */
  awaitingTitle: boolean;
}

function sectionLabel(s: SectionState): string | null {
  const path = [s.part, s.chapter, s.article].filter((x): x is string => x !== null);
  if (path.length > 0) return path.join(" › ");
  if (s.section !== null && s.heading !== null) return `${s.section} › ${s.heading}`;
  return s.heading ?? s.section;
}

/** Text describing where a passage stands, indexed with a low weight so "Điều 21" or "kinh nghiệm" find it. */
export function sectionContext(s: SectionState): string {
  return [s.part, s.chapter, s.chapterTitle, s.section, s.article, ...s.parents.map((h) => h.text), s.heading, s.lead].filter((x) => x !== null).join(". ");
}

/** How deep a heading is numbered: "3." 1, "3.2." 2, a lettered "a)" below any number; null when it is not numbered. */
function headingLevelOf(text: string): number | null {
  const digits = /^(\d+(?:\.\d+)*)[.)]\s/u.exec(text)?.[1];
  if (digits !== undefined) return digits.split(".").length;
  return /^[a-zđ]\)\s/u.test(text) ? LETTERED_LEVEL : null;
}

// Lettered headings ("a) Đối với tập thể") stand below numbered ones however deep.
const LETTERED_LEVEL = 10;

/**
 * Whether a lead line states a figure of its own: a number other than its own clause number or a year
 * ("… cho 11 (mười một) tập thể, cụ thể như sau:"), not only what follows ("Người vào Đảng phải:").
 */
function statesFigure(lead: string): boolean {
  return /\d/u.test(lead.replace(NUMBERED_CLAUSE, "").replace(/(?<!\d)(?:19|20)\d\d(?!\d)/gu, ""));
}

/** The first column's name of a table row read as a record ("Năm" in "Năm: 2026; Số đảng viên …: …"), or null. */
function recordLabel(text: string): string | null {
  return /^([^:;.]{1,40}): [^;]*; [^:;]{1,60}: /u.exec(text)?.[1] ?? null;
}

const ITEM_NUMBER_ALONE = /^(?:\d+(?:\.\d+)*|[IVXLC]+|[a-zđ])[.)]$/u;

function splitLong(text: string): string[] {
  if (text.length <= MAX_PASSAGE_CHARS) return [text];
  const pieces: string[] = [];
  let current = "";
  for (const sentence of splitSentences(text)) {
    // (An item's number the sentence splitter took apart, "1.", stays with its item.)
    if (current.length > 0 && !ITEM_NUMBER_ALONE.test(current) && current.length + sentence.text.length + 1 > MAX_PASSAGE_CHARS) {
      pieces.push(current);
      current = "";
    }
    current = current.length > 0 ? `${current} ${sentence.text}` : sentence.text;
  }
  if (current.length > 0) pieces.push(current);
  // A single sentence longer than the limit is cut at the last space before it.
  return pieces.flatMap((piece) => {
    const out: string[] = [];
    let rest = piece;
    while (rest.length > MAX_PASSAGE_CHARS * 1.5) {
      const cut = rest.lastIndexOf(" ", MAX_PASSAGE_CHARS);
      const at = cut > 0 ? cut : MAX_PASSAGE_CHARS;
      out.push(rest.slice(0, at));
      rest = rest.slice(at).trimStart();
    }
    out.push(rest);
    return out;
  });
}

/** A passage plus the section text it is indexed with. */
export interface ChunkedPassage extends Passage {
  context: string;
}

/** The passages of one document. `blocks` come from `toBlocks`; the title block itself is not a passage. */
export function chunkDocument(blocks: readonly Block[], doc: { docId: string; title: string; headerText?: string | null }): ChunkedPassage[] {
  const state: SectionState = { part: null, chapter: null, chapterTitle: null, article: null, section: null, heading: null, headingLevel: null, parents: [], lead: null, outerLead: null, awaitingTitle: false };
  const passages: ChunkedPassage[] = [];
  let paragraphInSection = 0;
  let pending: { text: string; page: number | null } | null = null;

  const emit = (text: string, page: number | null): void => {
    // A lead kept with its items ("2. Đồng chí … :" / "- …" / "- …") heads every piece the passage is cut
    // into: the pieces after the first have it as their context.
    const firstLine = text.includes("\n") ? text.slice(0, text.indexOf("\n")).replace(/\s*[:：.]$/u, "") : null;
    for (const [n, piece] of splitLong(text).entries()) {
      paragraphInSection++;
      const order = passages.length;
      const context = sectionContext(state);
      passages.push({
        id: `${doc.docId}#${order}`,
        docId: doc.docId,
        title: doc.title,
        section: sectionLabel(state),
        paragraph: paragraphInSection,
        page,
        order,
        text: piece,
        context: n > 0 && firstLine !== null && !piece.startsWith(firstLine) && !context.includes(firstLine) ? [context, firstLine].filter((x) => x.length > 0).join(". ") : context,
      });
    }
  };
  // A lead line with no dash items under it is not quoted alone: it lives on as the context of the
  // numbered clauses that follow it.
  // … unless it states a fact of its own ("… cho 11 (mười một) tập thể, cụ thể như sau:"): then it is
  // quoted as well.
  const flushPending = (): void => {
    if (pending && (pending.text.includes("\n") || statesFigure(pending.text))) emit(pending.text, pending.page);
    pending = null;
  };

  // A formal header is quotable as the document's first passage ("ai ký", "số hiệu", "ban hành ngày nào");
  // its section label is its context: it is what a question about "văn bản" (the document) itself asks.
  let titleQuoted = false;
  if (doc.headerText) {
    titleQuoted = true;
    passages.push({ id: `${doc.docId}#0`, docId: doc.docId, title: doc.title, section: HEADER_SECTION, paragraph: 0, page: null, order: 0, text: doc.headerText, context: HEADER_SECTION });
  }
  for (const [i, block] of blocks.entries()) {
    if (block.kind === "heading") {
      flushPending();
      const text = block.text;
      if (text === doc.title) {
        // The title is quotable too ("Nghị quyết số mấy?"): once, as paragraph 0 before any section.
        if (!titleQuoted) {
          titleQuoted = true;
          passages.push({ id: `${doc.docId}#${passages.length}`, docId: doc.docId, title: doc.title, section: null, paragraph: 0, page: block.page, order: passages.length, text, context: "" });
        }
        continue;
      }
      if (PART.test(text) && STRUCTURAL_HEADING.test(text)) {
        Object.assign(state, { part: text, chapter: null, chapterTitle: null, article: null, section: null, heading: null, headingLevel: null, parents: [], awaitingTitle: true });
      } else if (CHAPTER.test(text) && STRUCTURAL_HEADING.test(text)) {
        Object.assign(state, { chapter: text, chapterTitle: null, article: null, section: null, heading: null, headingLevel: null, parents: [], awaitingTitle: true });
      } else if (ARTICLE.test(text) && STRUCTURAL_HEADING.test(text)) {
        Object.assign(state, { article: text, heading: null, headingLevel: null, parents: [], awaitingTitle: false });
      } else if (state.awaitingTitle && !ROMAN_SECTION.test(text) && headingLevelOf(text) === null) {
        // (The title of a part or chapter is its next unnumbered heading: "I. …" opens its first section.)
        state.chapterTitle = state.chapterTitle ? `${state.chapterTitle} ${text}` : text;
        continue;
      } else if (APPENDIX_TITLE.test(text) && headingLevelOf(text) === null && !ROMAN_SECTION.test(text)) {
        // An appendix's title ("DANH SÁCH THÀNH VIÊN BAN CHỈ ĐẠO …", "PHỤ LỤC …") heads all its sections, as a part
        // does (the lines of its own header above it are left out).
        const at = APPENDIX_TITLE.exec(text)?.index ?? 0;
        Object.assign(state, { part: text.slice(at).trim(), chapter: null, chapterTitle: null, article: null, section: null, heading: null, headingLevel: null, parents: [], awaitingTitle: false });
      } else if (ROMAN_SECTION.test(text)) {
        Object.assign(state, { section: text, heading: null, headingLevel: null, parents: [], article: null, awaitingTitle: false });
      } else {
        // A numbered heading stays under the ones numbered above it ("3." › "3.2." › "a)"); any other replaces them all.
        const level = headingLevelOf(text);
        const above = state.heading !== null && state.headingLevel !== null ? [...state.parents, { level: state.headingLevel, text: state.heading }] : [];
        Object.assign(state, { heading: text, headingLevel: level, parents: level === null ? [] : above.filter((h) => h.level < level), article: null, awaitingTitle: false });
      }
      state.lead = null;
      state.outerLead = null;
      paragraphInSection = 0;
      continue;
    }
    state.awaitingTitle = false;
    const text = block.text;
    // A lettered item after bullets ("- …" / "d) Đối với cá nhân") goes back up a level: the lead's list has ended.
    const lastItem = pending?.text.slice(pending.text.lastIndexOf("\n") + 1) ?? "";
    if (pending && DASH_ITEM.test(text) && !(BULLET.test(lastItem) && !BULLET.test(text))) {
      pending.text = `${pending.text}\n${text}`;
      continue;
    }
    // A lead line followed by one plain paragraph ("Các hình thức khen thưởng bao gồm:" / "Huân chương
    // Lao động; Bằng khen …") is one statement: quoted together, and the lead goes no further.
    // … but a table's rows under it ("Năm: 2026; Số đảng viên: …" / "Năm: 2027; …") are its items: it
    // heads each of them.
    const label = recordLabel(text);
    if (pending && !pending.text.includes("\n") && label !== null && recordLabel(blocks[i + 1]?.text ?? "") === label) {
      state.lead = pending.text.replace(/\s*[:：]$/, "");
      pending = null;
      emit(text, block.page);
      continue;
    }
    if (pending && !pending.text.includes("\n") && !NUMBERED_CLAUSE.test(text)) {
      // … unless that paragraph leads in turn ("5. Các trường hợp hạ bậc xếp loại:" / "Nếu người đứng đầu …
      // thì xếp loại như sau:" / "a) …"): then both lead the items below.
      if (/[:：]$/.test(text)) {
        pending.text = `${pending.text} ${text}`;
        state.lead = pending.text.replace(/\s*[:：]$/, "");
        if (!NUMBERED_CLAUSE.test(pending.text)) state.outerLead = state.lead;
        continue;
      }
      state.lead = null;
      state.outerLead = null;
      emit(`${pending.text} ${text}`, pending.page);
      pending = null;
      continue;
    }
    flushPending();
    // A footnote ("[i] Tổng số …", printed after the text) stands under no heading of the text.
    if (FOOTNOTE_MARK.test(text) && state.heading !== FOOTNOTES) {
      Object.assign(state, { part: null, chapter: null, chapterTitle: null, article: null, section: null, heading: FOOTNOTES, headingLevel: null, parents: [], lead: null, outerLead: null, awaitingTitle: false });
      paragraphInSection = 0;
    }
    if (/[:：]$/.test(text) && text.length <= 200) {
      // A lead line: kept with following dash items, or as context for numbered clauses.
      pending = { text, page: block.page };
      const lead = text.replace(/\s*[:：]$/, "");
      const numbered = NUMBERED_CLAUSE.test(text);
      if (!numbered) state.outerLead = lead;
      state.lead = numbered && state.outerLead !== null ? `${state.outerLead}. ${lead}` : lead;
      continue;
    }
    // A numbered line titling the bullets under it travels with them, and no further.
    const next = blocks[i + 1];
    if (next?.kind === "paragraph" && titlesBullets(text, next.text)) {
      pending = { text, page: block.page };
      continue;
    }
    emit(text, block.page);
  }
  flushPending();
  return passages.filter((p) => !/^[^\p{L}\p{N}]*$/u.test(p.text));
}
