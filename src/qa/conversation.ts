/**
 * Follow-up questions: reads a message against the previous question of the same conversation and,
 * when it is elliptical ("còn phường thì sao?", "thị trấn?", "and wards?") or refers back ("văn bản
 * đó ai ký?", "ở đó", "it"), rewrites it as a full question the engine answers like any other. A
 * message that is a question on its own is never merged. Pure: text and a small state in, text out.
 *
 * The vocabulary (what can be substituted, what marks a follow-up) is in followUpVocabulary.ts, the
 * tokens and elements in followUpText.ts, substitution in followUpSubstitution.ts, references ("đó",
 * "it") in followUpReferences.ts and the naming of documents in followUpDocuments.ts.
 */
import { looksEnglish } from "../text/lexicon.js";
import { cleanUnicode, collapseSpaces } from "../text/normalize.js";
import { inScriptOf, referredDocument, resolveReferences } from "./followUpReferences.js";
import { appendToQuestion, parsePrevious, resolveSubstitution, substituteElements } from "./followUpSubstitution.js";
import { capitalise, CONDITIONAL_OPENINGS, CONTINUATIONS, covered, FILLERS, findElements, list, longestAt, OPENINGS, PREPOSITIONS, QUESTION_WORDS, tokenize, tokenRange } from "./followUpText.js";
import * as V from "./followUpVocabulary.js";

export type { ConversationDocument, ConversationTurn } from "./conversationTypes.js";
import type { ConversationDocument, ConversationTurn } from "./conversationTypes.js";

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

const DOCUMENT_PREDICATES = list(V.DOCUMENT_PREDICATES);

/** Most words of a short question that takes the previous question's frame ("bao nhiêu phường?"). */
const MAX_SHORT_QUESTION_TOKENS = 4;

/** Most words a continuation ("với bao nhiêu đảng viên?") may have. */
const MAX_CONTINUATION_TOKENS = 7;

/** Most content syllables (all asking about a document: "ký thay mặt cơ quan") a short question may have to take the previous subject. */
const MAX_FRAGMENT_CONTENT_TOKENS = 5;

/** "…, nếu ít hơn thì sao?": the previous question with the message after it. */
function continuation(previous: string, text: string): string {
  return `${previous.replace(/[\s?.!…]+$/u, "")}, ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

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
  const last = turns[turns.length - 1];
  if (!last || text === "") return { kind: "standalone", question: text };
  const tokens = tokenize(text);
  if (tokens.length === 0) return { kind: "standalone", question: text };
  const followUp = (kind: "substitution" | "reference" | "fragment", question: string): Resolution => ({ kind, question, previous: last.question });
  const asks = (from: number): boolean => covered(tokens, from, tokens.length, QUESTION_WORDS).size > 0;

  const referred = resolveReferences(text, tokens, turns);
  if (referred !== null) return followUp("reference", referred);

  // "nếu ít hơn thì sao?": a condition on the previous question, never a substitution.
  const condition = longestAt(tokens, 0, CONDITIONAL_OPENINGS);
  if (condition && tokens.length <= MAX_CONTINUATION_TOKENS && asks(condition.phrase.fold.length)) return followUp("fragment", continuation(last.question, text));

  // "còn phường thì sao?", "thị trấn?", "and wards?", "năm 2020 thì sao".
  const previous = parsePrevious(last.question);
  const substituted = resolveSubstitution(text, tokens, previous);
  if (substituted !== null) return followUp("substitution", substituted);

  // A short question continuing the last one: "với bao nhiêu đảng viên?", "trong đó có mấy phường?".
  const opening = longestAt(tokens, 0, CONTINUATIONS);
  if (opening && tokens.length <= MAX_CONTINUATION_TOKENS && asks(opening.phrase.fold.length)) return followUp("fragment", continuation(last.question, text));

  // A short question without a subject: "ai ký?", "ban hành ngày nào?", "bao nhiêu phường?".
  const questionWords = covered(tokens, 0, tokens.length, QUESTION_WORDS);
  if (questionWords.size > 0) {
    const elements = findElements(tokens);
    const inElements = new Set(elements.flatMap(tokenRange));
    const functional = covered(tokens, 0, tokens.length, [...PREPOSITIONS, ...FILLERS, ...OPENINGS]);
    const content = tokens.map((_, k) => k).filter((k) => !questionWords.has(k) && !functional.has(k) && !inElements.has(k));
    const predicates = covered(tokens, 0, tokens.length, DOCUMENT_PREDICATES);
    // Only a short one ("bao nhiêu phường?", "ở huyện nào?"): a full question is never merged.
    if (tokens.length <= MAX_SHORT_QUESTION_TOKENS && elements.length > 0 && content.length === 0 && elements.every((e) => previous.elements.some((p) => p.type === e.type))) {
      const merged = substituteElements(previous, text);
      if (merged.placed > 0 && merged.isWhole) return followUp("substitution", collapseSpaces(appendToQuestion(merged.question, merged.unplaced)));
    }
    const isEnglish = looksEnglish(text);
    const name = referredDocument(turns, null, isEnglish);
    if (name && content.length > 0 && content.length <= MAX_FRAGMENT_CONTENT_TOKENS && elements.length === 0 && content.every((k) => predicates.has(k))) {
      return followUp("fragment", isEnglish ? `${text.replace(/[\s?.!]*$/u, "")} (${name})?` : `${capitalise(inScriptOf(text, name))} ${text.charAt(0).toLowerCase()}${text.slice(1)}`);
    }
  }
  return { kind: "standalone", question: text };
}
