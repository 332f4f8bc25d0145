/**
 * Follow-up questions: reads a message against the previous question of the same conversation and,
 * when it is elliptical ("còn phường thì sao?", "thị trấn?", "and wards?") or refers back ("văn bản
 * đó ai ký?", "ở đó", "it"), rewrites it as a full question the engine answers like any other. A
 * message that is a question on its own is never merged. Pure: text and a small state in, text out.
 *
 * The vocabulary (what can be substituted, what marks a follow-up) is in followUpVocabulary.ts.
 */
import { looksEnglish } from "../text/lexicon.js";
import { cleanUnicode, collapseSpaces, foldKey, hasDiacritics, toneKey } from "../text/normalize.js";
import * as V from "./followUpVocabulary.js";

/** The document an answer cited. */
export interface ConversationDocument {
  docId: string;
  title: string;
}

/** One answered turn of a conversation. */
export interface ConversationTurn {
  /** The full question as understood (the rewritten one for a follow-up). */
  question: string;
  /** The document of the answer's first citation; null when it abstained or cited nothing. */
  document: ConversationDocument | null;
  /** When it was asked, in ms (epoch or a fake clock: only differences matter). */
  atMs: number;
}

/** How a message was read. */
export type Resolution =
  /** A question on its own, asked as typed. */
  | { kind: "standalone"; question: string }
  /**
   * A follow-up rewritten as a full question: `substitution` replaced or added an element of the
   * previous question, `reference` replaced words pointing back, `fragment` gave a short question
   * the previous document or topic as its subject.
   */
  | { kind: "substitution" | "reference" | "fragment"; question: string; previous: string };

interface Token {
  text: string;
  start: number;
  end: number;
  fold: string;
  accent: string;
  isAccented: boolean;
  /** First letter upper case and the rest not all upper case ("Gia", not "UBND"). */
  isCapitalised: boolean;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[/.\-][\p{L}\p{M}\p{N}]+)*/gu;

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0];
    const lower = raw.toLowerCase();
    const first = raw.charAt(0);
    const isCapitalised = first !== first.toLowerCase() && (raw.length === 1 || raw.slice(1) !== raw.slice(1).toUpperCase() || !/\p{L}/u.test(raw.slice(1)));
    out.push({ text: raw, start: m.index, end: m.index + raw.length, fold: foldKey(raw), accent: toneKey(lower), isAccented: hasDiacritics(raw), isCapitalised });
  }
  return out;
}

/** A vocabulary phrase as syllable keys. */
interface Phrase {
  text: string;
  fold: string[];
  accent: string[];
}

function phrase(text: string): Phrase {
  const tokens = tokenize(text);
  return { text, fold: tokens.map((t) => t.fold), accent: tokens.map((t) => t.accent) };
}

/** True when `p` is written at tokens[i…]; a token typed without diacritics matches on its folded form. */
function matchesAt(tokens: readonly Token[], i: number, p: Phrase): boolean {
  if (p.fold.length === 0 || i + p.fold.length > tokens.length) return false;
  return p.fold.every((fold, j) => {
    const t = tokens[i + j];
    if (!t) return false;
    return t.isAccented ? t.accent === p.accent[j] : t.fold === fold;
  });
}

/** The longest of `phrases` written at tokens[i…], or null. */
function longestAt<T extends { phrase: Phrase }>(tokens: readonly Token[], i: number, phrases: readonly T[]): T | null {
  let best: T | null = null;
  for (const p of phrases) if (matchesAt(tokens, i, p.phrase) && (!best || p.phrase.fold.length > best.phrase.fold.length)) best = p;
  return best;
}

const list = (words: readonly string[]): Array<{ phrase: Phrase }> => words.map((w) => ({ phrase: phrase(w) }));

interface SlotEntry {
  phrase: Phrase;
  type: V.SlotType;
  word: V.SlotWord;
  isEnglish: boolean;
}

