/**
 * Extractive answering: from the retrieved passages, the sentence or clause that states the asked-for
 * fact, trimmed to a short answer, or an abstention when the passages do not cover the question's key
 * terms. Pure functions over passages and term statistics: nothing here is invented, every answer is a
 * span of a cited passage.
 */
import type { TermStats } from "../index/termStats.js";
import { titlesBullets } from "../corpus/chunk.js";
import { splitClauses, splitSentences, type Span } from "../text/sentences.js";
import { HEADER_FIELDS, asksHeaderField, fieldQuestion, headerNumber, asksOfAnotherSubject } from "../corpus/header.js";
import { foldKey } from "../text/normalize.js";
import { DOCUMENT_KIND_WORDS, DOCUMENT_NUMBER, MONEY_AMOUNT, NUMBER_WORDS, OFFICE_TITLES_FOLDED } from "../text/vietnamese.js";
import { analyzeText } from "../text/analyze.js";
import { abbreviationExpansion, stopMask } from "../text/lexicon.js";
import type { Token } from "../text/tokenize.js";
import { DEFAULT_POLICY, type AnswerPolicy } from "./policy.js";
import { ANSWER_KIND_NOUNS_FOLDED, ASKED_LEVELS, citedDocumentNumbers, documentNumberKey, personsNamed, ROLE_FRAME_WORDS, type QueryPlan, type QueryTerm, type TermKey } from "./query.js";
import { foldedText, TextMemo, type TermSets, addInto, hasHeadPhrase, hasPhrase, hasWholePhrase, keyIn, speaksOf, termIn, termSets, unitTokens, numberKey, inStatedRange } from "./termSets.js";
import { answerFeatures, MAX_MARGIN, wrongChance, type AnswerFeatures } from "./verifier.js";
import { A_DATE, COMRADES_COUNTED, dropsNegatingPrefix, DEADLINE_SET, asksAgentOf, givesOnlyDeadline, givesOnlyEndDate, headingTime, boundsOtherSide, asksYesOrNo, deadlineTerms, prepareUnitSlots, anchorIn, announcesList, articleHeading, labelAnswers, missesNegation, missingIndicator, namedAsUnknown, statesOtherBound, speaksOnlyOfPilot, citesOtherSubject, answersKind, asksDeadline, asksMoney, contradictsLevel, countsNoun, countsOtherCommittee, foldedQuestion, headingActor, kindBonus, maxKindBonus, levelsIn, nameSameActor, otherCommittee, otherNumbered, otherNumberedUnit, otherOwner, otherPlace, passagePersonLead, personLead, givesTargetForNow, countsOtherOwner, asksWhatIsNotDone, negates, uncited, withoutBirthYears, labelsSubject, otherSector, otherCellKind, namesNoDisciplineForm, countedAtStart, asksContact, countsWithoutNaming, countsAllNotPresent, missingContact, missingVoteResult, cutsOffPlace, spacedWords } from "./slots.js";

/** Longest direct answer, in characters. */
export const MAX_ANSWER_CHARS = 250;
/** How far a unit may run over `MAX_ANSWER_CHARS` and still be shown whole (about three words). */
const TRIM_SLACK_CHARS = 20;
/** How far a window that ends its unit may run over the limit and still be shown to its end (about six words). */
const TAIL_SLACK_CHARS = 40;
/** Longest answer for list questions, where a cut would drop members. */
export const MAX_LIST_ANSWER_CHARS = 300;
/** Below this share of the question's (IDF-weighted) key terms found, the bot abstains (the policy's default). */
export const MIN_COVERAGE = DEFAULT_POLICY.minCoverage;

/** "từ 2021 đến 2025", "2021 - 2025", "2021–2025": the years of a period. */
const YEAR_SPAN = /(?<!\d)((?:19|20)\d\d)\s*(?:-|–|—|đến|den|to)\s*((?:19|20)\d\d)(?!\d)/giu;
/** A year the question gives as a date's ("ngày 15/12/2025", "tháng 12 năm 2025") or as when a document was issued or signed. */
const ISSUE_YEAR = (year: string): RegExp => new RegExp(`(?:\\d/${year}|thang \\d{1,2} nam ${year}|(?:ban hanh|ky|issued|signed|dated|promulgated)\\s+(?:\\S+\\s+){0,3}?(?:nam |in |on )?${year})(?!\\d)`, "u");

/**
 * The years a document's subject line states, when a question that names a document of its kind by a
 * year it does not state asks about it ("Kế hoạch kiểm tra, giám sát năm 2025 … số hiệu là gì?" of "Kế
 * hoạch … Kiểm tra, giám sát năm 2026", issued on 15/12/2025): that is another document of the same kind,
 * even though this one was issued in the year asked. Null when the question's years fit: one stated by
 * the subject or within a period it states, or by the answer or its section (not a header's line), or given as
 * a date or an issue year;
 * or when the subject states no year of its own (those of the documents it cites do not count).
 */
function otherDocumentYears(plan: QueryPlan, passage: CandidatePassage, answer: string, askedYears: readonly string[]): string[] | null {
  const kinds = plan.askedDocument.kinds;
  if (askedYears.length === 0 || kinds === null || passage.subject === undefined || !kinds.some((k) => foldKey(passage.title).startsWith(k))) return null;
  const subject = uncited(passage.subject, plan);
  const subjectYears = [...new Set(subject.match(/(?<!\d)(?:19|20)\d\d(?!\d)/gu) ?? [])];
  if (subjectYears.length === 0) return null;
  // A term or period asked ("nhiệm kỳ 2020 - 2025") lies within one the subject states ("nhiệm kỳ 2025 - 2030" is another).
  // (What the answer or its section says of its own period or year stands: a resolution for 2025 - 2030
  // reviews "nhiệm kỳ 2020 - 2025". A header's date line gives the year it was issued, not the one it is about.)
  const near = passage.isHeader ? "" : `${passage.context}\n${answer}`;
  const askedSpans = spansOf(plan.question);
  const subjectSpans = spansOf(subject);
  const within = (spans: ReadonlyArray<[number, number]>): boolean => askedSpans.some(([a, b]) => spans.some(([c, d]) => a >= c && b <= d));
  if (askedSpans.length > 0 && subjectSpans.length > 0) return within(subjectSpans) || within(spansOf(near)) ? null : subjectYears;
  const stated = new Set(subjectYears);
  for (const [from, to] of subjectSpans) for (let y = from; y <= to; y++) stated.add(String(y));
  const question = foldedQuestion(plan);
  const nearSets = termSets(near);
  const fits = (y: string): boolean => stated.has(y) || nearSets.fold.has(y) || ISSUE_YEAR(y).test(question);
  return askedYears.some(fits) ? null : subjectYears;
}

/** The periods a text states ("2021 - 2025", "từ 2021 đến 2025"), as first and last year. */
function spansOf(text: string): Array<[number, number]> {
  return [...text.matchAll(YEAR_SPAN)].map(([, from, to]): [number, number] => [Number(from), Number(to)]).filter(([from, to]) => to > from && to - from < 50);
}

/** A retrieved passage handed to extraction. */
export interface CandidatePassage {
  id: string;
  text: string;
  context: string;
  title: string;
  /** Retrieval rank, 0 = best. */
  rank: number;
  /** True for a document's header passage: its lines describe one document, so they count as one unit. */
  isHeader?: boolean;
  /** True for a passage of an official document (one with a formal header): the primary source of what it says. */
  isOfficial?: boolean;
  /**
   * A document without a formal header: its title block (the title and the lines before its first section,
   * as an article's lead "Sáng 14/5, Huyện ủy Yên Lũng tổ chức …"), which names the place and body every
   * passage speaks of, as a header would.
   */
  titleBlock?: string;
  /**
   * An official document's subject line in full (its title, the passage's context, may be cut short): the
   * numbers it gives ("… khóa XV, nhiệm kỳ 2025 - 2030") qualify every passage of the document.
   */
  subject?: string;
  /**
   * The body an official document is issued by, from its header ("Chi bộ Công ty Cổ phần Dệt may Bình
   * Nguyên"): like a title block, it names the body every passage of the document speaks of.
   */
  issuer?: string;
  /**
   * The body above the issuer, from the same header line ("Đảng bộ phường Hưng Thịnh Bắc" above "Chi bộ Trạm
   * Y tế"): it places the issuer for a question that names the issuer itself ("Chi bộ Trạm Y tế phường Hưng
   * Thịnh Bắc …"), not for one that asks of the place ("Toàn phường Hưng Thịnh Bắc …", see `issuerFor`).
   */
  issuerAbove?: string;
}

/** The best answering span of one passage. */
export interface PassageAnswer {
  passageId: string;
  /** The answer text (a span of the passage, possibly shortened with "…"). */
  text: string;
  /** Offsets of the answering unit within the passage, for highlighting. */
  start: number;
  end: number;
  score: number;
  coverage: number;
  /** The heaviest key term found nowhere (unit, passage, context), as a share of the question's weight. */
  missingShare: number;
  /** That term (folded), for the abstention reason. */
  missingTerm: string | null;
  /**
   * Coverage of what the passage's context does not already say: the weight of the key terms (and unknown
   * English words) absent from its section headings and document title that the unit or its passage states.
   */
  ownCoverage: number;
}

/** Outcome of extraction. */
export interface Extraction {
  abstained: boolean;
  /** Why it abstained, for logs and evaluation. */
  reason: string | null;
  best: PassageAnswer | null;
  /** Every candidate's best unit, best first. */
  ranked: PassageAnswer[];
  /** What the verifier read of the answer chosen (absent when no unit passed the checks). */
  features?: AnswerFeatures;
  /** Set when the verifier withheld the answer chosen: the documents speak of it, not clearly enough. */
  uncertain?: true;
}

/** The end of a time adverbial a window was cut after: "Đến năm 2027, ", "Từ ngày 01/10/2025, ", "Trong quý III, ". */
const LEADING_TIME_CUT = /(?:^|[\s(:-])(?:đến|trong|từ|vào|tới)?\s*(?:năm|ngày|tháng|quý)\s+[\dIVX][^,;.]{0,20}[,;]\s*$/iu;
const TITLE_LINE_NEVER_ANSWERS = new Set(["who", "date", "when", "where", "count", "duration", "percent", "list"]);
/**
 * What the title line answers (folded): what a document is about or called ("về việc gì", "nội dung gì",
 * "trích yếu", "tên là gì", "what is … about", "subject", "title"), or anything about a document the
 * question names by its number ("Thông báo 659 truyền đạt kết luận gì?").
 */
const SUBJECT_ASKED = /\bve (?:viec |van de |linh vuc |chu de )?(?:gi|nao)\b|\bnoi dung (?:gi|chinh|nao)\b|\btrich yeu\b|\bten (?:goi |day du |la )?(?:gi|nao)\b|\bten\b.*\bla gi\b|\b(?:la )?(?:van ban|quyet dinh|ke hoach|nghi quyet|thong bao|bao cao|huong dan|chi thi|quy dinh|quy che|ket luan|to trinh|cong van|chuong trinh|de an) (?:gi|nao)\b|\babout\b|\bsubject\b|\btitle\b|\bconcern|\bwhat (?:is|was) (?:the )?(?:decision|plan|resolution|notice|report|guid\w*|directive|regulation|document)\b/;

const LIST_LABEL = /^(?:[a-zđ]\)|\d+(?:\.\d+)*\.)\s+[^\d.:;!?]{1,50}$/u;
const NUMERALS = ["", ...NUMBER_WORDS];

const unitCache = new TextMemo<Unit[]>();
/** The header fields a question asks together most ("số mấy, ngày nào"). */
const NUMBER_AND_DATE: ReadonlySet<string> = new Set(["Số hiệu", "Ngày ban hành"]);
/** A year as a question or a text writes it alone ("2025"). */
const YEAR = /^(?:19|20)\d\d$/u;
/** Nouns for an organisation's members (folded), which a text counts as comrades. */
const MEMBER_NOUNS_FOLDED = new Set(["dang vien", "uy vien", "thanh vien"]);

/** Whether the question counts an organisation's members, whom a text may count as comrades. */
function countsMembers(plan: QueryPlan): boolean {
  return plan.kind === "count" && MEMBER_NOUNS_FOLDED.has((plan.countedNoun ?? []).slice(0, 2).map((k) => k.fold).join(" "));
}
/** Two units state the same thing when this share of the shorter one's words (at least this many) is in the other. */
const SAME_STATEMENT_SHARE = 0.8;
const SAME_STATEMENT_MIN_WORDS = 6;

/** A unit of a passage; windows of a longer sentence say where they were cut. */
interface Unit extends Span {
  cutBefore?: boolean;
  cutAfter?: boolean;
}

