/**
 * Words in a follow-up that point back — "văn bản đó", "nghị quyết này", "vb bị thay thế đó", "ở đó",
 * "huyện đó", "đồng chí ấy", "it", "that document", "those cells" — and what they point to: a
 * document the conversation named or cited, the units the last question counted, or the person or
 * document the last answer named when the question asked which one. Pure.
 */
import { looksEnglish } from "../text/lexicon.js";
import { collapseSpaces, foldDiacritics, foldKey, hasDiacritics } from "../text/normalize.js";
import type { ConversationDocument, ConversationTurn } from "./conversationTypes.js";
import { documentName, namedDocuments, nounKey, readableTitle } from "./followUpDocuments.js";
import * as V from "./followUpVocabulary.js";
import {
  applyEdits,
  covered,
  DOCUMENT_NOUNS,
  FILLERS,
  findElements,
  GENERIC_DOCUMENT_NOUNS,
  list,
  longestAt,
  NOT_SLOT,
  PREPOSITIONS,
  QUESTION_WORDS,
  SLOT_ENTRIES,
  tokenize,
  type Edit,
  type Element,
  type Token,
} from "./followUpText.js";

const VI_DEMONSTRATIVES = list(V.VI_DEMONSTRATIVES);
const EN_DEMONSTRATIVES = list(V.EN_DEMONSTRATIVES);
const VI_PRONOUNS = list(V.VI_PRONOUN_REFERENCES);
const EN_PRONOUNS = list(V.EN_PRONOUN_REFERENCES);
const PLACE_REFERENCES = list(V.PLACE_REFERENCES);
const VI_PERSON_NOUNS = list(V.VI_PERSON_NOUNS);
const EN_PERSON_REFERENCES = list(V.EN_PERSON_REFERENCES);
const ANSWER_NAME_MARKERS = list(V.ANSWER_NAME_MARKERS);
const WHICH_WORDS = list(V.WHICH_WORDS);
const WHO_WORDS = list(V.WHO_WORDS);
/** Words asking for a count: the noun after them is what a question counts. */
const COUNT_WORDS = list(["bao nhiêu", "mấy", "how many"]);

/**
 * `inserted` written the way `message` is: without diacritics when a Vietnamese message was typed
 * without them, so the rewritten question reads one way throughout (the engine restores the marks of
 * a question typed without any, not of one that mixes both).
 */
export function inScriptOf(message: string, inserted: string): string {
  return hasDiacritics(message) || looksEnglish(message) ? inserted : foldDiacritics(inserted);
}

/** The newest document the conversation cited. */
export function lastDocument(turns: readonly ConversationTurn[]): ConversationDocument | null {
  for (let i = turns.length - 1; i >= 0; i--) {
    const d = turns[i]?.document;
    if (d) return d;
  }
  return null;
}

/**
 * What "<noun> đó" or "it" names: a document the last question named by number (of that type when
 * the noun says one), else the document last cited. Null when there is none.
 */
export function referredDocument(turns: readonly ConversationTurn[], noun: string | null, isEnglish: boolean): string | null {
  const named = namedDocuments(turns[turns.length - 1]?.question ?? "");
  const nounFold = noun === null ? null : nounKey(tokenize(noun));
  const isGeneric = nounFold === null || GENERIC_DOCUMENT_NOUNS.has(nounFold);
  const match = named.find((d) => d.noun === nounFold) ?? (isGeneric ? named[named.length - 1] : undefined);
  const cited = lastDocument(turns);
  if (match) {
    // Named without diacritics ("huong dan so 45-HD/BTCTW"): the cited title writes it properly.
    const titled = !hasDiacritics(match.name) && cited ? namedDocuments(readableTitle(cited.title)).find((d) => d.code === match.code) : undefined;
    // An English question takes the number alone, not a Vietnamese description.
    return titled?.short ?? (isEnglish ? match.short : match.name);
  }
  return cited ? documentName(cited, noun, isEnglish) : null;
}

/** True when `question` asks which document ("thay thế văn bản nào?", "which regulation"). */
function asksWhichDocument(question: string): boolean {
  const tokens = tokenize(question);
  return tokens.some((_, i) => {
    const noun = longestAt(tokens, i, DOCUMENT_NOUNS);
    if (noun && longestAt(tokens, i + noun.phrase.fold.length, WHICH_WORDS)) return true;
    return longestAt(tokens, i, WHICH_WORDS) !== null && longestAt(tokens, i + 1, DOCUMENT_NOUNS) !== null;
  });
}

/**
 * The document the last answer named in reply to "which document?" ("Quy định này thay thế Quy định
 * số 270-QĐ/TW"): the first one it names that the question did not. Null otherwise.
 */
