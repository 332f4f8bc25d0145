/**
 * Questions the engine asks itself at start-up, so that the first questions of users do not pay for
 * JIT compilation and lazy initialisation (two to four times the steady-state time otherwise). Drawn
 * from the corpus in service: the opening words of passages spread through it, asked as each kind of
 * question (count, who, when, what, where, ratio, how long), some typed without diacritics.
 */
import { foldKey } from "../text/normalize.js";

/** A few questions of kinds the corpus-drawn ones do not cover (English, an ordinal, a list). */
const FIXED = ["Có bao nhiêu đảng viên?", "co bao nhieu chi bo", "Ban hành ngày nào?", "How many party cells?", "Gồm những ai?", "Thứ hai là gì?"];

/** How each drawn phrase is asked, in turn ("{}" stands for the phrase). */
const ASKED = [
  "Có bao nhiêu {}?",
  "{} do ai thực hiện?",
  "{} vào ngày nào?",
  "{} là gì?",
  "{} ở đâu?",
  "Tỷ lệ {} là bao nhiêu?",
  "{} trong bao lâu?",
  "{} gồm những gì?",
  "{} không được làm gì?",
  "{} có bắt buộc không?",
  "{} phải hoàn thành trước ngày nào?",
  "Ai giữ chức {}?",
  "{} nhằm mục đích gì?",
];
// (Thirteen forms: with every third question folded, each form is asked both ways in turn.)

/** Words taken from the start of a passage. */
const PHRASE_WORDS = 6;

/** The fixed questions, then up to `count` drawn from passages evenly spread through `passages`. */
export function* warmUpQuestions(passages: ReadonlyArray<{ text: string }>, count: number): Generator<string> {
  yield* FIXED;
  if (passages.length === 0 || count <= 0) return;
  const step = Math.max(1, Math.floor(passages.length / count));
  for (let i = 0, k = 0; i < passages.length && k < count; i += step, k++) {
    const words = (passages[i]?.text ?? "").split(/\s+/u).filter((w) => /^\p{L}+$/u.test(w)).slice(0, PHRASE_WORDS);
    if (words.length < 2) continue;
    const question = (ASKED[k % ASKED.length] as string).replace("{}", words.join(" "));
    // Every third without diacritics, as cadres often type.
    yield k % 3 === 2 ? foldKey(question) : question;
  }
}