/** Maximal runs of a long sentence's comma-separated segments that fit in an answer. */
function segmentWindows(sentence: Span): Unit[] {
  const starts: number[] = [0];
  for (const m of sentence.text.matchAll(/[,;]\s+/g)) starts.push((m.index ?? 0) + m[0].length);
  const windows: Unit[] = [];
  for (const from of starts) {
    let end = from;
    for (const next of [...starts.filter((s) => s > from), sentence.text.length]) {
      if (next - from > MAX_ANSWER_CHARS) break;
      end = next;
    }
    if (end <= from) continue;
    const text = sentence.text.slice(from, end).replace(/[,;\s]+$/u, "");
    if (text.length > 0 && text.length < sentence.text.length) {
      windows.push({ text, start: sentence.start + from, end: sentence.start + from + text.length, cutBefore: from > 0, cutAfter: from + text.length < sentence.text.length - 1 });
    }
  }
  return windows;
}

/** Where a list item that ends a statement ("….", "…;") is followed by the next ("\n- ", "\nb) ", "\n2. "). */
const ITEM_END = /[.]\s*\n(?=\s*(?:[-+•*]|[a-zđ]\)|\d+[.)])\s)/gu;

/** A span cut where one list item ends and the next begins (see ITEM_END), with offsets. */
function itemsOf(span: Span): Span[] {
  const items: Span[] = [];
  let from = 0;
  const cut = (to: number): void => {
    const text = span.text.slice(from, to);
    const trimmed = text.trim();
    if (trimmed.length > 0) items.push({ text: trimmed, start: span.start + from + text.indexOf(trimmed), end: span.start + from + text.indexOf(trimmed) + trimmed.length });
  };
  for (const m of span.text.matchAll(ITEM_END)) {
    const end = (m.index ?? 0) + 1;
    cut(end);
    from = end;
  }
  cut(span.text.length);
  return items;
}

/**
 * Analyses a passage ahead of time, so that the first question to retrieve it does not pay for it: its
 * tokens, its units and what each states, the text before each unit, and its words with its section and
 * document title. Called for small indexes at start-up; large ones warm up as they are asked.
 */
export function preparePassage(c: CandidatePassage): void {
  termSets(c.text);
  unitTokens(c.text);
  passageWithContext(c);
  levelsIn(aroundText(c));
  for (const unit of unitsOf(c.text, c.isHeader)) {
    termSets(unit.text);
    unitTokens(unit.text);
    prepareUnitSlots(unit.text);
    if (!c.isHeader) setsUpTo(c.text, unit.end);
  }
}

/** What every `ordinalPattern` needs at a text's start ("<word> là", "thứ …" or a digit): a cheap test first. */
const MAY_OPEN_ITEM = /^(?:\S+ là|thứ |\d)/iu;

/** Whether a text may open the n-th item of an enumeration for some n (every `ordinalPattern` match passes). */
export function mayOpenItem(text: string): boolean {
  return MAY_OPEN_ITEM.test(text);
}

/** "Bốn là, …", "Thứ tư, …", "4. …": the start of the n-th item of an enumeration. */
export function ordinalPattern(n: number): RegExp {
  const numeral = NUMERALS[n] ?? String(n);
  const ordinalWord = n === 1 ? "nhất" : n === 4 ? "tư" : numeral;
  return new RegExp(`^(?:${numeral} là|thứ ${ordinalWord}|${n}[.)])`, "iu");
}

/** A unit whose cover is scored, waiting for the checks of what it says (see `extractAnswer`). */
interface CoveredUnit {
  /** Its place in the passage's list of units: of two units scored alike, the first answers. */
  order: number;
  listed: Unit;
  /** The unit as quoted (with the heading that says whose it is). */
  unit: Unit;
  unitSets: TermSets;
  /** Whether it says the noun the question asks for (`plan.askedNoun`). */
  namesAskedNoun: boolean;
  /** Its score before the checks: cover, bigrams, rank, label bonuses and length. */
  base: number;
  /** The most its score can reach after the checks. */
  bound: number;
  answer: PassageAnswer;
}

/** Rounding room when a bound is compared with a score summed in another order. */
const BOUND_SLACK = 1e-9;

/** Units of a passage: its sentences and, where a sentence has several, their clauses (memoised). */
function unitsOf(text: string, isHeader = false): Unit[] {
  // A header passage is a record: each labelled line is a unit, and the whole is none.
  if (isHeader) return lineUnits(text);
  return unitCache.get(text, computeUnits);
}

function lineUnits(text: string): Unit[] {
  const units: Unit[] = [];
  let offset = 0;
  for (const line of text.split("\n")) {
    if (line.trim()) units.push({ text: line, start: offset, end: offset + line.length });
    offset += line.length + 1;
  }
  return units;
}

function computeUnits(text: string): Unit[] {
  const units: Unit[] = [];
  for (const sentence of splitSentences(text)) {
    // An item's number split off as a sentence of its own ("2.") says nothing.
    if (!/\p{L}/u.test(sentence.text)) continue;
    units.push(sentence);
    // A sentence too long to quote whole also offers its windows of comma-separated segments.
    // (Within its items: a window across the end of one list item would join it to the start of the next —
    // "… cảnh cáo do chi sai quy định ….\n- Đảng viên Vi Văn Thắm …" — and give one's fact as the other's.)
    if (sentence.text.length > MAX_ANSWER_CHARS) units.push(...itemsOf(sentence).filter((item) => item.text.length > MAX_ANSWER_CHARS).flatMap(segmentWindows));
    const clauses = splitClauses(sentence);
    if (clauses.length > 1) units.push(...clauses);
    // Lines of a list passage (dash items) are units of their own.
    if (sentence.text.includes("\n")) {
      let offset = sentence.start;
      for (const line of sentence.text.split("\n")) {
        // A label line of a list ("d) Đối với cá nhân", "2. Tiêu chí thi đua") states nothing by itself.
        if (line.trim().length > 0 && !LIST_LABEL.test(line.trim())) units.push({ text: line.trim(), start: offset + line.indexOf(line.trim()), end: offset + line.indexOf(line.trim()) + line.trim().length });
        offset += line.length + 1;
      }
    }
  }
  // A numbered line titling the bullets under it states nothing itself: no unit is taken from it.
  const titles: Span[] = [];
  const lines = text.split("\n");
  let from = 0;
  lines.forEach((line, i) => {
    if (titlesBullets(line, lines[i + 1])) titles.push({ text: line, start: from, end: from + line.length });
    from += line.length + 1;
  });
  return titles.length === 0 ? units : units.filter((u) => !titles.some((t) => u.start >= t.start && u.end <= t.end));
}

/**
 * Shortens a unit to `maxChars` at comma or word boundaries, keeping the window of comma-separated
 * segments that covers the most (IDF-weighted, distinct) question terms and states the kind of fact
 * asked for; "…" marks a cut. `termWeights` aligns with `plan.terms` (default: all 1).
 */
export function trimAnswer(unit: string, plan: QueryPlan, maxChars = MAX_ANSWER_CHARS, termWeights?: readonly number[]): string {
  // (A few words over the limit are shown rather than cut: "… trong 10 ngày làm…" would lose the fact.)
  // (A list's longer limit has no such slack.)
  if (unit.length <= maxChars + (maxChars < MAX_LIST_ANSWER_CHARS ? TRIM_SLACK_CHARS : 0)) return unit;
  // Who does it is the answer: the lead naming the person stays, and the rest is cut to the duty asked.
  const lead = personLead(unit, plan, plan.kind !== "who");
  if (lead !== null && lead.length < maxChars * 0.7) {
    const rest = trimAnswer(unit.slice(lead.length).trim(), plan.kind === "who" ? { ...plan, kind: "other" } : plan, maxChars - lead.length - 1, termWeights);
    return `${lead} ${rest}`;
  }
  // (A list's lines are segments too: "…:" / "- Theo dõi, phụ trách Đảng bộ xã …".)
  const segments = unit.split(/(?<=[,;])\s+|\s*\n\s*/u);
  const covered = segments.map((seg) => {
    const sets = termSets(seg);
    return plan.terms.map((t) => termIn(t, sets));
  });
  // A count states the fact only where it counts the noun asked ("mười tám tuổi", not "một tổ chức").
  // (So is a phone number or an e-mail address asked for where it is given.)
  const contact = asksContact(plan);
  const statesKind = segments.map((seg) => (kindBonus(plan, seg) > 0 && countsNoun(plan, seg) !== false) || (contact && missingContact(plan, seg) === null));
  const anchored = segments.map((seg) => plan.anchor !== null && termSets(seg).bigrams.has(plan.anchor));
  // "… rated as not completing its tasks": what is not done is what is asked ("01 tổ chức không hoàn thành …").
  const negatedAsked = asksWhatIsNotDone(plan);
  const negating = segments.map((seg) => negatedAsked && negates(seg));
  const anyStatesKind = statesKind.some(Boolean);
  // What the question asks for (the kind of fact, the words after the anchor) weighs as much as half
  // the question's terms: a window without it is not an answer.
  const totalWeight = plan.terms.reduce((sum, _, i) => sum + (termWeights?.[i] ?? 1), 0);
  // A purpose or a reason is all the answer is ("… để bồi dưỡng kết nạp …"): it weighs as much as every term.
  const askedWeight = plan.kind === "purpose" || plan.kind === "reason" ? Math.max(2, totalWeight) : Math.max(2, totalWeight / 2);
  let best = { from: 0, to: 0, score: -Infinity };
  for (let from = 0; from < segments.length; from++) {
    let length = 0;
    for (let to = from; to < segments.length; to++) {
      length += (segments[to]?.length ?? 0) + 1;
      // A last segment that does not fit is cut at the end: the window is judged by the part that shows
      // ("Ngày 28/11, tại Trụ sở Chính phủ, Phó Thủ tướng … đã chủ trì cuộc họp về…").
      const overflows = length > maxChars - 2 && to > from;
      const shownLast = overflows ? termSets((segments[to] ?? "").slice(0, Math.max(0, maxChars - 2 - (length - (segments[to]?.length ?? 0) - 1)))) : null;
      const coversLast = (i: number): boolean => (shownLast ? termIn(plan.terms[i] as QueryTerm, shownLast) : covered[to]?.[i] === true);
      let score = 0;
      plan.terms.forEach((_, i) => {
        for (let k = from; k <= to; k++) {
          if (k === to ? coversLast(i) : covered[k]?.[i]) {
            score += termWeights?.[i] ?? 1;
            break;
          }
        }
      });
      const windowStatesKind = statesKind.slice(from, overflows ? to : to + 1).some(Boolean);
      // Where some segment states the fact asked (the date of "ngày nào"), a window without it is no answer.
      if (anyStatesKind && !windowStatesKind) {
        if (overflows) break;
        continue;
      }
      if (windowStatesKind) score += askedWeight;
      if (negating.slice(from, overflows ? to : to + 1).some(Boolean)) score += askedWeight;
      for (let k = from; k <= to; k++) {
        if (anchored[k] && !(overflows && k === to) && (k === to ? k === segments.length - 1 : true)) {
          score += askedWeight;
          break;
        }
      }
      // Prefer windows that start at the beginning of the unit (the subject is usually there) and, at equal
      // coverage, longer ones: what a "what / for whom" question asks for follows the matched words.
      score += -from * 0.1 + Math.min(length, maxChars) / 1000;
      if (score > best.score) best = { from, to, score };
      if (overflows) break;
    }
  }
  let text = segments.slice(best.from, best.to + 1).join(" ").replace(/,$/, "");
  // (A window that ends the unit a few words past the limit is shown to its end: "… thì được hưởng thêm 20% mức
  // hỗ trợ." would otherwise lose its figure to the cut.)
  // (Not for a list, whose longer limit has no slack, nor for the rest after a person's lead, whose limit is what the lead leaves.)
  const endsUnit = best.to === segments.length - 1 && maxChars === MAX_ANSWER_CHARS;
  if (text.length > maxChars - 2 && !(endsUnit && text.length <= maxChars + TAIL_SLACK_CHARS)) text = text.slice(0, text.lastIndexOf(" ", maxChars - 2)).replace(/[,;:]$/, "");
  const cutBefore = best.from > 0;
  const cutAfter = best.to < segments.length - 1 || text.length < unit.length - (cutBefore ? 1 : 0) && !unit.endsWith(text);
  return `${cutBefore ? "…" : ""}${text}${cutAfter && !/[.…]$/.test(text) ? "…" : ""}`;
}

/**
 * The title of the office a who-question asks about ("Bí thư" in "Ai là Bí thư Đảng ủy …", "Who is the
 * Party Secretary …"), when it does not ask about a deputy; else null.
 */
