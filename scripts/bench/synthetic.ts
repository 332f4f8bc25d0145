/**
 * Deterministic synthetic corpora for the benchmark. Passages are made from the shipped corpus's own
 * sentences (numbers redrawn, place names replaced) and from an order-2 word chain trained on them, so
 * wording, passage length and the share of numbers resemble the real documents while the vocabulary of
 * numbers and places grows with the corpus. Every question is built from a fact sentence planted in one
 * passage, so it has an answer. Pure: the same spec always gives the same documents and questions.
 */
import { cleanUnicode, collapseSpaces, foldKey } from "../../src/text/normalize.js";
import { mulberry32 } from "../../src/quiz/random.js";

/** Bumped whenever generation changes, so cached corpora are not reused by mistake. */
export const GENERATOR_VERSION = 1;

export type SyntheticFormat = "txt" | "md" | "html" | "docx" | "pdf";

/** What to generate. */
export interface SyntheticSpec {
  /** Passages wanted (the ingest may count a few more or fewer: it chunks by its own rules). */
  passages: number;
  /** Questions wanted (one fact sentence each). */
  questions: number;
  seed: number;
  /** Formats to use; docx and pdf are made by the writer, the generator only labels documents. */
  formats: readonly SyntheticFormat[];
}

/** A generated document, before it is written in its format. */
export interface SyntheticDoc {
  /** Path relative to the corpus folder, with extension. */
  path: string;
  format: SyntheticFormat;
  title: string;
  sections: Array<{ heading: string; paragraphs: string[] }>;
}

/** A generated question with the text its answer must contain. */
export interface SyntheticQuestion {
  id: string;
  q: string;
  /** The answer is right when it contains one of these. */
  expect: string[];
  /** Path of the document holding the fact. */
  path: string;
}

/** Small, fast, well-spread PRNG: the quiz generator's mulberry32, so both stay deterministic alike. */
export const makeRandom = mulberry32;