function answeredDocument(previous: ConversationTurn, noun: string | null): string | null {
  if (!previous.answer || !asksWhichDocument(previous.question)) return null;
  const asked = new Set(namedDocuments(previous.question).map((d) => d.code));
  const nounFold = noun === null ? null : nounKey(tokenize(noun));
  const fresh = namedDocuments(previous.answer).filter((d) => !asked.has(d.code) && !(previous.document && foldKey(previous.document.title).includes(d.code)));
  return (fresh.find((d) => d.noun === nounFold) ?? fresh[0])?.short ?? null;
}

/** Most words of a person's name in an answer. */
const MAX_NAME_TOKENS = 5;

/** The person the last answer named in reply to "ai …?" ("Người ký: Hoàng Đăng Quang (…)"), or null. */
function answeredPerson(previous: ConversationTurn): string | null {
  const answer = previous.answer;
  if (!answer) return null;
  const asked = tokenize(previous.question);
  if (covered(asked, 0, asked.length, WHO_WORDS).size === 0) return null;
  const tokens = tokenize(answer);
  for (let i = 0; i < tokens.length; i++) {
    const marker = longestAt(tokens, i, ANSWER_NAME_MARKERS);
    if (!marker) continue;
    const from = i + marker.phrase.fold.length;
    let to = from;
    const isNamePart = (k: number): boolean => {
      const t = tokens[k];
      const before = tokens[k - 1];
      return t !== undefined && t.isCapitalised && /^\p{L}+$/u.test(t.text) && (k === from || (before !== undefined && /^\s+$/.test(answer.slice(before.end, t.start))));
    };
    while (to < tokens.length && to - from < MAX_NAME_TOKENS && isNamePart(to)) to++;
    const first = tokens[from];
    const last = tokens[to - 1];
    if (to - from >= 2 && first && last) return answer.slice(first.start, last.end);
  }
  return null;
}

/** True when tokens[i] is inside (not at the start of) a compound that is no slot ("kỷ luật", "xã hội"). */
function insideCompound(tokens: readonly Token[], i: number): boolean {
  for (let k = Math.max(0, i - 3); k < i; k++) {
    const compound = longestAt(tokens, k, NOT_SLOT);
    if (compound && k + compound.phrase.fold.length > i) return true;
  }
  return false;
}

/** Most words between a document noun and its demonstrative ("văn bản kết luận hội nghị đó", "vb bị thay thế đó"). */
const MAX_DOCUMENT_QUALIFIER_TOKENS = 3;

/**
 * A document noun with what qualifies it and a demonstrative at tokens[i…]: the token after it and
 * the most specific noun there ("kết luận" in "văn bản kết luận hội nghị đó"), or null.
 */
function documentReferenceAt(tokens: readonly Token[], i: number): { to: number; nounFrom: number; nounTo: number } | null {
  const noun = longestAt(tokens, i, DOCUMENT_NOUNS);
  // "luật" inside "kỷ luật" (discipline) is no law.
  if (!noun || insideCompound(tokens, i)) return null;
  let nounFrom = i;
  let nounTo = i + noun.phrase.fold.length;
  let j = nounTo;
  let passive = false;
  while (j < tokens.length && j - nounTo <= MAX_DOCUMENT_QUALIFIER_TOKENS) {
    const demonstrative = longestAt(tokens, j, VI_DEMONSTRATIVES);
    if (demonstrative) return { to: j + demonstrative.phrase.fold.length, nounFrom, nounTo };
    const t = tokens[j];
    const other = longestAt(tokens, j, DOCUMENT_NOUNS);
    const slot = longestAt(tokens, j, SLOT_ENTRIES);
    if (other) {
      if (!GENERIC_DOCUMENT_NOUNS.has(other.phrase.fold.join(" "))) [nounFrom, nounTo] = [j, j + other.phrase.fold.length];
      j += other.phrase.fold.length;
    } else if (slot && !slot.isEnglish) {
      j += slot.phrase.fold.length;
    } else if (t && (t.fold === "bi" || t.fold === "duoc")) {
      // "văn bản bị thay thế đó": a passive verb qualifies the noun.
      passive = true;
      j += 1;
    } else if (passive && t && !longestAt(tokens, j, QUESTION_WORDS)) {
      j += 1;
    } else {
      return null;
    }
  }
  return null;
}

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

/** Most qualifiers between an English demonstrative and the unit it points to ("those police cells"). */
const MAX_ENGLISH_QUALIFIER_TOKENS = 2;

/**
 * "those police cells" at tokens[from…] after "how many commune-level military party cells": the
 * previous question's unit of that kind with its qualifiers, the typed ones replacing as many of the
 * nearest ("the commune-level police party cells"). Null when the previous question has none.
 */