function askedTitle(plan: QueryPlan): TermKey[] | null {
  const folds = plan.terms.map((t) => t.fold);
  if (folds.includes("pho") || /\b(?:pho|deputy|vice)\b/u.test(foldedQuestion(plan))) return null;
  const title = OFFICE_TITLES_FOLDED.find((syllables) => syllables.every((s) => folds.includes(s)));
  return title ? title.map((fold) => ({ fold, accent: null })) : null;
}

/** The deputy's office a who-question asks ("Ai là Phó Chủ nhiệm Ủy ban Kiểm tra …" → phó chủ nhiệm), or null. */
function deputyTitle(plan: QueryPlan): TermKey[] | null {
  const tokens = unitTokens(plan.question);
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]?.fold !== "pho") continue;
    const title = OFFICE_TITLES_FOLDED.find((syllables) => syllables.every((k, j) => tokens[i + 1 + j]?.fold === k));
    if (title) return ["pho", ...title].map((fold) => ({ fold, accent: null }));
  }
  return null;
}

/** Bodies a title may be followed by ("Bí thư Chi đoàn", "Chủ tịch Công đoàn"), folded. */
const TITLED_BODIES = ["chi doan", "chi hoi", "cong doan", "doan thanh", "hoi lien", "hoi cuu", "hoi nong", "chi bo", "dang uy", "dang bo", "huyen uy", "tinh uy", "thanh uy", "quan uy", "thi uy", "uy ban", "hoi dong", "mat tran"].map((b) => b.split(" "));

/**
 * Whether every time `unit` names the title asked, the body it is the title of is one the question does not
 * name: "Bí thư Chi đoàn khu phố" is no answer to whose the Party Secretary of the ward is.
 */
function namesOnlyOtherBodysTitle(unit: string, title: readonly TermKey[], plan: QueryPlan): boolean {
  // (An abbreviation asked stands for its words: "UBND" asks of the "Ủy ban nhân dân".)
  const asked = new Set(plan.terms.flatMap((t) => [t.fold, ...(t.phrase ?? [])]));
  return everySighting(unit, title, (tokens, i) => {
    const after = i + title.length;
    const body = TITLED_BODIES.find((b) => b.every((k, j) => tokens[after + j]?.fold === k));
    if (body !== undefined && !body.every((k) => asked.has(k))) return true;
    // (Nor is the committee of another level further on in the body's name: "Phó Chủ nhiệm Ủy ban Kiểm tra
    // Tỉnh ủy …" is no answer to who is the Phó Chủ nhiệm of the Ủy ban Kiểm tra Huyện ủy.)
    const askedLevel = PARTY_COMMITTEES.find((b) => b.every((k) => asked.has(k)));
    if (askedLevel === undefined) return false;
    for (let at = after; at < after + BODY_NAME_TOKENS && at < tokens.length; at++) {
      if (at > after && /[,;.:()–]/u.test(unit.slice(tokens[at - 1]?.end ?? 0, tokens[at]?.start ?? 0))) break;
      const level = PARTY_COMMITTEES.find((b) => b.every((k, j) => tokens[at + j]?.fold === k));
      if (level !== undefined) return level !== askedLevel;
    }
    return false;
  });
}

/** A level's party committee (folded): "Tỉnh ủy", "Huyện ủy", … */
const PARTY_COMMITTEES = ["tinh uy", "huyen uy", "thanh uy", "quan uy", "thi uy"].map((b) => b.split(" "));
/** How many words on from an office title the name of its body may run ("Ủy ban Kiểm tra Tỉnh ủy"). */
const BODY_NAME_TOKENS = 6;

/** Whether every time `unit` names the office title `title` (folded syllables), "Phó" makes it the deputy's. */
function namesOnlyDeputy(unit: string, title: readonly TermKey[]): boolean {
  return everySighting(unit, title, (tokens, i) => tokens[i - 1]?.fold === "pho");
}

/** Whether `unit` names `title` (folded syllables) at least once, and `holds` at every token index it does. */
function everySighting(unit: string, title: readonly TermKey[], holds: (tokens: readonly Token[], at: number) => boolean): boolean {
  const tokens = unitTokens(unit);
  let named = false;
  for (let i = 0; i + title.length <= tokens.length; i++) {
    if (!title.every((k, j) => tokens[i + j]?.fold === k.fold)) continue;
    if (!holds(tokens, i)) return false;
    named = true;
  }
  return named;
}