const SLOT_ENTRIES: SlotEntry[] = Object.entries(V.SLOT_WORDS).flatMap(([type, words]) =>
  words.flatMap((word) => [
    { phrase: phrase(word.vi), type: type as V.SlotType, word, isEnglish: false },
    ...(word.en ?? []).map((en) => ({ phrase: phrase(en), type: type as V.SlotType, word, isEnglish: true })),
  ]),
);
const NOT_SLOT = list(V.NOT_SLOT_PHRASES);
const SECTION = list(V.SECTION_WORDS);
const OPENINGS = list(V.SUBSTITUTION_OPENINGS);
const ENDINGS = list(V.SUBSTITUTION_ENDINGS);
const PREPOSITIONS = list(V.ELEMENT_PREPOSITIONS);
const CONTINUATIONS = list(V.CONTINUATION_OPENINGS);
const QUESTION_WORDS = list(V.QUESTION_WORDS);
const DOCUMENT_NOUNS = list(V.DOCUMENT_NOUNS);
const VI_DEMONSTRATIVES = list(V.VI_DEMONSTRATIVES);
const EN_DEMONSTRATIVES = list(V.EN_DEMONSTRATIVES);
const VI_PRONOUNS = list(V.VI_PRONOUN_REFERENCES);
const EN_PRONOUNS = list(V.EN_PRONOUN_REFERENCES);
const PLACE_REFERENCES = list(V.PLACE_REFERENCES);
const DOCUMENT_PREDICATES = list(V.DOCUMENT_PREDICATES);
const FILLERS = list(V.FILLER_WORDS);
const GENERIC_DOCUMENT_NOUNS = new Set(["van ban", "tai lieu", "bai viet", "bai", "document", "text", "paper"]);
const ORDINAL_FOLDS = new Set(V.ORDINAL_NUMERALS.map(foldKey));
const ENGLISH_ORDINALS = new Set(V.ENGLISH_ORDINALS);

/** An element of a question that a follow-up can replace. */
interface Element {
  type: V.SlotType;
  start: number;
  end: number;
  /** Token range [from, to). */
  from: number;
  to: number;
  word: V.SlotWord | null;
  isEnglish: boolean;
  /** A place written with its level ("huyện Krông Bông"): where the name starts. */
  nameStart: number | null;
}

const isNumber = (t: Token | undefined): boolean => t !== undefined && /^\d+$/.test(t.text);
const isRoman = (t: Token | undefined): boolean => t !== undefined && /^[IVXLC]+$/i.test(t.text) && t.text.length <= 6;
const isYear = (t: Token | undefined): boolean => t !== undefined && /^(?:1[89]|20)\d\d$/.test(t.text);
const isDate = (t: Token | undefined): boolean => t !== undefined && /^\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?$/.test(t.text);

/** Capitalised tokens from i on that are not function words: the length of a proper name there. */
function nameRunAt(tokens: readonly Token[], i: number): number {
  let n = 0;
  while (i + n < tokens.length) {
    const t = tokens[i + n];
    if (!t || !t.isCapitalised || /\d/.test(t.text)) break;
    if (longestAt(tokens, i + n, FILLERS) || longestAt(tokens, i + n, PREPOSITIONS) || longestAt(tokens, i + n, QUESTION_WORDS) || longestAt(tokens, i + n, OPENINGS)) break;
    if (n === 0 && longestAt(tokens, i, SLOT_ENTRIES)) break;
    n++;
  }
  return n;
}

