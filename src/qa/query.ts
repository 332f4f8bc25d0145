/**
 * Query understanding: from a question as typed (Vietnamese with or without diacritics, abbreviations,
 * typos, or English) to a plan for retrieval and answer extraction.
 */
import { analyzeText, keysOf, type TermView } from "../text/analyze.js";
import { abbreviationExpansion, findSynonyms, isGlossaryPhrase, isGlossaryWord, isVietnameseSyllable, isEnglishStopword, isKnownAbbreviation, isStopFold, looksEnglish, stopMask, translateEnglish } from "../text/lexicon.js";
import { cleanUnicode, collapseSpaces, foldDiacritics, foldKey, hasDiacritics } from "../text/normalize.js";
import type { Token } from "../text/tokenize.js";
import { BODY_OR_ROLE, CLASSIFIERS, COUNTED_NOUN_BREAKERS, FAMILY_NAMES, MONEY_SUBJECTS_FOLDED, DOCUMENT_KIND_WORDS, DOCUMENT_NUMBER_QUESTION_FOLDED, GENERIC_COUNTED, LEVEL_AMBIGUOUS_UNACCENTED, LEVEL_GUARDED, LEVEL_GUARDED_UNACCENTED, LEVEL_INTRODUCERS, LEVEL_PHRASES, MODIFIER_PHRASES_FOLDED, NAMED_PLACE_QUESTION_FOLDED, NUMBER_WORDS, numberedKeys, ORDINAL_VALUES, PERSON_WHICH_FOLDED, ENGLISH_PERSON_WHICH_FOLDED, OFFICE_TITLES_FOLDED, QUESTION_PARTICLES_FOLDED, romanNumeralValue, spelledCounts, WHERE_QUESTION_FOLDED, WHO_QUESTION_FOLDED } from "../text/vietnamese.js";
import { asksSigning } from "../corpus/header.js";

/** What kind of fact a question asks for. */
export type QuestionKind = "count" | "percent" | "date" | "when" | "duration" | "who" | "where" | "list" | "purpose" | "reason" | "definition" | "other";

/** One way of writing a term: its folded key and, for accented input, its accent key. */
export interface TermKey {
  fold: string;
  /** Accent key, or null when the question had no diacritics (match folded). */
  accent: string | null;
}

/** A key term of the question, weighed by rarity when answers are checked. */
export interface QueryTerm extends TermKey {
  isNumber: boolean;
  /**
   * Synonyms or other translations of the phrase the term belongs to, each as its syllables: the term
   * also counts as found where one of them occurs whole ("họp" is found in "sinh hoạt", not in "hoạt động").
   */
  alternatives: TermKey[][];
  /**
   * An abbreviation and its full form as one term: found when the abbreviation or the whole phrase
   * (folded syllables, consecutive) occurs.
   */
  phrase?: string[];
  /** Position of the syllable in the question as typed (Vietnamese questions), for compounds. */
  position?: number;
  /** True when only whitespace separates it from the syllable before ("xã, phường": no compound). */
  joinsPrevious?: boolean;
  /**
   * Where the syllable occurs again in the question ("viên" in "đảng viên … sinh viên"): one term, but
   * each occurrence may form its own compound.
   */
  repeats?: Array<{ position: number; joinsPrevious: boolean }>;
  /**
   * For a syllable of a translated compound ("dân số" for "population"): the folded bigram that must
   * occur, so that "dân" in "tổ dân phố" does not count.
   */
  bigram?: string;
}

/** The plan retrieval and answer extraction work from. */
export interface QueryPlan {
  question: string;
  language: "vi" | "en";
  kind: QuestionKind;
  /** Text for the embedding and the lexical index (translated for English questions). */
  searchText: string;
  accent: string[] | null;
  fold: string[];
  bigrams: string[];
  terms: QueryTerm[];
  /** Number keys in the question ("2013"), which an answer's passage must contain. */
  numbers: string[];
  /** 4 for "thứ tư", "fourth": the question asks for the n-th item of an enumerated list. */
  ordinal: number | null;
  /** English words the glossary did not know. */
  unknownWords: string[];
  /** For "bao nhiêu người": people are counted, so the answer's number must count people. */
  countsPeople: boolean;
  /** For "bao nhiêu xã …": the noun counted ("xã"), which the answer's number must qualify. */
  countedNoun: TermKey[] | null;
  /**
   * An English question's counted noun in the glossary's other renderings ("party cell meetings" → "sinh
   * hoạt chi bộ" as well as "cuộc họp chi bộ"): any of them qualifies the answer's number. Empty otherwise.
   */
  countedAlternatives: TermKey[][];
  /**
   * Administrative or party levels the question names ("xa", "thi_tran", "trung_uong"): a unit that speaks
   * only of other levels does not answer it.
   */
  levels: string[];
  /**
   * Numbers of the documents the question names ("Quy định 383", "HD 45", "Kết luận 07-KL/VPTW" → "383",
   * "45", "7"), without leading zeros: a header's signer or date answers only for its own document.
   */
  docRefs: string[];
  /**
   * The document the question asks about, by its first mention of one: its number when that mention has
   * one ("Quyết định 2610 … do ai ký" → "2610"; not "Kế hoạch … thực hiện Chỉ thị 27"), and the kinds the
   * mention may stand for ("QĐ" → quy định, quyết định); null where there is none.
   */
  askedDocument: { number: string | null; kinds: string[] | null };
  /** For who-questions: whether a person must be named ("đồng chí nào") or a person or body will do ("ai"). */
  actor: "person" | "any" | null;
  /** Proper names of two or more capitalised syllables ("Gia Lai", "Krông Bông"), as folded bigrams. */
  names: string[][];
  /**
   * For "tham mưu cho ai", "giao … cho những ai", "những huyện nào": the folded bigram just before the
   * question word; in the passage the answer follows it.
   */
  anchor: string | null;
  /**
   * "Điều mấy quy định về chế độ ký văn bản?", "Which article covers …": the article (or chapter, section)
   * is asked, which the passage's heading names; its words are matched in the heading.
   */
  asksArticle: boolean;
  /** For "những huyện nào …", "cơ quan nào …": the noun asked about, which the answer should name. */
  askedNoun: TermKey[] | null;
  /**
   * For "Ai giữ chức Bí thư Quân ủy Trung ương?", "Chánh Văn phòng là ai?": the office whose holder is asked
   * (a role or body's name); the answer must name it, not only a person.
   */
  roleAsked: TermKey[] | null;
  /**
   * English questions: the first translated phrase, what the question is about ("the population of …"
   * → "dân số"), as alternative folded phrases; the passage must contain one of them.
   */
  headPhrase: string[][] | null;
  /**
   * English questions: the bodies the question names with capitals ("the provincial Business Bloc" → "khối
   * doanh nghiệp"), each as alternative folded phrases; a passage about that body names one of them.
   */
  namedBodies: string[][][];
}

/** A phrase of the question with its alternatives; a synonym group found inside the question says so. */
interface PhraseGroup {
  phrases: string[];
  isSynonymOfQuestion: boolean;
}

/**
 * "Điều mấy", "chương bao nhiêu", "điều nào … quy định", "which article", "what section" (folded): a part of
 * the document is asked. ("điều nào" is also "which things": an article only when a verb of saying follows.)
 */
const ARTICLE_ASKED = /\b(?:dieu|chuong) (?:may|bao nhieu|so may)\b|\b(?:dieu|chuong) nao\b(?=.*\b(?:quy dinh|noi ve|neu|de cap)\b)|\b(?:which|what) (?:article|chapter|section)\b/;
// ("mục" only as written: folded, "muc bao nhieu" is far more often "mức bao nhiêu", what level.)
const SECTION_ASKED = /(?:^|[^\p{L}])mục (?:mấy|nào|bao nhiêu|số mấy)(?!\p{L})/iu;

/** Whether a question asks which article, chapter or section says something (see ARTICLE_ASKED). */
function asksPart(question: string, folded: string): boolean {
  return ARTICLE_ASKED.test(folded) || SECTION_ASKED.test(question);
}

/** Questions longer than this are cut before analysis (Telegram allows 4,096 characters). */
export const MAX_QUESTION_CHARS = 500;

/** Syllables of a counted noun with its qualifier ("chi bộ trường học"). */
const MAX_COUNTED_SYLLABLES = 4;

/** The part of a month or quarter a date may name: "cuối tháng 11", "đầu quý 3", "giữa tháng 6" (folded). */
const MONTH_PART = new Set(["cuoi", "dau", "giua"]);

// "mấy lần trong một năm", "bao lâu một lần": words of the frequency asked, not of the topic.
// As written ("quý", a quarter, is a time word; the "quy" of "quy hoạch" is not), and folded for questions
// typed without diacritics.
const DURATION_WORDS_ACCENTED = new Set(["lần", "tháng", "năm", "một", "mỗi", "hằng", "hàng", "lâu", "tuần", "quý", "ngày"]);
const DATE_WORDS_ACCENTED = new Set(["ngày", "tháng", "năm", "nào"]);
const PERCENT_WORDS_ACCENTED = new Set(["phần", "trăm", "tỷ", "tỉ", "lệ", "%"]);
const foldedSet = (words: ReadonlySet<string>): ReadonlySet<string> => new Set([...words].map(foldKey));
const DURATION_WORDS = foldedSet(DURATION_WORDS_ACCENTED);
const DATE_WORDS = foldedSet(DATE_WORDS_ACCENTED);
/** "thời hạn", "hạn chót" (a deadline, folded): the kind of fact asked, which the answer gives as a date. */
const DEADLINE_WORDS = new Set(["thoi", "han", "chot"]);
/** "gấp bao nhiêu lần", "gấp mấy lần" (folded): a multiple asked. */
const MULTIPLE_ASKED = /\bgap (?:bao nhieu|may) lan\b/;
const PERCENT_WORDS = foldedSet(PERCENT_WORDS_ACCENTED);
const NUMERALS = ["", ...NUMBER_WORDS];
const ORDINAL_WORDS: Record<string, number> = Object.fromEntries(Object.entries(ORDINAL_VALUES).map(([word, n]) => [foldKey(word), n]));