/** Scores every unit of every candidate and decides whether the best one answers the question. */
export function extractAnswer(plan: QueryPlan, candidates: readonly CandidatePassage[], stats: TermStats, policy: AnswerPolicy = DEFAULT_POLICY): Extraction {
  // A term the corpus does not know at all weighs more: it is most likely what the documents lack.
  const unknown = "unknownTerms" in plan ? (plan.unknownTerms as Set<number>) : new Set<number>();
  // An abbreviation term weighs as its rarest full-form syllable, plus a little for being a compound.
  const weights = plan.terms.map((t, i) =>
    t.phrase
      ? Math.max(...t.phrase.map((k) => stats.idf(k, false))) + 0.5
      : t.isNumber && t.fold.includes("#")
        ? // A numbered key ("quy#3" for "quý III") weighs as its number.
          stats.idf(t.fold.slice(t.fold.indexOf("#") + 1), false)
        : stats.idf(t.accent ?? t.fold, t.accent !== null) * (unknown.has(i) ? policy.unknownTermFactor : 1),
  );
  // English words the glossary does not know count as unmatched key terms, each a share of an average term:
  // translation is lossy.
  const knownWeight = weights.reduce((a, b) => a + b, 0);
  const unknownWeight = weights.length > 0 ? plan.unknownWords.length * policy.unknownEnglishWeight * (knownWeight / weights.length) : 0;
  const totalWeight = knownWeight + unknownWeight;
  const queryBigramList = [...new Set(plan.bigrams)];
  // "Cơ quan nào chủ trì …": the noun a who-question asks about is what the answer is, not a word it must
  // repeat ("Sở Văn hóa … chủ trì …" names a body without saying "cơ quan"); so is the money "bao nhiêu
  // tiền" asks for ("486.720.000 đồng").
  const sameKey = (k: TermKey, t: QueryTerm): boolean => k.fold === t.fold && (k.accent === null || t.accent === null || k.accent === t.accent);
  const money = asksMoney(plan) ? (plan.countedNoun?.slice(0, 1) ?? []) : [];
  // So are the words of "Ai giữ chức …" outside the office named ("Đồng chí Tổng Bí thư là Bí thư Quân ủy …").
  const isRoleFrame = (t: QueryTerm): boolean => plan.roleAsked !== null && ROLE_FRAME_WORDS.has(t.fold) && !plan.roleAsked.some((k) => k.fold === t.fold);
  // ("bao nhiêu tiền" is stated by an amount: "đạt 386.450.000 đồng".)
  const namesTheMoney = plan.terms.map((t) => money.some((k) => sameKey(k, t)));
  const namesTheKind = answerKindTerms(plan);
  const namesTheAnswer = plan.terms.map((t, i) => (plan.kind === "who" && plan.askedNoun !== null && plan.askedNoun.some((k) => sameKey(k, t))) || namesTheMoney[i] === true || isRoleFrame(t) || namesTheKind[i] === true);
  const namesTheDeadline = deadlineTerms(plan);
  // "Tổng số đảng viên … là bao nhiêu?", "… in total?": the total asked is what a count states, with or
  // without the word ("Đảng bộ có 41.305 đảng viên").
  const namesTheTotal = totalTerms(plan);
  // "… được tổ chức ở đâu / vào ngày nào?": holding the event is what a label of its place or time says
  // ("Địa điểm: Nhà văn hóa …", "Thời gian: 14 giờ 00, ngày 05/3/2026").
  const namesTheHolding = holdingTerms(plan);
  // "Ban Thường vụ có bao nhiêu ủy viên?": members are counted as comrades ("gồm 13 đồng chí").
  const members = countsMembers(plan);
  const namesTheMembers = plan.terms.map((t) => members && (plan.countedNoun ?? []).slice(0, 2).some((k) => sameKey(k, t)));
  // "… thay thế cho văn bản nào?": the document asked is named by its number ("Quy định số 21-QĐi/TU"),
  // not by the word "văn bản".
  const asksDocument = plan.askedNoun !== null && DOCUMENT_NOUNS_FOLDED.has(plan.askedNoun.map((k) => k.fold).join(" "));
  const namesTheDocument = plan.terms.map((t) => asksDocument && (plan.askedNoun?.some((k) => sameKey(k, t)) ?? false));
  const yesOrNo = asksYesOrNo(plan);
  // "… theo dõi xã nào?": the answer names a commune ("xã Long Mỹ"), not any word with "xã" ("xã hội").
  const askedLevel = plan.askedNoun?.length === 1 ? (plan.askedNoun[0]?.fold ?? "") : "";
  const levelAsked = ASKED_LEVELS.has(askedLevel);
  const compounds = "compounds" in plan ? (plan.compounds as Array<[number, number]>) : [];
  // (Each compound's terms, and every term in one: the same for every unit.)
  const compoundPairs = compounds.map(([a, b]) => ({ a, b, pair: [plan.terms[a], plan.terms[b]].filter((t): t is QueryTerm => t !== undefined) }));
  const inCompound = new Set(compounds.flat());
  const timedEvent = timedEventAsked(plan);
  // "Ai chủ trì …?": a unit that does not say the act asked is no answer (see abstentionReason).
  const act = plan.kind === "who" ? actAsked(plan) : null;
  const ordinalLead = plan.ordinal !== null ? ordinalPattern(plan.ordinal) : null;
  // The people the question names by their full names ("Vi Văn Khải … là bí thư xã nào?").
  const persons = personsNamed(plan);
  const ranked: PassageAnswer[] = [];
  // The most the costly checks can add to a unit's score: its kind's best bonus, an announced list, the anchor.
  const bonusBound = maxKindBonus(plan, policy) + (plan.kind === "list" && plan.askedNoun ? Math.max(0, policy.askedItemBonus) : 0) + (plan.anchor ? Math.max(0, policy.anchorBonus) : 0);
  // A passage without the question's numbers or names is about something else: it competes only when no
  // passage has them (then its unit still gives the reason to abstain).
  // The document the question names by number is the one asked about: its header answers for it, even
  // when the question describes it with numbers the header does not repeat ("giai đoạn 2026-2031").
  const { number: askedNumber, kinds: askedKinds } = plan.askedDocument;
  // The question as the header fields' `asks` read it.
  const fieldAsked = fieldQuestion(plan.question);
  const headerKey = (c: CandidatePassage): string | null => {
    const number = c.isHeader ? headerNumber(c.text) : null;
    return number === null ? null : documentNumberKey(number);
  };
  const qualifies = new Map<CandidatePassage, boolean>();
  const holdsQualifiers = (c: CandidatePassage): boolean => {
    let holds = qualifies.get(c);
    if (holds === undefined) {
      const sets = passageWithContext(c);
      holds = (askedNumber !== null && headerKey(c) === askedNumber) || (missingNumbers(plan, withSubject(sets, c)).length === 0 && missingName(plan, c.issuer ? unionOfKept(sets, termSets(issuerFor(c, plan))) : sets) === undefined);
      qualifies.set(c, holds);
    }
    return holds;
  };
  // A header's fields answer for its document, and the document is also named by what its text says
  // ("Ai ký quyết định kỷ luật đồng chí Trần Đình Khôi?": the name is in the decision, not its header).
  const documentOf = (c: CandidatePassage): string => c.id.slice(0, c.id.lastIndexOf("#"));
  const hasQualifiers = plan.numbers.length + plan.names.length > 0;
  const qualifiedDocuments = hasQualifiers ? new Set(candidates.filter((c) => !c.isHeader && holdsQualifiers(c)).map(documentOf)) : null;
  const qualified = qualifiedDocuments ? candidates.filter((c) => holdsQualifiers(c) || (c.isHeader && qualifiedDocuments.has(documentOf(c)))) : candidates;
  // When a header field is asked ("Ai ký quyết định kỷ luật đồng chí X?"), what the document's retrieved
  // passages say (that hold the question's names and numbers) describes the document the header heads.
  // (Only a question that names the document by its kind: "Ai ký giấy giới thiệu?" asks no header.)
  const asksAnyField = askedKinds !== null && HEADER_FIELDS.some((f) => asksHeaderField(f, fieldAsked, plan.kind));
  const headerEvidence = new Map<string, TermSets>();
  if (asksAnyField) {
    const ownNumber = new Map(candidates.filter((c) => c.isHeader).map((c) => [documentOf(c), headerKey(c)]));
    for (const c of candidates) {
      if (c.isHeader || (hasQualifiers && !holdsQualifiers(c))) continue;
      const doc = documentOf(c);
      // A passage that cites another document of the kind asked ("… theo Quyết định số 1297-QĐ/TU") tells
      // of that document: its words are no evidence for this one's header.
      if (askedKinds !== null && citedDocumentNumbers(foldKey(c.text), askedKinds).some((n) => n !== ownNumber.get(doc))) continue;
      let evidence = headerEvidence.get(doc);
      if (!evidence) headerEvidence.set(doc, (evidence = emptySets()));
      addInto(evidence, termSets(c.text));
    }
  }
  const evidenceOf = (c: CandidatePassage | undefined): TermSets | undefined =>
    c?.isHeader && askedKinds?.some((k) => foldKey(c.text).startsWith(k)) ? headerEvidence.get(documentOf(c)) : undefined;
  for (const candidate of qualified.length > 0 ? qualified : candidates) {
    const evidence = evidenceOf(candidate);
    const wholePassageSets = evidence ? unionOf(termSets(candidate.text), evidence) : termSets(candidate.text);
    const around = aroundText(candidate);
    const contextSets = termSets(around);
    // Which terms the context holds, once per passage; a header restates its document's title, so what
    // it says counts as its own.
    const contextHas = plan.terms.map((term) => termIn(term, contextSets));
    // The body that issued the document names what every passage of it speaks of ("Chi bộ Công ty Cổ phần Dệt
    // may Bình Nguyên"): its words are context too.
    const issuerSets = candidate.issuer && !candidate.isHeader ? termSets(issuerFor(candidate, plan)) : NO_TERMS;
    const issuerHas = plan.terms.map((term, i) => contextHas[i] !== true && termIn(term, issuerSets));
    // An English question's subject ("population", "party cell congress") missing from the passage and
    // its section: the passage is about something else.
    const offTopic = plan.headPhrase !== null && !speaksOf(plan.headPhrase, wholePassageSets) && !speaksOf(plan.headPhrase, contextSets);
    let bestUnit: PassageAnswer | null = null;
    // A header's signer, date or issuer answers only for its own document, not one its subject names.
    const key = headerKey(candidate);
    // A header answers for its own document only: not one the question names by another number, nor one
    // of another kind ("Cơ quan nào … ban hành Nghị quyết về …" is not asked of a Kết luận's header).
    const otherKind = candidate.isHeader && askedKinds !== null && !askedKinds.some((k) => foldKey(candidate.text).startsWith(k));
    // (Nor one acting on another thing than its subject names: "Quyết định thành lập Chi bộ Hợp tác xã …" of a
    // decision founding the Chi bộ Công ty … whose text only mentions the other.)
    const otherSubject = candidate.isHeader && asksOfAnotherSubject(plan.question, candidate.text);
    const otherDocument = otherKind || otherSubject || (key !== null && (askedNumber !== null ? key !== askedNumber : plan.docRefs.includes(key)));
    // A duty listed under the body that holds it ("1. Sở Y tế" / "Chủ trì …"): the heading is the actor.
    // "Điều mấy quy định về …": the article heading over the passage is the answer, said with what it says.
    const article = plan.asksArticle && !candidate.isHeader ? articleHeading(candidate.context) : null;
    const actor = article ?? (plan.kind === "who" && !candidate.isHeader ? headingActor(candidate.context) : null);
    // "Bước 2. … (hoàn thành trước ngày 10/01/2025)" over the step's work: the heading dates each unit that
    // states no time of its own.
    const timeHeading = (plan.kind === "date" || plan.kind === "when") && !candidate.isHeader && actor === null ? headingTime(candidate.context) : null;
    // "2. Đồng chí … - Phó Bí thư …" over the duties in the passage: the person is who does each of them.
    const passageLead = plan.kind === "who" && !candidate.isHeader && actor === null ? passagePersonLead(candidate.text) : null;
    const leadEnd = candidate.text.indexOf("\n");
    // (The lead itself says who holds which office: it answers "Ai là Phó Chủ tịch …?".)
    const leadUnit: Unit[] = passageLead !== null ? [{ text: passageLead, start: 0, end: leadEnd }] : [];
    // A question that asks for a document's number and its date ("… số mấy, ban hành ngày nào?") is
    // answered by the two lines together.
    const askedLines = candidate.isHeader ? unitsOf(candidate.text, true).filter((line) => HEADER_FIELDS.some((f) => NUMBER_AND_DATE.has(f.label) && line.text.startsWith(`${f.label}:`) && asksHeaderField(f, fieldAsked, plan.kind))) : [];
    const fieldsUnit: Unit[] = askedLines.length > 1 ? [{ text: askedLines.map((line) => line.text).join("\n"), start: askedLines[0]?.start ?? 0, end: askedLines[askedLines.length - 1]?.end ?? 0 }] : [];
    // (Those the passage names: a unit of it that does not name them speaks of someone else.)
    // (A header's fields speak of its document, whoever the document names.)
    // (Its section names the place, once for all its units.)
    const levelInContext = levelAsked && namesLevel(candidate.context, askedLevel);
    const personsHere = candidate.isHeader ? [] : persons.filter((name) => name.every((bigram) => wholePassageSets.bigrams.has(bigram)));
    // Each unit is scored in two steps: what its words cover (cheap) first, then the checks of what it says
    // (costly), unit by unit from the highest bound that cover leaves down, until no bound can beat the best
    // unit found — the same best unit as checking them all (a tie goes to the unit listed first).
    const covered: CoveredUnit[] = [];
    for (const listed of [...unitsOf(candidate.text, candidate.isHeader), ...leadUnit, ...fieldsUnit]) {
      const heading = actor ?? (timeHeading !== null && !A_DATE.test(listed.text) ? timeHeading : null) ?? (passageLead !== null && listed.start > leadEnd ? passageLead : null);
      // (A cut inside the unit is marked after the heading: "Đồng chí …: …Yên Trạch.")
      const unit = heading && !foldKey(listed.text).includes(foldKey(heading)) ? { ...listed, text: `${heading}: ${listed.cutBefore ? "…" : ""}${listed.text.replace(/^[-•–+*]\s+/u, "")}`, cutBefore: false } : listed;
      const field = candidate.isHeader ? HEADER_FIELDS.find((f) => unit.text.startsWith(`${f.label}:`)) : undefined;
      if (field && otherDocument) continue;
      // A header field answers only the question that asks for it (the recipients are nobody's answer to "ai").
      const asksField = field !== undefined && asksHeaderField(field, fieldAsked, plan.kind);
      if (field && !asksField) continue;
      // The header's title line says what the document is; it states no signer, date, count or list.
      if (candidate.isHeader && !field && (TITLE_LINE_NEVER_ANSWERS.has(plan.kind) || yesOrNo || (!SUBJECT_ASKED.test(fieldAsked) && plan.docRefs.length === 0))) continue;
      const unitSets = termSets(unit.text);
      // What the passage says before the unit (and in its sentence) qualifies it; what comes later does not.
      const passageSets = candidate.isHeader ? wholePassageSets : setsUpTo(candidate.text, listed.end);
      // The n-th item of an enumeration ("Bốn là, …") is named by its section ("Kinh nghiệm"): when the
      // question asks for that item, terms found in the section count in full.
      // (So is a fact given under the label of what is asked: "Địa điểm: …" for "ở đâu".)
      const labelled = !candidate.isHeader && labelAnswers(plan, unit.text);
      const isAskedItem = (ordinalLead !== null && ordinalLead.test(unit.text)) || article !== null || labelled;
      // A term the unit states in other words: a deadline ("chậm nhất" as "trước ngày"), the document asked
      // by its number, a body's members as comrades. (A count the question gives, "chi bộ có 35 đảng viên",
      // is also stated by a rule's range that holds it, "từ 30 đảng viên trở lên".)
      const saidOtherwise = (i: number): boolean => (labelled && namesTheHolding[i] === true) || (namesTheDeadline[i] === true && DEADLINE_SET.test(unit.text)) || (namesTheMoney[i] === true && MONEY_AMOUNT.test(unit.text)) || (namesTheDocument[i] === true && DOCUMENT_NUMBER.test(unit.text)) || (namesTheMembers[i] === true && COMRADES_COUNTED.test(unit.text)) || (namesTheTotal[i] === true && answersKind(plan, unit.text)) || namesTheKind[i] === true;
      let matched = 0;
      let ownWeight = 0;
      let ownMatched = 0;
      let missingWeight = 0;
      let missingTerm: string | null = null;
      const found: boolean[] = [];
      for (let i = 0; i < plan.terms.length; i++) {
        const term = plan.terms[i] as QueryTerm;
        const w = weights[i] ?? 0;
        found[i] = true;
        // (An article heading said with the unit is the unit's own.)
        // (The issuer's words a unit says itself are its own: "Đại hội Chi bộ thôn Mai Xá Hạ" in the minutes of that chi bộ.)
        const inContext = (contextHas[i] === true && !candidate.isHeader && !(article !== null && termIn(term, unitSets))) || (issuerHas[i] === true && !termIn(term, unitSets));
        if (!inContext) ownWeight += w;
        if (termIn(term, unitSets)) {
          matched += w;
          if (!inContext) ownMatched += w;
        } else if (saidOtherwise(i) || (inStatedRange(term.fold, unitSets) && givesCount(plan.question, term.fold))) {
          // Stated in other words: credited like a term of the passage around the unit.
          matched += policy.passageCredit * w;
          if (!inContext) ownMatched += policy.passageCredit * w;
        } else if (termIn(term, passageSets)) {
          const credit = (candidate.isHeader ? 1 : policy.passageCredit) * w;
          matched += credit;
          if (!inContext) ownMatched += credit;
        } else if (contextHas[i] === true || issuerHas[i] === true) matched += (isAskedItem ? 1 : policy.contextCredit) * w;
        else found[i] = false;
      }
      // What is missing is weighed by whole compounds: "tài chính" is missing from a passage that has
      // "tài liệu" and no "chính", and from one that has both syllables apart.
      // A compound stated by a synonym ("tối đa" as "không quá") is there: both syllables were found, one
      // of them only through its synonym group.
      const bySynonymOnly = (i: number): boolean => {
        const term = plan.terms[i];
        return term !== undefined && found[i] === true && !keyIn(term, unitSets) && !keyIn(term, passageSets) && !keyIn(term, contextSets) && !keyIn(term, issuerSets);
      };
      for (const { a, b, pair } of compoundPairs) {
        if (namesTheAnswer[a] === true && namesTheAnswer[b] === true) continue;
        // The folded pair must be the accented syllables asked ("cơ quan Ủy ban" is no "Quân ủy").
        if (pair.length === 2 && (hasPhrase(unitSets, pair) || hasPhrase(passageSets, pair) || hasPhrase(contextSets, pair) || hasPhrase(issuerSets, pair))) continue;
        if (found[a] && found[b] && (bySynonymOnly(a) || bySynonymOnly(b) || (saidOtherwise(a) && saidOtherwise(b)))) continue;
        const w = (weights[a] ?? 0) + (weights[b] ?? 0);
        if (w > missingWeight) {
          missingWeight = w;
          missingTerm = pair.map((t) => t.fold).join(" ");
        }
      }
      for (let i = 0; i < plan.terms.length; i++) {
        const term = plan.terms[i] as QueryTerm;
        const w = weights[i] ?? 0;
        if (!found[i] && !inCompound.has(i) && !namesTheAnswer[i] && w > missingWeight) {
          missingWeight = w;
          missingTerm = term.phrase ? term.phrase.join(" ") : term.fold;
        }
      }
      const coverage = totalWeight > 0 ? matched / totalWeight : 0;
      let bigramHits = 0;
      for (const b of queryBigramList) if (unitSets.bigrams.has(b)) bigramHits++;
      // (A label naming the subject is no answer to a question whose qualifier the passage never states: "Đồng
      // chí X: được 39 phiếu" under the election of delegates, asked of X's votes for the chi ủy.)
      const itemBonus = isAskedItem || (!candidate.isHeader && missingWeight === 0 && labelsSubject(plan, unit.text)) ? policy.askedItemBonus : 0;
      // Long units read worse and usually carry several facts: the shortest unit that states it wins
      // (but a list is as long as its members).
      const limit = plan.kind === "list" ? MAX_LIST_ANSWER_CHARS : MAX_ANSWER_CHARS;
      const lengthPenalty = (plan.kind === "list" ? 0 : unit.text.length * policy.lengthPenaltyPerChar) + Math.max(0, unit.text.length - limit) * policy.overLengthPenaltyPerChar;
      const base = coverage * policy.coverageWeight + Math.min(bigramHits, policy.maxBigramHits) * policy.bigramWeight - candidate.rank * policy.rankPenalty + itemBonus + (asksField ? policy.askedItemBonus : 0) - lengthPenalty;
      const namesAskedNoun = plan.askedNoun !== null && hasPhrase(unitSets, plan.askedNoun);
      covered.push({
        order: covered.length,
        listed,
        unit,
        unitSets,
        namesAskedNoun,
        base,
        bound: base + bonusBound + (namesAskedNoun ? policy.askedNounBonus : 0),
        answer: { passageId: candidate.id, text: `${unit.cutBefore ? "…" : ""}${unit.text}${unit.cutAfter ? "…" : ""}`, start: unit.start, end: unit.end, score: base, coverage, missingShare: totalWeight > 0 ? missingWeight / totalWeight : 0, missingTerm, ownCoverage: labelled || ownWeight + unknownWeight === 0 ? 1 : ownMatched / (ownWeight + unknownWeight) },
      });
    }
    // What only takes away from a unit's score, in a fixed order: a unit that can no longer beat the best
    // one found is left unchecked.
    const penalties: ReadonlyArray<(c: CoveredUnit) => number> = [
      () => (offTopic ? policy.mismatchPenalty : 0),
      ({ unit }) => (countsNoun(plan, unit.text, candidate.context) === false || (members && countsOtherCommittee(plan, unit.text)) || countsAllNotPresent(plan, unit.text) ? policy.mismatchPenalty : 0),
      ({ unit }) => (contradictsLevel(plan, unit.text, around) ? policy.mismatchPenalty : 0),
      ({ unit }) => ((asksDeadline(plan) && !DEADLINE_SET.test(unit.text)) || givesOnlyDeadline(plan, unit.text) ? policy.mismatchPenalty : 0),
      // "Đại hội … được tổ chức vào ngày nào?": a date said of what the question asks the time of.
      ({ unit }) => (timedEvent !== null && !candidate.isHeader && !timedEvent.every((term) => termIn(term, termSets(outsideNames(unit.text)))) ? policy.kindPenalty : 0),
      ({ unitSets }) => (act !== null && !candidate.isHeader && !act.every((term) => termIn(term, unitSets)) ? policy.mismatchPenalty : 0),
      ({ unitSets }) => (personsHere.some((name) => !name.every((bigram) => unitSets.bigrams.has(bigram))) ? policy.kindPenalty : 0),
      // A yes-or-no answer is the statement that decides: a window cut after its subject and verb is not.
      ({ unit }) => (yesOrNo && unit.cutBefore ? policy.kindPenalty : 0),
      // A window cut right after the date that opens its sentence ("Đến năm 2027, | xã đạt chuẩn …") has lost
      // the time its fact is of: no answer to when.
      ({ unit, listed }) => (unit.cutBefore && (plan.kind === "date" || plan.kind === "when") && LEADING_TIME_CUT.test(candidate.text.slice(Math.max(0, listed.start - 40), listed.start)) ? policy.kindPenalty : 0),
      // (So has a window cut after the place its sentence gives, for "ở đâu".)
      ({ unit, listed }) => (unit.cutBefore && cutsOffPlace(plan, unit.text, candidate.text.slice(0, listed.start)) ? policy.kindPenalty : 0),
      ({ unit }) => (missesNegation(plan, unit.text) || dropsNegatingPrefix(plan.question, unit.text) || otherSector(plan, unit.text) !== null || namesNoDisciplineForm(plan, unit.text) ? policy.mismatchPenalty : 0),
      ({ unit }) => (countsWithoutNaming(plan, unit.text) ? policy.kindPenalty : 0),
      ({ unit }) => (missingContact(plan, unit.text) !== null || missingVoteResult(plan, unit.text) ? policy.mismatchPenalty : 0),
      ({ unit }) => (statesOtherBound(plan, unit.text) || boundsOtherSide(plan, unit.text) || speaksOnlyOfPilot(plan, unit.text) || citesOtherSubject(plan, unit.text) ? policy.mismatchPenalty : 0),
    ];
    covered.sort((a, b) => b.bound - a.bound || a.order - b.order);
    let bestOrder = -1;
    const beaten = (score: number): boolean => bestUnit !== null && score < bestUnit.score - BOUND_SLACK;
    units: for (const checked of covered) {
      const { order, listed, unit, namesAskedNoun, base, bound, answer } = checked;
      if (beaten(bound)) break;
      let score = base + kindBonus(plan, unit.text, policy);
      // (The place may be named before the unit in its passage or in its section: "Xã Cốc Mằn … sau 5 năm,
      // Đảng bộ xã kết nạp 118 đảng viên".)
      const placeNamed = levelAsked && (levelInContext || [unit.text, candidate.text.slice(0, listed.end)].some((text) => namesLevel(text, askedLevel)));
      if (namesAskedNoun && (!levelAsked || placeNamed)) score += policy.askedNounBonus;
      // (A unit that names no place of the level asked does not say which one.)
      else if (levelAsked && !candidate.isHeader && !placeNamed) score -= policy.kindPenalty;
      if (announcesList(plan, unit.text)) score += policy.askedItemBonus;
      const anchored = plan.anchor ? anchorIn(plan.anchor, unit.text) : null;
      if (anchored) score += anchored === "followed" ? policy.anchorBonus : -2 * policy.anchorBonus;
      for (const penalty of penalties) {
        if (beaten(score)) continue units;
        score -= penalty(checked);
      }
      if (!bestUnit || score > bestUnit.score || (score === bestUnit.score && order < bestOrder)) {
        bestUnit = { ...answer, score };
        bestOrder = order;
      }
    }
    if (bestUnit) ranked.push(bestUnit);
  }
  ranked.sort((a, b) => b.score - a.score);
  const top = ranked[0] ?? null;
  if (!top) return { abstained: true, reason: "no passage retrieved", best: null, ranked };
  const candidateOf = (unit: PassageAnswer): CandidatePassage | undefined => candidates.find((c) => c.id === unit.passageId);
  // Each unit's checks run once: the choice, the official document's preference and the verifier's rival ask them.
  const reasons = new Map<PassageAnswer, string | null>();
  const reasonOf = (unit: PassageAnswer): string | null => {
    if (!reasons.has(unit)) reasons.set(unit, abstentionReason(plan, unit, candidateOf(unit), policy, evidenceOf(candidateOf(unit))));
    return reasons.get(unit) ?? null;
  };
  // The best-scoring unit that passes every check answers; when none does, the top one's reason is given.
  let best: PassageAnswer | null = null;
  let reason: string | null = null;
  for (const unit of ranked.slice(0, policy.maxUnitsChecked)) {
    // A unit below the top must cover the question clearly better than the bar to be preferred.
    const why =
      unit !== top && (unit.coverage < policy.minCoverage + policy.fallbackMargin || unit.score < top.score - policy.fallbackScoreGap)
        ? "weaker unit"
        : reasonOf(unit);
    if (!why) {
      best = unit;
      break;
    }
    reason ??= why;
  }
  if (!best) return { abstained: true, reason, best: top, ranked };
  // The same statement found in an official document and in a text that repeats it (an article quoting
  // the Charter, an encyclopaedia restating it in its own words) is cited from the official document.
  if (candidateOf(best)?.isOfficial !== true) {
    const chosen = best;
    const restates = (u: PassageAnswer): boolean => sameStatement(u.text, chosen.text) || (u.coverage >= chosen.coverage && u.score >= chosen.score - policy.officialPreference && nameSameActor(plan, u.text, chosen.text));
    const primary = ranked.find((u) => u !== chosen && candidateOf(u)?.isOfficial === true && restates(u) && !reasonOf(u));
    if (primary) best = primary;
  }
  if (best !== top) ranked.splice(ranked.indexOf(best), 1), ranked.unshift(best);
  // An answer that passes every check may still be a near miss: the verifier weighs how clearly it won.
  // (It is weighed against the next unit that could have been given instead: one that passes the checks.)
  // (A unit that says the same — an encyclopaedia restating the Charter cited — is no rival.)
  const answer = best;
  const rival = ranked.slice(1, 1 + policy.maxUnitsChecked).find((u) => u.score > answer.score - MAX_MARGIN && !sameStatement(u.text, answer.text) && !nameSameActor(plan, u.text, answer.text) && !reasonOf(u));
  const features = answerFeatures({ best, rival, runnerUp: ranked[1], rank: candidateOf(best)?.rank ?? 0, termCount: plan.terms.length, english: plan.language === "en", unknownWords: plan.unknownWords.length });
  const chance = wrongChance(features);
  if (chance > policy.maxWrongChance) return { abstained: true, reason: `the answer is uncertain (${Math.round(chance * 100)} % likely wrong)`, best, ranked, features, uncertain: true };
  // A list reads badly cut: it may run to 300 characters.
  const maxChars = plan.kind === "list" ? MAX_LIST_ANSWER_CHARS : MAX_ANSWER_CHARS;
  return { abstained: false, reason: null, best: { ...best, text: trimAnswer(best.text, plan, maxChars, weights) }, ranked, features };
}

