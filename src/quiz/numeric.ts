/**
 * Questions whose answer is a number stated in a passage: counts, fractions, percentages, years, dates
 * and document codes. The question is the passage's own clause with the number turned into "bao nhiêu"
 * (or "năm nào", "ngày nào", "số hiệu"), so it reads as the document reads.
 */
import { splitClauses, splitSentences, type Span } from "../text/sentences.js";
import { scanNumberWords, scanNumbers, type NumberToken } from "./numbers.js";
import { cutRest, finishQuestion, lacksSubject, readNoun, removeParentheticals, shortenLead, stripMarkers } from "./phrasing.js";
import type { QuizKind } from "./types.js";

/** A number fact found in a passage, with the question that asks for it. Offsets are the passage's. */
export interface NumericFact {
  kind: Extract<QuizKind, "count" | "fraction" | "percent" | "year" | "date" | "numberWord" | "documentCode">;
  token: NumberToken;
  question: string;
  /** The clause that states the fact. */
  clause: { start: number; end: number };
  /** The noun the number counts ("đảng viên"), empty for dates, years and codes. */
  noun: string;
  /**
   * "above" for "hơn 100", "below" for "dưới 50%", "approximate" for "khoảng 30": a wrong option on the
   * wrong side (90 for "hơn 100") would also be true, so distractors respect it.
   */
  bound: "above" | "below" | "approximate" | null;
}

/** Lead-ins longer than this many characters are shortened around "…". */
const LEAD_MAX_CHARS = 150;
const DOCUMENT_KIND = "Hướng dẫn|Kế hoạch|Nghị quyết|Quyết định|Chỉ thị|Quy định|Kết luận|Thông tri|Thông tư|Nghị định|Công văn|Thông báo|Chương trình|Đề án|Báo cáo|Quy chế";
const DOCUMENT_BEFORE_CODE = new RegExp(`(${DOCUMENT_KIND})\\s+số\\s+$`, "iu");
const DOCUMENT_BEFORE_DATE = new RegExp(`((?:${DOCUMENT_KIND})\\s+số\\s+\\S+)\\s+(?:ngày\\s+)?$`, "iu");
// A number right after one of these words is a name or a rank, not a quantity ("số 22", "Điều 5", "khóa XII").
const IDENTIFIER_BEFORE = new Set(["số", "thứ", "lần", "khóa", "khoá", "điều", "khoản", "chương", "mục", "phần", "hạng", "loại", "cấp", "tháng", "ngày", "trang", "kỳ", "đợt"]);
const YEAR_RANGE = { min: 1900, max: 2100 };

/** All number facts of a passage that make a well-formed question. */
export function numericFacts(text: string, sentences: readonly Span[] = splitSentences(text)): NumericFact[] {
  const facts: NumericFact[] = [];
  for (const sentence of sentences) {
    for (const clause of splitClauses(sentence)) {
      const clauseText = text.slice(clause.start, clause.end);
      const tokens = [...scanNumbers(clauseText), ...scanNumberWords(clauseText)].sort((a, b) => a.start - b.start);
      for (const token of tokens) {
        const fact = factFor(clauseText, token);
        if (!fact) continue;
        facts.push({
          ...fact,
          bound: boundOf(clauseText.slice(0, token.start)),
          token: { ...token, start: token.start + clause.start, end: token.end + clause.start },
          clause: { start: clause.start, end: clause.end },
        });
      }
    }
  }
  return facts;
}

type ClauseFact = Omit<NumericFact, "token" | "clause" | "bound">;

const ABOVE = /(?:^|\s)(?:hơn|trên|ít nhất|tối thiểu|vượt)\s$/u;
const BELOW = /(?:^|\s)(?:dưới|không quá|tối đa|chưa đến|chưa tới|gần|non)\s$/u;
const APPROXIMATE = /(?:^|\s)(?:khoảng|chừng|xấp xỉ|gần như)\s$/u;

function boundOf(before: string): NumericFact["bound"] {
  return ABOVE.test(before) ? "above" : BELOW.test(before) ? "below" : APPROXIMATE.test(before) ? "approximate" : null;
}

function factFor(clause: string, token: NumberToken): ClauseFact | null {
  const before = clause.slice(0, token.start);
  const after = clause.slice(token.end);
  if (token.shape === "code") return documentCodeFact(before, after);
  if (token.shape === "date") return dateFact(before, after);
  if (looksLikeIdentifier(before) || /:\s/.test(before) || /^\s*(?:đến|-|–)\s*\d/u.test(after) || token.value === 0) return null;
  if (token.shape === "count" && Number.isInteger(token.value) && token.value >= YEAR_RANGE.min && token.value <= YEAR_RANGE.max) {
    return /(?:^|\s)năm\s$/u.test(before) && !token.text.includes(".") ? yearFact(before, after) : null;
  }
  return quantityFact(before, after, token);
}

/** True when the words before a number make it a name or a rank ("số 22", "Ban Chỉ đạo 658"). */
function looksLikeIdentifier(before: string): boolean {
  const words = before.trim().split(/\s+/).filter(Boolean);
  const last = words[words.length - 1] ?? "";
  const previous = words[words.length - 2] ?? "";
  if (IDENTIFIER_BEFORE.has(last.toLowerCase())) return true;
  const capitalised = (w: string, index: number): boolean => index > 0 && /^\p{Lu}/u.test(w);
  if (capitalised(last, words.length - 1)) return true;
  // "Ban Chỉ đạo 658": a capitalised word then a plain lower-case word (not a verb or preposition) is a name.
  const isNameWord = /^\p{Ll}/u.test(last) && readNoun(` ${last}`).noun !== "";
  return capitalised(previous, words.length - 2) && isNameWord;
}