function englishUnitReference(tokens: readonly Token[], from: number, message: string, previous: string, prevTokens: readonly Token[], prevElements: readonly Element[]): { to: number; text: string } | null {
  for (let j = from; j <= from + MAX_ENGLISH_QUALIFIER_TOKENS && j < tokens.length; j++) {
    const slot = longestAt(tokens, j, SLOT_ENTRIES);
    if (!slot) continue;
    if (!slot.isEnglish) return null;
    const target = prevElements.find((e) => e.type === slot.type);
    if (!target) return null;
    const asks = covered(prevTokens, 0, prevTokens.length, QUESTION_WORDS);
    const plain = covered(prevTokens, 0, prevTokens.length, [...FILLERS, ...PREPOSITIONS]);
    let modFrom = target.from;
    while (modFrom > 0 && !asks.has(modFrom - 1) && !plain.has(modFrom - 1) && !prevElements.some((e) => e.from < modFrom && e.to >= modFrom)) modFrom--;
    const typed = j - from;
    const kept = Math.max(modFrom, target.from - typed);
    const keptText = kept > modFrom ? previous.slice(prevTokens[modFrom]?.start ?? 0, prevTokens[kept - 1]?.end ?? 0) : "";
    const typedText = typed > 0 ? message.slice(tokens[from]?.start ?? 0, tokens[j - 1]?.end ?? 0) : "";
    const text = ["the", keptText, typedText, previous.slice(target.start, target.end)].filter((w) => w !== "").join(" ");
    return { to: j + slot.phrase.fold.length, text };
  }
  return null;
}

/** Longest message in which a bare "it" or "nó" is taken to point to the previous document. */
const MAX_BARE_PRONOUN_MESSAGE_TOKENS = 7;

/**
 * Replaces words pointing back ("văn bản đó", "ở đó", "it", "huyện đó", "đồng chí ấy") with what
 * they point to; null when the message has none.
 */
export function resolveReferences(message: string, tokens: readonly Token[], turns: readonly ConversationTurn[]): string | null {
  const previous = turns[turns.length - 1];
  if (!previous) return null;
  const document = lastDocument(turns);
  const messageIsEnglish = looksEnglish(message);
  const prevTokens = tokenize(previous.question);
  const prevElements = findElements(prevTokens);
  const prevText = (e: Element): string => previous.question.slice(e.start, e.end);
  const person = answeredPerson(previous);
  const edits: Edit[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!t) break;
    const at = (k: number): Token | undefined => tokens[k];
    const span = (to: number): { start: number; end: number } => ({ start: t.start, end: at(to - 1)?.end ?? t.end });
    const docRef = documentReferenceAt(tokens, i);
    if (docRef) {
      const noun = message.slice(at(docRef.nounFrom)?.start ?? t.start, at(docRef.nounTo - 1)?.end ?? t.end);
      const name = answeredDocument(previous, noun) ?? referredDocument(turns, noun, false);
      if (name) {
        edits.push({ ...span(docRef.to), text: name });
        i = docRef.to;
        continue;
      }
    }
    const enDemonstrative = longestAt(tokens, i, EN_DEMONSTRATIVES);
    const enNoun = enDemonstrative ? longestAt(tokens, i + enDemonstrative.phrase.fold.length, DOCUMENT_NOUNS) : null;
    const enDocument = enDemonstrative && enNoun ? (answeredDocument(previous, null) ?? referredDocument(turns, null, true)) : null;
    if (enDemonstrative && enNoun && enDocument) {
      const to = i + enDemonstrative.phrase.fold.length + enNoun.phrase.fold.length;
      edits.push({ ...span(to), text: enDocument });
      i = to;
      continue;
    }
    // "those police cells": the unit of that kind the previous question named, the typed qualifiers in place of its nearest ones.
    const enUnit = enDemonstrative && !enNoun ? englishUnitReference(tokens, i + enDemonstrative.phrase.fold.length, message, previous.question, prevTokens, prevElements) : null;
    if (enUnit) {
      edits.push({ ...span(enUnit.to), text: enUnit.text });
      i = enUnit.to;
      continue;
    }
    // "đồng chí ấy", "người đó", "he": the person the last answer named.
    const personNoun = longestAt(tokens, i, VI_PERSON_NOUNS);
    const personDemonstrative = personNoun ? longestAt(tokens, i + personNoun.phrase.fold.length, VI_DEMONSTRATIVES) : null;
    if (person && personNoun && personDemonstrative) {
      const to = i + personNoun.phrase.fold.length + personDemonstrative.phrase.fold.length;
      const title = message.slice(t.start, at(i + personNoun.phrase.fold.length - 1)?.end ?? t.end);
      const isBareNoun = ["nguoi", "vi"].includes(personNoun.phrase.fold.join(" "));
      edits.push({ ...span(to), text: isBareNoun ? person : `${title} ${person}` });
      i = to;
      continue;
    }
    const enPerson = messageIsEnglish && !t.isAccented ? longestAt(tokens, i, EN_PERSON_REFERENCES) : null;
    if (person && enPerson) {
      const to = i + enPerson.phrase.fold.length;
      edits.push({ ...span(to), text: person });
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
  return collapseSpaces(applyEdits(message, edits.map((e) => ({ ...e, text: inScriptOf(message, e.text) }))));
}