/** Whether `unit` names a place of the level `fold` ("xã" then a capitalised name: "xã Long Mỹ"). */
function namesLevel(unit: string, fold: string): boolean {
  const tokens = unitTokens(unit);
  return tokens.some((t, i) => t.fold === fold && /^\p{Lu}/u.test(unit.charAt(tokens[i + 1]?.start ?? unit.length)));
}

/**
 * Whether `text` names a place of the level `fold`, directly ("xã Long Mỹ") or by its party committee
 * ("Huyện ủy Yên Lũng", "Tỉnh ủy Lạc Giang").
 */
function namesPlaceOfLevel(text: string, fold: string): boolean {
  if (namesLevel(text, fold)) return true;
  const tokens = unitTokens(text);
  return tokens.some((t, i) => t.fold === fold && tokens[i + 1]?.fold === "uy" && /^\p{Lu}/u.test(text.charAt(tokens[i + 2]?.start ?? text.length)));
}

/** Levels an English word names unambiguously (see abstentionReason). */
const ENGLISH_UNAMBIGUOUS_LEVELS = new Set(["tinh", "xa", "phuong"]);

/** A sector named, folded ("nhà nước", "công lập"; see `otherSector`). */
const SECTOR_NAMED = /\b(?:nha nuoc|cong lap|dnnkvnn)\b/u;

/** Nouns a question asks which document by ("văn bản nào", "quy định nào"), folded. */
const DOCUMENT_NOUNS_FOLDED = new Set(["van ban", ...DOCUMENT_KIND_WORDS.map(foldKey)]);

/** Whether a unit says nothing the question does not: every word of it that is no function word is the question's. */
function repeatsQuestion(plan: QueryPlan, unit: string): boolean {
  const asked = new Set(analyzeText(plan.question, false).tokens.map((t) => t.fold));
  const tokens = unitTokens(unit.replace(/^…|…$/gu, ""));
  const stops = stopMask(tokens, true);
  return tokens.every((t, i) => stops[i] === true || asked.has(t.fold));
}

/** Whether two units say the same thing: nearly all the words of the shorter are in the longer, numbers alike. */
function sameStatement(a: string, b: string): boolean {
  const sa = termSets(a.replace(/^…|…$/gu, ""));
  const sb = termSets(b.replace(/^…|…$/gu, ""));
  const [small, large] = sa.fold.size <= sb.fold.size ? [sa, sb] : [sb, sa];
  if (small.fold.size < SAME_STATEMENT_MIN_WORDS) return false;
  let shared = 0;
  for (const k of small.fold) if (large.fold.has(k)) shared++;
  return shared / small.fold.size >= SAME_STATEMENT_SHARE && [...small.numbers].every((n) => large.numbers.has(n));
}

