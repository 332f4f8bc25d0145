/**
 * Questions the engine asks itself at start-up, so that the first questions of users do not pay for
 * JIT compilation and lazy initialisation (two to four times the steady-state time otherwise). Drawn
 * from the corpus in service: the opening words of passages spread through it, asked as each kind of
 * question (count, who, when, what, where, ratio, how long), some typed without diacritics.
 */
import { scanNumbers, type NumberShape } from "../quiz/numbers.js";
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

/** How a fact of a sentence is asked, by the shape of the number that states it. */
const CLOZE: Partial<Record<NumberShape, string>> = { count: "bao nhiêu", percent: "bao nhiêu phần trăm", fraction: "bao nhiêu", date: "ngày nào" };

/** Words kept on each side of the number asked about. */
const CLOZE_WORDS = 8;

/**
 * A passage's first stated figure asked about in its own words ("Toàn tỉnh có 184 chi bộ quân sự" → "Toàn
 * tỉnh có bao nhiêu chi bộ quân sự?"): a question shaped like the ones cadres ask, which the corpus answers,
 * so that warming up runs the checks a real answer goes through (a drawn opening rarely gets that far).
 */
export function clozeQuestion(text: string): string | null {
  const number = scanNumbers(text).find((n) => CLOZE[n.shape] !== undefined);
  if (number === undefined) return null;
  const before = text.slice(0, number.start).split(/\s+/u).filter(Boolean).slice(-CLOZE_WORDS);
  const after = text.slice(number.end).split(/[,.;:!?\n]/u)[0]?.split(/\s+/u).filter(Boolean).slice(0, CLOZE_WORDS) ?? [];
  if (before.length + after.length < 3) return null;
  return `${[...before, CLOZE[number.shape], ...after].join(" ").replace(/[,;:]+$/u, "")}?`;
}

/**
 * The fixed questions, then up to `count` drawn from passages evenly spread through `passages`: from each,
 * its opening asked as one of the kinds in turn, and its first figure asked in its own words.
 */
export function* warmUpQuestions(passages: ReadonlyArray<{ text: string }>, count: number): Generator<string> {
  yield* FIXED;
  if (passages.length === 0 || count <= 0) return;
  const step = Math.max(1, Math.floor(passages.length / count));
  let drawn = 0;
  // A corpus of fewer passages than questions wanted is gone through again, each passage's opening then
  // asked in the next forms (its figure only the first time), until every form has been used.
  for (let round = 0; round < ASKED.length && drawn < count; round++) {
    const before = drawn;
    // (The j-th passage drawn is asked in form j + round: another form each round, whatever the corpus size.)
    for (let i = 0, j = 0; i < passages.length && drawn < count; i += step, j++) {
      const k = j + round;
      const text = passages[i]?.text ?? "";
      const words = text.split(/\s+/u).filter((w) => /^\p{L}+$/u.test(w)).slice(0, PHRASE_WORDS);
      // Every third without diacritics, as cadres often type.
      const typed = (question: string): string => (k % 3 === 2 ? foldKey(question) : question);
      const cloze = round === 0 ? clozeQuestion(text) : null;
      for (const question of [words.length >= 2 ? (ASKED[k % ASKED.length] as string).replace("{}", words.join(" ")) : null, cloze]) {
        if (question === null || drawn >= count) continue;
        drawn++;
        yield typed(question);
      }
    }
    if (drawn === before) return;
  }
}