/** The substitutable elements of a text, left to right. */
function findElements(tokens: readonly Token[]): Element[] {
  const out: Element[] = [];
  const push = (type: V.SlotType, from: number, to: number, extra: Partial<Element> = {}): void => {
    const first = tokens[from];
    const last = tokens[to - 1];
    if (first && last) out.push({ type, from, to, start: first.start, end: last.end, word: null, isEnglish: false, nameStart: null, ...extra });
  };
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (!t) break;
    const blocked = longestAt(tokens, i, NOT_SLOT);
    if (blocked) {
      i += blocked.phrase.fold.length;
      continue;
    }
    if (longestAt(tokens, i, SECTION) && (isNumber(next) || isRoman(next))) {
      push("section", i, i + 2);
      i += 2;
      continue;
    }
    if (t.fold === "thu" && next && (ORDINAL_FOLDS.has(next.fold) || isNumber(next))) {
      push("ordinal", i, i + 2);
      i += 2;
      continue;
    }
    if (ENGLISH_ORDINALS.has(t.fold)) {
      push("ordinal", i, i + 1);
      i += 1;
      continue;
    }
    if (isDate(t)) {
      push("date", i, i + 1);
      i += 1;
      continue;
    }
    if ((t.fold === "nam" || t.fold === "year" || t.fold === "in") && isYear(next)) {
      push("year", i, i + 2);
      i += 2;
      continue;
    }
    if (isYear(t)) {
      push("year", i, i + 1);
      i += 1;
      continue;
    }
    const docNoun = longestAt(tokens, i, DOCUMENT_NOUNS);
    if (docNoun && !GENERIC_DOCUMENT_NOUNS.has(docNoun.phrase.fold.join(" "))) {
      const k = i + docNoun.phrase.fold.length + (tokens[i + docNoun.phrase.fold.length]?.fold === "so" ? 1 : 0);
      if (/\d/.test(tokens[k]?.text ?? "")) {
        push("document", i, k + 1);
        i = k + 1;
        continue;
      }
    }
    const slot = longestAt(tokens, i, SLOT_ENTRIES);
    if (slot) {
      const len = slot.phrase.fold.length;
      const name = slot.type === "admin" && !slot.isEnglish ? nameRunAt(tokens, i + len) : 0;
      if (name > 0) {
        push("place", i, i + len + name, { nameStart: tokens[i + len]?.start ?? null, word: slot.word });
        i += len + name;
      } else {
        push(slot.type, i, i + len, { word: slot.word, isEnglish: slot.isEnglish });
        i += len;
      }
      continue;
    }
    const name = nameRunAt(tokens, i);
    if (name >= 2) {
      push("place", i, i + name);
      i += name;
      continue;
    }
    const before = tokens[i - 1];
    if (isNumber(t) && !(before && (before.fold === "so" || before.fold === "number" || longestAt(tokens, i - 1, DOCUMENT_NOUNS)))) push("number", i, i + 1);
    i += 1;
  }
  return out;
}

/** True when a slot phrase starting in [from, to) runs past `to` (a marker must not cut "thế thì trấn" wrongly). */
function cutsSlot(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const slot = longestAt(tokens, i, SLOT_ENTRIES);
    if (slot && i + slot.phrase.fold.length > to) return true;
  }
  return false;
}

/** Strips openings (`phrases`) from tokens[from…to), repeatedly, never cutting a slot phrase; returns the new start. */
function stripStart(tokens: readonly Token[], from: number, to: number, phrases: ReadonlyArray<{ phrase: Phrase }>): number {
  let i = from;
  for (;;) {
    let cut = 0;
    for (const p of phrases) {
      const len = p.phrase.fold.length;
      if (len > cut && i + len <= to && matchesAt(tokens, i, p.phrase) && !cutsSlot(tokens, i, i + len)) cut = len;
    }
    if (cut === 0) return i;
    i += cut;
  }
}

/** Like {@link stripStart} at the end; returns the new end. */
function stripEnd(tokens: readonly Token[], from: number, to: number, phrases: ReadonlyArray<{ phrase: Phrase }>): number {
  let end = to;
  for (;;) {
    let cut = 0;
    for (const p of phrases) {
      const len = p.phrase.fold.length;
      if (len > cut && end - len >= from && matchesAt(tokens, end - len, p.phrase) && !cutsSlot(tokens, from, end - len)) cut = len;
    }
    if (cut === 0) return end;
    end -= cut;
  }
}