/** A who-question that asks for a person (folded), not a body. */
const PERSON_ASKED = new RegExp(
  String.raw`${PERSON_WHICH_FOLDED}|${ENGLISH_PERSON_WHICH_FOLDED}|\bai (?:dang |hien )?(?:la|giu)\b|\bai\b[^?]*\bgiu chuc\b|\bai (?:da |se )?duoc (?:bau|chuan y|bo nhiem|chi dinh|de cu)\b|^who (?:is|was|were|are) (?:appointed|approved|elected|named|chosen|nominated)\b|\bla ai\b|\bten (?:la )?gi\b|\bten la\b|\bname\b|\bsign|^who (?:gave|delivered|made|said|spoke|chaired|presided|led|attended|directed)\b|^who (?:is|was) (?:the|a|an) (?!(?:body|agency|organ|authority|office|committee|department|unit|organi[sz]ation)\b)\w+`,
  "u",
);

/**
 * An English question's opening condition ("When the committee misses its deadline, within how many days …",
 * "If …, who …"): its "when" is a conjunction when a question word follows the comma.
 */
const ENGLISH_OPENING_CONDITION = /^(?:when|if|once|after|before|where|under|according to|in|as per|per|based on|following)\b[^,?]*,\s*(?=.*\b(?:how|what|which|who|whom|whose|where|why|when)\b)/;

/** Nouns that, before "nào", ask for a time (folded): "thời điểm nào", "thời gian nào". */
const TIME_ASKING_NOUNS = new Set(["thoi diem", "thoi gian"]);
/** Words that bound a time asked as a span ("từ ngày nào tới ngày nào"), and the units of time after them (folded). */
const TIME_BOUNDS = new Set(["tu", "toi"]);
const TIME_UNITS = new Set(["ngay", "thang", "nam", "quy", "luc"]);