/** The question's numbers a passage (with its context) lacks; "0310" stands for "310". */
/** Two years joined as a period ("2021 - 2025", "2025–2030"). */
const PERIOD_OF_YEARS = /(?<!\d)((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)(?!\d)/gu;

/** A period as questions type it too: "nhiem ky 2020 2025", "from 2021 to 2025", "2021 đến 2025". */
const QUESTION_PERIOD_OF_YEARS = /(?<!\d)((?:19|20)\d\d)\s*(?:[-–—]|đến|den|to|and|until)?\s*((?:19|20)\d\d)(?!\d)/giu;

/** Whether `text` names `year`, and only as one end of a period of years. */
function onlyInPeriods(text: string, year: string, periods: RegExp = PERIOD_OF_YEARS): boolean {
  const all = [...text.matchAll(new RegExp(`(?<!\\d)${year}(?!\\d)`, "gu"))].length;
  if (all === 0) return false;
  const inPeriods = [...text.matchAll(periods)].reduce((n, m) => n + (m[1] === year ? 1 : 0) + (m[2] === year ? 1 : 0), 0);
  return inPeriods >= all;
}

/** Kinds of person "ai là … <act>" names before the act (folded syllables). */
const PERSON_BEFORE_ACT: ReadonlyArray<readonly string[]> = [["nguoi"], ["dang", "vien"], ["dong", "chi"], ["can", "bo"]];

/** The question's key term typed as its token `k` (Vietnamese questions keep where each term was typed). */
function typedTerm(plan: QueryPlan, tokens: readonly Token[], k: number): QueryTerm | undefined {
  const token = tokens[k];
  return token === undefined ? undefined : plan.terms.find((t) => t.position === k && t.fold === token.fold);
}

/** Verbs of assigning (folded) between "ai được" and the act assigned ("ai được phân công theo dõi …"). */
const ASSIGNING: ReadonlyArray<readonly string[]> = [["phan", "cong"], ["giao"], ["cu"]];

/**
 * The act a Vietnamese who-question asks the actor of, as the question's terms: the content syllables right
 * after "ai" opening the question or its clause after a comma, or after "ai là" and a kind of person ("Ai chủ
 * trì hội nghị?", "Ai là người chủ trì hội nghị?" → chủ trì), or after "ai được" and a verb of assigning ("…,
 * ai được phân công theo dõi xã X?" → theo dõi); null when a function word follows instead ("ai là Bí thư …"
 * aside, "ai được …") or no clause opens with "ai". `openingOnly`: only the act after "ai" opening the
 * question ("Ai chủ trì …", "Ai là người chủ trì …").
 */
function actAsked(plan: QueryPlan, openingOnly = false): QueryTerm[] | null {
  if (plan.language !== "vi") return null;
  const tokens = unitTokens(plan.question);
  const at = tokens.findIndex((t, i) => t.fold === "ai" && (i === 0 || (!openingOnly && plan.question.slice(tokens[i - 1]?.end ?? 0, t.start).includes(","))));
  if (at < 0) return null;
  // "Ai là người chủ trì …", "ai là đảng viên giới thiệu …": the act follows the kind of person.
  const follows = (words: readonly string[], from: number): boolean => words.every((w, j) => tokens[from + j]?.fold === w);
  const kind = tokens[at + 1]?.fold === "la" ? PERSON_BEFORE_ACT.find((words) => follows(words, at + 2)) : undefined;
  const assigned = !openingOnly && tokens[at + 1]?.fold === "duoc" ? ASSIGNING.find((words) => follows(words, at + 2)) : undefined;
  const first = kind !== undefined ? at + 2 + kind.length : assigned !== undefined ? at + 2 + assigned.length : at + 1;
  const act: QueryTerm[] = [];
  for (let k = first; k <= first + 1; k++) {
    const term = typedTerm(plan, tokens, k);
    // (The act assigned may open with a function word: "được phân công theo dõi" asks who "dõi".)
    if (term === undefined && assigned !== undefined && act.length === 0) continue;
    if (term === undefined) break;
    act.push(term);
  }
  // ("Ai giữ chức …", "ai đảm nhiệm …", "ai đứng đầu …" ask who holds an office: the answer names the holder by it.)
  if (act.some((t) => ROLE_FRAME_WORDS.has(t.fold)) || act.map((t) => t.fold).join(" ") === "dung dau") return null;
  return act.length > 0 ? act : null;
}

/** A question asking when someone was born, folded ("sinh năm nào", "ngày sinh", "born"). */
const BIRTH_ASKED_FOLDED = /\b(?:sinh (?:nam|ngay|thang|vao)|(?:nam|ngay|thang) sinh|born|birth|date of birth)\b/;
/** A birth date stated, folded: "sinh năm 1968", "sinh ngày …", "năm sinh: 1968", "SN 1968". */
const BIRTH_STATED_FOLDED = /\b(?:sinh (?:nam|ngay|thang|vao|\d)|(?:nam|ngay|thang) sinh|sn \d|born|birth)\b/;

/** Whether a question asks a birth date or year. */
function asksBirthDate(plan: QueryPlan): boolean {
  return (plan.kind === "date" || plan.kind === "when") && BIRTH_ASKED_FOLDED.test(foldedQuestion(plan));
}

/** The words that ask for a date or a time in a folded Vietnamese question, from the token they start at. */
const TIME_ASKED_FOLDED = /(?<=^|\s)(?:(?:vao|tu|truoc|den) )?(?:ngay (?:nao|thang nao|thang nam nao|may|bao nhieu)|thoi diem nao|khi nao|luc nao|bao gio|thang nao|nam nao)(?=\s|$|[?.,!])/;
/** Function words between an event and the words asking its time ("được tổ chức vào ngày nào"). */
const BEFORE_TIME_ASKED = new Set(["duoc", "se", "da", "la", "co", "vao", "tu", "ke", "bat", "dau", "chinh", "thuc", "du", "kien"]);

/** Verbs of holding an event, folded: "tổ chức", "diễn ra", "tiến hành". */
const HOLDING_VERBS: ReadonlyArray<readonly [string, string]> = [["to", "chuc"], ["dien", "ra"], ["tien", "hanh"]];

/** The question words a noun naming the kind of answer stands before ("hình thức nào", "vai trò gì"), folded. */
const KIND_QUESTION_WORDS: ReadonlySet<string> = new Set(["nao", "gi"]);

/**
 * The terms of the noun naming the kind of answer right before "nào" / "gì" ("bằng hình thức nào", "những loại
 * văn bản gì" → loại, "đơn vị nào giúp việc"): an answer states an instance of it, which need not repeat the
 * noun (as after an English "What position …", see ANSWER_KIND_NOUNS_FOLDED).
 */
function answerKindTerms(plan: QueryPlan): boolean[] {
  const marked = plan.terms.map(() => false);
  if (plan.language !== "vi") return marked;
  const tokens = unitTokens(plan.question);
  plan.terms.forEach((t, i) => {
    if (t.position === undefined) return;
    for (const length of [2, 1]) {
      const end = t.position + length;
      if (!KIND_QUESTION_WORDS.has(tokens[end]?.fold ?? "")) continue;
      const noun = tokens.slice(t.position, end).map((k) => k.fold).join(" ");
      if (!ANSWER_KIND_NOUNS_FOLDED.has(noun)) continue;
      for (let j = i; j < plan.terms.length; j++) {
        const at = plan.terms[j]?.position;
        if (at !== undefined && at >= t.position && at < end) marked[j] = true;
      }
    }
  });
  return marked;
}

/** Which of a where- or when-question's terms say the event is held ("được tổ chức ở đâu"): a verb of holding, both syllables. */
function holdingTerms(plan: QueryPlan): boolean[] {
  const marked = plan.terms.map(() => false);
  if (plan.kind !== "where" && plan.kind !== "when" && plan.kind !== "date") return marked;
  plan.terms.forEach((t, i) => {
    const next = plan.terms[i + 1];
    if (next === undefined || t.position === undefined || next.position !== t.position + 1) return;
    if (HOLDING_VERBS.some(([a, b]) => t.fold === a && next.fold === b)) marked[i] = marked[i + 1] = true;
  });
  return marked;
}

/**
 * The event a Vietnamese date question asks the time of, as the question's terms: the content syllables right
 * before the words asking it ("Đại hội … được tổ chức vào ngày nào?" → tổ chức; "Quyết định … có hiệu lực
 * từ thời điểm nào?" → hiệu lực); null when a number, a name or nothing stands there ("… tháng 10 năm 2025
 * vào ngày nào?").
 */
function timedEventAsked(plan: QueryPlan): QueryTerm[] | null {
  // (Typed without marks, a name is not told from the event; a deadline's act is what must be done by then.)
  if (plan.language !== "vi" || (plan.kind !== "date" && plan.kind !== "when") || plan.accent === null || asksDeadline(plan)) return null;
  const tokens = unitTokens(plan.question);
  const folded = tokens.map((t) => t.fold).join(" ");
  const at = TIME_ASKED_FOLDED.exec(folded);
  if (at === null) return null;
  // The index of the token the asking words start at (the folded tokens are joined by single spaces).
  let end = folded.slice(0, at.index).split(" ").length - 1;
  while (end > 0 && BEFORE_TIME_ASKED.has(tokens[end - 1]?.fold ?? "")) end--;
  const act: QueryTerm[] = [];
  for (let k = end - 1; k >= Math.max(0, end - 2); k--) {
    const token = tokens[k];
    const term = typedTerm(plan, tokens, k);
    if (token === undefined || term === undefined || term.isNumber || /^\p{Lu}/u.test(plan.question.slice(token.start, token.end))) break;
    act.unshift(term);
  }
  return act.length > 0 ? act : null;
}

/** A question asking for a total ("tổng cộng", "tổng số", "in total"), folded. */
const TOTAL_ASKED_FOLDED = /\b(?:tong cong|tong so|tat ca|toan bo|in total|altogether|the total)\b/;
/** Words that state a total or the whole the parts belong to, folded. */
const TOTAL_STATED_FOLDED = /\b(?:tong|toan|tat ca|gom|trong do|tinh chung)\b/;

/** Syllables that ask for a total with "tổng" ("tổng số", "tổng cộng"), folded. */
const TOTAL_SYLLABLES = new Set(["tong", "so", "cong"]);

/** Which of a count question's terms ask for the total ("tổng số", "in total" → "tổng số"): a count states it. */
function totalTerms(plan: QueryPlan): boolean[] {
  const asked = plan.kind === "count" && TOTAL_ASKED_FOLDED.test(foldedQuestion(plan));
  return plan.terms.map((t, i) => asked && TOTAL_SYLLABLES.has(t.fold) && (t.fold === "tong" ? plan.terms[i + 1]?.fold === "so" || plan.terms[i + 1]?.fold === "cong" : plan.terms[i - 1]?.fold === "tong"));
}

/**
 * "Chi bộ có tổng cộng bao nhiêu đảng viên?" is not answered by "19 đảng viên là nông dân, 07 đảng viên hưởng
 * lương hưu, …": a unit that counts the noun asked more than once and names no total gives its parts.
 */
function givesOnlyParts(plan: QueryPlan, unit: string): boolean {
  if (plan.kind !== "count" || !TOTAL_ASKED_FOLDED.test(foldedQuestion(plan))) return false;
  const noun = (plan.countedNoun ?? []).slice(0, 2).map((k) => k.fold).join(" ");
  if (noun.length === 0) return false;
  const folded = foldedText(unit);
  if (TOTAL_STATED_FOLDED.test(folded)) return false;
  // (Parts are listed: "…, 07 đảng viên …, và 01 đảng viên …"; a rate or a change beside a total — "1.206 đảng
  // viên, bình quân 241 đảng viên/năm", "5.412 đảng viên, tăng 1.026 đảng viên" — is no part.)
  const counts = folded.match(new RegExp(`(?<![\\d.,])\\d[\\d.,]*\\s+(?:\\S+\\s+)?${noun}\\b`, "gu")) ?? [];
  const listed = folded.match(new RegExp(`(?:[,;]|\\bva)\\s+\\d[\\d.,]*\\s+(?:\\S+\\s+)?${noun}\\b`, "gu")) ?? [];
  return counts.length >= 2 && listed.length >= 1;
}

/** A text with its capitalised words inside sentences blanked: "Ban Tổ chức" names a body, it says no "tổ chức". */
function outsideNames(text: string): string {
  return text.replace(/(?<=[\p{L}\p{N},)]\s+)\p{Lu}[\p{L}\p{M}]*/gu, "·");
}

function missingNumbers(plan: QueryPlan, sets: TermSets): string[] {
  return plan.numbers.filter((n) => !sets.fold.has(n) && !sets.numbers.has(numberKey(n)) && !(inStatedRange(n, sets) && givesCount(plan.question, n)));
}

/** Words before a number that make it a numbering, not a count ("đại hội 14", "Điều 12", "lần 2"; folded). */
const NUMBERING_BEFORE = /(?:^|\s)(?:hoi|khoa|lan|so|dieu|khoan|ky|thu|nam|thang|ngay|quy|muc|phan|chuong|dot)\s*$/u;

/** Whether a question gives number `n` as a count of something ("có 12 đảng viên"), not as a numbering. */
function givesCount(question: string, n: string): boolean {
  if (!/^\d+$/u.test(n)) return false;
  const folded = foldKey(question);
  for (const m of folded.matchAll(new RegExp(`(?<![\\d.,/])0*${n}(?![\\d.,/])\\s+\\p{L}`, "gu"))) {
    if (!NUMBERING_BEFORE.test(folded.slice(0, m.index))) return true;
  }
  return false;
}

/** A name the question gives ("Gia Lai") that a passage (with its context) lacks, as folded bigrams. */
function missingName(plan: QueryPlan, sets: TermSets): string[] | undefined {
  return plan.names.find((name) => !name.every((bigram) => sets.bigrams.has(bigram)));
}