/** Indices of tokens in [from, to) inside a match of one of `phrases`. */
function covered(tokens: readonly Token[], from: number, to: number, phrases: ReadonlyArray<{ phrase: Phrase }>): Set<number> {
  const out = new Set<number>();
  for (let i = from; i < to; i++) {
    const m = longestAt(tokens, i, phrases);
    if (m && i + m.phrase.fold.length <= to) for (let j = 0; j < m.phrase.fold.length; j++) out.add(i + j);
  }
  return out;
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** A title in capitals reads as a sentence ("QUY ĐỊNH VỀ …" → "Quy định về …"); codes keep their case. */
export function readableTitle(title: string): string {
  const letters = title.replace(/[^\p{L}]/gu, "");
  const upper = letters.replace(/[^\p{Lu}]/gu, "");
  if (letters.length === 0 || upper.length / letters.length < 0.8) return collapseSpaces(title);
  const lowered = collapseSpaces(title).replace(TOKEN, (w) => (/\d/.test(w) ? w : w.toLowerCase()));
  return capitalise(lowered);
}

/** How to name the previous document where a message points to it with `noun` ("nghị quyết này"). */
function documentName(document: ConversationDocument, noun: string | null, isEnglish: boolean): string {
  const title = readableTitle(document.title);
  const nounFold = noun === null ? null : foldKey(noun);
  if (nounFold !== null && !GENERIC_DOCUMENT_NOUNS.has(nounFold)) {
    // "nghị quyết này" when the title speaks of "Nghị quyết số 22": the number is the name.
    const titleTokens = tokenize(title);
    const nounFolds = tokenize(noun ?? "").map((t) => t.fold).join(" ");
    const n = nounFolds.split(" ").length;
    for (let i = 0; i + n <= titleTokens.length; i++) {
      if (titleTokens.slice(i, i + n).map((t) => t.fold).join(" ") !== nounFolds) continue;
      if (i === 0) return title;
      const numberWord = titleTokens[i + n];
      const code = titleTokens[i + n + 1];
      if (numberWord?.fold === "so" && code && /\d/.test(code.text)) return capitalise(title.slice(titleTokens[i]?.start ?? 0, code.end));
    }
  }
  const quoted = `“${title}”`;
  if (isEnglish) return `the document ${quoted}`;
  return noun === null ? `văn bản ${quoted}` : `${noun.toLowerCase()} ${quoted}`;
}

/** Documents a question names by number: "Hướng dẫn 45-HD/BTCTW", "Kế hoạch số 87-KH/TU", "Nghị quyết 22". */
function namedDocuments(question: string): Array<{ noun: string; name: string }> {
  const tokens = tokenize(question);
  const out: Array<{ noun: string; name: string }> = [];
  for (let i = 0; i < tokens.length; i++) {
    const noun = longestAt(tokens, i, DOCUMENT_NOUNS);
    if (!noun || GENERIC_DOCUMENT_NOUNS.has(noun.phrase.fold.join(" "))) continue;
    let k = i + noun.phrase.fold.length;
    if (tokens[k]?.fold === "so") k++;
    const code = tokens[k];
    const first = tokens[i];
    if (first && code && /\d/.test(code.text)) out.push({ noun: noun.phrase.fold.join(" "), name: capitalise(question.slice(first.start, code.end)) });
  }
  return out;
}

/**
 * What "<noun> đó" or "it" names: a document the last question named by number (of that type when
 * the noun says one), else the document last cited. Null when there is none.
 */
function referredDocument(turns: readonly ConversationTurn[], noun: string | null, isEnglish: boolean): string | null {
  const named = namedDocuments(turns[turns.length - 1]?.question ?? "");
  const nounFold = noun === null ? null : tokenize(noun).map((t) => t.fold).join(" ");
  const isGeneric = nounFold === null || GENERIC_DOCUMENT_NOUNS.has(nounFold);
  const match = named.find((d) => d.noun === nounFold) ?? (isGeneric ? named[named.length - 1] : undefined);
  if (match) return match.name;
  const cited = lastDocument(turns);
  return cited ? documentName(cited, noun, isEnglish) : null;
}

/** The newest document the conversation cited. */
function lastDocument(turns: readonly ConversationTurn[]): ConversationDocument | null {
  for (let i = turns.length - 1; i >= 0; i--) {
    const d = turns[i]?.document;
    if (d) return d;
  }
  return null;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = `${out.slice(0, e.start)}${e.text}${out.slice(e.end)}`;
  return out;
}

/** Longest message in which a bare "it" or "nó" is taken to point to the previous document. */
const MAX_BARE_PRONOUN_MESSAGE_TOKENS = 7;

/** Words after which a noun is what a question counts. */
const COUNT_WORDS = list(["bao nhiêu", "mấy", "how many"]);

/**
 * For "có bao nhiêu thị trấn có chi bộ cơ quan?": the counted unit with what qualifies it ("thị
 * trấn có chi bộ cơ quan"), which "ở đó" (there) points to. Only units one can be in: administrative
 * units and party organisations.
 */
function countedPhrase(question: string, tokens: readonly Token[], elements: readonly Element[]): string | null {
  const counted = elements.find((e) => (e.type === "admin" || e.type === "party-unit") && e.from > 0 && longestAt(tokens, e.from - (e.from >= 2 && longestAt(tokens, e.from - 2, COUNT_WORDS) ? 2 : 1), COUNT_WORDS));
  if (!counted) return null;
  return question.slice(counted.start).replace(/[\s?.!…]+$/u, "");
}

/** Replaces words pointing back ("văn bản đó", "ở đó", "it", "huyện đó") with what they point to. */
function resolveReferences(message: string, tokens: readonly Token[], previous: ConversationTurn, turns: readonly ConversationTurn[]): string | null {
  const document = lastDocument(turns);
  const messageIsEnglish = looksEnglish(message);
  const prevTokens = tokenize(previous.question);
  const prevElements = findElements(prevTokens);
  const prevText = (e: Element): string => previous.question.slice(e.start, e.end);
  const edits: Edit[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!t) break;
    const at = (k: number): Token | undefined => tokens[k];
    const span = (to: number): { start: number; end: number } => ({ start: t.start, end: at(to - 1)?.end ?? t.end });
    const noun = longestAt(tokens, i, DOCUMENT_NOUNS);
    const viDemonstrative = noun ? longestAt(tokens, i + noun.phrase.fold.length, VI_DEMONSTRATIVES) : null;
    const nounText = noun ? message.slice(t.start, at(i + noun.phrase.fold.length - 1)?.end ?? t.end) : null;
    const nounDocument = noun && viDemonstrative ? referredDocument(turns, nounText, false) : null;
    if (noun && viDemonstrative && nounDocument) {
      const to = i + noun.phrase.fold.length + viDemonstrative.phrase.fold.length;
      edits.push({ ...span(to), text: nounDocument });
      i = to;
      continue;
    }
    const enDemonstrative = longestAt(tokens, i, EN_DEMONSTRATIVES);
    const enNoun = enDemonstrative ? longestAt(tokens, i + enDemonstrative.phrase.fold.length, DOCUMENT_NOUNS) : null;
    const enDocument = enDemonstrative && enNoun ? referredDocument(turns, null, true) : null;
    if (enDemonstrative && enNoun && enDocument) {
      const to = i + enDemonstrative.phrase.fold.length + enNoun.phrase.fold.length;
      edits.push({ ...span(to), text: enDocument });
      i = to;
      continue;
    }
    const placeRef = longestAt(tokens, i, PLACE_REFERENCES);
    if (placeRef) {
      const to = i + placeRef.phrase.fold.length;
      const counted = countedPhrase(previous.question, prevTokens, prevElements);
      const place = prevElements.find((e) => e.type === "place");
      const isEnglish = t.fold === "there";
      if (counted) edits.push({ ...span(to), text: `${isEnglish ? "in" : "ở"} ${counted}` });
      else if (place) edits.push({ ...span(to), text: `${isEnglish ? "in" : "ở"} ${prevText(place)}` });
      else if (document) edits.push({ ...span(to), text: `${isEnglish ? "in" : "trong"} ${documentName(document, null, isEnglish)}` });
      i = to;
      continue;
    }
    const isEnglish = messageIsEnglish && !t.isAccented && (t.fold === "it" || t.fold === "its");
    const pronoun = longestAt(tokens, i, VI_PRONOUNS) ?? (isEnglish ? longestAt(tokens, i, EN_PRONOUNS) : null);
    // A bare "it" / "nó" in a long question usually points inside it ("… in its budget?").
    const isBare = pronoun !== null && pronoun.phrase.fold.length === 1;
    if (pronoun && (!isBare || tokens.length <= MAX_BARE_PRONOUN_MESSAGE_TOKENS)) {
      const to = i + pronoun.phrase.fold.length;
      const section = prevElements.find((e) => e.type === "section");
      const referred = referredDocument(turns, null, isEnglish);
      if (section && !isEnglish) edits.push({ ...span(to), text: referred ? `${prevText(section)} ${referred}` : prevText(section) });
      else if (referred) edits.push({ ...span(to), text: referred });
      i = to;
      continue;
    }
    // "huyện đó", "chi bộ này": the element of that kind the previous question named.
    const slot = longestAt(tokens, i, SLOT_ENTRIES);
    const slotDemonstrative = slot && !slot.isEnglish ? longestAt(tokens, i + slot.phrase.fold.length, VI_DEMONSTRATIVES) : null;
    if (slot && slotDemonstrative) {
      const to = i + slot.phrase.fold.length + slotDemonstrative.phrase.fold.length;
      const target = prevElements.find((e) => (e.type === "place" && slot.type === "admin" && e.word === slot.word) || (e.type === slot.type && e.word !== slot.word));
      if (target) edits.push({ ...span(to), text: prevText(target) });
      i = to;
      continue;
    }
    i += 1;
  }
  if (edits.length === 0) return null;
  return collapseSpaces(applyEdits(message, edits));
}