function detectKind(foldedQuestion: string, english: boolean, partAsked = false): QuestionKind {
  const folded = english ? foldedQuestion.replace(ENGLISH_OPENING_CONDITION, "") : foldedQuestion;
  const has = (re: RegExp): boolean => re.test(folded);
  // "Điều mấy quy định …": an article is asked, nothing counted.
  if (partAsked) return "other";
  // (Whole words: "deputy leader", "Party leadership", "city level" hold no "ty le".)
  // ("What was the forest cover rate …": an English rate asked is a "tỷ lệ".)
  if (has(/\bphan tram\b|\bty le\b|\bti le\b|%|\bpercent|\bproportion|\bshare\b/) || (english && has(/\b(?:what|which)\b.*\brate\b/))) return "percent";
  // "sinh năm bao nhiêu?", "năm mấy?" ask a year (not "trong năm bao nhiêu đảng viên …", a count).
  // ("mỗi năm bao nhiêu", "một tháng bao nhiêu", "hằng tháng bao nhiêu" ask an amount per period.)
  if (has(/(?<!\b(?:moi|mot|hang|tren) )\bnam (?:bao nhieu|may)\s*(?:[?.!,]|$|(?:vay|a|nhi|the)\b)/)) return "date";
  // ("tháng mấy", "ngày bao nhiêu" ask which month or day; "mấy tháng", "bao nhiêu ngày" how long.)
  if (has(/ngay nao|ngay thang nao|\bthang nao|\btuan nao\b|\b(?:vao|ngay|hom) thu may\b|nam nao|thoi diem nao|(?<!\b(?:moi|mot|hang|tren) )\b(?:ngay|thang) (?:may|bao nhieu)\b|what date|which year|what year|which date|on what day|\b(?:what|which) day\b|\b(?:what|which) (?:is|was) the date\b|from what date|which month|what month|in what month|\b(?:what|when)(?: is| was|['’]s) the deadline\b/)) return "date";
  // "Khi nào …?" asks for a date or for a condition ("khi có hơn một nửa …").
  // (In English, "when" before a gerund or "necessary" is a conjunction: "… apply when disciplining
  // members" asks which regulation, not when.)
  // (Nor after another question word: "who decides when the two sides disagree" asks who.)
  if (has(/khi nao|bao gio|luc nao|thoi gian nao|^(?:(?!\b(?:who|whom|whose|what|which|where|why|how)\b).)*\bwhen\b(?! (?:\w+ing|necessary|needed|required|appropriate|possible|applicable)\b)/)) return "when";
  if (has(/bao lau|may lan|bao nhieu lan|bao nhieu thoi gian|\btan suat\b|how often|how frequently|how many times|how long|how soon|how quickly|how fast|within how many|how much (?:\w+ )?time\b|thuong le/)) return "duration";
  // "mấy" typed without marks is "may", which in English is a modal ("may be taken abroad").
  if (has(english ? /how many|how much|what number/ : /bao nhieu|\bmay\b/)) return "count";
  if (has(/nhung ai|gom nhung/)) return "list";
  if (WHERE_QUESTION_FOLDED.test(folded)) return "where";
  if (WHO_QUESTION_FOLDED.test(folded) || has(/\bten (?:la )?gi\b|\bten la\b|what (?:is|was) the name\b/)) return "who";
  if (has(/de lam gi|nham muc dich gi|muc dich gi|muc dich la gi|nham gi|for what purpose|what for|\bin order to\b/)) return "purpose";
  // ("vắng mặt có lý do", "không có lý do" qualify an absence: no reason is asked, unless "lý do gì".)
  if (has(/vi sao|tai sao|(?<!\b(?:co|khong)\s)ly do|ly do (?:gi|nao)\b|nguyen nhan|\bwhy\b|what reason/)) return "reason";
  if (has(/gom nhung|nhung ai|nhung gi|bao gom|gom co|^nhung\b.*\bnao\b|\bnhung [a-z ,]+ nao\b|what are|\blist\b|which (?:\w+ )?(?:are|were)\b/)) return "list";
  if (has(/la gi|what is|what does|nghia la|the nao la/)) return "definition";
  return "other";
}

/** A count written as an English word or digits, as before "months" in "the first eight months". */
const ENGLISH_COUNT_WORDS = String.raw`(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)`;
/** An English ordinal asking for a numbered item (see detectOrdinal): not one of an event, a term or a period. */
const ENGLISH_ORDINAL = new RegExp(String.raw`(?<!\b(?:was|were|is|are|be|been|being|when|had|has|have) )\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b(?![ -](?:(?:party |national |provincial |district |commune |ordinary |extraordinary )?(?:congress|session|plenum|plenary|conference|meeting|term|tenure|time|appointment|election|nomination|admission|round|visit)s?|half|quarter|(?:${ENGLISH_COUNT_WORDS} )?(?:months?|years?|weeks?|days?)|year|week|day|phase|stage)\b)`);

/**
 * A Roman numeral at tokens[i] as a number key: "quy#3" after a word that numbers ("quý III", "quý 3", see
 * `numberedKeys`), "14" for one of two letters or more elsewhere ("Đại hội XIV"); an occasion's ordinal word
 * as its key ("lần thứ tám" → "thu#8"); null for any other token.
 */
function numeralKey(text: string, tokens: readonly Token[], i: number): string | null {
  const t = tokens[i];
  if (t !== undefined && tokens[i - 1]?.fold === "thu" && ORDINAL_VALUES[t.lower] !== undefined) {
    const from = tokens[i - 3] ?? tokens[i - 2];
    const [occasion] = from !== undefined ? numberedKeys(text.slice(from.start, t.end)) : [];
    if (occasion !== undefined) return occasion;
  }
  // ("quý 3", "quy 1" typed without marks: a quarter written in digits is the quarter, as "quý III" is.)
  if (t !== undefined && tokens[i - 1]?.fold === "quy" && /^0?[1-4]$/u.test(text.slice(t.start, t.end))) return `quy#${Number(text.slice(t.start, t.end))}`;
  if (t === undefined || !/^[IVXLC]+$/u.test(text.slice(t.start, t.end))) return null;
  const before = tokens[i - 1];
  const [numbered] = before !== undefined ? numberedKeys(text.slice(before.start, t.end)) : [];
  if (numbered !== undefined) return numbered;
  const value = romanNumeralValue(text.slice(t.start, t.end));
  return value === null ? null : String(value);
}

function detectOrdinal(folded: string): number | null {
  // "lần thứ hai", "khóa thứ 14", "kỳ họp thứ 41", "Hội nghị thứ 12", "the first congress", "its second
  // session": the number of an event or a term names which one the question is about; it asks for no
  // numbered item. Nor does an occasion ("a first appointment") or a period ("the first half of 2026", "the second quarter", "the first six months").
  // (Nor does a weekday: "vào thứ Năm", "sáng thứ Hai hằng tuần".)
  const vi = folded.match(/\b(?<!(?:lan|khoa|ky|dot|hop|phien|nghi|vao|sang|chieu|toi|ngay|moi|cac) )thu (nhat|hai|ba|tu|bon|nam|sau|bay|tam|chin|muoi|\d+)\b/);
  if (vi?.[1]) return ORDINAL_WORDS[vi[1]] ?? Number(vi[1]);
  // (Nor an initial period, "the first 12 months", nor an adverb, "when the rule was first applied".)
  const en = folded.match(ENGLISH_ORDINAL);
  if (en?.[1]) return ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"].indexOf(en[1]) + 1;
  return null;
}

/** A measured quantity after an English number: its decimal point is a Vietnamese comma ("1.2 km" → "1,2 km"). */
const ENGLISH_DECIMAL = /(?<![\d.,])(\d+)\.(\d{1,2})(?=\s*(?:%|percent\b|per cent\b|km\b|kilomet(?:re|er)s?\b|ha\b|hectares?\b|m2\b|tons?\b|tonnes?\b|kg\b|million\b|billion\b|trillion\b|times\b|(?:VND|dong)\b))/giu;
/** An English thousands separator ("1,150 members") is a Vietnamese point ("1.150 đảng viên"). */
const ENGLISH_THOUSANDS = /(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,]|\.\d)/gu;

/** An English question's numbers written the Vietnamese way, as the documents write them. */
export function englishNumbersAsVietnamese(question: string): string {
  return question.replace(ENGLISH_THOUSANDS, (n) => n.replaceAll(",", ".")).replace(ENGLISH_DECIMAL, "$1,$2");
}

/** A range of two years ("2030-2035", as the tokenizer writes "2030–2035"). */
const YEAR_RANGE = /^((?:19|20)\d\d)-((?:19|20)\d\d)$/u;

/** Question words as they are written with their marks, by their folded form. */
const QUESTION_WORDS: Readonly<Record<string, string>> = { may: "mấy", nao: "nào", gi: "gì", dau: "đâu" };

/**
 * An accented question with the words that fold like a question word but are written as another word
 * masked ("Chi bộ thôn Khe Mây" names a place: it does not ask "mấy"); a word typed without any marks
 * stays, as it may be the question word.
 */
function withoutLookalikeQuestionWords(question: string): string {
  // (A word typed without marks in a question that writes its own question word with them — "do đồng chí
  // nào chủ trì", "bao nhiêu" — is that word, not a question word: "Công ty Dệt may" is a textile company.)
  const marked = /(?<!\p{L})(?:nào|gì|đâu|mấy|bao nhiêu|ai)(?!\p{L})/iu.test(question);
  return question.replace(/\p{L}+/gu, (word) => {
    const fold = foldKey(word);
    const asked = QUESTION_WORDS[fold];
    const lower = word.toLowerCase();
    return asked === undefined || lower === asked || (lower === fold && !marked) ? word : "_";
  });
}

/** Builds the plan for a question. */
export function understandQuestion(raw: string): QueryPlan {
  const question = collapseSpaces(cleanUnicode(raw)).slice(0, MAX_QUESTION_CHARS);
  const folded = foldKey(question);
  const english = looksEnglish(question);
  const accented = english || hasDiacritics(question);
  const partAsked = asksPart(question, folded);
  const kind = detectKind(accented && !english ? foldKey(withoutLookalikeQuestionWords(question)) : folded, english, partAsked);
  // Words that only name the kind of fact ("phần trăm" → a "%" in the text) are not key terms.
  const kindWords = kind === "percent" ? PERCENT_WORDS : kind === "date" ? DATE_WORDS : kind === "duration" ? DURATION_WORDS : null;
  const kindWordsAccented = kind === "percent" ? PERCENT_WORDS_ACCENTED : kind === "date" ? DATE_WORDS_ACCENTED : kind === "duration" ? DURATION_WORDS_ACCENTED : null;
  const isKindWord = (t: Token): boolean => (accented ? (kindWordsAccented?.has(t.lower) ?? false) : (kindWords?.has(t.fold) ?? false));
  const ordinal = detectOrdinal(folded);
  const numeral = ordinal !== null ? NUMERALS[ordinal] : undefined;

  // Each group is a phrase of the question with its alternatives (glossary translations, synonyms). A
  // synonym group found inside the question only lends alternatives to the question's own terms.
  let groups: PhraseGroup[];
  let unknownWords: string[] = [];
  let namedBodies: string[][][] = [];
  if (english) {
    const translation = translateEnglish(englishNumbersAsVietnamese(question));
    groups = translation.groups.map((phrases) => ({ phrases, isSynonymOfQuestion: false }));
    unknownWords = translation.unknown;
    namedBodies = translation.named.map((phrases) => phrases.map((p) => analyzeText(p, false).tokens.map((t) => t.fold)));
  } else {
    groups = [{ phrases: [question], isSynonymOfQuestion: false }];
    for (const { found, others } of findSynonyms(question)) groups.push({ phrases: [found, ...others], isSynonymOfQuestion: true });
  }
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  const keyOf = (t: Token): TermKey => ({ fold: t.fold, accent: accented ? t.accent : null });
  // "gấp bao nhiêu lần": the multiple asked, which the answer states as "1,5 lần", not a word it repeats.
  const asksMultiple = MULTIPLE_ASKED.test(folded);
  // "Which article covers …": the part asked ("article" → "điều") is no key term.
  const isKeyTerm = (t: Token, stop: boolean): boolean => {
    if (stop || (english && isEnglishStopword(t.lower)) || isKindWord(t) || (asksMultiple && t.fold === "gap")) return false;
    if (english && partAsked && ["dieu", "chuong", "muc"].includes(t.fold)) return false;
    return !(ordinal !== null && (t.fold === "thu" || ORDINAL_WORDS[t.fold] === ordinal || t.fold === String(ordinal)));
  };
  for (const group of groups) {
    const [primary = "", ...alternatives] = group.phrases;
    const isSynonymOfQuestion = group.isSynonymOfQuestion;
    const altKeys = alternatives.map((a) => analyzeText(a, false).tokens.map(keyOf)).filter((keys) => keys.length > 0);
    const tokens = analyzeText(primary).tokens;
    // Only whitespace between syllable i and the one before: the two may form a compound.
    const joinsPrevious = (i: number): boolean => {
      const before = tokens[i - 1];
      const at = tokens[i];
      return before !== undefined && at !== undefined && /^\s+$/u.test(primary.slice(before.end, at.start));
    };
    // A name an English question writes without marks ("Dak Lak") is spelt many ways: it matches folded.
    const unmarkedName = english && group.phrases.length === 1 && /^\p{Lu}/u.test(primary) && !hasDiacritics(primary);
    const stops = stopMask(tokens, accented);
    // "không", "chưa" negate ("doanh nghiệp không có vốn Nhà nước") except as the closing particle of a
    // yes/no question ("… có chi bộ không?", "… đã thành lập chưa?").
    const last = tokens.length - 1;
    if (!isSynonymOfQuestion && (tokens[last]?.fold === "khong" || tokens[last]?.fold === "chua")) stops[last] = true;
    // (and before a comma or question mark: "… có hệ thống riêng không, tên là gì?").
    tokens.forEach((t, i) => {
      if ((t.fold === "khong" || t.fold === "chua") && CLOSED_BY_PARTICLE.test(foldKey(primary.slice(t.end)))) stops[i] = true;
    });
    // "từ thời điểm nào", "vào thời gian nào": in a question asking a date or a time, these ask it, as
    // "ngày nào" does; the answer states a date, not the words.
    if (kind === "date" || kind === "when") {
      tokens.forEach((t, i) => {
        if (TIME_ASKING_NOUNS.has(`${t.fold} ${tokens[i + 1]?.fold ?? ""}`) && tokens[i + 2]?.fold === "nao") stops[i] = stops[i + 1] = true;
        // ("từ ngày nào tới ngày nào": the words bounding the time asked are no key terms either.)
        if (TIME_BOUNDS.has(t.fold) && TIME_UNITS.has(tokens[i + 1]?.fold ?? "") && tokens[i + 2]?.fold === "nao") stops[i] = true;
      });
    }
    // The words of a date go with its number ("tháng 11/2025", "cuối tháng 11", "đầu quý 3"): the number is
    // the key term, however the text writes that date ("Tính đến ngày 30/11/2025").
    tokens.forEach((t, i) => {
      const next = tokens[i + 1];
      if (t.fold === "thang" && next?.isNumber) stops[i] = true;
      if (MONTH_PART.has(t.fold) && (next?.fold === "thang" || next?.fold === "quy") && tokens[i + 2]?.isNumber) stops[i] = true;
    });
    // "Điều mấy quy định về …": the words asking for the article, and the verb after them, are no key terms.
    if (!english && partAsked) {
      tokens.forEach((t, i) => {
        if (["dieu", "chuong", "muc"].includes(t.fold) && ["may", "nao", "bao", "so"].includes(tokens[i + 1]?.fold ?? "")) stops[i] = true;
        // ("quy định về", "đề cập đến", "nói về", "nêu")
        const verb = [["quy", "dinh"], ["de", "cap"], ["noi"], ["neu"]].find((v) => v.every((k, j) => tokens[i + j]?.fold === k));
        if (verb && ["ve", "den", "toi"].includes(tokens[i + verb.length]?.fold ?? "")) for (let j = 0; j <= verb.length; j++) stops[i + j] = true;
      });
    }
    const spelledAt = new Map(spelledCounts(primary).map(({ at, value }) => [at, String(value)]));
    let skipUntil = -1;
    for (const [ti, t] of tokens.entries()) {
      if (ti <= skipUntil) continue;
      // "BCH" is followed by its expansion "ban chấp hành": together they are one term.
      const expansion = !t.isNumber && isKnownAbbreviation(t.fold) ? abbreviationExpansion(t.fold) : null;
      const phrase = expansion ? analyzeText(expansion, false).tokens.map((x) => x.fold) : [];
      // Only where analysis really expanded it ("ĐU" yes, the syllable "đủ" no): the full form follows.
      if (expansion && phrase.every((k, j) => tokens[ti + 1 + j]?.fold === k)) {
        skipUntil = ti + phrase.length;
        if (!seen.has(t.fold)) {
          seen.add(t.fold);
          terms.push({ fold: t.fold, accent: null, isNumber: false, alternatives: [], phrase });
        }
        continue;
      }
      if (!isKeyTerm(t, stops[ti] ?? false)) continue;
      // "quý III", "lần thứ I", "Đại hội XIV": a Roman numeral is the number it writes, which the text may
      // write either way ("quý 3").
      const roman = english ? null : numeralKey(primary, tokens, ti);
      if (roman !== null) {
        if (!seen.has(roman)) {
          seen.add(roman);
          terms.push({ fold: roman, accent: null, isNumber: true, alternatives: [] });
        }
        continue;
      }
      // "nhiệm kỳ 2030–2035" typed as one range: its two years, as a text that spaces them ("2030 - 2035")
      // writes them (a text that joins them has its years as parts too).
      const years = t.isNumber ? YEAR_RANGE.exec(t.fold) : null;
      if (years !== null) {
        for (const year of [years[1], years[2]] as string[]) {
          if (seen.has(year)) continue;
          seen.add(year);
          terms.push({ fold: year, accent: year, isNumber: true, alternatives: [] });
        }
        continue;
      }
      const key = accented ? t.accent : t.fold;
      const existing = terms.find((x) => (accented ? x.accent : x.fold) === key);
      if (existing) {
        // Only a synonym of the question's own words lends it alternatives; a term repeated by another
        // glossary entry ("audit" → "kiểm tra tài chính") keeps its own meaning.
        if (isSynonymOfQuestion) existing.alternatives.push(...altKeys);
        // (Typed without marks, "thư ký kỳ họp" repeats "ky" as two syllables: only a marked repeat is the same.)
        else if (accented && !english && group === groups[0] && existing.position !== undefined && existing.position !== ti) (existing.repeats ??= []).push({ position: ti, joinsPrevious: joinsPrevious(ti) });
        continue;
      }
      if (isSynonymOfQuestion || seen.has(key)) continue;
      seen.add(key);
      // ("ba lần", "hai năm": a count spelled out before a unit of time is its number, as a passage's "03 lần".)
      const spelled = accented && !english ? spelledAt.get(t.start) : undefined;
      const term: QueryTerm = spelled !== undefined ? { fold: spelled, accent: spelled, isNumber: true, alternatives: [] } : { ...keyOf(t), isNumber: t.isNumber, alternatives: [...altKeys] };
      if (unmarkedName) term.accent = null;
      if (!english && group === groups[0]) {
        term.position = ti;
        term.joinsPrevious = joinsPrevious(ti);
      }
      if (english && tokens.length >= 2) {
        const partner = tokens[ti + 1] ?? tokens[ti - 1];
        if (partner) term.bigram = ti + 1 < tokens.length ? `${t.fold}_${partner.fold}` : `${partner.fold}_${t.fold}`;
      }
      terms.push(term);
    }
  }
  // Search with every phrase and alternative; commas keep bigrams inside phrases.
  let searchText = groups.flatMap((g) => g.phrases).join(", ");
  // Enumerated lessons and duties are written "Bốn là, …": search for that form too.
  if (numeral) searchText = `${searchText}, ${numeral} là`;
  // Minutes and plans label where and when ("Địa điểm: Phòng họp …", "Thời gian: Bắt đầu lúc 14 giờ …"):
  // a question asking where or at what time searches for the label too (it is no key term).
  const label = kind === "where" && !NAMED_PLACE_QUESTION_FOLDED.test(folded) ? (accented || english ? "địa điểm" : "dia diem") : kind === "when" || /\b(?:may|bao nhieu) gio\b|\bwhat time\b/.test(folded) ? (accented || english ? "thời gian" : "thoi gian") : null;
  if (label) searchText = `${searchText}, ${label}`;
  const questionTokens = analyzeText(question, false).tokens;
  const countsPeople = kind === "count" && /\bbao nhieu nguoi\b|\bmay nguoi\b|\bhow many (?:people|persons|members)\b/.test(folded);
  // "bao nhiêu đảng viên mới, đạt bao nhiêu phần trăm …": a percentage asked with a count asks that count too.
  const counting = kind === "count" || kind === "percent";
  const englishCounted = english && counting ? englishCountedPhrases(question) : [];
  const countedNoun = counting ? countedNounOf(english ? analyzeText(englishCounted[0] ?? "", false).tokens : questionTokens, english, accented, english ? "" : question) : null;
  const countedAlternatives = englishCounted
    .slice(1)
    .map((phrase) => countedNounOf(analyzeText(phrase, false).tokens, true, true))
    .filter((k): k is TermKey[] => k !== null);
  // An abbreviation counted ("bao nhieu dv", "bao nhiêu TCCSĐ") is counted as written or in full ("đảng viên").
  const abbreviated = !english && countedNoun?.[0] ? abbreviationExpansion(countedNoun[0].fold) : null;
  if (abbreviated !== null && countedNoun) countedAlternatives.push([...analyzeText(abbreviated, false).tokens.map(keyOf), ...countedNoun.slice(1)]);
  // A body's members and a number of people are counted as comrades ("Ban Thường vụ gồm 13 đồng chí"):
  // such a question searches for that word too (no key term).
  if (kind === "count" && (countsPeople || COUNTED_AS_COMRADES.has((countedNoun ?? []).map((k) => k.fold).join(" ")))) searchText = `${searchText}, ${accented || english ? "đồng chí" : "dong chi"}`;
  const view = searchView(analyzeText(searchText), accented);
  // In an English question only runs of Vietnamese syllables are names ("Buôn Đôn", "Krong Bong").
  const accentedSyllables = new Set(questionTokens.filter((t) => hasDiacritics(t.lower)).map((t) => t.fold));
  const names = english
    ? nameRuns(questionTokens, question).filter((run) => {
        // (A run with a syllable typed with marks is Vietnamese whole: "Minh" of "Vũ Thị Minh Nguyệt" is
        // a name, though the glossary knows "Ho Chi Minh".)
        const syllables = run.flatMap((b) => b.split("_"));
        const marked = syllables.some((k) => accentedSyllables.has(k));
        return syllables.every((k) => accentedSyllables.has(k) || (isVietnameseSyllable(k) && (marked || !isGlossaryWord(k))));
      })
    : nameRuns(questionTokens, question);
  // Proper names are spelt many ways (Đắk Lắk, Đăk Lăk, Dak Lak): their syllables match folded.
  const nameSyllables = nameSyllablesOf(names);
  for (const term of terms) if (nameSyllables.has(term.fold)) term.accent = null;
  return {
    question,
    language: english ? "en" : "vi",
    kind,
    searchText,
    accent: accented ? view.accent : null,
    fold: view.fold,
    bigrams: view.bigrams,
    terms,
    numbers: terms.filter((t) => t.isNumber).map((t) => t.fold),
    ordinal,
    unknownWords,
    countsPeople,
    countedNoun,
    countedAlternatives,
    names,
    docRefs: documentReferences(folded),
    askedDocument: askedDocumentOf(folded),
    // "đồng chí nào", "người nào", "ai là / ai đang là / ai giữ chức", "… là ai", "tên là gì" ask for a person, and so
    // does signing: a document is signed by a person ("ai ký", "who signed"); so are speaking and chairing.
    actor: kind !== "who" ? null : PERSON_ASKED.test(folded) || (asksSigning(question) && !SIGNING_BODY_ASKED.test(folded)) ? "person" : "any",
    levels: english ? levelsOf(analyzeText(searchText, false).tokens) : levelsOf(questionTokens, accented),
    anchor: english ? null : anchorOf(questionTokens, question),
    asksArticle: partAsked,
    askedNoun: english ? englishAskedLevel(question) : askedNounOf(questionTokens, accented),
    roleAsked: english || kind !== "who" ? null : roleAskedOf(questionTokens, accented, question),
    // "Which official signed …": the noun after "which" is the kind of answer asked for, not the subject.
    // "Which version of the party member database …": the answer may not repeat that noun ("cơ sở dữ liệu
    // đảng viên 3.0"), so the subject after it will do as well.
    headPhrase: english ? englishHeadPhrase(groups.map((g) => g.phrases), kind, question, kindWords ?? DATE_WORDS) : null,
    namedBodies,
  };
}

/** Negations (folded): a compound never ends on one. */
const NEGATIONS = new Set(["khong", "chua", "chang"]);

/**
 * Pairs of key terms (indexes into `plan.terms`) that stand next to each other in the question and form
 * a compound the corpus uses ("tài chính", "chuyên đề"): such a pair is found only as the pair. Where pairs
 * overlap ("mỗi chi bộ"), those the corpus uses most in all win, the later ones on a tie; `frequency`
 * counts passages with a folded bigram, and at least `minFrequency` make a compound.
 */
export function findCompounds(terms: readonly QueryTerm[], frequency: (foldedBigram: string) => number, minFrequency = 2): Array<[number, number]> {
  // Every occurrence of a key syllable, in the order typed (a repeated one forms a compound at each place).
  const byPosition = terms
    .flatMap((t, i) => (t.position === undefined || t.isNumber || t.phrase ? [] : [{ fold: t.fold, i, position: t.position, joinsPrevious: t.joinsPrevious === true }, ...(t.repeats ?? []).map((r) => ({ fold: t.fold, i, ...r }))]))
    .sort((a, b) => a.position - b.position);
  const pairFrequency = (k: number): number => {
    const a = byPosition[k];
    const b = byPosition[k + 1];
    // (A negation opens what follows: "vắng họp không có lý do" has no compound "họp không".)
    if (!a || !b || b.position !== a.position + 1 || !b.joinsPrevious || a.i === b.i || NEGATIONS.has(b.fold)) return 0;
    const f = frequency(`${a.fold}_${b.fold}`);
    return f >= minFrequency ? f : 0;
  };
  // The non-overlapping pairs with the most uses in all (pair k joins syllables k and k + 1): best[j] is
  // that total over the first j syllables. (A tie goes to the later pair: "Ban Thường vụ", "Ban Chấp hành"
  // are said whole as often as their second pair, and "Thường vụ Huyện ủy" must not read as "vụ Huyện".)
  const frequencies = byPosition.map((_, k) => pairFrequency(k));
  const best = [0, 0];
  for (let j = 2; j <= byPosition.length; j++) best[j] = Math.max(best[j - 1] ?? 0, (frequencies[j - 2] ?? 0) + (best[j - 2] ?? 0));
  const pairs: Array<[number, number]> = [];
  for (let j = byPosition.length; j >= 2; ) {
    const f = frequencies[j - 2] ?? 0;
    if (f > 0 && f + (best[j - 2] ?? 0) >= (best[j - 1] ?? 0)) {
      const a = byPosition[j - 2]?.i ?? 0;
      const b = byPosition[j - 1]?.i ?? 0;
      // (A compound typed twice is one pair.)
      if (!pairs.some(([x, y]) => x === a && y === b)) pairs.unshift([a, b]);
      j -= 2;
    } else j -= 1;
  }
  return pairs;
}

// What a document-kind abbreviation or English word in a folded question stands for (folded kinds).
const KIND_ALIASES: Record<string, string[]> = {
  // Compound kinds: "Thông báo kết luận số 146" names a Thông báo by its number.
  "thong bao ket luan": ["thong bao"], "chuong trinh hanh dong": ["chuong trinh"], "ke hoach lien tich": ["ke hoach"],
  hd: ["huong dan"], qd: ["quy dinh", "quyet dinh"], kl: ["ket luan"], nq: ["nghi quyet"], ct: ["chi thi", "chuong trinh"], tb: ["thong bao"], kh: ["ke hoach"], cv: ["cong van"],
  regulation: ["quy dinh", "quy che"], guideline: ["huong dan"], guidance: ["huong dan"], conclusion: ["ket luan"], resolution: ["nghi quyet"], decision: ["quyet dinh"], directive: ["chi thi"], plan: ["ke hoach"], notice: ["thong bao"], instruction: ["huong dan", "chi thi"],
  report: ["bao cao"], submission: ["to trinh"], "official letter": ["cong van"], programme: ["chuong trinh"], program: ["chuong trinh"], scheme: ["de an"], announcement: ["thong bao"], circular: ["thong tu", "thong tri"], decree: ["nghi dinh"], charter: ["dieu le"],
};

// Words that name a document by kind in a folded question: Vietnamese, their abbreviations, English.
// ("luật" is a law only on its own: "kỷ luật" is discipline, "pháp luật" the law in general.)
const DOC_KIND_KEYS = [...DOCUMENT_KIND_WORDS.map((w) => foldKey(w)), ...Object.keys(KIND_ALIASES)].map((k) => (k === "luat" ? "(?<!ky |phap )luat" : k));
// (The kind may be followed by what the document is before its number: "Quy chế phối hợp số 02-QC/…".)
// (A number followed by a unit of time is a period: "Thông báo kết luận 6 tháng đầu năm" is no Kết luận số 6.)
const DOC_REFERENCE_SOURCE = `(?:^|[^a-z])(?:${DOC_KIND_KEYS.join("|")})(?:\\s*(?:so\\s*|no\\.?\\s*|number\\s*)?|(?:\\s+[a-z]+){1,3}\\s+so\\s*)(\\d+)(?!\\d)(?!\\s+(?:thang|nam|ngay|quy|tuan)(?![a-z]))`;
const DOC_REFERENCE = new RegExp(DOC_REFERENCE_SOURCE, "g");
const FIRST_DOC_REFERENCE = new RegExp(DOC_REFERENCE_SOURCE);
const DOC_KIND_FOLDED = new RegExp(`(?:^|[^a-z])(?:${DOC_KIND_KEYS.join("|")})(?![a-z])`);
const DOC_KIND_FOLDED_ALL = new RegExp(DOC_KIND_FOLDED.source, "g");
/** What follows a yes/no question's closing "không": a particle, then a comma or "?" (folded text). */
const CLOSED_BY_PARTICLE = new RegExp(`^\\s*(?:(?:${QUESTION_PARTICLES_FOLDED.join("|")})(?![a-z]))?\\s*[,?]`, "u");

const DOC_REFERENCE_TEXT = new RegExp(
  `(?<![\\p{L}])(?:${[...DOCUMENT_KIND_WORDS, "hd", "qđ", "qd", "kl", "nq", "ct", "tb", "kh", "cv"].join("|")})\\s*(?:số\\s*)?\\d+[\\p{L}\\d/.-]*`,
  "iu",
);

/** The words of a question that name a document by kind and number ("Hướng dẫn số 35-HD/BTCTW"), or null. */
export function documentReferenceText(question: string): string | null {
  return question.match(DOC_REFERENCE_TEXT)?.[0] ?? null;
}

/**
 * The document a (folded) question asks about: its first mention of a document. Its number when that
 * mention carries one ("Quyết định 2610 … do ai ký" → "2610"; "Ai ký Kế hoạch … thực hiện Chỉ thị 27":
 * the plan is asked about, the directive only describes it), and the kinds the mention may stand for
 * ("Nghị quyết về …" → ["nghi quyet"], "QĐ 383" → ["quy dinh", "quyet dinh"]): a header's facts answer
 * only a question about a document of its kind.
 */
function askedDocumentOf(folded: string): QueryPlan["askedDocument"] {
  // "Quyết định … ban hành trên cơ sở tờ trình số mấy?": the number asked is the tờ trình's, the kind
  // written right before "số mấy", not the first one named (unless a document is named by its number).
  const reference = FIRST_DOC_REFERENCE.exec(folded);
  const numberAsked = reference ? null : DOCUMENT_NUMBER_QUESTION_FOLDED.exec(folded);
  const before = numberAsked ? [...folded.slice(0, numberAsked.index).matchAll(DOC_KIND_FOLDED_ALL)].pop() : undefined;
  const adjacent = before !== undefined && folded.slice((before.index ?? 0) + before[0].length, numberAsked?.index).trim() === "";
  const kind = adjacent ? before : DOC_KIND_FOLDED.exec(folded);
  if (!kind) return { number: null, kinds: null };
  const word = kind[0].replace(/^[^a-z]/, "");
  return { number: reference && reference.index === kind.index ? documentNumberKey(reference[1] ?? "") : null, kinds: KIND_ALIASES[word] ?? [word] };
}

/** Numbers of the documents a (folded) question names, without leading zeros. */
export function documentReferences(folded: string): string[] {
  return [...new Set([...folded.matchAll(DOC_REFERENCE)].flatMap((m) => documentNumberKey(m[1] ?? "") ?? []))];
}

/**
 * Numbers of the documents of `kinds` (folded kinds, as `askedDocument` gives them) a folded text cites
 * by number ("… theo quyet dinh so 1297-qd/tu" → ["1297"]).
 */
export function citedDocumentNumbers(folded: string, kinds: readonly string[]): string[] {
  const out: string[] = [];
  for (const m of folded.matchAll(DOC_REFERENCE)) {
    const key = documentNumberKey(m[1] ?? "");
    if (key !== null && kinds.some((k) => m[0].replace(/^[^a-z]/, "").startsWith(k))) out.push(key);
  }
  return out;
}

/** A document number as questions refer to it: its leading digits without zeros ("07-KL/VPTW" → "7"), or null. */
export function documentNumberKey(number: string): string | null {
  const digits = number.match(/^\d+/)?.[0];
  return digits === undefined ? null : String(Number(digits));
}

const LEVEL_KEYS = LEVEL_PHRASES.map((phrase) => ({ accented: phrase.map((s) => s.normalize("NFC")), folded: phrase.map(foldKey) }));
const groupByFirst = (first: (key: (typeof LEVEL_KEYS)[number]) => string): Map<string, typeof LEVEL_KEYS> => {
  const out = new Map<string, typeof LEVEL_KEYS>();
  for (const key of LEVEL_KEYS) out.set(first(key), [...(out.get(first(key)) ?? []), key]);
  return out;
};
const LEVEL_SYLLABLES = new Set(LEVEL_KEYS.flatMap((k) => k.folded));
const LEVEL_KEYS_BY_ACCENTED_FIRST = groupByFirst((k) => k.accented[0] ?? "");
const LEVEL_KEYS_BY_FOLDED_FIRST = groupByFirst((k) => k.folded[0] ?? "");

/**
 * The levels named in a text's tokens, as folded keys (see `QueryPlan.levels`); `accented` compares the
 * syllables with their diacritics (documents, accented questions), else folded.
 */
export function levelsOf(tokens: ReadonlyArray<{ fold: string; lower: string }>, accented = true): string[] {
  const found = new Set<string>();
  const guarded = accented ? LEVEL_GUARDED : LEVEL_GUARDED_UNACCENTED;
  const keys = tokens.map((t) => (accented ? t.lower.replace(/uỷ/g, "ủy") : t.fold));
  const byFirst = accented ? LEVEL_KEYS_BY_ACCENTED_FIRST : LEVEL_KEYS_BY_FOLDED_FIRST;
  for (let i = 0; i < tokens.length; i++) {
    // Only the phrases that start with this syllable can match here (in LEVEL_PHRASES order).
    for (const { accented: syllables, folded } of byFirst.get(keys[i] ?? "") ?? []) {
      const phrase = accented ? syllables : folded;
      if (!phrase.every((k, j) => keys[i + j] === k)) continue;
      const key = folded.join("_");
      if (!accented && LEVEL_AMBIGUOUS_UNACCENTED.has(key)) break;
      // ("tinh uy" typed bare is a Tỉnh ủy: the committee names its level.)
      if (guarded.has(key) && !LEVEL_INTRODUCERS.has(tokens[i - 1]?.fold ?? "") && !(key === "tinh" && tokens[i + 1]?.fold === "uy")) break;
      if (inCompoundNoun(tokens, i, phrase.length)) break;
      found.add(key);
      i += phrase.length - 1;
      break;
    }
  }
  return [...found];
}

// Compound nouns that hold a level's syllable and name no level (folded): "xã hội" (society, as in "kinh
// tế - xã hội", "Cộng hòa xã hội chủ nghĩa"), "xã viên" (a co-operative's member), "hợp tác xã" (a co-operative).
const NOT_LEVEL_AFTER: Readonly<Record<string, readonly string[]>> = { xa: ["hoi", "vien"] };
const NOT_LEVEL_BEFORE: Readonly<Record<string, readonly string[][]>> = { xa: [["hop", "tac"]] };

/** Whether the level phrase of `length` syllables at `i` is part of a compound noun that names no level. */
function inCompoundNoun(tokens: ReadonlyArray<{ fold: string }>, i: number, length: number): boolean {
  const key = tokens.slice(i, i + length).map((t) => t.fold).join("_");
  if (NOT_LEVEL_AFTER[key]?.includes(tokens[i + length]?.fold ?? "")) return true;
  return (NOT_LEVEL_BEFORE[key] ?? []).some((before) => before.every((k, j) => tokens[i - before.length + j]?.fold === k));
}

const WH_WORDS = new Set(["ai", "gi", "nao", "dau"]);
/** What "body", "agency", "organ", "unit", "person" translate to (folded): the kind of actor a who-question asks for. */
const BODY_KIND_TRANSLATIONS = new Set(["co quan", "don vi", "to chuc", "bo phan", "nguoi", "ca nhan"]);
/** Administrative levels, folded ("xa", "thi tran"). */
const LEVEL_WORDS_FOLDED: ReadonlySet<string> = new Set(LEVEL_KEYS.map((k) => k.folded.join(" ")));
/**
 * What the nouns naming the kind of an answer translate to (folded): a position or role (a title answers),
 * a body or unit (its name answers), a level, a period or quarter (its value answers), a sum of money or
 * time, a form or kind. Read as the kind asked only right after the English question word ("What position …")
 * or right before the Vietnamese one ("bằng hình thức nào", "giữ vai trò gì").
 */
export const ANSWER_KIND_NOUNS_FOLDED: ReadonlySet<string> = new Set(["chuc vu", "chuc danh", "vai tro", "nang luc", "co quan", "to chuc", "to chuc dang", "don vi", "cap", "quy", "thoi ky", "giai doan", "tien", "so tien", "kinh phi", "thoi gian", "hinh thuc", "loai"]);
/**
 * An English question opening with the question word and one noun before its verb: "What position does …",
 * "In what capacity did …", "How much money must …" (not "What cash bonus comes …", whose noun is "bonus").
 */
const WH_KIND_ASKED = /^\s*(?:(?:in|to|from|by|with|under|during|for|at|of|on)\s+)?(?:what|how much)\s+[\p{L}-]+\s+(?:do|does|did|is|was|are|were|has|have|had|will|would|can|could|must|should|may|might|shall)\b/iu;
const SKIP_BEFORE_WH = new Set(["nhung", "cac", "la", "o", "tai"]);

/**
 * What an English question is about, as alternative phrases (see headPhraseOf): after "which/what" in a
 * who-question, the phrase after the answer's kind; after "which" otherwise, that kind or the phrase after it.
 */
function englishHeadPhrase(groups: readonly string[][], kind: QuestionKind, question: string, kindWords: ReadonlySet<string>): string[][] | null {
  if (kind === "who" && /^\s*(?:(?:through|by|from|under|to|with)\s+)?(?:which|what)\s/iu.test(question)) {
    // "Which provincial body must supply …": the words up to the kind of body asked say which one it is.
    const kindAt = groups.findIndex((g, i) => i <= 3 && BODY_KIND_TRANSLATIONS.has(foldKey(g[0] ?? "")));
    return headPhraseOf(groups.slice(kindAt >= 0 ? kindAt + 1 : 1), kindWords);
  }
  const head = headPhraseAt(groups, kindWords);
  // "Which X …" names the kind of thing the answer is, an instance of which need not name it: the phrase
  // after it says what the question is about as well. So does "What position / role …", "In what
  // capacity …", "How much money …": an answer states the position, the role, the sum.
  const asksKindOf = /^\s*which\s/iu.test(question) || (head !== null && head.at === 0 && WH_KIND_ASKED.test(question) && ANSWER_KIND_NOUNS_FOLDED.has(foldKey(groups[0]?.[0] ?? "")));
  if (head === null || !asksKindOf) return head?.phrases ?? null;
  // (A level named next, "… of the commune", says where, not what: the phrase after it says what.)
  const next = headPhraseOf(groups.slice(head.at + 1).filter((g) => !LEVEL_WORDS_FOLDED.has(foldKey(g[0] ?? ""))), kindWords);
  return next === null ? head.phrases : [...head.phrases, ...next];
}

/** The first translated phrase that is not a name, a number or a word naming the kind of fact asked. */
function headPhraseOf(groups: readonly string[][], kindWords: ReadonlySet<string>): string[][] | null {
  return headPhraseAt(groups, kindWords)?.phrases ?? null;
}

/** The head phrase (see headPhraseOf) with the index of its group. */
function headPhraseAt(groups: readonly string[][], kindWords: ReadonlySet<string>): { phrases: string[][]; at: number } | null {
  for (const [at, group] of groups.entries()) {
    const alternatives = group.map((p) => analyzeText(p, false).tokens.map((t) => t.fold)).filter((keys) => keys.length > 0);
    const first = alternatives[0];
    if (!first || first.every((k) => kindWords.has(k) || DATE_WORDS.has(k) || DEADLINE_WORDS.has(k) || PERCENT_WORDS.has(k) || /^\d/.test(k))) continue;
    // "How many people attended …": people of any kind are counted (quần chúng, đảng viên), not the word "người".
    if (first.every((k) => GENERIC_COUNTED.has(k))) continue;
    // A modifier ("which earlier regulation" → "trước") is not what the question is about, nor a
    // preposition ("within" → "trong").
    if (MODIFIER_PHRASES_FOLDED.has(first.join(" ")) || first.every((k) => isStopFold(k))) continue;
    // A translation that is itself a question word ("how often" → "mấy lần") names no thing asked about.
    if (/(?:^|\s)(?:mấy|bao nhiêu|bao lâu|nào|gì)(?:\s|$)/u.test(group[0] ?? "")) continue;
    // A capitalised name kept from the question is checked by the lexical match, not here.
    if (group.length === 1 && /^\p{Lu}/u.test(group[0] ?? "")) continue;
    return { phrases: alternatives, at };
  }
  return null;
}

/**
 * The folded bigram right before the question word ("tham mưu cho ai" → "muu_cho"), or, for a passive
 * agent ("do ai chỉ định"), the bigram after it ("chi_dinh"); null when there is none.
 */
function anchorOf(tokens: readonly Token[], text: string): string | null {
  const wh = tokens.findIndex((t, i) => WH_WORDS.has(t.fold) && i >= 2);
  if (wh < 0) return null;
  const after1 = tokens[wh + 1];
  const after2 = tokens[wh + 2];
  if (tokens[wh - 1]?.fold === "do" && after1 && after2 && /^\s+$/.test(text.slice(after1.end, after2.start))) return `${after1.fold}_${after2.fold}`;
  let end = wh - 1;
  // "phụ trách tổ chức nào": the anchor is the verb before the noun asked about.
  if (tokens[wh]?.fold === "nao") {
    let skipped = 0;
    while (end >= 1 && skipped < 2 && !SKIP_BEFORE_WH.has((tokens[end] as Token).fold)) {
      end--;
      skipped++;
    }
  }
  while (end >= 1 && SKIP_BEFORE_WH.has((tokens[end] as Token).fold)) end--;
  const a = tokens[end - 1];
  const b = tokens[end];
  if (!a || !b || !/^\s+$/.test(text.slice(a.end, b.start))) return null;
  return `${a.fold}_${b.fold}`;
}

// "Đồng chí X ký thay mặt cơ quan nào?": signing asks for a person, unless the question asks which body.
const SIGNING_BODY_ASKED = /\b(?:co quan|to chuc|don vi|uy ban|hoi dong|ban|bo|cap) nao\b|\b(?:which|what) (?:body|agency|organ|authority|committee|organi[sz]ation)\b/;

/** "những huyện nào" / "cơ quan nào" → the noun before "nào" (one or two syllables), or null. */
// "ai (đang|hiện) giữ/đảm nhiệm/là (chức vụ|chức danh) X" and "X là ai / là người nào / do ai giữ" (folded syllables).
const ROLE_BEFORE = /^(?:ai|nguoi nao|dong chi nao)(?: dang| hien)? (?:giu|dam nhiem|dam nhan|la)(?: chuc(?: vu| danh)?)? /;
// "ai làm Trưởng ban kiểm phiếu trong cuộc họp …", "đồng chí nào làm thư ký cuộc họp …": what follows "làm"
// runs on past the office (the meeting, the body); its title is asked.
const ROLE_MADE = /^(?:ai|nguoi nao|dong chi nao)(?: dang| hien)? lam /;
const ROLE_AFTER = / (?:la ai|la nguoi nao|la dong chi nao|do ai (?:giu|dam nhiem|dam nhan))$/;
// "ai được (Đại hội) bầu làm Bí thư …", "đồng chí nào được bổ nhiệm giữ chức Phó Trưởng ban …": the office
// is the two syllables after "làm" / "giữ chức" (what follows names whose office it is).
const ROLE_APPOINTED = /^(?:ai|nguoi nao|dong chi nao) (?:duoc|se duoc|da duoc)(?: \S+){0,3}? (?:bau|bau cu|cu|bo nhiem|chi dinh|phan cong|giao|dieu dong) (?:lam|giu chuc(?: vu| danh)?|giu) /;
const BODY_OR_ROLE_FOLDED = new RegExp(foldDiacritics(BODY_OR_ROLE.source), BODY_OR_ROLE.flags);
/** Words of that frame ("giữ chức vụ", "đảm nhiệm"): what the question asks about, not what the answer repeats. */
export const ROLE_FRAME_WORDS: ReadonlySet<string> = new Set(["giu", "chuc", "vu", "danh", "dam", "nhiem", "nhan"]);

/** The office a who-question asks the holder of (see `QueryPlan.roleAsked`): a role or body's name. */
function roleAskedOf(tokens: readonly Token[], accented: boolean, question = ""): TermKey[] | null {
  const folded = tokens.map((t) => t.fold).join(" ");
  const before = ROLE_BEFORE.exec(folded);
  const after = ROLE_AFTER.exec(folded);
  let span: readonly Token[] = [];
  const appointed = ROLE_APPOINTED.exec(folded);
  const keysOf = (office: readonly Token[]): TermKey[] => office.map((t) => ({ fold: t.fold, accent: accented ? t.accent : null }));
  const made = ROLE_MADE.exec(folded);
  if (made) {
    const title = leadingTitle(tokens.slice(made[0].trim().split(" ").length));
    return title === null ? null : keysOf(title);
  }
  if (appointed) span = tokens.slice(appointed[0].trim().split(" ").length).slice(0, 2);
  else if (before) span = tokens.slice(before[0].trim().split(" ").length);
  else if (after) span = tokens.slice(0, tokens.length - after[0].trim().split(" ").length);
  // The place that ends an office's name ("Chủ nhiệm Ủy ban Kiểm tra Thị ủy Hòa Phong") names whose office
  // it is; an answer may leave it out.
  const capitalised = (t: Token): boolean => /^\p{Lu}/u.test(question.slice(t.start, t.end));
  while (span.length > 2 && capitalised(span[span.length - 1] as Token) && !BODY_OR_ROLE_FOLDED.test(` ${(span[span.length - 1] as Token).fold} `)) span = span.slice(0, -1);
  // An office named with a long body ("Phó Chủ nhiệm Thường trực Ủy ban Kiểm tra Huyện ủy", "Trưởng phòng Cơ
  // yếu - Công nghệ thông tin Văn phòng Tỉnh ủy") may be written apart from its body: its title is asked.
  const title = span.length > MAX_OFFICE_SYLLABLES ? leadingTitle(span) : null;
  if (title !== null) span = title;
  const text = span.map((t) => t.lower).join(" ");
  if (span.length < 2 || span.length > MAX_OFFICE_SYLLABLES || (title === null && !(accented ? BODY_OR_ROLE : BODY_OR_ROLE_FOLDED).test(text))) return null;
  return keysOf(span);
}

/** Longest office asked as a whole, in syllables ("Chủ nhiệm Ủy ban Kiểm tra Huyện ủy"). */
const MAX_OFFICE_SYLLABLES = 8;

/** The title that opens `span` ("Phó" + a title + "Thường trực": "Phó Chủ nhiệm Thường trực"), or null. */
function leadingTitle(span: readonly Token[]): readonly Token[] | null {
  let at = span[0]?.fold === "pho" ? 1 : 0;
  const title = OFFICE_TITLES_FOLDED.find((t) => t.every((s, i) => span[at + i]?.fold === s));
  if (title === undefined) return null;
  at += title.length;
  if (span[at]?.fold === "thuong" && span[at + 1]?.fold === "truc") at += 2;
  return span.slice(0, at);
}

/** Levels (folded) a "… nào" question asks for by name, none of them the end of a common compound ("cơ quan"). */
export const ASKED_LEVELS: ReadonlySet<string> = new Set(["xa", "phuong", "huyen", "tinh", "thon"]);
/** The levels an English "which commune(s) …" asks for by name, as Vietnamese names them (see ASKED_LEVELS). */
const ENGLISH_ASKED_LEVELS: Readonly<Record<string, string>> = { commune: "xã", ward: "phường", district: "huyện", province: "tỉnh", village: "thôn", hamlet: "thôn" };

/** "Which (two former) communes …": the level asked, as `askedNoun` ("xã"); null for any other question. */
function englishAskedLevel(question: string): TermKey[] | null {
  const level = /^(?:in |from |to |of )?which (?:[a-z-]+ ){0,2}?(commune|ward|district|province|village|hamlet)s?\b(?! (?:party|people|level|committee|council|cell|organi[sz]ation)\b)/iu.exec(question.trim())?.[1]?.toLowerCase();
  const vietnamese = level === undefined ? undefined : ENGLISH_ASKED_LEVELS[level];
  return vietnamese === undefined ? null : [{ fold: foldKey(vietnamese), accent: analyzeText(vietnamese, false).tokens[0]?.accent ?? null }];
}

/** Syllables (folded) that head a noun a level qualifies: "đảng bộ xã", "cấp xã", "chi bộ thôn", "đơn vị xã". */
const LEVEL_NOUN_HEADS = new Set(["bo", "cap", "vi", "uy", "ban", "dan"]);

function askedNounOf(tokens: readonly Token[], accented: boolean): TermKey[] | null {
  const nao = tokens.findIndex((t) => t.fold === "nao");
  if (nao < 1) return null;
  const stops = stopMask(tokens, accented);
  const noun: Token[] = [];
  for (let i = nao - 1; i >= 0 && noun.length < 2; i--) {
    const t = tokens[i] as Token;
    if (stops[i] || t.isNumber) break;
    // ("theo dõi xã nào": a level right before "nào" is the noun asked, not the end of a verb "dõi xã";
    // "đảng bộ xã nào", "cấp xã nào" keep theirs.)
    if (noun.length === 1 && ASKED_LEVELS.has(noun[0]?.fold ?? "") && !LEVEL_NOUN_HEADS.has(t.fold)) break;
    noun.unshift(t);
  }
  return noun.length > 0 ? noun.map((t) => ({ fold: t.fold, accent: accented ? t.accent : null })) : null;
}

/**
 * The noun a count question counts: in Vietnamese the syllables after "bao nhiêu" / "mấy" ("bao nhiêu
 * chi bộ quân sự" → "chi bộ"), in English the first translated phrase ("How many communes" → "xã").
 * "người" counts anything and sets no constraint.
 */
/** Counted nouns (folded) whose count documents give in comrades: a committee's members. */
const COUNTED_AS_COMRADES = new Set(["uy vien", "thanh vien"]);

function countedNounOf(tokens: readonly Token[], english: boolean, accented: boolean, text = ""): TermKey[] | null {
  let from = english ? 0 : -1;
  if (!english) {
    // (Typed without marks, "may" is "mấy" only when no "bao nhieu" asks: "det may" is "dệt may", textiles.)
    const asksHowMany = tokens.some((t, i) => t.fold === "nhieu" && tokens[i - 1]?.fold === "bao");
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      if (t.fold === "nhieu" && tokens[i - 1]?.fold === "bao") from = i + 1;
      else if (accented ? t.lower === "mấy" : t.fold === "may" && !asksHowMany) from = i + 1;
      // "số mấy", "số bao nhiêu": a document's or an item's number is asked, nothing is counted ("tổng số
      // bao nhiêu đảng viên" counts them: a total is no item's number).
      const beforeAt = t.fold === "nhieu" ? i - 2 : i - 1;
      const before = tokens[beforeAt];
      if (from >= 0 && (accented ? before?.lower === "số" : before?.fold === "so") && tokens[beforeAt - 1]?.fold !== "tong") return null;
      if (from >= 0) break;
    }
  }
  if (from < 0) return null;
  // "Số tiền còn phải thu hồi là bao nhiêu?", "Phụ cấp hằng tháng của bí thư chi bộ là bao nhiêu?": an
  // amount of money the question opens with is what is counted.
  if (!english && from >= tokens.length - 1 && tokens[from]?.fold !== "tien") {
    let at = 0;
    while (AMOUNT_OPENERS.has(tokens[at]?.fold ?? "")) at++;
    // ("Số lượng …": the number of what follows, not a salary, "lương".)
    const quantity = at > 0 && tokens[at - 1]?.fold === "so" && tokens[at]?.fold === "luong";
    if (quantity) at++;
    // ("Tuổi bình quân của đảng viên … là bao nhiêu?": an age, a number of years of age.)
    if (tokens[at]?.fold === "tuoi" || (tokens[at]?.fold === "do" && tokens[at + 1]?.fold === "tuoi")) {
      const age = tokens[tokens[at]?.fold === "tuoi" ? at : at + 1] as Token;
      if (tokens.slice(at + 1, from).some((t) => t.fold === "la")) return [{ fold: age.fold, accent: accented ? age.accent : null }];
    }
    const money = MONEY_SUBJECTS_FOLDED.find((m) => m.every((k, j) => tokens[at + j]?.fold === k));
    if (money !== undefined && at + money.length < from && tokens.slice(at + money.length, from).some((t) => t.fold === "la")) {
      return tokens.slice(at, at + money.length).map((t) => ({ fold: t.fold, accent: accented ? t.accent : null }));
    }
    // "Tổng số đảng viên của … là bao nhiêu?": the total of what follows "tổng số".
    if (at > 1 && tokens[at - 2]?.fold === "tong" && tokens[at - 1]?.fold === "so" && at < from && tokens.slice(at, from).some((t) => t.fold === "la")) from = at;
  }
  const stops = stopMask(tokens, accented);
  // "Số đảng viên mới kết nạp … tăng bao nhiêu so với cùng kỳ?": when a comparison, not a noun, follows the
  // question word, what the question opens by numbering ("số", "tổng số", "số lượng") is what is counted.
  if (!english && from > 0) {
    const opensWithNumberOf = accented ? tokens[0]?.lower === "số" : tokens[0]?.fold === "so";
    let at = tokens[0]?.fold === "tong" && tokens[1]?.fold === "so" ? 2 : opensWithNumberOf ? 1 : 0;
    if (at > 0 && tokens[at]?.fold === "luong") at++;
    // (Only a comparison may follow it: "bao nhiêu so với …"; a question ending there asks an amount.)
    const compared = tokens[from]?.fold === "so" && tokens[from + 1]?.fold === "voi";
    if (at > 0 && at < from - 2 && compared) from = at;
  }
  // A counting word before the noun is not the noun: "bao nhiêu bài tham luận" counts "tham luận".
  while (CLASSIFIERS.has(tokens[from]?.fold ?? "") && tokens[from + 1] && !stops[from + 1]) from++;
  // The noun follows the question word directly ("bao nhiêu xã"); "số mấy ở …" counts nothing.
  const first = tokens[from];
  // A capitalised word there is a name's start, not a function word ("bao nhiêu Bằng khen").
  const capitalised = first !== undefined && /^\p{Lu}/u.test(text.charAt(first.start));
  // (An English question's counted noun is a glossary phrase: "bằng khen" opens with a function word's syllable.)
  if (!first || first.isNumber || (stops[from] && !capitalised && !english) || GENERIC_COUNTED.has(first.fold)) return null;
  const second = tokens[from + 1];
  // "bao nhiêu phần trăm" asks a percentage: nothing is counted.
  if (first.fold === "phan" && second?.fold === "tram") return null;
  // The noun, up to a function word or an adverb, and a two-syllable word that qualifies it: "chi bộ trường
  // học" in "bao nhiêu chi bộ trường học được xếp loại …" (see countsNoun: the first two are the noun
  // counted). A single syllable after the noun is more often a verb ("trường hợp nhận Bằng khen").
  const keep = [first];
  for (let i = from + 1; i < from + MAX_COUNTED_SYLLABLES; i++) {
    const t = tokens[i];
    // ("để", in order to, typed without marks: "bao nhieu ngay de phe duyet" counts days.)
    const purpose = t?.fold === "de" && (!accented || t.lower === "để");
    // ("kể từ", since: "bao nhiêu ngày kể từ ngày ký" counts days.)
    const since = t?.fold === "ke" && tokens[i + 1]?.fold === "tu" && (!accented || t.lower === "kể");
    // ("sau" / "trước", after / before: "mấy ngày sau hội nghị" counts days; not "sáu", six, when marked.)
    const timed = (t?.fold === "sau" || t?.fold === "truoc") && (!accented || t.lower === "sau" || t.lower === "trước");
    // (Nor across a comma: "bao nhiêu nữ, chiếm tỷ lệ bao nhiêu" counts women.)
    const punctuated = text !== "" && /[,;:.?!]/u.test(text.slice(tokens[i - 1]?.end ?? 0, t?.start ?? 0));
    if (!t || t.isNumber || stops[i] || purpose || since || timed || punctuated || COUNTED_NOUN_BREAKERS.has(t.fold) || (i > from + 1 && /^\p{Lu}/u.test(text.charAt(t.start)))) break;
    keep.push(t);
  }
  const noun = keep.length === 3 ? keep.slice(0, 2) : keep;
  return noun.map((t) => ({ fold: t.fold, accent: accented ? t.accent : null }));
}

/** Words opening a question about an amount ("Số tiền …", "Mức phụ cấp …", "Tổng kinh phí …"), folded. */
const AMOUNT_OPENERS = new Set(["so", "muc", "tong", "khoan"]);

/** Words that end an English noun phrase after its first word: function words. */
const FUNCTION_WORD = /^(?:had|has|have|did|does|do|are|is|was|were|be|been|will|would|can|could|should|must|may|might|shall|in|of|at|by|for|to|with|on|from|that|which|who|whom|whose|than|and|or|under|during|since|before|after|per|as|into|over|out|there)$/iu;
/** A verb's -ed/-ing form or an adverb: a modifier before the head noun, a verb or adverb after it. */
const VERB_OR_ADVERB_FORM = /^\p{L}+(?:ed|ing|ly)$/iu;
/** A plural noun ("cells", "people", "criteria"; not "congress", "status"). */
const PLURAL = /^(?:\p{L}+[^su\W]s|people|criteria|staff)$/iu;
const DETERMINER = /^(?:the|a|an|its|their|this|that|these|those|his|her|our|each|every)$/iu;

/** Most renderings of an English counted noun tried (head's alternatives × its qualifier's). */
const MAX_COUNTED_RENDERINGS = 4;

/** The Vietnamese phrases an English count question's counted noun reads as, the glossary's usual first (empty when none). */
function englishCountedPhrases(question: string): string[] {
  // (A part of a group counts the group's noun: "how many of the cell's party members are farmers" counts
  // members; "how much of the budget" counts no noun.)
  const after = /\bhow (?:many\s+(?:of\s+(?:the|these|those|its|their|our|your|his|her)\s+(?:[\p{L}-]+['’]s\s+)?)?|much\s+)(.*)$/iu.exec(question)?.[1];
  if (!after) return [];
  // The noun phrase counted ends before the first function word, verb form or punctuation after its first
  // word; English puts its head last ("model new-rural village criteria" counts criteria): the last phrase
  // that names a thing, not a level ("commune-level military cells" counts cells) nor a modifier.
  const words = after.split(/\s+/u);
  // (After a plural, a participle or adverb ends it — "criteria met", "cells directly under" — and so does
  // a word right before a determiner, a verb taking its object: "delegates attend the congress"; before
  // one, "newly admitted members", they are the head's modifiers.)
  const end = words.findIndex((w, i) => {
    if (i === 0) return false;
    // ("of" inside a glossary phrase, "Certificates of Merit", joins it.)
    if (/[,;:?!.]$/u.test(words[i - 1] ?? "")) return true;
    if (FUNCTION_WORD.test(w)) return !(w.toLowerCase() === "of" && isGlossaryPhrase([words[i - 1] ?? "", w, (words[i + 1] ?? "").replace(/[,;:?!.]+$/u, "")]));
    return words.slice(0, i).some((x) => PLURAL.test(x)) && (VERB_OR_ADVERB_FORM.test(w) || DETERMINER.test(words[i + 1] ?? ""));
  });
  const phrase = (end < 0 ? words : words.slice(0, end)).join(" ").replace(/[,;:?!.]+$/u, "");
  const named = translateEnglish(phrase).groups.filter((group) => {
    const keys = analyzeText(group[0] ?? "", false).tokens.map((t) => t.fold);
    // "commune-level" → "cấp xã" qualifies; "communes" → "xã" is what is counted.
    const isLevel = keys[0] === "cap" && keys.every((k) => k === "cap" || LEVEL_SYLLABLES.has(k));
    return keys.length > 0 && !isLevel && !MODIFIER_PHRASES_FOLDED.has(keys.join(" "));
  });
  // Only when the counted word comes right after "how many" (not "how much can …").
  const firstWord = after.split(/\s+/)[0]?.toLowerCase() ?? "";
  const head = named[named.length - 1];
  if (head === undefined || isEnglishStopword(firstWord)) return [];
  // Vietnamese puts the head first and its qualifier after it: "police party cells" → "chi bộ công an".
  const qualifiers = named.length > 1 ? (named[named.length - 2] ?? [""]) : [""];
  return head.flatMap((h) => qualifiers.map((q) => `${h} ${q}`.trim())).slice(0, MAX_COUNTED_RENDERINGS);
}

/**
 * The terms a question is searched with: its words but the stop words ("có", "những", "bao nhiêu",
 * "trong"), which most passages hold and which only add postings to read; bigrams of two stop words
 * likewise. The whole view when nothing else is left.
 */
function searchView(view: TermView, accented: boolean): TermView {
  const stops = stopMask(view.tokens, accented);
  const kept = view.tokens.filter((_, i) => !stops[i]);
  if (kept.length === 0 || kept.length === view.tokens.length) return view;
  const keys = keysOf(kept);
  const keptFolds = new Set(keys.fold);
  const bigrams = view.bigrams.filter((b) => b.split("_").some((k) => keptFolds.has(k)));
  return { tokens: kept, ...keys, bigrams };
}

/** The folded syllables of proper names given as folded bigrams ("dak_lak" → "dak", "lak"). */
export function nameSyllablesOf(names: readonly string[][]): Set<string> {
  return new Set(names.flatMap((run) => run.flatMap((bigram) => bigram.split("_"))));
}

/** The place levels a name follows, by their folded syllables ("xa" for xã, "thi_tran"). */
const NAMED_LEVELS = new Set(["xa", "phuong", "thi_tran", "huyen", "quan", "thi_xa", "thanh_pho", "tinh", "thon", "ap", "buon", "khu_pho"]);
/** Most syllables of a place's name read after its level. */
const MAX_NAME_SYLLABLES = 4;

/**
 * A question typed without capitals ("xa cao son co bao nhieu …") names its places all the same: the two
 * syllables after a place level it names ("xã", "thôn", "huyện" …) are a name where the passages retrieved
 * write them so, capitalised after that level ("xã Cao Sơn"). The plan with those names, as if typed with
 * capitals (their syllables match folded, as names do); the plan itself when it has names or none is found.
 */
export function withPlacesNamedIn<P extends QueryPlan>(plan: P, texts: readonly string[]): P {
  if (plan.language !== "vi" || plan.names.length > 0) return plan;
  const levels = plan.levels.filter((key) => NAMED_LEVELS.has(key));
  if (levels.length === 0) return plan;
  const tokens = analyzeText(plan.question, false).tokens;
  // Each text folded once, its case kept (folding keeps an NFC text's length: lower case then lines up).
  const folded = [...new Set(texts)].map((text) => foldDiacritics(text));
  const lower = folded.map((text) => text.toLowerCase());
  const found: string[][] = [];
  for (const level of levels) {
    const syllables = level.split("_");
    for (let i = 0; i + syllables.length + 1 < tokens.length; i++) {
      if (!syllables.every((k, j) => tokens[i + j]?.fold === k)) continue;
      const at = i + syllables.length;
      const a = tokens[at] as Token;
      const b = tokens[at + 1] as Token;
      if (a.isNumber || b.isNumber || isStopFold(a.fold) || isStopFold(b.fold)) continue;
      // The level then the name, capitalised, in any spelling of its marks: "xã Cao Sơn", "Xã CAO SƠN"; the
      // longest run of the question's syllables the passages write so ("xã Vạn Hòa Đông").
      const needle = `${syllables.join(" ")} ${a.fold} ${b.fold}`;
      let longest = 0;
      lower.forEach((text, t) => {
        for (let from = text.indexOf(needle); from >= 0; from = text.indexOf(needle, from + 1)) {
          if (from > 0 && /\p{L}/u.test(text.charAt(from - 1))) continue;
          // (The words on from there, as long as only spaces part them: a name ends at a comma or a line's end.)
          const words = ((folded[t] ?? "").slice(from).match(/^\p{L}+(?:[ \t]+\p{L}+)*/u)?.[0] ?? "").split(/[ \t]+/u).slice(syllables.length, syllables.length + MAX_NAME_SYLLABLES);
          let n = 0;
          while (n < words.length && /^\p{Lu}/u.test(words[n] ?? "") && (words[n] ?? "").toLowerCase() === tokens[at + n]?.fold) n++;
          longest = Math.max(longest, n);
        }
      });
      if (longest >= 2) found.push(tokens.slice(at + 1, at + longest).map((t, k) => `${(tokens[at + k] as Token).fold}_${t.fold}`));
    }
  }
  if (found.length === 0) return plan;
  // (Their syllables match folded, as a name typed with capitals does: names are spelt many ways.)
  const syllablesNamed = nameSyllablesOf(found);
  return { ...plan, names: found, terms: plan.terms.map((t) => (syllablesNamed.has(t.fold) ? { ...t, accent: null } : t)) };
}

/** Family names, folded. */
export const FAMILY_NAMES_FOLDED: ReadonlySet<string> = new Set([...FAMILY_NAMES].map((name) => foldKey(name)));

/** The people a question names by their full names ("Vi Văn Khải …"): its names that open with a family name. */
export function personsNamed(plan: QueryPlan): string[][] {
  return plan.names.filter((name) => name.length >= 2 && FAMILY_NAMES_FOLDED.has(name[0]?.split("_")[0] ?? ""));
}

/** Runs of two or more capitalised syllables (the first word only as a family name): the question's proper names. */
function nameRuns(tokens: readonly Token[], text: string): string[][] {
  const runs: string[][] = [];
  let run: Token[] = [];
  // (Typed with marks, as written: "Nguyên" is "former", "Nguyễn" a family name.)
  const isFamilyName = (t: Token): boolean => {
    const surface = text.slice(t.start, t.end);
    return hasDiacritics(surface) ? FAMILY_NAMES.has(surface) : FAMILY_NAMES_FOLDED.has(t.fold);
  };
  const push = (names: Token[]): void => {
    if (names.length >= 2) runs.push(names.slice(1).map((t, i) => `${(names[i] as Token).fold}_${t.fold}`));
  };
  const flush = (): void => {
    // A place then a person ("Huyện ủy Vĩnh Khê Phạm Đình Lộc"): a family name opening the run's last three
    // or four syllables, after two or more, starts a name of its own.
    const at = run.findIndex((t, k) => k >= 2 && run.length - k >= 3 && run.length - k <= 4 && isFamilyName(t));
    if (at > 0) {
      push(run.slice(0, at));
      push(run.slice(at));
    } else push(run);
    run = [];
  };
  tokens.forEach((t, i) => {
    const surface = text.slice(t.start, t.end);
    const adjacent = run.length > 0 && /^\s+$/.test(text.slice((run[run.length - 1] as Token).end, t.start));
    // Abbreviations (BTV, UBND) are not names and end a run. (The first word is capitalised anyway: it
    // opens a name only as a family name before another capitalised word, "Vi Văn Khải là …".)
    const next = tokens[i + 1];
    const opensName = i === 0 && isFamilyName(t) && next !== undefined && /^\s+\p{Lu}/u.test(text.slice(t.end, next.end));
    const capitalised = (i > 0 || opensName) && !t.isNumber && /^\p{Lu}/u.test(surface) && !/^\p{Lu}{2,}$/u.test(surface);
    if (capitalised && (run.length === 0 || adjacent)) run.push(t);
    else {
      flush();
      if (capitalised) run.push(t);
    }
  });
  flush();
  return runs;
}