function quantityFact(before: string, after: string, token: NumberToken): ClauseFact | null {
  const kind = token.shape === "fraction" ? "fraction" : token.shape === "percent" ? "percent" : token.shape === "numberWord" ? "numberWord" : "count";
  const ask = kind === "percent" ? "bao nhiêu phần trăm" : "bao nhiêu";
  const open = before.lastIndexOf("(");
  const inParen = open > before.lastIndexOf(")");
  const scope = inParen ? after.slice(0, after.includes(")") ? after.indexOf(")") : after.length) : after;
  const { noun, length } = readNoun(scope);
  const counted = `${noun}${kind === "fraction" ? " (trên tổng số)" : ""}`;
  let body: string;
  if (inParen) {
    const outer = stripMarkers(removeParentheticals(before.slice(0, open))).trim();
    const inside = before.slice(open + 1).trim();
    if (!outer || lacksSubject(outer)) return null;
    const rest = cutRest(scope.slice(length));
    body = inside === "" || inside.endsWith(",") ? `${shortenLead(outer, LEAD_MAX_CHARS)}, trong đó có ${ask} ${counted}${rest}` : `${shortenLead(outer, LEAD_MAX_CHARS)}, ${inside} ${ask} ${counted}${rest}`;
  } else {
    const rest = cutRest(removeParentheticals(after.slice(length)));
    const lead = stripMarkers(removeParentheticals(before)).trim();
    if (lacksSubject(lead)) return null;
    if (lead === "" || /^có$/iu.test(lead)) {
      if (!noun || !rest.trim()) return null;
      body = `Có ${ask} ${counted}${rest}`;
    } else {
      body = `${shortenLead(lead, LEAD_MAX_CHARS)} ${ask} ${counted}${rest}`;
    }
  }
  return { kind, question: finishQuestion(body), noun };
}

/** The part after a year or date: a following clause (", toàn tỉnh đã …") or the rest of this one. */
function tailAfterTime(after: string): string {
  const clean = removeParentheticals(after);
  if (/^\s*,/.test(clean)) {
    const next = cutRest(clean.replace(/^\s*,/, " "));
    // "Năm 2013, đã thành lập …": the sentence names no subject, so the question could not either.
    return next.trim() && !lacksSubject(next) ? `,${next}` : "";
  }
  return cutRest(clean);
}

function yearFact(before: string, after: string): ClauseFact | null {
  const lead = stripMarkers(removeParentheticals(before)).trim();
  const tail = tailAfterTime(after);
  if (!tail.trim()) return null;
  return { kind: "year", question: finishQuestion(`${shortenLead(lead, LEAD_MAX_CHARS)} nào${tail}`), noun: "" };
}

function dateFact(before: string, after: string): ClauseFact | null {
  const document = before.match(DOCUMENT_BEFORE_DATE);
  if (document?.[1]) {
    const rest = cutRest(removeParentheticals(after));
    return { kind: "date", question: finishQuestion(`${document[1]}${rest} được ban hành vào ngày nào`), noun: "" };
  }
  const lead = stripMarkers(removeParentheticals(before)).trim();
  const tail = tailAfterTime(after);
  if (!tail.trim()) return null;
  const asked = /(?:^|\s)ngày$/iu.test(lead) ? `${lead} nào` : `${lead} ngày nào`;
  return { kind: "date", question: finishQuestion(`${shortenLead(asked, LEAD_MAX_CHARS)}${tail}`), noun: "" };
}

/** "Hướng dẫn số 35-HD/BTCTW ngày … của Ban Tổ chức Trung ương về X" → "Hướng dẫn của Ban Tổ chức Trung ương về X có số hiệu là gì?" */
function documentCodeFact(before: string, after: string): ClauseFact | null {
  const kind = before.match(DOCUMENT_BEFORE_CODE);
  if (!kind?.[1]) return null;
  let rest = removeParentheticals(after).replace(/^\s+ngày\s+\S+/u, "");
  let issuer = "";
  const of = rest.match(/^\s+của\s+(.+?)(?=\s+về\s)/u);
  if (of?.[1]) {
    issuer = of[1];
    rest = rest.slice(of[0].length);
  } else {
    const issuedBy = before.slice(0, kind.index).match(/^(.*?)\s+ban hành\s*$/u);
    const candidate = stripMarkers(issuedBy?.[1] ?? "").trim();
    if (candidate && candidate.length <= 60) issuer = candidate;
  }
  const about = rest.match(/^\s+về\s+/u);
  if (!about) return null;
  const subject = cutRest(rest.slice(about[0].length)).trim();
  if (subject.split(/\s+/).length < 2) return null;
  const documentKind = kind[1].charAt(0).toUpperCase() + kind[1].slice(1).toLowerCase();
  return { kind: "documentCode", question: finishQuestion(`${documentKind}${issuer ? ` của ${issuer}` : ""} về ${subject} có số hiệu là gì`), noun: "" };
}