/** The text that puts element `e` (from `source`) in place of `target` in a question in `language`. */
function replacementText(e: Element, source: string, target: Element | null, targetText: string, isEnglish: boolean, isAccented: boolean): string {
  const typed = source.slice(e.start, e.end);
  if (e.word && e.type !== "place") {
    if (isEnglish) {
      if (e.isEnglish) return typed;
      const forms = e.word.en ?? [];
      const plural = /s$/i.test(targetText);
      return forms.find((f) => /s$/i.test(f) === plural) ?? forms[0] ?? e.word.vi;
    }
    // "phuong" typed without diacritics goes into an accented question as "phường".
    return e.isEnglish || (isAccented && !hasDiacritics(typed)) ? e.word.vi : typed;
  }
  if (e.type === "year" && target) {
    const digits = typed.replace(/^\D+/, "");
    return targetText.replace(/\d{4}/, digits);
  }
  if (e.type === "place" && target && e.nameStart === null && target.nameStart !== null) {
    // "còn Ea Kar?" after "huyện Krông Bông": the level stays.
    return `${targetText.slice(0, target.nameStart - target.start)}${typed}`;
  }
  return typed;
}

/** What to append for an element the previous question did not have. */
function additionText(e: Element, source: string, tokens: readonly Token[], isEnglish: boolean): string {
  const typed = source.slice(e.start, e.end);
  const before = tokens[e.from - 1];
  if (before && longestAt(tokens, e.from - 1, PREPOSITIONS)) return `${before.text} ${typed}`;
  if (e.type === "year" && /^\d/.test(typed)) return `${isEnglish ? "in" : "năm"} ${typed}`;
  if (e.type === "place") return `${isEnglish ? "in" : "ở"} ${typed}`;
  if (e.word && !isEnglish && e.isEnglish) return e.word.vi;
  return typed;
}