/** A passage's sentences, and the term sets of the text up to the end of each, built as asked. */
interface SentencePrefixes {
  sentences: Span[];
  upTo: TermSets[];
}

const prefixCache = new TextMemo<SentencePrefixes>();

/** Two texts' term sets as one (a text's sentences never share a bigram across their end). */
function unionOf(a: TermSets, b: TermSets): TermSets {
  const union = { fold: new Set(a.fold), accent: new Set(a.accent), bigrams: new Set(a.bigrams), numbers: new Set(a.numbers) };
  addInto(union, b);
  return union;
}

/**
 * `unionOf` two remembered term sets (memoised ones, never changed once made), remembered for as long as
 * both are: a passage's words with its section's or its document subject's, asked again for every question
 * that retrieves it.
 */
const unions = new WeakMap<TermSets, WeakMap<TermSets, TermSets>>();
function unionOfKept(a: TermSets, b: TermSets): TermSets {
  let withA = unions.get(a);
  if (withA === undefined) unions.set(a, (withA = new WeakMap()));
  let union = withA.get(b);
  if (union === undefined) withA.set(b, (union = unionOf(a, b)));
  return union;
}

/** No terms at all: the issuer of a document that has none (never added to). */
const NO_TERMS: TermSets = emptySets();

function emptySets(): TermSets {
  return { fold: new Set(), accent: new Set(), bigrams: new Set(), numbers: new Set() };
}

/**
 * The term sets of a passage up to the end of the sentence that holds offset `at` (a unit's end): what
 * the text has said by the time the unit is read. Built sentence by sentence, once per passage.
 */
function setsUpTo(text: string, at: number): TermSets {
  const prefixes = prefixCache.get(text, (t) => ({ sentences: splitSentences(t), upTo: [] }));
  const last = prefixes.sentences.findIndex((s) => s.end >= at);
  if (last < 0) return termSets(text);
  for (let i = prefixes.upTo.length; i <= last; i++) {
    const sentence = prefixes.sentences[i] as Span;
    const own = termSets(text.slice(sentence.start, sentence.end));
    prefixes.upTo.push(i === 0 ? own : unionOf(prefixes.upTo[i - 1] as TermSets, own));
  }
  return prefixes.upTo[last] as TermSets;
}

const withContextCache = new TextMemo<TermSets>();

/** The words around a passage: its section context and its document's title. */
function aroundSets(c: CandidatePassage): TermSets {
  return termSets(aroundText(c));
}

/** Words that make a year the one compared with ("so với cùng kỳ năm 2025", "hơn năm 2024"). */
const COMPARISON_FOLDED = /\b(?:so voi|cung ky|compared|same period)\b/u;
const COMPARED_WITH = "so với|cùng kỳ|hơn";
/** "năm 2025" where it is not the year compared with ("so với năm 2025", "(năm 2025 là 09)"): the year a fact is dated to. */
const STATED_YEAR = new RegExp(`(?<!(?:${COMPARED_WITH})\\s+)(?<!\\p{L})(?<!\\(\\s*)năm\\s+((?:19|20)\\d\\d)(?!\\d)|\\(\\s*năm\\s+((?:19|20)\\d\\d)(?!\\d)(?!\\s*(?:là|:))`, "giu");
// (A bracket giving another year's figure, "(năm 2025 là 07)", "(năm 2025: 9 đơn)", compares too.)
const COMPARED_YEAR = new RegExp(`(?:${COMPARED_WITH})\\s+(?:năm\\s+)?((?:19|20)\\d\\d)(?!\\d)|\\(\\s*năm\\s+((?:19|20)\\d\\d)\\s*(?:là|:)`, "giu");

/** Whether a text names the year only as what something is compared with. */
function onlyCompared(text: string, year: string): boolean {
  const all = [...text.matchAll(/(?<!\d)((?:19|20)\d\d)(?!\d)/gu)].filter((m) => m[1] === year).length;
  const compared = [...text.matchAll(COMPARED_YEAR)].filter((m) => (m[1] ?? m[2]) === year).length;
  return all > 0 && all === compared;
}

/** A body's party organisation words ("Đảng bộ phường Hưng Thịnh Bắc" → "phường Hưng Thịnh Bắc"), folded. */
const PARTY_BODY_FOLDED = /^ (?:dang bo|dang uy|ban thuong vu) /u;
const LEVEL_WORD_FOLDED = /^ (?:xa|phuong|thi tran|huyen|quan|thi xa|thanh pho|tinh) /u;

/**
 * The issuer a passage is read under for this question: with the body above it when the question places the
 * issuer there, naming it with the place at once ("Chi bộ Trạm Y tế phường Hưng Thịnh Bắc có bao nhiêu đảng
 * viên?" of the minutes of "Chi bộ Trạm Y tế" under "Đảng bộ phường Hưng Thịnh Bắc"); alone otherwise: a
 * question of the place or of the body above ("Toàn huyện Vĩnh Khê có …", "Ban Thường vụ Tỉnh ủy Quảng Lâm …")
 * is not answered by a passage of a body within it.
 */
function issuerFor(c: CandidatePassage, plan: QueryPlan): string {
  const own = c.issuer ?? "";
  if (c.issuerAbove === undefined) return own;
  const question = spacedWords(foldedQuestion(plan));
  const named = spacedWords(foldKey(own));
  const at = question.indexOf(named);
  if (at < 0) return own;
  const after = question.slice(at + named.length - 1);
  // (The nearest body above when several are given: "Đảng bộ huyện …, Đảng ủy xã Đông Lũng".)
  const place = spacedWords(foldKey(c.issuerAbove.split(",").at(-1) ?? "")).replace(PARTY_BODY_FOLDED, " ");
  return after.startsWith(place) || after.startsWith(place.replace(LEVEL_WORD_FOLDED, " ")) ? `${own} (${c.issuerAbove})` : own;
}

/** A passage's section context and document title: what it is said under. */
function aroundText(c: CandidatePassage): string {
  return `${contextBesidesText(c)}\n${c.title}`;
}

/** Shortest lead line taken out of a passage's context as its own text. */
const MIN_OWN_LEAD_CHARS = 20;

/**
 * A passage's section context without the passage's own first line: a lead line ("Thành lập Chi bộ … gồm
 * 09 đảng viên (…), cụ thể:") is the context of the items under it and the text of the passage that opens
 * with it — what it says is that passage's own, not what its section already said.
 */
function contextBesidesText(c: CandidatePassage): string {
  // (The context drops the lead line's closing colon: "…, cụ thể:" heads the items as "…, cụ thể".)
  const lead = (c.text.split("\n")[0] ?? "").trim().replace(/[\s:;,.]+$/u, "");
  return lead.length >= MIN_OWN_LEAD_CHARS && c.context.includes(lead) ? c.context.replace(lead, " ") : c.context;
}

/** The section context and the text of a passage up to the end of the sentence holding offset `at`. */
function contextAndTextUpTo(c: CandidatePassage, at: number): string {
  const sentenceEnd = c.text.slice(at).search(/[.!?;](?:\s|$)/u);
  return `${c.context}\n${c.text.slice(0, sentenceEnd < 0 ? c.text.length : at + sentenceEnd + 1)}`;
}

/** Term sets with those of the passage's document subject, when it has one (for the numbers it gives). */
function withSubject(sets: TermSets, c: CandidatePassage): TermSets {
  return c.subject ? unionOfKept(sets, termSets(c.subject)) : sets;
}

/** A passage's own words with its section context and document title (each analysed once). */
function passageWithContext(c: CandidatePassage): TermSets {
  return withContextCache.get(`${c.text}\u0000${c.context}\n${c.title}`, () => unionOf(termSets(c.text), aroundSets(c)));
}

/** The party committee that names a level its level word does not: a town's "Thị ủy", a city's "Thành ủy". */
const LEVEL_COMMITTEES: Readonly<Record<string, string[][]>> = { thi_xa: [["thi", "uy"]], thanh_pho: [["thanh", "uy"]], huyen: [["huyen", "uy"]], quan: [["quan", "uy"]] };
/** The two levels one English word names ("district", "town"). */
const EITHER_LEVEL: ReadonlyArray<readonly [string, string]> = [["huyen", "quan"], ["thi_xa", "thi_tran"]];

/** Whether a passage names a level (folded key, "thi_xa") by its word or by its committee. */
function levelNamed(key: string, sets: TermSets): boolean {
  return hasHeadPhrase([key.split("_"), ...(LEVEL_COMMITTEES[key] ?? [])], sets);
}

/** Months a text names: "tháng 10", and (with `dates`) the month of "17/10/2024" or "10/2024". */
function monthsIn(text: string, dates: boolean): number[] {
  const months = [...text.matchAll(/(?<!\p{L})th[aá]ng\s+(\d{1,2})(?![\d,.])/giu)].map((m) => Number(m[1]));
  if (dates) for (const m of text.matchAll(/(?<![\d/])(?:\d{1,2}\/)?(\d{1,2})\/(?:19|20)\d\d(?!\d)/gu)) months.push(Number(m[1]));
  return months.filter((m) => m >= 1 && m <= 12);
}