type Random = () => number;
const int = (rnd: Random, min: number, max: number): number => min + Math.floor(rnd() * (max - min + 1));
function pick<T>(rnd: Random, items: readonly T[]): T {
  const item = items[Math.floor(rnd() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

// Place names: the shipped text's own are replaced by generated ones, communes from common syllables.
const SHIPPED_PLACES = ["Buôn Ma Thuột", "Đăk Lăk", "Buôn Hồ", "Buôn Đôn", "Ea Súp", "Krông Búk", "Cư Kuin", "Ea H’leo", "Krông Pắc", "Ea Kar", "Krông Bông"];
const PLACE_SYLLABLES = [
  "Hòa", "Tân", "An", "Phú", "Thạnh", "Bình", "Long", "Thuận", "Đức", "Xuân", "Hưng", "Phước", "Quang", "Thắng", "Lợi",
  "Lập", "Mỹ", "Sơn", "Thành", "Trung", "Đông", "Tây", "Nam", "Bắc", "Vĩnh", "Hiệp", "Nghĩa", "Lộc", "Khánh", "Hải",
  "Cẩm", "Định", "Phong", "Yên", "Kim", "Thọ", "Hà", "Giang", "Thủy", "Lâm",
];
const PROVINCES = [
  "Hà Giang", "Cao Bằng", "Lào Cai", "Sơn La", "Lai Châu", "Điện Biên", "Yên Bái", "Tuyên Quang", "Thái Nguyên", "Lạng Sơn",
  "Bắc Giang", "Quảng Ninh", "Phú Thọ", "Vĩnh Phúc", "Bắc Ninh", "Hải Dương", "Hưng Yên", "Thái Bình", "Nam Định", "Ninh Bình",
  "Hà Nam", "Hòa Bình", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Bình", "Quảng Trị", "Quảng Nam", "Quảng Ngãi", "Bình Định",
  "Phú Yên", "Khánh Hòa", "Ninh Thuận", "Bình Thuận", "Kon Tum", "Gia Lai", "Đắk Nông", "Lâm Đồng", "Bình Phước", "Tây Ninh",
  "Bình Dương", "Đồng Nai", "Long An", "Tiền Giang", "Bến Tre", "Trà Vinh", "Vĩnh Long", "Đồng Tháp", "An Giang", "Kiên Giang",
  "Hậu Giang", "Sóc Trăng", "Bạc Liêu", "Cà Mau",
];
const HEADINGS = [
  "Những chuyển biến rõ rệt", "Kết quả đạt được", "Tình hình chung", "Kinh nghiệm", "Nhiệm vụ và giải pháp", "Hạn chế, khuyết điểm",
  "Công tác phát triển đảng viên", "Củng cố tổ chức cơ sở đảng", "Công tác kiểm tra, giám sát", "Phương hướng thời gian tới",
];
const DOC_KINDS = ["Báo cáo kết quả thực hiện", "Báo cáo sơ kết", "Kết quả và kinh nghiệm thực hiện", "Báo cáo tổng kết"];
const RESOLUTIONS = ["Nghị quyết số", "Chỉ thị số", "Hướng dẫn số", "Kết luận số", "Quy định số"];

/** The vocabulary a corpus is generated from. */
export interface Vocabulary {
  /** Sentences of the shipped text, with numbers and places to be redrawn. */
  sentences: string[];
  /** Order-2 word chain: "w1 w2" → next words. */
  chain: Map<string, string[]>;
  /** Sentence-opening word pairs. */
  starts: Array<[string, string]>;
  /** Noun phrases that follow a count in the shipped text ("chi bộ quân sự", "đảng viên"). */
  countedNouns: string[];
}

const FUNCTION_WORDS = new Set(["có", "của", "và", "với", "là", "được", "do", "trong", "ở", "tại", "so", "thuộc", "đã", "các", "cho", "theo", "để", "từ", "đến", "xuống", "còn", "trực"]);
const NUMBER = /\d+(?:[.,/-]\d+)*%?/g;
const END = "\u0000";

/** Learns the vocabulary from the shipped corpus's text files. */
export function learnVocabulary(texts: readonly string[]): Vocabulary {
  const sentences: string[] = [];
  for (const text of texts) {
    for (const paragraph of cleanUnicode(text).split(/\n\s*\n|\n/)) {
      const line = collapseSpaces(paragraph);
      // Headings and web debris are not prose.
      if (line.length < 60 || !/[.;!?…]$/u.test(line)) continue;
      for (const sentence of line.split(/(?<=[.;!?…])\s+(?=\p{Lu})/u)) {
        const words = sentence.split(" ");
        if (words.length >= 8 && words.length <= 90 && !/[:：]$/u.test(sentence)) sentences.push(sentence.replace(/[;]$/u, "."));
      }
    }
  }
  if (sentences.length === 0) throw new Error("the shipped corpus has no prose sentences to learn from");
  const chain = new Map<string, string[]>();
  const starts: Array<[string, string]> = [];
  for (const sentence of sentences) {
    const words = [...sentence.split(" "), END];
    const [first, second] = words;
    if (first !== undefined && second !== undefined && second !== END) starts.push([first, second]);
    for (let i = 0; i + 2 < words.length; i++) {
      const key = `${words[i]} ${words[i + 1]}`;
      const next = words[i + 2] as string;
      const list = chain.get(key);
      if (list) list.push(next);
      else chain.set(key, [next]);
    }
  }
  const nouns = new Set<string>();
  for (const sentence of sentences) {
    for (const m of sentence.matchAll(/(?:^|\s)\d+(?:\/\d+)?\s+((?:[\p{Ll}]+\s?){1,6})/gu)) {
      // A noun phrase ends at the first function word: "chi bộ công an" from "chi bộ công an xã có …".
      const words: string[] = [];
      for (const word of (m[1] ?? "").trim().split(" ")) {
        if (FUNCTION_WORDS.has(word) || words.length === 4) break;
        words.push(word);
      }
      if (words.length >= 2 && !/^(?:năm|tháng|ngày|lần|so|đến|từ|toàn)$/u.test(words[0] ?? "")) nouns.add(words.join(" "));
    }
  }
  const countedNouns = [...nouns].sort();
  if (countedNouns.length === 0) countedNouns.push("chi bộ", "đảng viên");
  return { sentences, chain, starts, countedNouns };
}

/** Redraws every number, keeping its shape: "68/152" stays a fraction, "2013" a year, "1,3%" a percent. */
function redrawNumbers(rnd: Random, sentence: string): string {
  return sentence.replace(NUMBER, (raw) => {
    if (/^(?:19|20)\d\d$/.test(raw)) return String(int(rnd, 1995, 2024));
    if (raw.endsWith("%")) return raw.includes(",") ? `${int(rnd, 0, 99)},${int(rnd, 1, 9)}%` : `${int(rnd, 1, 100)}%`;
    if (/^\d+\/\d+$/.test(raw)) {
      const whole = int(rnd, 5, 400);
      return `${int(rnd, 1, whole)}/${whole}`;
    }
    if (/^\d{1,2}-\d{1,2}-\d{4}$/.test(raw)) return `${int(rnd, 1, 28)}-${int(rnd, 1, 12)}-${int(rnd, 1995, 2024)}`;
    if (/^\d{1,3}\.\d{3}$/.test(raw)) return `${int(rnd, 1, 99)}.${String(int(rnd, 0, 999)).padStart(3, "0")}`;
    return raw.replace(/\d+/g, (digits) => String(int(rnd, digits.length === 1 ? 1 : 10 ** (digits.length - 1), 10 ** digits.length - 1)));
  });
}

/** A district-level place name ("huyện Thạnh Lộc"). */
function randomDistrict(rnd: Random): string {
  return `${pick(rnd, ["huyện", "thị xã", "thành phố"])} ${pick(rnd, PLACE_SYLLABLES)} ${pick(rnd, PLACE_SYLLABLES)}`;
}

function replacePlaces(rnd: Random, sentence: string, province: string): string {
  let out = sentence;
  for (const place of SHIPPED_PLACES) {
    if (!out.includes(place)) continue;
    out = out.split(place).join(place === "Đăk Lăk" ? province : `${pick(rnd, PLACE_SYLLABLES)} ${pick(rnd, PLACE_SYLLABLES)}`);
  }
  return out;
}

function chainSentence(rnd: Random, vocab: Vocabulary): string {
  const [a, b] = pick(rnd, vocab.starts);
  const words = [a, b];
  const maxWords = int(rnd, 14, 45);
  while (words.length < maxWords) {
    const next = vocab.chain.get(`${words[words.length - 2]} ${words[words.length - 1]}`);
    if (!next) break;
    const word = pick(rnd, next);
    if (word === END) break;
    words.push(word);
  }
  const text = words.join(" ").replace(/[,;:…–-]+$/u, "");
  return /[.!?]$/u.test(text) ? text : `${text}.`;
}

function proseSentence(rnd: Random, vocab: Vocabulary, province: string): string {
  const raw = rnd() < 0.6 ? pick(rnd, vocab.sentences) : chainSentence(rnd, vocab);
  return replacePlaces(rnd, redrawNumbers(rnd, raw), province);
}

/** A passage of prose, 200–1,000 characters, ending with a full stop. */
function prosePassage(rnd: Random, vocab: Vocabulary, province: string, lead: string | null): string {
  const target = int(rnd, 200, 900);
  const sentences: string[] = lead ? [lead] : [];
  let length = lead?.length ?? 0;
  while (length < target || sentences.length === 0) {
    const s = proseSentence(rnd, vocab, province);
    if (length + s.length > 1100 && sentences.length > 0) break;
    sentences.push(s);
    length += s.length + 1;
  }
  return sentences.join(" ");
}

/** A unique commune-level place for question `i`: no two questions share one. */
function questionPlace(i: number): string {
  const n = PLACE_SYLLABLES.length;
  const a = PLACE_SYLLABLES[i % n] as string;
  // (a, b) differ for every i below n²: b = (⌊i/n⌋ + 13a) mod n.
  const b = PLACE_SYLLABLES[(Math.floor(i / n) + 13 * (i % n)) % n] as string;
  const c = PLACE_SYLLABLES[(Math.floor(i / (n * n)) + i * 7) % n] as string;
  return `xã ${a} ${b}, huyện ${c} ${PROVINCES[i % PROVINCES.length] ?? ""}`.trim();
}

interface Fact {
  sentence: string;
  question: string;
  expect: string[];
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function plantFact(rnd: Random, vocab: Vocabulary, i: number): Fact {
  const place = questionPlace(i);
  const noun = pick(rnd, vocab.countedNouns);
  const count = int(rnd, 2, 980);
  const year = int(rnd, 2000, 2024);
  const style = i % 4;
  const questionText =
    style === 0 ? `Có bao nhiêu ${noun} ở ${place}?` :
    style === 1 ? `${capitalise(place)} có bao nhiêu ${noun}?` :
    style === 2 ? `Đến cuối năm ${year}, ${place} có bao nhiêu ${noun}?` :
    `Số ${noun} của ${place} là bao nhiêu?`;
  const sentence =
    style === 2 ? `Đến cuối năm ${year}, ${place} có ${count} ${noun}.` :
    pick(rnd, [`Đến nay, ${place} có ${count} ${noun}.`, `Sau khi sắp xếp, ${place} có ${count} ${noun}, tăng ${int(rnd, 1, 60)} so với năm ${year}.`, `Kết quả, toàn ${place} có ${count} ${noun}.`]);
  // One question in six is typed without diacritics, as users often do.
  const q = i % 6 === 5 ? foldKey(questionText) : questionText;
  return { sentence: capitalise(sentence), question: q, expect: [String(count)] };
}

/** Documents of a synthetic corpus, and its questions. */
export function generateCorpus(spec: SyntheticSpec, vocab: Vocabulary): { docs: SyntheticDoc[]; questions: SyntheticQuestion[] } {
  const rnd = makeRandom(spec.seed);
  // Question i is planted in passage ⌊(i + 0.5) · passages / questions⌋: spread over the whole corpus.
  const factAt = new Map<number, number>();
  for (let i = 0; i < spec.questions; i++) factAt.set(Math.floor(((i + 0.5) * spec.passages) / spec.questions), i);
  const docs: SyntheticDoc[] = [];
  const questions: SyntheticQuestion[] = [];
  let made = 0;
  while (made < spec.passages) {
    const n = docs.length;
    const format = spec.formats[formatSlot(n, spec.formats.length)] ?? "txt";
    const province = pick(rnd, PROVINCES);
    const count = Math.min(spec.passages - made, int(rnd, 5, 25));
    const title = `${pick(rnd, DOC_KINDS)} ${pick(rnd, RESOLUTIONS)} ${int(rnd, 1, 99)}-NQ/TW ở ${rnd() < 0.5 ? province : randomDistrict(rnd)}`;
    const path = `d${String(Math.floor(n / 200)).padStart(3, "0")}/doc-${String(n).padStart(6, "0")}.${format}`;
    const sections: SyntheticDoc["sections"] = [];
    const headings = [...HEADINGS];
    for (let p = 0; p < count; p++) {
      if (p % 6 === 0) sections.push({ heading: headings.splice(int(rnd, 0, headings.length - 1), 1)[0] ?? "Kết quả", paragraphs: [] });
      const q = factAt.get(made + p);
      let lead: string | null = null;
      if (q !== undefined) {
        const fact = plantFact(rnd, vocab, q);
        lead = fact.sentence;
        questions.push({ id: `q${String(q).padStart(4, "0")}`, q: fact.question, expect: fact.expect, path });
      }
      sections[sections.length - 1]?.paragraphs.push(prosePassage(rnd, vocab, province, lead));
    }
    docs.push({ path, format, title, sections });
    made += count;
  }
  questions.sort((a, b) => a.id.localeCompare(b.id));
  return { docs, questions };
}

/**
 * Which format document n gets: mostly txt, md and html; one in 40 docx and one in 80 pdf when those are
 * enabled (they are slower to parse, as in real corpora where they are fewer).
 */
function formatSlot(n: number, formats: number): number {
  if (formats >= 5 && n % 80 === 79) return 4;
  if (formats >= 4 && n % 40 === 39) return 3;
  return n % Math.min(3, formats);
}

const escapeHtml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A document as plain text: title, then headings and paragraphs separated by blank lines. */
export function toText(doc: SyntheticDoc): string {
  return [doc.title, "", ...doc.sections.flatMap((s) => [s.heading, "", ...s.paragraphs.flatMap((p) => [p, ""])])].join("\n");
}

export function toMarkdown(doc: SyntheticDoc): string {
  return [`# ${doc.title}`, "", ...doc.sections.flatMap((s) => [`## ${s.heading}`, "", ...s.paragraphs.flatMap((p) => [p, ""])])].join("\n");
}

/** A web page with the navigation and sharing debris real ones carry. */
export function toHtml(doc: SyntheticDoc): string {
  const body = doc.sections.map((s) => `<h2>${escapeHtml(s.heading)}</h2>\n${s.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}`).join("\n");
  return `<!doctype html>\n<html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title></head>\n<body><nav><a href="/">Trang chủ</a> | <a href="#">Tìm kiếm</a></nav>\n<article><h1>${escapeHtml(doc.title)}</h1>\n${body}\n</article>\n<div>Chia sẻ</div><div>Bình luận</div>\n<footer><p>Các tin khác</p><ul><li>Tin cũ</li></ul></footer></body></html>\n`;
}