/** Puts `additions` before the question mark of `question`. */
function appendToQuestion(question: string, additions: readonly string[]): string {
  if (additions.length === 0) return question;
  const m = /[\s?.!…]*$/u.exec(question);
  const cut = m ? m.index : question.length;
  const tail = question.slice(cut).trim() || "?";
  return `${question.slice(0, cut)} ${additions.join(" ")}${tail}`;
}

/**
 * Rewrites `previous` with the elements of `source` (token range [from, to)): each replaces the
 * previous question's element of the same kind, or is added. Null when nothing could be placed.
 */
function substitute(previous: string, source: string, extraWhenUnplaced: string | null): string | null {
  const tokens = tokenize(source);
  const elements = findElements(tokens);
  const prevTokens = tokenize(previous);
  const prevElements = findElements(prevTokens);
  const isEnglish = looksEnglish(previous);
  const used = new Set<Element>();
  const edits: Edit[] = [];
  const additions: string[] = [];
  for (const e of elements) {
    const target = prevElements.find((p) => !used.has(p) && (p.type === e.type || (e.type === "place" && p.type === "place")));
    if (target) {
      used.add(target);
      const targetText = previous.slice(target.start, target.end);
      let text = replacementText(e, source, target, targetText, isEnglish, hasDiacritics(previous));
      if (target.start === 0) text = capitalise(text);
      edits.push({ start: target.start, end: target.end, text });
    } else {
      additions.push(additionText(e, source, tokens, isEnglish));
    }
  }
  if (edits.length === 0 && additions.length === 0) {
    if (extraWhenUnplaced === null) return null;
    additions.push(extraWhenUnplaced);
  } else if (edits.length === 0 && extraWhenUnplaced !== null) {
    // Nothing replaced: the message's own words go in as typed, not just its recognised parts.
    additions.splice(0, additions.length, extraWhenUnplaced);
  }
  return collapseSpaces(appendToQuestion(applyEdits(previous, edits), additions));
}