function abstentionReason(plan: QueryPlan, best: PassageAnswer, passage: CandidatePassage | undefined, policy: AnswerPolicy, evidence?: TermSets): string | null {
  if (plan.terms.length === 0 && plan.ordinal === null) return "the question has no key terms";
  if (best.coverage < policy.minCoverage) return `key terms not covered (coverage ${best.coverage.toFixed(2)})`;
  // A passage whose section or document title says what the question says, and that adds little of
  // its own, answers only with its context ("Kế hoạch dân số của Cần Thơ" is no answer to what it screens newborns for).
  // (A unit that counts the people asked states its own fact: "Ủy ban Kiểm tra gồm 05 đồng chí" under the
  // article on the Ủy ban Kiểm tra, asked how many people sit on it.)
  if (best.ownCoverage < policy.minOwnCoverage && !(plan.kind === "count" && plan.countsPeople && countsNoun(plan, best.text) === true)) return `the passage states little beyond its context (${best.ownCoverage.toFixed(2)} of the rest of the question)`;
  // (An English question's words reach the documents through a lossy glossary: coverage judges it.)
  if (plan.language === "vi" && best.missingShare > policy.maxMissingShare) return `key term not in the passage: ${best.missingTerm ?? "?"} (${(best.missingShare * 100).toFixed(0)} % of the question)`;
  if (statesOtherBound(plan, best.text)) return "the answer states the other bound than the one asked";
  if (speaksOnlyOfPilot(plan, best.text)) return "the answer speaks of the pilot only";
  if (citesOtherSubject(plan, best.text)) return "the answer cites a document on another subject";
  if (boundsOtherSide(plan, best.text)) return "the answer puts the threshold asked on its other side";
  if (contradictsLevel(plan, best.text, passage ? aroundText(passage) : "")) return `the answer speaks of another level than ${plan.levels.join(", ")}`;
  // "… do ai chỉ định?": the answer names who does that, so it says so ("chỉ đạo …" names who directs).
  if (asksAgentOf(plan) && !(passage?.isHeader ?? false) && anchorIn(plan.anchor ?? "", best.text) === null) return `the answer does not say who ${(plan.anchor ?? "").replace("_", " ")}`;
  // "… sinh năm bao nhiêu?": a birth date is said as one ("sinh năm 1968", "năm sinh: 1968"); another date is not it.
  if (asksBirthDate(plan) && !BIRTH_STATED_FOLDED.test(foldKey(best.text))) return "the answer states no birth date";
  // "Ai chủ trì Hội nghị …?": the act asked after "ai" is what the answer says its actor does (a sentence
  // naming who attended does not say who chaired). (A header's fields and a labelled line — "Chủ trì: …" —
  // say it as a label.)
  // (Only the act of a question that opens with "ai" refuses an answer; the act after a comma or a verb of
  // assigning only ranks the units that say it first.)
  const act = plan.kind === "who" && !(passage?.isHeader ?? false) ? actAsked(plan, true) : null;
  if (act !== null && !act.every((term) => termIn(term, termSets(best.text)))) return `the answer does not say who ${act.map((t) => t.fold).join(" ")}`;
  if (!asksYesOrNo(plan) && repeatsQuestion(plan, best.text)) return "the answer only repeats the question";
  const contact = missingContact(plan, best.text);
  if (contact !== null) return `the answer gives no ${contact}`;
  if (missingVoteResult(plan, best.text)) return "the answer states no result of the vote";
  if (countsWithoutNaming(plan, best.text)) return `the answer counts the ${(plan.askedNoun ?? []).map((k) => k.fold).join(" ")} asked, naming none`;
  // "Ai giữ chức Bí thư Quân ủy Trung ương?": the answer names the office with its holder.
  // (An abbreviation in it is named by its full form: "chủ nhiệm UBKT" by "Chủ nhiệm Ủy ban Kiểm tra".)
  const role = plan.roleAsked?.flatMap((k): TermKey[] => {
    const full = abbreviationExpansion(k.fold);
    return full === null ? [k] : unitTokens(full).map((t) => ({ fold: t.fold, accent: null }));
  });
  if (role && !hasWholePhrase(termSets(best.text), role)) return `the answer does not name the office asked: ${role.map((k) => k.fold).join(" ")}`;
  // "Bí thư Đảng ủy phường … là ai?" is not answered by its "Phó Bí thư Đảng ủy": a deputy holds another office.
  const title = plan.kind === "who" ? askedTitle(plan) : null;
  if (title && namesOnlyDeputy(best.text, title)) return `the answer names only the deputy of the office asked: ${title.map((k) => k.fold).join(" ")}`;
  // … nor by the same title of another body ("Bí thư Chi đoàn khu phố" for "the Party Secretary of the ward").
  if (title && namesOnlyOtherBodysTitle(best.text, title, plan)) return `the answer names the ${title.map((k) => k.fold).join(" ")} of another body`;
  // (So for a deputy asked: "Phó Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy" is not the Huyện ủy's.)
  const deputy = plan.kind === "who" && title === null ? deputyTitle(plan) : null;
  if (deputy && namesOnlyOtherBodysTitle(best.text, deputy, plan)) return `the answer names the ${deputy.map((k) => k.fold).join(" ")} of another body`;
  if (passage) {
    // A text qualifies a sentence by what came before it or within it: a name or number the passage gives
    // only in a later sentence ("toàn tỉnh có …" followed by "… huyện Buôn Đôn") is about something else.
    const upTo = evidence ? unionOf(setsUpTo(passage.text, best.end), evidence) : setsUpTo(passage.text, best.end);
    // (A union with this question's evidence is its own: only unions of remembered sets are kept.)
    const unite = evidence ? unionOf : unionOfKept;
    const block = passage.titleBlock ?? (passage.issuer ? issuerFor(passage, plan) : undefined);
    const sets = unite(upTo, block ? unionOfKept(aroundSets(passage), termSets(block)) : aroundSets(passage));
    const missing = missingNumbers(plan, withSubject(sets, passage));
    if (missing.length > 0) return `numbers not in the passage: ${missing.join(", ")}`;
    // A year the document title gives ("Kết quả … năm 2025, phương hướng, nhiệm vụ năm 2026") qualifies
    // only a passage whose section and text up to the answer name no other year: "II. KẾT QUẢ … NĂM
    // 2025" is not about 2026.
    const near = unite(upTo, termSets(passage.context));
    // (A year named only as the period compared with — "(cùng kỳ năm 2025: 1 đơn)" — is not the one spoken of.)
    const nearText = contextAndTextUpTo(passage, best.end);
    // (Nor is the year of a document it cites: "thay thế Quy định số 21-QĐi/TU ngày 05/9/2021".)
    // (Nor a person's year of birth: "Năm sinh: 1979" in a list of cadres proposed in 2026.)
    const ownDates = uncited(withoutBirthYears(nearText), plan);
    const yearsNear = [...near.fold].filter((k) => YEAR.test(k) && !onlyCompared(nearText, k) && ownDates.includes(k));
    // (The year asked said only as the one compared with — "tăng 7,2% so với năm 2024" beside a report of
    // 2025 — is not said of the fact either, unless a comparison is asked.)
    const asksComparison = COMPARISON_FOLDED.test(foldedQuestion(plan));
    const otherYear = yearsNear.length > 0 ? plan.numbers.find((n) => YEAR.test(n) && (!near.fold.has(n) || (!asksComparison && onlyCompared(nearText, n)))) : undefined;
    if (otherYear) return `the passage speaks of ${yearsNear.join(", ")}, not ${otherYear}`;
    // The answer dates its own fact ("thu nhập … năm 2025 ước đạt 71,5 triệu đồng") to another year than the
    // one asked: a section or title that also names the year asked ("nhiệm kỳ 2020 - 2025") does not make
    // it that year's.
    const askedYears = plan.numbers.filter((n) => YEAR.test(n));
    const documentYears = otherDocumentYears(plan, passage, best.text, askedYears);
    if (documentYears) return `the document asked is of ${askedYears.join(", ")}; this one is of ${documentYears.join(", ")}`;
    // (A year compared with — "tăng 5% so với năm 2024", "cùng kỳ năm trước" — is not the fact's.)
    const statedYears = [...best.text.matchAll(STATED_YEAR)].map((m) => m[1] ?? m[2] ?? "");
    // (A header's date is its document's, whatever year the document is about: "Nghị quyết … năm 2027" is
    // issued on 22/12/2026.)
    if (!passage.isHeader && askedYears.length > 0 && statedYears.length > 0 && !askedYears.some((y) => termSets(best.text).fold.has(y))) return `the answer states a fact of ${statedYears.join(", ")}, not ${askedYears.join(", ")}`;
    // The year asked only as what the fact is compared with ("… đạt 18.589 triệu đồng, bằng 84,7% so với
    // cùng kỳ năm 2025" asked about 2025): the fact is of another period, unless a comparison is asked.
    const compared = askedYears.find((y) => onlyCompared(best.text, y));
    if (compared && !asksComparison) return `the answer gives ${compared} only as the period compared with`;
    // A figure asked of one year ("admitted in 2021") is not a figure of a period that year opens or closes
    // ("Trong 5 năm (2021 - 2025), … kết nạp 1.206 đảng viên").
    if (plan.kind === "count" || plan.kind === "percent") {
      const spoken = uncited(`${passage.context}\n${best.text}`, plan);
      const period = askedYears.find((y) => !onlyInPeriods(plan.question, y, QUESTION_PERIOD_OF_YEARS) && onlyInPeriods(spoken, y));
      if (period) return `the passage gives ${period} only as the end of a period`;
    }
    // Likewise a month: "hội nghị thường kỳ tháng 10 … ngày nào?" is not answered by "… hội nghị … thường kỳ
    // tháng 12/2024", nor "thu đảng phí tháng 3/2026 được bao nhiêu?" by "Thu đảng phí tháng 02/2026 được …".
    {
      const askedMonths = monthsIn(plan.question, false);
      const statedMonths = [...new Set(monthsIn(best.text, true))];
      if (askedMonths.length > 0 && statedMonths.length > 0 && !askedMonths.some((m) => statedMonths.includes(m))) return `the answer speaks of tháng ${statedMonths.join(", ")}, not ${askedMonths.join(", ")}`;
    }
    // What an English question is about must be there as a phrase ("population" → "dân số").
    if (plan.headPhrase && !speaksOf(plan.headPhrase, sets) && !(countsMembers(plan) && COMRADES_COUNTED.test(best.text))) {
      return `the passage does not speak of "${plan.headPhrase[0]?.join(" ")}"`;
    }
    // So must a body an English question names with capitals ("the provincial Business Bloc"), by the words
    // its name opens with: the rest may be said otherwise ("Party Committee Office" → "văn phòng cấp ủy" is
    // the "Văn phòng Huyện ủy").
    const body = plan.namedBodies.find((phrases) => !speaksOf(phrases.map((keys) => keys.slice(0, 2)), sets));
    if (body) return `the passage does not speak of "${body[0]?.join(" ")}"`;
    // "… tại tỉnh nào?", "Which commune …?": the answer names a place of the level asked ("xã Long Mỹ"), in
    // itself, before it in its passage or in its section; a unit that names none does not say which.
    const askedLevel = plan.askedNoun?.length === 1 ? (plan.askedNoun[0]?.fold ?? "") : "";
    if (ASKED_LEVELS.has(askedLevel) && !passage.isHeader && ![best.text, passage.text.slice(0, best.end), passage.context].some((text) => namesPlaceOfLevel(text, askedLevel))) return `the answer names no ${askedLevel}`;
    // A name the question gives ("Gia Lai") that the passage does not: it speaks of something else.
    const name = missingName(plan, sets);
    if (name) return `name not in the passage: ${name.join(" ")}`;
    const other = otherOwner(plan, contextAndTextUpTo(passage, best.end));
    if (other) return `the passage speaks of another body's: ${other}`;
    // (What a unit itself says another committee did is no answer about the committee asked; a
    // who-question may be answered by another committee.)
    const committee = plan.language === "vi" && plan.kind !== "who" && plan.kind !== "list" ? otherCommittee(plan, best.text, passage.title) : null;
    if (committee) return `the answer speaks of another committee: ${committee}`;
    // (A place asked — "ở xã nào" — or a body or a list may be another one.)
    const place = plan.kind !== "where" && plan.kind !== "who" && plan.kind !== "list" ? otherPlace(plan, best.text) : null;
    if (place) return `the answer speaks of another place: ${place}`;
    const numbered = otherNumbered(plan, best.text);
    if (numbered) return `the answer speaks of another one: ${numbered}`;
    const unit = otherNumberedUnit(plan, best.text, contextAndTextUpTo(passage, best.end));
    if (unit) return `the answer speaks of another one: ${unit}`;
    // A level a Vietnamese question names ("Các huyện phải …") that neither the passage nor its context
    // names (English level words translate ambiguously: "town" is thị xã or thị trấn).
    // (A town or a city is also named by its party committee: "Thị ủy Hòa Phong", "Thành ủy Cần Thơ".)
    // (Of an English question's, the levels one word names: "provincial" is tỉnh, "commune" xã, "ward" phường;
    // "district" or "town" may be either of two.)
    const checked = plan.language === "vi" ? plan.levels : plan.levels.filter((key) => ENGLISH_UNAMBIGUOUS_LEVELS.has(key));
    const level = checked.find((key) => !levelNamed(key, sets));
    if (level) return `level not in the passage: ${level.replace("_", " ")}`;
    // ("district" is a huyện or a quận, "town" a thị xã or a thị trấn: one of the two, or its committee, must be named.)
    const either = plan.language === "en" ? EITHER_LEVEL.find(([a, b]) => plan.levels.includes(a) && plan.levels.includes(b)) : undefined;
    if (either && !either.some((key) => levelNamed(key, sets))) return `level not in the passage: ${either.map((key) => key.replace("_", " ")).join(" or ")}`;
  }
  // "Kinh nghiệm thứ tư là gì?": only the fourth item answers ("Bốn là, …", "4.", "Thứ tư, …").
  if (plan.ordinal !== null && !ordinalPattern(plan.ordinal).test(best.text.replace(/^…/u, "")) && !ordinalPattern(plan.ordinal).test(passage?.text ?? "")) return `not the item numbered ${plan.ordinal}`;
  if (countsAllNotPresent(plan, best.text)) return "the answer counts all, not those present or absent";
  if (countsNoun(plan, best.text, passage?.context) === false) return `no count of "${plan.countsPeople ? "người" : plan.countedNoun?.map((k) => k.fold).join(" ")}" in the passage`;
  if (!answersKind(plan, best.text)) return `the passage states no ${plan.kind}`;
  if (givesOnlyDeadline(plan, best.text)) return "the answer gives a deadline, not when it was done";
  if (givesOnlyEndDate(plan, best.text)) return "the question asks when it starts; the answer gives only when something ends";
  if (givesOnlyParts(plan, best.text)) return "the answer gives parts, not the total asked";
  if (missesNegation(plan, best.text)) return "the question asks what is not done; the passage negates nothing";
  if (dropsNegatingPrefix(plan.question, best.text)) return "the answer says the word asked without its negating prefix (\"thường\" for \"bất thường\")";
  // (A unit that names no sector speaks of its passage's.)
  if (namesNoDisciplineForm(plan, best.text)) return "the question asks the form of discipline; the answer names none";
  const sector = otherSector(plan, best.text) ?? (SECTOR_NAMED.test(foldKey(best.text)) ? null : otherSector(plan, passage?.text ?? ""));
  if (sector) return `the answer speaks of another sector: ${sector}`;
  const cells = otherCellKind(plan, passage ? contextAndTextUpTo(passage, best.end) : best.text);
  if (cells) return `the answer speaks of another kind of party cell: ${cells}`;
  const indicator = missingIndicator(plan, best.text);
  if (indicator) return `the answer gives no percentage of "${indicator}"`;
  if (givesTargetForNow(plan, best.text)) return "the answer gives a target, not the figure now";
  const owner = countsOtherOwner(plan, best.text);
  if (owner) return `the answer counts the ${plan.countedNoun?.map((k) => k.fold).join(" ")} of another: ${owner}`;
  if (passage && countedAtStart(plan, passage.text.slice(0, best.start))) return "the answer gives the figure at the period's start, not now";
  const unknown = namedAsUnknown(plan, best.text);
  if (unknown) return `the answer says the ${unknown} is unknown`;
  return null;
}
