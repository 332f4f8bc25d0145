/**
 * Documents in follow-ups: which documents a question or answer names by number ("Kế hoạch số
 * 87-KH/TU của Ban Thường vụ Tỉnh ủy"), and how to name a cited document when a message points to
 * it ("Quy định số 383-QĐ/TW", else its quoted title). Pure.
 */
import type { ConversationDocument } from "./conversationTypes.js";
import * as V from "./followUpVocabulary.js";
import { capitalise, DOCUMENT_NOUNS, GENERIC_DOCUMENT_NOUNS, isDocumentCode, list, longestAt, QUESTION_WORDS, TOKEN, tokenize, type Token } from "./followUpText.js";
import { collapseSpaces } from "../text/normalize.js";

const DOCUMENT_PREDICATES = list(V.DOCUMENT_PREDICATES);

/** A title in capitals reads as a sentence ("QUY ĐỊNH VỀ …" → "Quy định về …"); codes keep their case. */
export function readableTitle(title: string): string {
  const letters = title.replace(/[^\p{L}]/gu, "");
  const upper = letters.replace(/[^\p{Lu}]/gu, "");
  if (letters.length === 0 || upper.length / letters.length < 0.8) return collapseSpaces(title);
  const lowered = collapseSpaces(title).replace(TOKEN, (w) => (/\d/.test(w) ? w : w.toLowerCase()));
  return capitalise(lowered);
}

export const nounKey = (tokens: readonly Token[]): string => tokens.map((t) => t.fold).join(" ");

/**
 * Where the words describing a document named at tokens[…codeAt] end: its issuer ("của Bộ Chính
 * trị") and its subject ("về tiếp công dân"), up to what is asked of it ("ban hành", "do ai ký").
 * Words not followed by what is asked are not taken: where they end cannot be told ("của Bộ Chính
 * trị, Ban Bí thư …" lists on), and "về nội dung gì" is itself the question.
 */
export function documentDescriptionEnd(text: string, tokens: readonly Token[], codeAt: number): number {
  const separated = (k: number): boolean => {
    const a = tokens[k - 1];
    const b = tokens[k];
    return a !== undefined && b !== undefined && /[^\s]/.test(text.slice(a.end, b.start));
  };
  const isPredicate = (k: number): boolean => longestAt(tokens, k, DOCUMENT_PREDICATES) !== null;
  let end = codeAt + 1;
  for (;;) {
    const t = tokens[end];
    const isIssuer = t?.fold === "cua" && (tokens[end + 1]?.isCapitalised ?? false);
    if (!t || separated(end) || !(isIssuer || t.fold === "ve")) return end;
    let k = end + 1;
    while (k < tokens.length && !separated(k) && !isPredicate(k) && !longestAt(tokens, k, QUESTION_WORDS) && !(isIssuer && tokens[k]?.fold === "ve")) k++;
    const stopsWell = k < tokens.length && !separated(k) && (isPredicate(k) || tokens[k]?.fold === "ve");
    if (k === end + 1 || !stopsWell) return end;
    end = k;
  }
}

/** A document named by number in a text, with what describes it there. */
export interface NamedDocument {
  /** The noun, folded ("quy dinh"). */
  noun: string;
  /** The code, folded ("11-qdi/tw"). */
  code: string;
  /** Noun and number as written: "Chỉ thị số 35-CT/TW". */
  short: string;
  /** As written, with its issuer and subject: "Chỉ thị số 35-CT/TW của Bộ Chính trị". */
  name: string;
  /** Where it starts in the text. */
  start: number;
}

/** Documents a text names by number: "Hướng dẫn 45-HD/BTCTW", "Kế hoạch số 87-KH/TU của …", "Nghị quyết 22". */
export function namedDocuments(text: string): NamedDocument[] {
  const tokens = tokenize(text);
  const out: NamedDocument[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const noun = longestAt(tokens, i, DOCUMENT_NOUNS);
    if (!noun || GENERIC_DOCUMENT_NOUNS.has(noun.phrase.fold.join(" "))) continue;
    let k = i + noun.phrase.fold.length;
    if (tokens[k]?.fold === "so") k++;
    const code = tokens[k];
    const first = tokens[i];
    if (!first || !code || !isDocumentCode(code)) continue;
    const last = tokens[documentDescriptionEnd(text, tokens, k) - 1] ?? code;
    out.push({ noun: noun.phrase.fold.join(" "), code: code.fold, short: capitalise(text.slice(first.start, code.end)), name: capitalise(text.slice(first.start, last.end)), start: first.start });
    i = k;
  }
  return out;
}

/**
 * How to name the previous document where a message points to it with `noun` ("nghị quyết này"):
 * by its number when its title gives one ("Kết luận số 07-KL/VPTW"), else by its quoted title.
 */
export function documentName(document: ConversationDocument, noun: string | null, isEnglish: boolean): string {
  const title = readableTitle(document.title);
  const titleTokens = tokenize(title);
  // A title that opens with the document's own number names it: "Quy định số 383-QĐ/TW ngày …".
  const own = namedDocuments(title)[0];
  if (own && own.start === 0) return own.short;
  const nounFold = noun === null ? null : nounKey(tokenize(noun));
  if (nounFold !== null && !GENERIC_DOCUMENT_NOUNS.has(nounFold)) {
    // "nghị quyết này" when the title speaks of "Nghị quyết số 22": the number is the name.
    const n = nounFold.split(" ").length;
    for (let i = 0; i + n <= titleTokens.length; i++) {
      if (nounKey(titleTokens.slice(i, i + n)) !== nounFold) continue;
      if (i === 0) return title;
      const numberWord = titleTokens[i + n];
      const code = titleTokens[i + n + 1];
      if (numberWord?.fold === "so" && code && /\d/.test(code.text)) return capitalise(title.slice(titleTokens[i]?.start ?? 0, code.end));
    }
  }
  const quoted = `“${title}”`;
  if (isEnglish) return `the document ${quoted}`;
  if (noun === null || nounFold === null || GENERIC_DOCUMENT_NOUNS.has(nounFold)) return `văn bản ${quoted}`;
  return `${noun.toLowerCase()} ${quoted}`;
}