/** Most words a substitution may have besides its opening and ending ("còn … thì sao"). */
const MAX_SUBSTITUTION_TOKENS = 8;
/** Most words of a short question that takes the previous question's frame ("bao nhiêu phường?"). */
const MAX_SHORT_QUESTION_TOKENS = 4;
/** Most words a continuation ("với bao nhiêu đảng viên?") may have. */
const MAX_CONTINUATION_TOKENS = 7;
/** Most content words (beyond question words) a short question may have to take the previous subject. */
const MAX_FRAGMENT_CONTENT_TOKENS = 3;

/**
 * Reads `message` against the conversation so far (`turns`, oldest first; empty when there is
 * none or it expired) and returns the question to answer.
 *
 * @example resolveFollowUp("còn phường thì sao?", [{ question: "Có bao nhiêu xã có chi bộ cơ quan?", … }])
 *   // → { kind: "substitution", question: "Có bao nhiêu phường có chi bộ cơ quan?", … }
 */
export function resolveFollowUp(message: string, turns: readonly ConversationTurn[]): Resolution {
  // Lone surrogates (\p{Cs} matches only unpaired ones in a u-regex) would make the rewritten text unsendable.
  const text = collapseSpaces(cleanUnicode(message).replace(/\p{Cs}/gu, ""));
  const previous = turns[turns.length - 1];
  if (!previous || text === "") return { kind: "standalone", question: text };
  const tokens = tokenize(text);
  if (tokens.length === 0) return { kind: "standalone", question: text };
  const followUp = (kind: "substitution" | "reference" | "fragment", question: string): Resolution => ({ kind, question, previous: previous.question });

  const referred = resolveReferences(text, tokens, previous, turns);
  if (referred !== null) return followUp("reference", referred);

  // "còn phường thì sao?", "thị trấn?", "and wards?", "năm 2020 thì sao".
  const from = stripStart(tokens, 0, tokens.length, OPENINGS);
  const to = stripEnd(tokens, from, tokens.length, ENDINGS);
  const hasMarker = from > 0 || to < tokens.length;
  const first = tokens[from];
  const last = tokens[to - 1];
  if (first && last && to - from <= MAX_SUBSTITUTION_TOKENS) {
    const rest = text.slice(first.start, last.end);
    const restTokens = tokenize(rest);
    const asks = covered(restTokens, 0, restTokens.length, QUESTION_WORDS).size > 0;
    if (!asks) {
      const elements = findElements(restTokens);
      const inElements = new Set(elements.flatMap((e) => Array.from({ length: e.to - e.from }, (_, k) => e.from + k)));
      const functional = covered(restTokens, 0, restTokens.length, [...PREPOSITIONS, ...FILLERS]);
      const content = restTokens.filter((_, k) => !inElements.has(k) && !functional.has(k));
      const prevElements = findElements(tokenize(previous.question));
      // Without "còn … thì sao", only a lone element that replaces one of the same kind: "thị trấn?".
      const replacesOne = elements.length === 1 && elements.every((e) => prevElements.some((p) => p.type === e.type));
      if (elements.length > 0 && content.length === 0 && (hasMarker || replacesOne)) {
        const rewritten = substitute(previous.question, rest, null);
        if (rewritten !== null) return followUp("substitution", rewritten);
      } else if (hasMarker) {
        const rewritten = substitute(previous.question, rest, rest);
        if (rewritten !== null) return followUp("substitution", rewritten);
      }
    }
  }

  // A short question continuing the last one: "với bao nhiêu đảng viên?", "nếu ít hơn thì sao?".
  const continuation = longestAt(tokens, 0, CONTINUATIONS);
  if (continuation && tokens.length <= MAX_CONTINUATION_TOKENS && covered(tokens, continuation.phrase.fold.length, tokens.length, QUESTION_WORDS).size > 0) {
    const head = previous.question.replace(/[\s?.!…]+$/u, "");
    return followUp("fragment", `${head}, ${text.charAt(0).toLowerCase()}${text.slice(1)}`);
  }

  // A short question without a subject: "ai ký?", "ban hành ngày nào?", "bao nhiêu phường?".
  const questionWords = covered(tokens, 0, tokens.length, QUESTION_WORDS);
  if (questionWords.size > 0) {
    const elements = findElements(tokens);
    const inElements = new Set(elements.flatMap((e) => Array.from({ length: e.to - e.from }, (_, k) => e.from + k)));
    const functional = covered(tokens, 0, tokens.length, [...PREPOSITIONS, ...FILLERS, ...OPENINGS]);
    const content = tokens.map((_, k) => k).filter((k) => !questionWords.has(k) && !functional.has(k) && !inElements.has(k));
    const predicates = covered(tokens, 0, tokens.length, DOCUMENT_PREDICATES);
    // Only a short one ("bao nhiêu phường?", "ở huyện nào?"): a full question is never merged.
    if (tokens.length <= MAX_SHORT_QUESTION_TOKENS && elements.length > 0 && content.length === 0) {
      const prevElements = findElements(tokenize(previous.question));
      if (elements.every((e) => prevElements.some((p) => p.type === e.type))) {
        const rewritten = substitute(previous.question, text, null);
        if (rewritten !== null) return followUp("substitution", rewritten);
      }
    }
    const isEnglish = looksEnglish(text);
    const name = referredDocument(turns, null, isEnglish);
    if (name && content.length > 0 && content.length <= MAX_FRAGMENT_CONTENT_TOKENS && elements.length === 0 && content.every((k) => predicates.has(k))) {
      return followUp("fragment", isEnglish ? `${text.replace(/[\s?.!]*$/u, "")} (${name})?` : `${capitalise(name)} ${text.charAt(0).toLowerCase()}${text.slice(1)}`);
    }
  }
  return { kind: "standalone", question: text };
}
