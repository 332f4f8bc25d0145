/**
 * The asked-for slot of a question and whether a unit fills it: a count of the noun asked, a date (not
 * a cited document's), a deadline, a place, a duration, a percentage, a person or body (a heading may
 * name the body), the level asked. Pure functions over a question's plan and a unit's text.
 */
import { HEADER_FIELDS, asksSigning } from "../corpus/header.js";
import type { Token } from "../text/tokenize.js";
import { expandAbbreviations, isStopFold, stopMask } from "../text/lexicon.js";
import { foldKey, hasDiacritics } from "../text/normalize.js";
import { BODY_KINDS_FOLDED, BODY_OR_ROLE, DEADLINE_QUESTION_FOLDED, DISCIPLINE_FORMS, DIVISION_WORDS, DOCUMENT_KIND_WORDS, DOCUMENT_NUMBER, DOCUMENT_NUMBER_QUESTION_FOLDED, FAMILY_NAMES, MAX_PERSON_LEAD_CHARS, MONEY_AMOUNT, MONEY_SUBJECTS_FOLDED, NAMED_PLACE_QUESTION_FOLDED, NEGATED_QUESTION_FOLDED, NEGATION, NUMBER_SYLLABLES, NUMBER_WORDS, numberedKeys, PERSON_NOUNS, PERSON_TITLE_OPENING, SUBSET_QUALIFIERS, ATTENDANCE_QUALIFIERS, TIME_UNITS } from "../text/vietnamese.js";
import { DEFAULT_POLICY, type AnswerPolicy } from "./policy.js";
import { citedDocumentNumbers, levelsOf, type QueryPlan, type QuestionKind, type TermKey } from "./query.js";
import { foldedText, hasPhrase, TextMemo, termSets, unitTokens } from "./termSets.js";

// Number words. "tư" (doanh nghiệp tư nhân) and "năm" (năm 2013, hằng năm) are too often not numbers:
// "năm" counts only when it is not a year or a period; "Sáu là, …" numbers a lesson, it counts nothing.
const NUMBER_WORD = new RegExp(String.raw`(?:^|[^\p{L}])(?:một(?! số(?!\p{L}))|${[...NUMBER_SYLLABLES].filter((w) => w !== "một" && w !== "năm").join("|")})(?=[^\p{L}]|$)(?!\s+là(?!\p{L}))|(?<!(?:hằng|hàng|mỗi|cuối|đầu|các|nhiều|trong|giữa|của) )năm(?! \d)(?=[^\p{L}]|$)`, "iu");
const DIGIT = /\d/;
// A date, also a day and month without the year ("trước ngày 15/6" hằng năm), or a month named by its number
// ("tháng 8"; "6 tháng" is a duration, not a month).
const DATES = /\d{1,2}[-/]\d{1,2}[-/]\d{2,4}|ngày \d{1,2}[-/]\d{1,2}(?![\d/-])|ngày \d{1,2} tháng \d{1,2}|năm \d{4}|tháng \d{1,2}(?:[-/]\d{4})?(?!\d)/giu;
/**
 * Dates that name a day: "năm 2025" alone (or "quý II năm 2025") does not answer "ngày nào", nor does a month
 * ("mở thêm 02 lớp trong tháng 10 và tháng 11/2026").
 */
const DAY_DATES = /\d{1,2}[-/]\d{1,2}[-/]\d{2,4}|ngày \d{1,2}[-/]\d{1,2}(?![\d/-])|ngày \d{1,2} tháng \d{1,2}/giu;
const FREQUENCY = new RegExp(String.raw`(?:mỗi|hằng|hàng)\s+(?:tháng|năm|quý|tuần)|\d+\s*(?:lần|tháng|năm)|(?:${NUMBER_WORDS.slice(0, 6).join("|")})\s+(?:lần|tháng|năm)`, "iu");
const LIST = /gồm|bao gồm|là:|:\s|, .*, /iu;
/** A question asking how often (folded): "bao lâu một lần", "mấy tháng một lần", "mấy lần", "how often". */
const FREQUENCY_ASKED_FOLDED = /\bbao lau (?:mot|1) lan\b|\b(?:may|bao nhieu) (?:ngay|tuan|thang|quy|nam) (?:mot|1) lan\b|\bmay lan\b|\bbao nhieu lan\b|\btan suat\b|\bhow often\b|\bhow frequently\b|\bhow many times\b/u;
// A place by its name ("tại Hà Nội", "tỉnh Gia Lai"), or a place described ("tại địa điểm khác", "ở kho").
// The place-and-date line of a document ("Hà Nội, ngày 21 tháng 11 năm 2025") names where it was issued.
// "tại" before a document or a part of one ("quy định tại Nghị quyết số 66", "tại Điều 5") names no place.
const NOT_A_DOCUMENT = `(?!(?:${[...DOCUMENT_KIND_WORDS, ...DIVISION_WORDS, "khoản", "điểm", "phụ lục", "văn bản"]
  .map((w) => `[${w.charAt(0).toUpperCase()}${w.charAt(0)}]${w.slice(1)}`)
  .join("|")})(?!\\p{L}))`;
/**
 * Whether a unit gives the fact asked under its label, as minutes and plans do: "Địa điểm: …" for where,
 * "Thời gian: …" for when. What the unit's heading and document say of the meeting is then its subject.
 */
export function labelAnswers(plan: QueryPlan, unit: string): boolean {
  if (plan.kind === "where") return !NAMED_PLACE_QUESTION_FOLDED.test(foldedQuestion(plan)) && PLACE_LABEL.test(unit);
  const office = OFFICE_LABEL.exec(unit);
  if (office) {
    // A label that says which office ("Chức vụ đề xuất", "Chức vụ hiện nay") answers the question that says so.
    const folded = foldedQuestion(plan);
    const which = unitTokens(office[1] ?? "").map((t) => t.fold);
    return OFFICE_ASKED_FOLDED.test(folded) && (which.length === 0 || spacedWords(folded).includes(` ${which.join(" ")} `));
  }
  return (plan.kind === "when" || plan.kind === "date") && TIME_LABEL.test(unit);
}

/** An office given under its label, as a list of a person's duties opens ("- Chức vụ: Phó Bí thư …"). */
const OFFICE_LABEL = /^(?:\d+[.)]\s*|[-–+•]\s*)?(?:chức vụ|chức danh)([^:;.]{0,30}):\s*\S/iu;
/** "giữ chức vụ gì", "chức danh nào", "what position does … hold" (folded): the office is asked. */
const OFFICE_ASKED_FOLDED = /\bchuc (?:vu |danh )?(?:gi|nao)\b|\bwhat (?:position|post|office|title)s?\b|\bwhich (?:position|post|office)s?\b/;

const TIME_LABEL = /^(?:\d+[.)]\s*)?thời gian\s*:\s*\S/iu;

/** An item's label before its colon ("c) Chi bộ trực thuộc đảng ủy cơ sở: …", "- Đảng viên dự bị: …"). */
const ITEM_LABEL = /^(?:[a-zđ]\)|\d+(?:\.\d+)*[.)]|[-–+•])\s*([^:;.]{3,60}):\s*\S/u;

/**
 * Whether a listed item's label is what the question asks about: "c) Chi bộ trực thuộc đảng ủy cơ sở:
 * bắt đầu …, hoàn thành trước ngày 31/5/2027" for when the cells under a grassroots committee must finish,
 * the question saying the label's words as they stand, not another item that only mentions them.
 */
export function labelsSubject(plan: QueryPlan, unit: string): boolean {
  const label = ITEM_LABEL.exec(unit)?.[1];
  if (label === undefined) return false;
  const words = unitTokens(label).map((t) => t.fold);
  return words.length >= MIN_SUBJECT_LABEL_SYLLABLES && spacedWords(foldedQuestion(plan)).includes(` ${words.join(" ")} `);
}

/** A question asking for a phone number or an e-mail address (folded). */
const PHONE_QUESTION_FOLDED = /\b(?:so dien thoai|dien thoai (?:so|nao|la gi|bao nhieu)|(?:tele)?phone number|hotline|duong day nong)\b/u;
const EMAIL_QUESTION_FOLDED = /\b(?:e-?mail|dia chi thu dien tu|hop thu dien tu)\b/u;
/** A Vietnamese phone number ("0259.3826.417", "0912 345 678", "(0259) 3826417"). */
const PHONE_NUMBER = /(?<![\d.,])(?:\+84|\(?0\d{2,4}\)?)[.\s-]?\d{3,4}(?:[.\s-]?\d{2,4}){1,2}(?![\d,])/u;
const EMAIL_ADDRESS = /[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)+/u;

/** Which contacts a question asks for: a phone number, an e-mail address, both or neither. */
function contactsAsked(plan: QueryPlan): { phone: boolean; email: boolean } {
  // (A count is asked of what the words describe: "how many members have no phone number".)
  if (plan.countedNoun !== null) return { phone: false, email: false };
  const folded = foldedQuestion(plan);
  return { phone: PHONE_QUESTION_FOLDED.test(folded), email: EMAIL_QUESTION_FOLDED.test(folded) };
}

/** Whether the question asks for a phone number or an e-mail address. */
export function asksContact(plan: QueryPlan): boolean {
  const asked = contactsAsked(plan);
  return asked.phone || asked.email;
}

/** "Số điện thoại …", "What email address …": the contact asked, which the answer must give; null otherwise. */
export function missingContact(plan: QueryPlan, unit: string): "phone number" | "e-mail address" | null {
  const asked = contactsAsked(plan);
  if (asked.phone && !PHONE_NUMBER.test(unit)) return "phone number";
  if (asked.email && !EMAIL_ADDRESS.test(unit)) return "e-mail address";
  return null;
}

/** A question asking how a vote went ("kết quả biểu quyết …", "kết quả bỏ phiếu", "the result of the vote"), folded. */
const VOTE_RESULT_QUESTION_FOLDED = /\bket qua (?:bieu quyet|bo phieu|kiem phieu)\b|\bvote (?:result|count|tally)s?\b|\bresults? of the (?:vote|ballot|voting)\b/u;
/** What states how a vote went in words or counts ("22 phiếu", "75,86%", "nhất trí", "tán thành"); a count of
 * members ("02 đảng viên") says nothing of a vote. */
const VOTE_RESULT = /\d+(?:[.,]\d+)?\s*(?:%|phiếu)(?!\p{L})|(?:^|[^\p{L}])(?:nhất trí|tán thành|biểu quyết thông qua)(?!\p{L})/iu;
/** "a/b" not part of a date ("16/16", "22/29", not "10/10/2025"). */
const FRACTION = /(?<![\d/])(\d{1,4})\s*\/\s*(\d{1,4})(?!\d|\s*\/\s*\d)/gu;

/** Whether a question asks how a vote went and the unit states no tally ("16/16": for ≤ of) or outcome of one. */
export function missingVoteResult(plan: QueryPlan, unit: string): boolean {
  if (!VOTE_RESULT_QUESTION_FOLDED.test(foldedQuestion(plan))) return false;
  const tally = [...unit.matchAll(FRACTION)].some((m) => Number(m[1]) <= Number(m[2]));
  return !tally && !VOTE_RESULT.test(unit);
}

/** Question kinds that ask which bodies, places or people ("Chi bộ nào …", "Những xã nào …"). */
const NAMING_KINDS: ReadonlySet<string> = new Set(["who", "list", "other"]);
/** How far before a noun a number may count it ("3 tổ chức cơ sở đảng"), in syllables. */
const COUNT_REACH = 5;

/** A Vietnamese question that counts the members present at or absent from a meeting ("có mặt", "vắng", "tham dự"). */
const ATTENDANCE_ASKED = /(?<!\p{L})(?:có mặt|vắng|tham dự|dự họp|dự sinh hoạt)(?!\p{L})/iu;
/** The same in an English question's translation, folded. */
const ATTENDANCE_ASKED_FOLDED = /(?:^|[\s,])(?:co mat|vang mat|vang|tham du|du hop|du sinh hoat)(?=[\s,]|$)/u;
/**
 * A text that says who was present or absent: "Có mặt: 21 đồng chí", "vắng 02 đồng chí", "về dự", "tham dự".
 * ("phải có mặt" is how many were due, not how many came.)
 */
const ATTENDANCE_STATED = /(?<!\p{L})(?:(?<!phải\s+)có mặt|vắng|tham dự|dự họp|dự sinh hoạt|dự hội nghị|dự đại hội|về dự|đến dự|triệu tập)(?!\p{L})/iu;
/** Members a meeting's minutes count present and in all (folded counted nouns). */
const MEETING_MEMBERS_FOLDED = new Set(["dang vien", "uy vien", "thanh vien", "dong chi"]);

/**
 * "Bao nhiêu đảng viên có mặt …", "How many party members attended …": a count of the whole membership
 * ("Tổng số đảng viên của chi bộ: 23 đồng chí") that says nothing of who was present counts others than
 * those asked.
 */
export function countsAllNotPresent(plan: QueryPlan, unit: string): boolean {
  if (plan.kind !== "count" || !MEETING_MEMBERS_FOLDED.has((plan.countedNoun ?? []).slice(0, 2).map((k) => k.fold).join(" "))) return false;
  const asked = plan.language === "en" ? ATTENDANCE_ASKED_FOLDED.test(qualifiedText(plan)) : ATTENDANCE_ASKED.test(plan.question);
  return asked && !ATTENDANCE_STATED.test(unit);
}

/**
 * "Những tổ chức cơ sở đảng nào …", "Đảng viên nào vắng họp …": a unit that only says how many ("vẫn còn 3
 * tổ chức cơ sở đảng nộp chậm", "01 đảng viên vắng sinh hoạt") names none of them — unless the names follow
 * ("3 xã: Tân Hòa, …", "2 chi bộ (Chi bộ thôn …)", "gồm …", "3 chi bộ là …").
 */
export function countsWithoutNaming(plan: QueryPlan, unit: string): boolean {
  const noun = plan.askedNoun?.map((k) => k.fold);
  // (Only a question asking which bodies or people: "trước ngày nào" asks a date, which follows its noun.)
  if (noun === undefined || noun.length === 0 || plan.language !== "vi" || plan.countedNoun !== null || !NAMING_KINDS.has(plan.kind) || !/\bnao\b/u.test(foldedQuestion(plan))) return false;
  const tokens = unitTokens(unit);
  let sightings = 0;
  for (let i = 0; i + noun.length <= tokens.length; i++) {
    if (!noun.every((fold, j) => tokens[i + j]?.fold === fold)) continue;
    sightings++;
    let counted = false;
    for (let j = i - 1; j >= Math.max(0, i - COUNT_REACH); j--) {
      const t = tokens[j] as Token;
      if (/[,;:.()]/u.test(unit.slice(t.end, (tokens[j + 1] as Token).start))) break;
      if (t.isNumber) {
        counted = true;
        break;
      }
    }
    if (!counted) return false;
    // (The names may follow what is said of them: "… chậm quá 30 ngày: Đảng bộ xã Tân Hòa, …".)
    const last = tokens[i + noun.length - 1] as Token;
    const next = tokens[i + noun.length];
    // ("… 02 sản phẩm OCOP đạt 3 sao là chè búp …" names them in its clause, "còn 01 hạn chế về giải phóng mặt
    // bằng" by its subject; "… và 5 chi bộ …, đối với đảng viên là …" speaks of others.)
    const clause = unit.slice(last.end).split(/[,;.]|\svà\s/u)[0] ?? "";
    if (/:|(?:^|\s)gồm\s/u.test(unit.slice(last.end)) || /(?:^|\s)là\s/u.test(clause) || /\(/u.test(unit.slice(last.end, next?.start ?? unit.length)) || (next !== undefined && (next.isNumber || next.lower === "về" || /^\p{Lu}/u.test(unit.slice(next.start, next.end))))) return false;
  }
  return sightings > 0;
}

/** Fewest syllables a label needs to name what a question asks about (not a phase, "Trước đại hội"). */
const MIN_SUBJECT_LABEL_SYLLABLES = 4;
/** A place given under its label ("Địa điểm: …", "Nơi tổ chức: …"). */
const PLACE_LABEL = /^(?:\d+[.)]\s*)?(?:địa điểm|nơi tổ chức|nơi họp)\s*:\s*\S/iu;
const PLACE_NAMED = new RegExp(String.raw`(?:^|[^\p{L}])(?:(?:tại|ở)\s+${NOT_A_DOCUMENT}|(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|thủ đô)\s+)\p{Lu}|\p{Lu}\p{Ll}*(?:\s\p{Lu}\p{Ll}*)*, ngày \d`, "u");
const LOCATIVE = new RegExp(String.raw`(?:^|[^\p{L}])(?:(?:tại|ở)\s+${NOT_A_DOCUMENT}|(?:nơi|địa điểm|trụ sở)\s)`, "iu");
/**
 * Whether a window of a sentence answering "ở đâu" was cut after the place its sentence gives ("Hôm nay, … tại
 * Nhà văn hóa thôn Đồng Chằm, xã …, | Chi bộ thôn Đồng Chằm tiến hành họp …"): the place is in `before` (the
 * sentence up to the window), and the window names none of its own.
 */
export function cutsOffPlace(plan: QueryPlan, unit: string, before: string): boolean {
  if (plan.kind !== "where" || LOCATIVE.test(unit)) return false;
  return LOCATIVE.test(clauseBefore(before, before.length, /[.;] |\n/u));
}

// A deadline (see DEADLINE_QUESTION_FOLDED) is answered by a date the text sets as one.
// (The time may be written in words: "chậm nhất sau một tháng kể từ …".)
export const DEADLINE_SET = new RegExp(`(?:^|[^\\p{L}])(?:trước|chậm nhất|không muộn hơn|hạn chót|hạn cuối|hoàn thành trong|trong thời hạn)(?:\\s+(?:ngày|là))?\\s+(?:\\d|tháng|quý|năm|\\p{L}+\\s+(?:\\d|(?:${NUMBER_WORDS.join("|")})(?!\\p{L})))`, "iu");
// "ngày nào", "ngày tháng năm nào", "what date": a day is asked (folded).
const DAY_QUESTION_FOLDED = /\bngay (?:nao|thang nao|thang nam nao)\b|\b(?:what|which) (?:date|day)\b|\b(?:what|which) (?:is|was) the date\b/;
const CONDITION = /(?:^|\s)(?:khi|nếu|trường hợp|sau khi|trước khi|trong thời hạn|kể từ)\s/iu;

/** The kind of body a who-question's asked noun names ("công ty" in "công ty nào"), as its last syllables, or null. */
function bodyKindAsked(noun: readonly TermKey[]): TermKey[] | null {
  for (const kind of BODY_KINDS_FOLDED) {
    const tail = noun.slice(-kind.length);
    if (tail.length === kind.length && tail.every((k, i) => k.fold === kind[i])) return tail;
  }
  return null;
}

/** Reads once what a unit states whatever the question (numbers, people and bodies named), ahead of questions. */
export function prepareUnitSlots(unit: string): void {
  hasNumberWord(unit);
  numbersIn(unit);
  actorsOf(unit);
  levelsIn(unit);
}

const numberWordCache = new TextMemo<boolean>();

/** Whether a unit writes a number in words ("mười tám tuổi"), memoised (units are checked for every question). */
function hasNumberWord(unit: string): boolean {
  return numberWordCache.get(unit, (u) => NUMBER_WORD.test(u));
}

const unitNumbersCache = new TextMemo<string[]>();

/** The numbers a unit writes in digits, "1.357" read as 1357 (memoised). */
function numbersIn(unit: string): string[] {
  return unitNumbersCache.get(unit, (u) => (u.match(/\d+(?:[.,/-]\d+)*%?/g) ?? []).map((d) => d.replace(/^(\d{1,3})\.(\d{3})$/, "$1$2")));
}

/** The folded question, memoised per plan (namesActor runs for every unit). */
export const foldedQuestion = perPlan((plan): string => foldKey(plan.question));

/**
 * `compute(plan)` remembered for the plan: what a check reads of the question is the same for every unit of
 * every candidate it is run on (plans are never changed once made; a changed one is a new object).
 */
function perPlan<T>(compute: (plan: QueryPlan) => T): (plan: QueryPlan) => T {
  const memo = new WeakMap<QueryPlan, { value: T }>();
  return (plan) => {
    let entry = memo.get(plan);
    if (entry === undefined) memo.set(plan, (entry = { value: compute(plan) }));
    return entry.value;
  };
}

const actorCache = new TextMemo<UnitActors>();

/** Who a unit names, folded: people by name, people by office, bodies or roles (with two words after). */
interface UnitActors {
  people: string[];
  offices: string[];
  bodies: string[];
}

function actorsOf(unit: string): UnitActors {
  return actorCache.get(unit, (u) => ({
    people: personNames(u).map(foldKey),
    // (At the start of a sentence too: "Đồng chí Tổng Bí thư là …". "Mỗi đồng chí Ủy viên Ban Thường vụ …"
    // speaks of every holder, not of one.)
    offices: [...u.matchAll(/(?<!(?:[mM]ỗi|[cC]ác|[nN]hững|[tT]ừng)\s+)[đĐ]ồng chí\s+(\p{Lu}\p{Ll}*(?:\s+\p{L}+){0,2})/gu)].map((m) => foldKey(m[1] ?? "")),
    bodies: [...u.matchAll(BODY_OR_ROLE_ALL)].map((m) => {
      const at = (m.index ?? 0) + m[0].length;
      return foldKey(`${m[0]}${u.slice(at).match(/^(?:\s+[\p{L}]+){0,2}/u)?.[0] ?? ""}`).trim();
    }),
  }));
}

/**
 * Words after which a capitalised name is a place's, not a person's, even when it opens with a family name's
 * syllable ("xã Lạc Khê", "thôn Hà Thanh", "đường Trần Phú"). Written in lower case; capitalised, "Buôn",
 * "Bản" or "Làng" opens a place's own name ("Buôn Ma Thuột"), and only the administrative words still mark one.
 */
const PLACE_BEFORE_NAME = new Set(["xã", "phường", "trấn", "huyện", "quận", "tỉnh", "phố", "thôn", "bản", "ấp", "buôn", "làng", "đường"]);
const CAPITALISED_PLACE_BEFORE_NAME = new Set(["Xã", "Phường", "Huyện", "Quận", "Tỉnh", "Thôn"]);

/** People named in a text: a family name and one to three capitalised syllables ("Trần Cẩm Tú"). */
function personNames(text: string): string[] {
  const out: string[] = [];
  // A name does not run across punctuation ("… Mầm non Hưng Thạch, Chi bộ thôn …" names nobody).
  for (const segment of text.split(/[,;:.!?()"“”\n]+/u)) {
    const words = segment.match(/[\p{L}]+/gu) ?? [];
    for (let i = 0; i < words.length; i++) {
      if (!FAMILY_NAMES.has(words[i] ?? "") || PLACE_BEFORE_NAME.has(words[i - 1] ?? "") || CAPITALISED_PLACE_BEFORE_NAME.has(words[i - 1] ?? "")) continue;
      let j = i + 1;
      while (j < words.length && j - i <= 3 && /^\p{Lu}\p{Ll}*$/u.test(words[j] ?? "")) j++;
      if (j - i >= 2) out.push(words.slice(i, j).join(" "));
      i = j - 1;
    }
  }
  return out;
}

/** "… là ai", "… là đồng chí nào", "who is the …" (folded): the holder of an office the question names is asked. */
const IDENTITY_ASKED_FOLDED = /\bla (?:ai|dong chi nao|nguoi nao)\b|^who (?:is|was) the\b/;

/**
 * Whether a unit names someone the question did not (3 = a person by name, 2 = a person by office
 * ("đồng chí Thường trực Ban Bí thư"), 1 = a body or role, 0 = neither):
 * "ai đang là bí thư Thị ủy Buôn Hồ?" is not answered by a sentence about Thị ủy Buôn Hồ itself.
 */
function namesActor(unit: string, plan: QueryPlan): 0 | 1 | 2 | 3 {
  const question = foldedQuestion(plan);
  const actors = actorsOf(unit);
  const unasked = (named: string): boolean => !question.includes(named);
  if (actors.people.some(unasked)) return 3;
  // "đồng chí Thường trực Ban Bí thư": a person named by office.
  if (actors.offices.some(unasked)) return 2;
  return actors.bodies.some(unasked) ? 1 : 0;
}

/**
 * The lead naming who a unit's duties are ("Đồng chí Vũ Thị Lan, Phó Bí thư Thường trực Tỉnh ủy: Giúp Bí
 * thư …; theo dõi …"): the words up to the first colon, when they name a person the question does not.
 * A who-answer cut to its matching words keeps it, or it would show the duty without whose it is; so does
 * an answer about the person the question names (`askedToo`), cut to the duty asked.
 */
export function personLead(unit: string, plan: QueryPlan, askedToo = false): string | null {
  const colon = unit.indexOf(":");
  if (colon < 0 || colon > 200) return null;
  const lead = unit.slice(0, colon + 1);
  const question = foldedQuestion(plan);
  return actorsOf(lead).people.some((named) => askedToo || !question.includes(named)) ? lead : null;
}

/**
 * Whether two units give a who-question the same answer: a person or body the question does not name is
 * named by both ("Bộ Chính trị chỉ định …" and "… do Bộ Chính trị chỉ định"). False for other kinds.
 */
export function nameSameActor(plan: QueryPlan, a: string, b: string): boolean {
  if (plan.kind !== "who") return false;
  const question = foldedQuestion(plan);
  const asked = new Set(plan.terms.map((t) => t.fold));
  // A name all of whose syllables the question has is what it asks about, not the answer.
  const answers = (unit: string): string[] => {
    const { people, offices, bodies } = actorsOf(unit);
    return [...people, ...offices, ...bodies].filter((name) => !question.includes(name) && !name.split(" ").every((w) => asked.has(w)));
  };
  const inB = new Set(answers(b));
  return answers(a).some((name) => inB.has(name));
}

// "30 ngày làm việc", "một năm", "02 nhiệm kỳ": a number, at most one word, a unit of time.
const NUMBER_OF_TIME_UNITS = new RegExp(`(?:\\d+|${[...NUMBER_SYLLABLES].join("|")})\\s+(?:\\p{L}+\\s+){0,1}${TIME_UNITS.source}`, "iu");
const BODY_OR_ROLE_ALL = new RegExp(BODY_OR_ROLE.source, "giu");

/** A unit with its dates blanked: "26 tháng 4 năm 2011" holds a number of months and years no duration states. */
function withoutDates(unit: string): string {
  return unit.replace(DATES, " ");
}

/** Whether a unit states a frequency ("mỗi tháng", "2 lần"), its dates aside. */
function statesFrequency(unit: string): boolean {
  return FREQUENCY.test(withoutDates(unit));
}

/** Whether a unit states a duration: a number of time units, or a frequency (its dates aside). */
function statesDuration(unit: string): boolean {
  return statesFrequency(unit) || NUMBER_OF_TIME_UNITS.test(withoutDates(unit));
}

export function kindBonus(plan: QueryPlan, unit: string, policy: AnswerPolicy = DEFAULT_POLICY): number {
  const score = kindScore(plan, unit);
  return score * (score > 0 ? policy.kindBonus / 1.2 : policy.kindPenalty);
}

/** The highest score `kindScore` gives a unit, per kind of question. */
const KIND_SCORE_MAX: Readonly<Record<QuestionKind, number>> = { count: 1, percent: 1.2, date: 1.2, when: 1.2, duration: 1.2, who: 1.2, list: 1.8, where: 1.2, purpose: 2, reason: 1, definition: 1.2, other: 1.2 };

/** The most `kindBonus` can add to a unit's score for this question. */
export function maxKindBonus(plan: QueryPlan, policy: AnswerPolicy = DEFAULT_POLICY): number {
  return Math.max(0, KIND_SCORE_MAX[plan.kind] * (policy.kindBonus / 1.2));
}

/** What a unit says of a share, and of a place, by its text alone (memoised: checked for every unit in turn). */
const shareScores = new TextMemo<number>();
const placeScores = new TextMemo<number>();

function kindScore(plan: QueryPlan, unit: string): number {
  switch (plan.kind) {
    case "count":
      return numbersIn(unit).some((d) => !plan.numbers.includes(d)) || hasNumberWord(unit) ? 1 : -1;
    case "percent":
      return shareScores.get(unit, (u) => (u.includes("%") || /phần trăm|tỷ lệ|chiếm/iu.test(u) || SHARE_IN_WORDS.test(u) ? 1.2 : -1));
    case "date":
      return statesDate(uncited(unit, plan), plan) ? 1.2 : -1;
    case "when":
      return statesDate(uncited(unit, plan), plan) ? 1.2 : CONDITION.test(unit) ? 0.8 : -0.5;
    case "duration":
      return statesFrequency(unit) ? 1.2 : statesDuration(unit) ? 1 : DIGIT.test(unit) || hasNumberWord(unit) ? 0.2 : -0.5;
    case "who": {
      const actor = namesActor(unit, plan);
      return actor === 3 ? 1.2 : actor === 2 ? 0.8 : actor === 1 && plan.actor !== "person" ? 0.5 : -1;
    }
    case "list": {
      // A list answer names several things: reward separators, and an announced list ("gồm: …").
      const separators = (unit.match(/[,;]/g) ?? []).length;
      return Math.min(1.2, separators * 0.15) + (LIST.test(unit) ? 0.6 : 0);
    }
    case "where":
      return placeScores.get(unit, (u) => (PLACE_NAMED.test(u) ? 1.2 : LOCATIVE.test(u) ? 0.6 : -1));
    case "purpose":
      return /(?:^|\s)(?:để|nhằm)\s/iu.test(unit) ? 2 : 0;
    case "reason":
      return /(?:^|\s)(?:do|vì|bởi|nhằm|để)\s/iu.test(unit) ? 1 : 0;
    default:
      // "… theo tờ trình số mấy?": a document's number is the fact asked.
      return asksDocumentNumber(plan) ? (DOCUMENT_NUMBER.test(unit) ? 1.2 : -1) : 0;
  }
}

/** A question asking what something is called ("tên là gì", "tên gì", "what is the name"), folded. */
const NAME_ASKED_FOLDED = /\bten (?:la )?gi\b|\bco ten la\b|what (?:is|was) (?:the|its) name\b|\bcalled\b/u;
/** A name given in quotation marks. */
const QUOTED_NAME = /["“«][^"”»]{3,80}["”»]/u;

/**
 * For "bao nhiêu <noun>" questions: whether the unit gives a number directly followed by that noun
 * ("68/152 xã", "ba mươi đảng viên"). Null when the question sets no noun.
 */
/** A number that counts nothing: a year ("2017"), a date ("31/12/2020"), a footnote mark ("[38]"). */
// Question words that make a count a threshold or a condition ("thì lập", "mới được", "tối đa", folded).
const THRESHOLD_QUESTION = /\b(?:thi|moi|de|duoc|phai|can|toi da|toi thieu|it nhat|tro len|tro xuong|duoi|tren|qua|vuot|dat|du)\b/;

/** Whether a count question asks for a threshold or a condition rather than how many there are. */
function asksThreshold(plan: QueryPlan): boolean {
  return plan.language !== "vi" ? ENGLISH_THRESHOLD_QUESTION.test(foldedQuestion(plan)) : THRESHOLD_QUESTION.test(foldedQuestion(plan));
}

/** An English question asking for a bound or a condition ("at least", "needed", "must", "quorum"). */
const ENGLISH_THRESHOLD_QUESTION = /\b(?:at least|at most|minimum|maximum|may|can|could|allowed|permitted|up to|limit|require[ds]?|need(?:ed|s)?|must|should|quorum|more than|fewer than|less than|enough|in order|to (?:set up|establish|form|be)|before|if|when)\b/;

/** Whether the number at `i` is a rule's bound ("từ N … trở lên/trở xuống", "ít nhất / tối thiểu / tối đa / (không) quá / (chưa) đủ / dưới N") or a share ("một nửa", "hai phần ba"). */
function isThreshold(tokens: readonly Token[], i: number): boolean {
  // (Read with its marks where it has them: "đủ 3" is a threshold, "dự 126 cuộc họp" is not; "quá" but not "qua".)
  const before = tokens.slice(Math.max(0, i - 2), i).map((t) => (t.lower === t.fold ? t.fold : t.lower)).join(" ");
  if (/(?:^|\s)(?:ít nhất|tối thiểu|tối đa|không quá|quá|đủ|dưới|it nhat|toi thieu|toi da|khong qua|qua|du|duoi)$/u.test(before)) return true;
  // A share ("một nửa", "hai phần ba số ủy viên") counts nobody.
  if (tokens[i]?.fold === "nua" || tokens[i + 1]?.fold === "nua" || tokens[i - 1]?.fold === "phan" || (tokens[i + 1]?.fold === "phan" && NUMBER_WORDS.includes(tokens[i + 2]?.lower ?? ""))) return true;
  if (tokens[i - 1]?.fold !== "tu") return false;
  const after = tokens.slice(i + 1, i + 8).map((t) => t.fold).join(" ");
  return /\btro (?:len|xuong)\b/.test(after);
}

/**
 * Whether the number at `i` is the least a plan sets for the act the question counts: "mở bao nhiêu lớp" is
 * answered by "mở ít nhất 05 lớp", "kết nạp bao nhiêu đảng viên" by "kết nạp ít nhất 24 đảng viên" — the
 * question's verb right before "bao nhiêu" / "mấy" is the word before "ít nhất" / "tối thiểu".
 */
function plannedMinimum(plan: QueryPlan, tokens: readonly Token[], i: number): boolean {
  const marker = tokens.slice(Math.max(0, i - 2), i).map((t) => t.fold).join(" ");
  if (marker !== "it nhat" && marker !== "toi thieu") return false;
  const verb = countingVerb(plan);
  return verb !== null && tokens[i - 3]?.fold === verb;
}

/** The word right before "bao nhiêu" / "mấy" in a Vietnamese question ("mở bao nhiêu lớp" → "mo"), folded. */
function countingVerb(plan: QueryPlan): string | null {
  if (plan.language !== "vi") return null;
  const words = foldedQuestion(plan).split(/[^a-z0-9]+/u).filter(Boolean);
  const at = words.findIndex((w, k) => (w === "bao" && words[k + 1] === "nhieu") || w === "may");
  const verb = at > 0 ? words[at - 1] : undefined;
  return verb === undefined || isStopFold(verb) ? null : verb;
}

/** Whether the number at `i` ("1", "01", or a lone number word "một") is one the question itself gives. */
function givenNumber(plan: QueryPlan, tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  // (A word that is part of a longer number, "mười một", is not the question's "1".)
  const word = NUMBER_WORDS.indexOf(t.lower);
  const value = t.isNumber ? Number(t.lower) : word >= 0 && !NUMBER_SYLLABLES.has(tokens[i - 1]?.lower ?? "") && !NUMBER_SYLLABLES.has(tokens[i + 1]?.lower ?? "") ? word + 1 : NaN;
  return Number.isFinite(value) && plan.numbers.some((n) => Number(n) === value);
}

/**
 * A percentage, for a plain count ("how many households", "bao nhiêu hộ"): "94,6%" counts no households. ("By
 * how much should the poverty rate fall" is answered by one.)
 */
function isShare(plan: QueryPlan, t: Token, unit: string): boolean {
  if (plan.kind !== "count" || (plan.language === "en" && !/\bhow many\b/u.test(foldedQuestion(plan)))) return false;
  return t.lower.endsWith("%") || /^\s?%/u.test(unit.slice(t.end, t.end + 2));
}

function isCountingNumber(t: Token, unit: string): boolean {
  // ("năm 2030" is the year, not five.)
  if (!t.isNumber) return NUMBER_SYLLABLES.has(t.lower) && !(t.lower === "năm" && /^\s*(?:19|20)\d\d(?!\d)/u.test(unit.slice(t.end)));
  if (/^(?:19|20)\d\d$/.test(t.lower) || /^\d{1,2}[/-]\d{1,2}[/-]\d{2,4}$/.test(t.lower)) return false;
  if (REFERRING.test(unit.slice(Math.max(0, t.start - 40), t.start))) return false;
  return !(unit[t.start - 1] === "[" && unit[t.end] === "]");
}

// Words after which a number refers rather than counts: an article, clause, point, section, chapter or
// annex ("Điều 12, 13, 14"), a day or month, a term of office ("khóa 13"), an occurrence ("lần thứ 2").
const REFERRING = /(?:^|[^\p{L}])(?:điều|khoản|điểm|mục|chương|phần|phụ lục|ngày|tháng|khóa|khoá|lần thứ|thứ)\s+(?:\d+\s*,\s*)*$/iu;
// What stands between a number and the noun it counts: never a bracket, a comma, colon or semicolon, or a dash
// ("(Điều 12, 13, 14): - Đồng chí …"; "04 đảng viên, tổ chức cơ sở đảng …" counts no organisations).
const BETWEEN_COUNT_AND_NOUN = /[()\[\],:;]|\s[-–]\s/u;

/** Whether the text between a number token and a later token lets the number count it. */
function adjoins(unit: string, number: Token, noun: Token | undefined): boolean {
  if (noun === undefined) return false;
  // The number written out in brackets after its digits is the same number ("15 (mười lăm) đảng viên").
  const between = unit.slice(number.end, noun.start).replace(SPELLED_OUT_IN_BRACKETS, (match, words: string) => (words.trim().split(/\s+/u).every((w) => SPELLED_NUMBER_SYLLABLES.has(w.toLowerCase())) ? " " : match));
  return !BETWEEN_COUNT_AND_NOUN.test(between);
}

/** A party committee, folded: its comrades are its members, not a count of a party organisation's members. */
const COMMITTEE_FOLDED = /\b(?:ban chap hanh|ban thuong vu|uy ban kiem tra|thuong truc|cap uy|chi uy|dang uy)\b/u;
/** Words after a counted noun that make its count a part of those asked about ("đảng viên mới", "… dự bị"). */
const SUBSET_QUALIFIERS_FOLDED: ReadonlyArray<readonly string[]> = SUBSET_QUALIFIERS.map((q) => foldKey(q).split(" "));
const ATTENDANCE_QUALIFIERS_FOLDED: ReadonlyArray<readonly string[]> = ATTENDANCE_QUALIFIERS.map((q) => foldKey(q).split(" "));
/** A bracketed run of words ("(mười lăm)"), checked to be a number written out. */
const SPELLED_OUT_IN_BRACKETS = /\(([\p{L}\s]+)\)/gu;
/** The syllables of a number written out, with the forms it takes inside a number ("mười lăm", "hai mươi mốt"). */
const SPELLED_NUMBER_SYLLABLES = new Set([...NUMBER_SYLLABLES, "lăm", "mốt", "tư", "linh", "lẻ", "tỷ", "tỉ"]);

/**
 * Whether the party cells counted at token `nounAt` (their kind said up to token `after` and on) are of
 * another kind than the one asked: "16 chi bộ thôn", or "11 chi bộ cơ quan, trường học, công an, quân sự"
 * (a number of several kinds together, named by its first), for "bao nhiêu chi bộ trường học".
 */
function countsOtherKinds(plan: QueryPlan, unit: string, tokens: readonly Token[], nounAt: number, after: number): boolean {
  const start = tokens[after]?.start ?? unit.length;
  const phrase = /^[^.;:()]*?(?=\s+(?:với|có|gồm|đạt|chiếm)\s|[.;:()]|$)/u.exec(unit.slice(start))?.[0] ?? "";
  const asked = cellKinds(foldedQuestion(plan));
  const said = cellKinds(foldKey(unit.slice(tokens[nounAt]?.start ?? start, start + phrase.length)));
  return asked.size > 0 && said.size > 0 && ![...asked].some((kind) => said.has(kind));
}

/** A share asked of a noun: "bao nhiêu % đảng phí", "bao nhiêu phần trăm đảng viên" (folded). */
const SHARE_OF_FOLDED = /\bbao nhieu (?:%|phan tram) [a-z]/u;
/** A percentage with nothing after it but punctuation ("Trích giữ lại: 50%;"), and one followed by a noun. */
const BARE_SHARE = /\d%(?=\s*(?:[.,;:)|]|$))/u;
const NOUN_SHARE = /\d%\s+\p{L}/u;

export function countsNoun(plan: QueryPlan, unit: string, context = ""): boolean | null {
  const counts = countsCountedNoun(plan, unit, context);
  // (An English question's noun in the glossary's other renderings counts as well.)
  if (counts !== false || plan.countedAlternatives.length === 0) return counts;
  return alternativePlans(plan).some((alternative) => countsCountedNoun(alternative, unit, context) === true);
}

/** The plan with each of its counted noun's alternatives, made once per plan (so their checks' reading of the question is remembered too). */
const alternativePlans = perPlan((plan): QueryPlan[] => plan.countedAlternatives.map((countedNoun) => ({ ...plan, countedNoun })));

/** What a count check reads of the question, the same for every unit (see `countsCountedNoun`). */
const countingOf = perPlan((plan: QueryPlan) => {
  const counted = plan.countedNoun ?? [];
  // (A decimal before people, "43,8 đảng viên", is an average: no count of them unless an average is asked.)
  const averageAsked = AVERAGE_ASKED_FOLDED.test(foldedQuestion(plan));
  const committeeAsked = COMMITTEE_FOLDED.test(foldedQuestion(plan));
  // "chi bộ trường học": "chi bộ" is what is counted, "trường học" which of them; the count must be of
  // those ("07 chi bộ" of every kind is no count of school cells).
  const noun = counted.slice(0, 2);
  const qualifier = counted.slice(2);
  // Party members are counted as comrades too ("không hoàn thành nhiệm vụ 05 đồng chí"), and so are a
  // committee's members ("Ban Chấp hành … gồm 27 đồng chí"); delegates or cadres are not (the "8 đồng chí
  // phát biểu" at a conference are no count of its delegates).
  const partyMembers = noun.length === 2 && noun[0]?.fold === "dang" && noun[1]?.fold === "vien";
  const members = partyMembers || (noun.length === 2 && noun[0]?.fold === "uy" && noun[1]?.fold === "vien");
  // The members of a đảng bộ asked are not counted by a clause about one of its cells: "Thành lập Chi bộ
  // Trường Mầm non … trực thuộc Đảng bộ xã …, gồm 09 đảng viên" says how many the new cell has.
  // (An English question names it in its translation: "city party organisation" → "đảng bộ thành phố".)
  const organisationAsked = partyMembers ? firstOrganisation(qualifiedText(plan)) : null;
  // (So are a place's: "Huyện … có bao nhiêu đảng viên?" asks the members of its Đảng bộ, not of a cell there.)
  const placeAsked = partyMembers && organisationAsked === null && plan.levels.length > 0;
  // People of a kind ("khách mời", "đại biểu", "cán bộ") are counted as people too: "không quá 15 người".
  const folds = noun.map((k) => k.fold).join(" ");
  const personKind = PERSON_NOUNS.some((p) => p.join(" ") === folds) || PERSON_KINDS_FOLDED.has(folds);
  // "Chi bộ hợp tác xã có bao nhiêu đảng viên?" asks how many there are: a rule's threshold ("có từ ba
  // đảng viên chính thức trở lên, lập …") counts nobody. A question with a condition or a bound ("thì",
  // "tối đa", "từ … trở lên") asks for the threshold.
  const thresholdsCount = asksThreshold(plan);
  // "chỉ tiêu 25 đảng viên", "kết nạp 14 đảng viên": a target or those admitted, no count of the members an
  // organisation has, unless the question says so.
  const flowMarkers = unaskedFlowMarkers(plan);
  // "Đầu nhiệm kỳ … có bao nhiêu hộ": a figure said as what remains ("còn 11 hộ") is the later one.
  const question = stockQuestion(plan);
  const startAsked = START_MARKERS.some((marker) => question.includes(` ${marker.join(" ")} `));
  const datesToStart = startUnasked(plan, flowMarkers);
  // ("Phấn đấu đến cuối năm tỷ lệ … đạt 7/11 thôn": the whole clause is a target, however far its number.)
  const targetsUnasked = TARGET_MARKERS.every((marker) => flowMarkers.includes(marker));
  const perEachUnasked = asksStock(plan) && !/(?:^|[^\p{L}])mỗi(?![\p{L}])/iu.test(plan.question);
  const asked = askedQualifierOf(plan, noun);
  return { averageAsked, committeeAsked, noun, qualifier, members, organisationAsked, placeAsked, personKind, thresholdsCount, flowMarkers, startAsked, datesToStart, targetsUnasked, perEachUnasked, asked };
});

/** Whether a token is a key: by its accented form when the key has one, else folded. */
function matches(t: { accent: string; fold: string } | undefined, key: TermKey | undefined): boolean {
  return t !== undefined && key !== undefined && (key.accent !== null ? t.accent === key.accent : t.fold === key.fold);
}

function countsCountedNoun(plan: QueryPlan, unit: string, context: string): boolean | null {
  const counted = plan.countedNoun ?? [];
  if (!plan.countsPeople && counted.length === 0) return null;
  // "giữ lại bao nhiêu % đảng phí": the noun is what the share is of; a share given bare ("Trích giữ lại:
  // 50%") is of what its passage speaks of, and one given of another noun ("85% chi bộ") is not of it.
  if (SHARE_OF_FOLDED.test(foldedQuestion(plan)) && BARE_SHARE.test(unit) && !NOUN_SHARE.test(unit)) {
    const around = unitTokens(`${unit}\n${context}`);
    return counted.slice(0, 2).every((key) => around.some((t) => t.fold === key.fold)) ? null : false;
  }
  // "bao nhiêu tiền (đảng phí)": an amount of money, whatever its unit.
  if (!plan.countsPeople && asksMoney(plan)) return MONEY_AMOUNT.test(unit);
  const tokens = unitTokens(unit);
  // (The comrades a committee is made of are no count of the party organisation's members: "Ban Chấp hành
  // Đảng bộ phường … gồm 15 đồng chí" does not say how many members the Đảng bộ has.)
  const committeeCounted = (k: number): boolean => {
    const clause = clauseBefore(unit, tokens[k]?.start ?? 0, /[.;]/u);
    const named = COMMITTEE_FOLDED.exec(foldKey(clause));
    // (An English question names the committee in its translation: "the Standing Committee" → "ban thường vụ".)
    return named !== null && !foldedQuestion(plan).includes(named[0].trim()) && !(plan.language === "en" && qualifiedText(plan).includes(named[0].trim()));
  };
  const { averageAsked, committeeAsked, thresholdsCount } = countingOf(plan);
  // "bao nhiêu người": a number of people of some kind.
  if (plan.countsPeople) {
    for (let i = 0; i + 1 < tokens.length; i++) {
      const t = tokens[i];
      if (!t || !isCountingNumber(t, unit) || isShare(plan, t, unit) || (DECIMAL.test(t.lower) && !averageAsked)) continue;
      if (!thresholdsCount && isThreshold(tokens, i) && !plannedMinimum(plan, tokens, i)) continue;
      // (A committee's comrades answer of that committee only, when the question names one: "Ủy ban Kiểm tra …
      // dự kiến 05 đồng chí" says nothing of how many people the Ban Thường vụ asked about has.)
      if (committeeAsked && committeeCounted(i)) continue;
      for (let gap = 1; gap <= 3 && i + gap < tokens.length; gap++) {
        if (PERSON_NOUNS.some((noun) => noun.every((k, j) => tokens[i + gap + j]?.fold === k)) && adjoins(unit, t, tokens[i + gap])) return true;
      }
    }
    return false;
  }
  const { noun, qualifier, members, organisationAsked, placeAsked, personKind, flowMarkers, startAsked, datesToStart, targetsUnasked, perEachUnasked, asked } = countingOf(plan);
  // (Nor, for a committee's members asked, another committee's: "Ban Thường vụ … gồm 13 đồng chí" says nothing of
  // how many the Ủy ban Kiểm tra has.)
  const comradeAt = (k: number): boolean => members && tokens[k]?.fold === "dong" && tokens[k + 1]?.fold === "chi" && !committeeCounted(k);
  // Every syllable of the counted noun must be there ("năm tuổi đảng": a number of years is not enough).
  if (!noun.every((key) => tokens.some((t) => matches(t, key))) && !tokens.some((_, k) => comradeAt(k))) return false;
  if (!qualifier.every((key) => tokens.some((t) => matches(t, key)))) return false;
  // (What follows is read only of a unit that says the noun: most say none.)
  // (A table row read as a record is about what its first field names: "Tổ chức cơ sở đảng: Đảng bộ Trung tâm
  // Y tế huyện; Số đảng viên (31/12/2025): 94".)
  const record = recordFields(unit) !== null;
  const leadOf = (k: number): string => (record ? unit.slice(0, tokens[k]?.start ?? 0) : clauseBefore(unit, tokens[k]?.start ?? 0));
  const ofOneCellIn = (lead: string): boolean => (organisationAsked === "dang bo" || placeAsked) && (firstOrganisation(foldKey(lead)) === "chi bo" || ofOtherKind(lead));
  const ofOneCell = (k: number): boolean => ofOneCellIn(leadOf(k));
  // (Nor, for a place's, by a đảng bộ of a kind the question does not name: "Đảng bộ Công ty … 47 đảng viên"
  // says nothing of the city's.)
  const ofOtherKind = (lead: string): boolean => {
    if (plan.levels.length === 0) return false;
    const kind = ORGANISATION_OF_KIND.exec(lead)?.[1];
    return kind !== undefined && !` ${qualifiedText(plan)} `.includes(` dang bo ${foldKey(kind)}`);
  };
  // (The head alone, not the start of another compound: "8 đảng viên" is no "đảng bộ".)
  const headEndsWord = (k: number): boolean => {
    const next = tokens[k + 1];
    return next === undefined || /[^\s\p{L}]/u.test(unit.slice(tokens[k]?.end ?? 0, next.start)) || isStopFold(next.fold);
  };
  const saidWholeBefore = (k: number): boolean => {
    for (let at = 0; at + noun.length <= k; at++) if (noun.every((key, j) => matches(tokens[at + j], key))) return true;
    return false;
  };
  if (recordCounts(plan, unit, context, noun, qualifier, flowMarkers, asked) && !(record && ofOneCellIn(unit))) return true;
  // The number may be a phrase ("hai phần ba số đại biểu", "mười tám tuổi"): the noun's first syllable
  // may follow it within two words.
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i];
    if (!t || !isCountingNumber(t, unit) || isShare(plan, t, unit)) continue;
    if ((members || personKind) && DECIMAL.test(t.lower) && !averageAsked) continue;
    if (!thresholdsCount && isThreshold(tokens, i) && !plannedMinimum(plan, tokens, i)) continue;
    // A number the question gives names what it asks about ("1 cán bộ … mấy chức danh"), not the answer.
    if (givenNumber(plan, tokens, i)) continue;
    if (startAsked && REMAINING_BEFORE.test(tokens.slice(Math.max(0, i - 2), i).map((w) => w.fold).join(" "))) continue;
    if (followsMarker(tokens, i, flowMarkers) || changedBy(tokens, i, plan) || (datesToStart && opensWithStart(unit.slice(0, t.start)))) continue;
    if (targetsUnasked && targetClause(clauseBefore(unit, t.start))) continue;
    // "mỗi bên cử từ 01 đến 02 công chức" is each one's share, not how many there are in all.
    if (perEachUnasked && tokens.slice(Math.max(0, i - 6), i).some((w) => w.lower === "mỗi")) continue;
    // The whole noun follows ("8 đảng viên" does not count "đảng bộ").
    // (A noun said whole once is then shortened to its head: "điểm thưởng … tối đa 03 điểm".)
    const nounAt = (k: number): boolean => noun.every((key, j) => matches(tokens[k + j], key)) || comradeAt(k) || (personKind && tokens[k]?.fold === "nguoi") || (noun.length >= 2 && matches(tokens[k], noun[0]) && headEndsWord(k) && saidWholeBefore(k));
    for (let gap = 1; gap <= 3 && i + gap < tokens.length; gap++) {
      if (nounAt(i + gap) && adjoins(unit, t, tokens[i + gap]) && !ofOneCell(i) && !countsOtherKinds(plan, unit, tokens, i + gap, i + gap + noun.length) && !(comradeAt(i + gap) && labelNarrowsComrades(plan, tokens, i)) && !narrowedBeyondQuestion(plan, tokens, i + gap + noun.length) && !missesAskedQualifier(asked, tokens, i + gap + noun.length, unit, t)) return true;
      // "8 đảng viên là chủ doanh nghiệp": the people counted are of the kind asked.
      if (tokens[i + gap]?.fold === "la" && gap >= 2 && nounAt(i + gap + 1) && adjoins(unit, t, tokens[i + gap + 1])) return true;
    }
  }
  return false;
}

/** A decimal ("43,8"): people are counted in whole numbers, so one before them is an average… */
const DECIMAL = /^\d+,\d{1,2}$/u;
/** …which answers only a question asking an average (folded): "bình quân", "trung bình", "mỗi", "average". */
const AVERAGE_ASKED_FOLDED = /\b(?:binh quan|trung binh|moi|average|on average|per)\b/u;

/** A đảng bộ named by the kind of unit it is ("Đảng bộ Công ty …", "Đảng bộ Khối …"): group 1 the kind. */
const ORGANISATION_OF_KIND = /Đảng bộ\s+(Tổng công ty|Công ty|Khối|Trường|Bệnh viện|Trung tâm|Quân sự|Công an|Cơ quan|Doanh nghiệp|Tập đoàn|Ngân hàng)(?!\p{L})/u;

/** A count of comrades ("gồm 13 đồng chí"): how texts count a body's members. */
export const COMRADES_COUNTED = /\d+\s+đồng chí(?!\p{L})/iu;

/** The first party organisation a folded text names: "dang bo" or "chi bo" (null when it names neither). */
function firstOrganisation(folded: string): "dang bo" | "chi bo" | null {
  const m = /\b(dang bo|chi bo)\b/u.exec(folded);
  return m ? (m[1] as "dang bo" | "chi bo") : null;
}

/**
 * The clause of `text` that ends at offset `at`: from the last sentence or clause break before it (by default
 * a full stop or semicolon before a space, so "1.186" breaks nothing).
 */
function clauseBefore(text: string, at: number, breaks: RegExp = /[.;]\s/u): string {
  return text.slice(0, at).split(breaks).pop() ?? "";
}

/** A table row read as a record's field ("Kết nạp mới (Biến động trong năm 2025): 17"): its label, its value. */
const RECORD_FIELD = /^([^:;]{1,120}):\s+(.+)$/su;
/** A table's row or column name saying its figures are rates. */
const RATE_NAMED = /\(%\)|(?:^|[^\p{L}])(?:tỷ lệ|tỉ lệ|phần trăm)(?![\p{L}])/iu;
/** A field's value that is a count alone ("17", "1.250", "+1"). */
const COUNT_VALUE = /^[+-]?\d{1,3}(?:\.\d{3})*$|^[+-]?\d+$/u;
/** Two counts in one field ("11/12"), for a label naming both ("Số phiếu tán thành / có mặt"). */
const PAIRED_COUNT = /^\d{1,3}(?:\.\d{3})*\s*\/\s*\d{1,3}(?:\.\d{3})*$/u;

/** A table row read as a record ("Đơn vị: …; Số đảng viên: 94; …"): its fields, or null for any other text. */
function recordFields(unit: string): Array<{ label: string; value: string }> | null {
  const parts = unit
    .replace(/^\s*(?:\d{1,3}|[IVXLC]{1,5})\.\s+/u, "")
    .replace(/\.\s*$/u, "")
    .split(/;\s+/u)
    .map((part) => RECORD_FIELD.exec(part.trim()));
  if (parts.length < 3 || parts.some((f) => f === null)) return null;
  return parts.map((f) => ({ label: f?.[1] ?? "", value: f?.[2] ?? "" }));
}

/**
 * Whether a table row read as a record counts the noun asked: a number alone under a column counts what
 * the column's name, the row's own name and the table's caption say together — "Bảng 2. Số lượng và biến
 * động đảng viên …" / "Đơn vị: Đảng bộ xã X; …; Kết nạp mới (Biến động trong năm 2025): 17" counts new
 * party members, "Loại hình tổ chức đảng: Chi bộ quân sự, công an; Năm 2025: 16" such cells. A column
 * whose name is a flow or a target the question does not ask ("Kết nạp mới" for how many members there
 * are) counts none of it.
 */
function recordCounts(plan: QueryPlan, unit: string, context: string, noun: readonly TermKey[], qualifier: readonly TermKey[], flowMarkers: ReadonlyArray<readonly string[]>, asked: AskedQualifier | null): boolean {
  const fields = recordFields(unit);
  if (fields === null) return false;
  const names = fields.filter((f) => !COUNT_VALUE.test(f.value.trim())).map((f) => `${f.label} ${f.value}`).join(" ; ");
  const has = (tokens: readonly Token[], keys: readonly TermKey[]): boolean => keys.every((key) => tokens.some((t) => (key.accent !== null ? t.accent === key.accent : t.fold === key.fold)));
  return fields.some((field) => {
    // A column of two counts ("Số phiếu tán thành / có mặt: 11/12") gives each part of its label its part of
    // the value.
    const parts = PAIRED_COUNT.test(field.value.trim()) && field.label.includes("/") ? field.label.split("/") : null;
    const label = parts ? (parts.find((part) => has(unitTokens(part), noun)) ?? "") : field.label;
    if (parts ? label === "" : !COUNT_VALUE.test(field.value.trim())) return false;
    const own = unitTokens(label);
    if (flowMarkers.some((marker) => own.some((_, at) => marker.every((k, j) => own[at + j]?.fold === k)))) return false;
    const described = `${label} ; ${names} ; ${context}`;
    // (A row or column of rates — "Tỷ lệ … (%)" — holds shares, not counts.)
    if (RATE_NAMED.test(`${label} ; ${names}`)) return false;
    const tokens = unitTokens(described);
    return has(tokens, noun) && has(tokens, qualifier) && (asked === null || spacedWords(foldKey(described)).includes(` ${asked.qualifier.join(" ")} `));
  });
}

/** Kinds of people counted (folded) beside `PERSON_NOUNS`: guests and trainees. */
const PERSON_KINDS_FOLDED: ReadonlySet<string> = new Set(["khach moi", "khach", "hoc vien"]);

/** Words before a count that make it a flow of members rather than how many there are (folded). */
const FLOW_MARKERS: ReadonlyArray<readonly string[]> = ["ket nap", "khai tru", "xoa ten", "chuyen den", "chuyen di"].map((m) => m.split(" "));
/** Words before a count that make it a target (folded): no answer to how many there are now. */
const TARGET_MARKERS: ReadonlyArray<readonly string[]> = ["chi tieu", "muc tieu", "phan dau", "du kien"].map((m) => m.split(" "));
/** What says a figure is reached, after a target named before it ("phấn đấu 7/11, hiện mới đạt 5/11"; folded). */
const REACHED_AFTER_TARGET = /\b(?:hien (?:nay|co|tai)|den nay|moi dat|da dat)\b/u;

/** Whether a clause (up to a number) opens a target ("Phấn đấu đến cuối năm … đạt") it does not then say is reached. */
function targetClause(clause: string): boolean {
  const folded = foldKey(clause);
  const at = TARGET_MARKERS.map((marker) => folded.search(new RegExp(`\\b${marker.join(" ")}\\b`, "u"))).filter((k) => k >= 0);
  return at.length > 0 && !REACHED_AFTER_TARGET.test(folded.slice(Math.min(...at)));
}

/** Words before a count that date it to the start of a period (folded): "Đầu nhiệm kỳ, Chi bộ có 27 đảng viên". */
const START_MARKERS: ReadonlyArray<readonly string[]> = ["dau nhiem ky", "dau nam", "dau ky", "truoc day"].map((m) => m.split(" "));
/** A question asking how many there are now, in all ("hiện có", "đến nay", "còn bao nhiêu", "tổng cộng", "currently", "in total"; folded). */
const STOCK_ASKED = /\bhien (?:co|nay|tai)\b|\bden nay\b|\bcon (?:lai )?(?:bao nhieu|may)\b|\btong (?:cong|so)\b|\bcurrently\b|\bin total\b|\bnow have\b/;

/** A question asking what was done ("kết nạp được bao nhiêu", "đã kết nạp mấy", folded and spaced). */
const ACHIEVED_ASKED = / duoc (?:bao nhieu|may) | da \S+(?: \S+)? (?:bao nhieu|may) /u;

/** Folded text as space-separated words with one space at each end, for whole-word `includes` tests. */
export function spacedWords(folded: string): string {
  return ` ${folded.replace(/[^a-z0-9]+/gu, " ").trim()} `;
}

/** The folded question's words, an English question's Vietnamese search terms too. */
const stockQuestion = perPlan((plan): string => `${spacedWords(foldedQuestion(plan))}${plan.language === "en" ? spacedWords(foldKey(plan.searchText)) : ""}`);

/**
 * Whether a percentage asked as it is now ("hiện nay đạt bao nhiêu") is given only as a target ("đạt từ 98%
 * trở lên", "phấn đấu … 95%").
 */
export function givesTargetForNow(plan: QueryPlan, unit: string): boolean {
  return plan.kind === "percent" && asksStock(plan) && TARGET_PERCENT.test(unit) && !CURRENT_PERCENT.test(unit);
}

const TARGET_PERCENT = /\d+(?:[.,]\d+)?\s*%\s*trở lên|(?:ít nhất|tối thiểu|phấn đấu|chỉ tiêu)[^.;]{0,40}?\d+(?:[.,]\d+)?\s*%/iu;
/** A figure stated as reached ("hiện nay đạt 96,8%", "đến nay … 96,8%", "giảm … xuống còn 1,9%"). */
const CURRENT_PERCENT = /(?:hiện nay|hiện có|hiện tại|đến nay)[^.;]{0,60}?\d+(?:[.,]\d+)?\s*%|(?:^|[^\p{L}])còn\s+\d+(?:[.,]\d+)?\s*%/iu;

/** Whether a question asks how many there are now, in all. */
const asksStock = perPlan((plan): boolean => STOCK_ASKED.test(stockQuestion(plan)));

/**
 * The flow markers a question does not say ("kết nạp 14 đảng viên" is no answer to "có bao nhiêu đảng
 * viên"), and the target and period-start markers too where it asks how many there are now.
 */
const unaskedFlowMarkers = perPlan((plan): ReadonlyArray<readonly string[]> => {
  const question = stockQuestion(plan);
  // ("kết nạp được bao nhiêu", "đã kết nạp bao nhiêu" ask what was done: a target is no answer either.)
  const markers = STOCK_ASKED.test(question) ? [...FLOW_MARKERS, ...TARGET_MARKERS, ...START_MARKERS] : ACHIEVED_ASKED.test(question) ? [...FLOW_MARKERS, ...TARGET_MARKERS] : FLOW_MARKERS;
  return markers.filter((marker) => !question.includes(` ${marker.join(" ")} `));
});

/** A change, right before its number ("giảm 45 xã", "tăng thêm 27 đảng viên"): how many more or fewer, not how many (folded). */
const CHANGE_BEFORE = /(?:^|\s)(?:tang|giam)(?: them| xuong| di)?$/u;

/** Whether the number at `i` is a change the question does not ask about ("tỉnh giảm 45 xã" for how many remain). */
function changedBy(tokens: readonly Token[], i: number, plan: QueryPlan): boolean {
  if (!CHANGE_BEFORE.test(tokens.slice(Math.max(0, i - 2), i).map((t) => t.fold).join(" "))) return false;
  return !/\b(?:tang|giam)\b|\b(?:increase|decrease|fell|rose|more|fewer|less)\b/u.test(stockQuestion(plan));
}

/** Whether the sentence that `before` ends in opens dated to a period's start ("Thời điểm đầu năm 2021, toàn huyện có …"). */
function opensWithStart(before: string): boolean {
  const opening = foldKey(before.slice(Math.max(before.lastIndexOf(". "), before.lastIndexOf("\n")) + 1)).trim();
  return START_MARKERS.some((marker) => new RegExp(`^(?:\\S+ ){0,2}${marker.join(" ")}\\b`, "u").test(opening));
}

/**
 * Whether a count asked as it is now is answered from a sentence dated to a period's start, said before the
 * unit ("Thời điểm đầu năm 2021, toàn huyện có 112 thôn …; | 41 thôn chưa có chi bộ riêng").
 */
export function countedAtStart(plan: QueryPlan, before: string): boolean {
  return plan.kind === "count" && startUnasked(plan, unaskedFlowMarkers(plan)) && opensWithStart(before);
}

/** Whether a question asks how many there are now without naming a period's start (its `markers` then hold START_MARKERS). */
function startUnasked(plan: QueryPlan, markers: ReadonlyArray<readonly string[]>): boolean {
  return asksStock(plan) && markers.some((m) => START_MARKERS.includes(m));
}

/** Words right before a figure that make it what remains now ("còn 11 hộ", "xuống còn 6"), folded. */
const REMAINING_BEFORE = /(?:^|\s)(?:con|nay|hien nay|hien con|xuong con|con lai)$/u;

/** Whether the number at `i` follows, within four words, one of `markers`. */
function followsMarker(tokens: readonly Token[], i: number, markers: ReadonlyArray<readonly string[]>): boolean {
  for (const marker of markers) {
    for (let at = Math.max(0, i - 4 - marker.length); at + marker.length <= i; at++) {
      if (marker.every((k, j) => tokens[at + j]?.fold === k)) return true;
    }
  }
  return false;
}

/**
 * Whether the counted noun is narrowed right after it to a part the question does not ask about: "14 đảng
 * viên mới" (new members) is no count of the members a party organisation has, "02 đảng viên dự bị" none of
 * its members either, unless the question says "mới", "dự bị".
 */
function narrowedBeyondQuestion(plan: QueryPlan, tokens: readonly Token[], after: number): boolean {
  if (SUBSET_QUALIFIERS_FOLDED.some((q) => q.every((k, j) => tokens[after + j]?.fold === k) && !qualifierAsked(plan, q))) return true;
  // (Those present who did what the question counts are counted: "20/21 đồng chí có mặt tán thành" for "bao
  // nhiêu đồng chí tán thành".)
  const counted = new Set((plan.countedNoun ?? []).map((k) => k.fold));
  if (ATTENDANCE_QUALIFIERS_FOLDED.some((q) => q.every((k, j) => tokens[after + j]?.fold === k) && !qualifierAsked(plan, q) && !counted.has(tokens[after + q.length]?.fold ?? ""))) return true;
  // "19 đảng viên là nông dân": a kind said with "là" narrows the count, unless the question names that kind.
  const kind = tokens[after + 1];
  return tokens[after]?.fold === "la" && kind !== undefined && !isStopFold(kind.fold) && !/\d/u.test(kind.fold) && !plan.terms.some((t) => t.fold === kind.fold);
}

/** Whether the question says a subset qualifier ("nữ", "dự bị"); an English one in its translation ("new party members" has "mới"). */
function qualifierAsked(plan: QueryPlan, qualifier: readonly string[]): boolean {
  return spacedWords(qualifiedText(plan)).includes(` ${qualifier.join(" ")} `) || qualifier.every((k) => plan.terms.some((t) => t.fold === k));
}

/** The folded question as it narrows nouns: an English one in its translation ("probationary party members" → "dang vien du bi"). */
const qualifiedText = perPlan((plan): string => (plan.language === "en" ? foldKey(plan.searchText) : foldedQuestion(plan)));

/** "đảng viên nữ 81 đồng chí": a count of comrades labelled by a kind the question does not ask (folded tokens before `number`). */
function labelNarrowsComrades(plan: QueryPlan, tokens: readonly Token[], number: number): boolean {
  return SUBSET_QUALIFIERS_FOLDED.some((q) => q.every((k, j) => tokens[number - q.length + j]?.fold === k) && !qualifierAsked(plan, q));
}

/**
 * The other way round: the question narrows the noun ("bao nhiêu đảng viên nữ") and the count does not ("40
 * đảng viên, … đảng viên nữ … chiếm không dưới 50%"): it counts them all. ("mới" is left out: "kết nạp 131
 * đảng viên" counts new members without saying so.)
 */
function missesAskedQualifier(asked: AskedQualifier | null, tokens: readonly Token[], after: number, unit: string, number: Token): boolean {
  if (asked === null || asked.qualifier.every((k, j) => tokens[after + j]?.fold === k)) return false;
  // (Said elsewhere in the number's clause, it narrows the count too: "công nhận đảng viên chính thức cho 198 đồng chí".)
  return !spacedWords(foldKey(clauseAround(unit, number))).includes(asked.narrowed);
}

/** The noun as the question narrows it (" dang vien nu ", folded and spaced) and that qualifier's syllables. */
interface AskedQualifier {
  narrowed: string;
  qualifier: readonly string[];
}

/** The qualifier the question narrows the counted noun by ("đảng viên nữ"), or null. */
function askedQualifierOf(plan: QueryPlan, noun: readonly TermKey[]): AskedQualifier | null {
  const question = spacedWords(qualifiedText(plan));
  const said = noun.map((k) => k.fold).join(" ");
  const qualifier = ASKED_QUALIFIERS.find((q) => question.includes(` ${said} ${q.join(" ")} `));
  return qualifier === undefined ? null : { narrowed: ` ${said} ${qualifier.join(" ")} `, qualifier };
}

/** The clause of `unit` a token stands in: between the punctuation marks around it. */
function clauseAround(unit: string, t: Token): string {
  const before = Math.max(unit.lastIndexOf(",", t.start), unit.lastIndexOf(";", t.start), unit.lastIndexOf(":", t.start));
  const next = [",", ";", ":"].map((c) => unit.indexOf(c, t.end)).filter((n) => n >= 0);
  return unit.slice(before + 1, next.length > 0 ? Math.min(...next) : unit.length);
}

const ASKED_QUALIFIERS = SUBSET_QUALIFIERS_FOLDED.filter((q) => q.join(" ") !== "moi");

/** Whether a who-question asks the agent of its anchor ("Ban cán sự đảng do ai chỉ định?"). */
export function asksAgentOf(plan: QueryPlan): boolean {
  return plan.kind === "who" && plan.anchor !== null && foldedQuestion(plan).includes(`do ai ${plan.anchor.replace("_", " ")}`);
}

/**
 * Where the anchor bigram occurs in a unit, its two syllables adjacent or one syllable apart ("tài liệu
 * gồm" written "tài liệu bao gồm"): "followed" when some text (the answer) comes after it, "last" when the
 * unit ends there, null when it is not there.
 */
export function anchorIn(anchor: string, unit: string): "followed" | "last" | null {
  const [first, second] = anchor.split("_");
  const tokens = unitTokens(unit);
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i]?.fold !== first) continue;
    for (let gap = 1; gap <= 2 && i + gap < tokens.length; gap++) {
      const end = tokens[i + gap];
      if (end !== undefined && end.fold === second) return unit.length - end.end > 12 ? "followed" : "last";
    }
  }
  return null;
}

// A document cited with its number and date ("Hướng dẫn số 7886/HD-BNV ngày 14/9/2025"): the date is
// that document's, not one the sentence states.
const CITED_DOCUMENT_DATE = /(\d+)[-/][\p{L}\d/.\-&]*\s*,?\s*(?:ngày|ban hành ngày)\s*\d{1,2}(?:\s*[-/]\s*\d{1,2}\s*[-/]\s*\d{2,4}| tháng \d{1,2} năm \d{4})/giu;

/**
 * Whether a text states a date (or, with `years`, a year written alone) other than those the question
 * itself gives: "Báo cáo … năm 2025 … ngày nào?" is not answered by a text whose only date is "năm 2025".
 */
function statesDate(text: string, plan: QueryPlan, years = false, dayAsked = false): boolean {
  // "Ngày nào trong tháng", "thứ mấy", "tuần nào": a recurring day is named by its weekday or its week.
  if (RECURRING_DAY_ASKED_FOLDED.test(foldedQuestion(plan)) && RECURRING_DAY.test(text)) return true;
  const given = new Set(plan.numbers.flatMap((n) => n.split(/[-/.]/u)).map((n) => String(Number(n))));
  const beyond = (match: string): boolean => (match.match(/\d+/gu) ?? []).some((n) => !given.has(String(Number(n))));
  return [...text.matchAll(dayAsked ? DAY_DATES : DATES)].some((m) => beyond(m[0])) || (years && [...text.matchAll(/(?<!\d)\d{4}(?!\d)/gu)].some((m) => beyond(m[0])));
}

/** A question asking for a day that recurs (folded): "ngày nào trong tháng", "thứ mấy", "tuần nào trong tháng". */
const RECURRING_DAY_ASKED_FOLDED = /\b(?:ngay|hom) nao trong (?:tuan|thang)\b|\b(?:vao|ngay|hom) thu may\b|\btuan nao\b|\bwhich (?:day of the (?:week|month)|week(?:day)?)\b|\bwhat day of the (?:week|month)\b|\bon which (?:day|weekday)\b/u;
/** A weekday ("thứ Năm", "Chủ nhật", capitalised: "lần thứ năm" is an ordinal) or a week of the month ("tuần cuối của tháng"). */
const RECURRING_DAY = /(?<!\p{L})(?:thứ (?:Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ nhật)(?!\p{L})|(?<!\p{L})tuần (?:đầu|cuối|thứ (?:nhất|hai|ba|tư)|\d) (?:của|trong|hằng|hàng|mỗi) tháng/u;

/** A person's year of birth ("Năm sinh: 1979", "sinh năm 1984", "sinh ngày 12/3/1990"): no time a fact is of. */
const BIRTH_YEAR = /(?<!\p{L})(?:năm sinh|ngày sinh|sinh năm|sinh ngày)\s*:?\s*(?:\d{1,2}[/.-]\d{1,2}[/.-])?(?:19|20)\d\d(?!\d)/giu;

/** The text with the years of birth it gives blanked (see BIRTH_YEAR). */
export function withoutBirthYears(text: string): string {
  return text.replace(BIRTH_YEAR, " ");
}

/**
 * A unit without the dates of the documents it cites, unless the question names that document (by number;
 * with `kindAsked`, by the kind it asks the date of without a number: "Tờ trình … có số và ngày nào?" of "… tại
 * Tờ trình số 27-TTr/BXDĐ, ngày 24/02/2026").
 */
export function uncited(unit: string, plan: QueryPlan, kindAsked = false): string {
  const { number, kinds } = plan.askedDocument;
  const ofKindAsked = kindAsked && number === null && kinds !== null ? citedDocumentNumbers(foldKey(unit), kinds) : [];
  return unit.replace(CITED_DOCUMENT_DATE, (match, cited: string) => {
    const key = String(Number(cited));
    return plan.docRefs.includes(key) || ofKindAsked.includes(key) ? match : " ";
  });
}

// "Bằng khen của Thủ tướng Chính phủ", "Quyết định của Ủy ban nhân dân tỉnh": a capitalised thing and the
// capitalised body it belongs to; typed without diacritics too ("Bang khen cua Thu tuong Chinh phu").
const OWNED = /(\p{Lu}\p{Ll}*(?: \p{Ll}+)?) (?:của|cua) ((?:\p{Lu}[\p{L}]*)(?: \p{Lu}[\p{L}]*)*)/gu;

/**
 * The body a question's capitalised thing belongs to ("Bằng khen của Thủ tướng Chính phủ") where the
 * text speaks only of that thing of another body ("Bằng khen của Chủ tịch UBND tỉnh"): the other body's
 * first word, folded, or null.
 */
export function otherOwner(plan: QueryPlan, text: string): string | null {
  const folded = foldKey(text);
  for (const m of plan.question.matchAll(OWNED)) {
    const thing = foldKey(m[1] ?? "");
    const owner = foldKey(m[2] ?? "");
    if (folded.includes(`${thing} cua ${owner}`)) continue;
    const others = [...folded.matchAll(new RegExp(`${thing} cua (\\S+ \\S+)`, "gu"))].map((o) => o[1] ?? "");
    const other = others.find((o) => !owner.startsWith(o));
    if (other !== undefined) return other;
  }
  return null;
}

/** Words that end the owner a question names after "của" (folded): "… của Đảng bộ phường là bao nhiêu". */
const OWNER_END = new Set(["la", "bao", "co", "hien", "den", "tinh", "trong", "nam", "dat", "duoc", "chiem", "gom"]);

/**
 * The owner a unit counts the asked noun of, when the question counts it of another ("Tổng số đảng viên
 * của 05 chi bộ trường học …" is not answered by "Tổng số đảng viên của Đảng bộ … là 1.146 đồng chí") and
 * the unit does not name the owner asked: the unit's owner's first word, folded, or null.
 */
export function countsOtherOwner(plan: QueryPlan, unit: string): string | null {
  const asked = askedOwner(plan);
  if (asked === null) return null;
  const unitWords = unitTokens(unit).map((t) => t.fold);
  const stated = ownerCounted(plan.countedNoun?.map((k) => k.fold) ?? [], unitWords);
  if (!stated || asked[0] === stated[0]) return null;
  return ` ${unitWords.join(" ")} `.includes(` ${asked.slice(0, 2).join(" ")} `) ? null : (stated[0] ?? null);
}

/** The owner a count question names after "số <noun> của" (folded words), once per question. */
const askedOwner = perPlan((plan): string[] | null => {
  const noun = plan.countedNoun?.map((k) => k.fold) ?? [];
  if (noun.length === 0 || (plan.kind !== "count" && plan.kind !== "percent")) return null;
  return ownerCounted(noun, unitTokens(plan.question).map((t) => t.fold));
});

/** The owner after "số <noun> của" in a text's folded words, numbers left out ("05 chi bộ trường học" → chi bộ trường học). */
function ownerCounted(noun: readonly string[], words: readonly string[]): string[] | null {
  for (let i = 0; i + noun.length < words.length; i++) {
    if (words[i] !== "so" || !noun.every((w, j) => words[i + 1 + j] === w) || words[i + 1 + noun.length] !== "cua") continue;
    const owner: string[] = [];
    for (let j = i + 2 + noun.length; j < words.length && owner.length < 4 && !OWNER_END.has(words[j] ?? ""); j++) if (!/^\d/u.test(words[j] ?? "")) owner.push(words[j] ?? "");
    return owner.length > 0 ? owner : null;
  }
  return null;
}

/**
 * The committees and boards a text names, as their kind and the syllable that tells them apart ("uy
 * ban|nhan" for Ủy ban nhân dân, "uy ban|kiem", "ban|thuong", "hoi dong|thi"): "Ủy ban", "Hội đồng" in any
 * case, "Ban" capitalised (the verb "ban hành" is not one).
 */
function committeesIn(text: string): Set<string> {
  const words = expandAbbreviations(text).split(/[\s,;:.()"“”]+/u).filter((w) => w !== "");
  const folded = words.map((w) => foldKey(w));
  const found = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const pair = `${folded[i]} ${folded[i + 1] ?? ""}`;
    const head = pair === "uy ban" || pair === "hoi dong" ? pair : words[i] === "Ban" ? "ban" : null;
    if (head === null) continue;
    const at = i + head.split(" ").length;
    // (The first will do, and it survives a typo in the second: "Ban Tổ chứ".)
    const tell = folded[at];
    if (tell !== undefined) found.add(`${head}|${tell}`);
    i = at - 1;
  }
  return found;
}

/**
 * The committees a question names (see committeesIn); an English one names them by the glossary's
 * phrases in its search text ("ban thường vụ", "ủy ban kiểm tra": a "ban" of three syllables or more, so
 * that the verb "ban hành" is none).
 */
function committeesAsked(plan: QueryPlan): Set<string> {
  if (plan.language === "vi") return committeesIn(plan.question);
  const found = new Set<string>();
  for (const phrase of plan.searchText.split(",")) {
    const folded = foldKey(phrase.trim()).split(/\s+/u);
    const head = (folded[0] === "uy" && folded[1] === "ban") || (folded[0] === "hoi" && folded[1] === "dong") ? 2 : folded[0] === "ban" && folded.length >= 3 ? 1 : 0;
    const tell = folded[head];
    if (head > 0 && tell !== undefined) found.add(`${folded.slice(0, head).join(" ")}|${tell}`);
  }
  return found;
}

/**
 * "Ban Thường vụ có bao nhiêu ủy viên?": a unit that names another committee of the kind asked and not
 * the one asked, in the line that counts, counts that committee's members ("Chỉ định bổ sung 03 đồng chí tham
 * gia Ban Chấp hành …").
 */
export function countsOtherCommittee(plan: QueryPlan, text: string): boolean {
  const asked = [...committeesAsked(plan)];
  if (asked.length === 0) return false;
  // (The line that counts: the items listed under it may name other bodies.)
  const counting = text.split("\n").find((line) => COMRADES_COUNTED.test(line)) ?? text;
  const named = [...committeesIn(counting)];
  const kindOf = (body: string): string => body.slice(0, body.indexOf("|"));
  return !asked.some((body) => named.includes(body)) && named.some((body) => asked.some((a) => kindOf(a) === kindOf(body)));
}

/**
 * A committee of the same kind as one the question names, where the text names that one not at all
 * ("Ủy ban Kiểm tra quyết định …" for "Ủy ban nhân dân huyện đã xử lý …"): the other committee, folded, or
 * null. The unit speaks of another body's act.
 */
export function otherCommittee(plan: QueryPlan, text: string, around = ""): string | null {
  const asked = committeesIn(plan.question);
  if (asked.size === 0) return null;
  // (A document the committee asked issues — a decision of the Ủy ban Kiểm tra — speaks of its acts, whoever
  // else its text names: "… đồng chí X, Phó Chủ tịch Ủy ban nhân dân xã".)
  if ([...committeesIn(around)].some((body) => asked.has(body))) return null;
  const named = committeesIn(text);
  for (const body of asked) {
    const kind = body.slice(0, body.indexOf("|"));
    const sameKind = [...named].filter((n) => n.startsWith(`${kind}|`));
    const other = sameKind.find((n) => !asked.has(n));
    if (other !== undefined && !sameKind.some((n) => asked.has(n))) return other.replace("|", " ");
  }
  return null;
}

/** A place named with its level ("xã Khê Hạ", "huyện Đông Vân"): group 1 the level, group 2 the name. */
// (A neighbourhood may be named by its number: "khu phố 7", "tổ dân phố 3", "ấp 2".)
const LEVELLED_PLACE = /(?<!\p{L})(?:(xã|phường|thị trấn|thị xã|huyện|quận|tỉnh|thành phố)\s+((?:\p{Lu}[\p{Ll}\p{M}]*)(?:\s+\p{Lu}[\p{Ll}\p{M}]*){0,2})|([Kk]hu phố|[Tt]ổ dân phố|[Ấấ]p|[Tt]hôn|[Xx]óm|[Bb]ản)\s+(\d{1,3})(?![\d/.,]))/gu;

/** An English question's place with its level after it ("Lãng Khê commune"): group 1 the name, group 2 the level. */
const ENGLISH_LEVELLED_PLACE = /((?:\p{Lu}[\p{L}\p{M}]*\s+){1,3})(commune|ward|township|town|district|province|city)\b/gu;
const ENGLISH_LEVELS: Readonly<Record<string, string>> = { commune: "xa", ward: "phuong", township: "thi_tran", town: "thi_xa", district: "huyen", province: "tinh", city: "thanh_pho" };

/** The places a text names with their level, as "level|folded name" ("xa|lang khe"). */
function levelledPlaces(text: string, english: boolean): string[] {
  if (english) return [...text.matchAll(ENGLISH_LEVELLED_PLACE)].map((m) => `${ENGLISH_LEVELS[(m[2] ?? "").toLowerCase()] ?? ""}|${foldKey((m[1] ?? "").trim())}`);
  return [...text.matchAll(LEVELLED_PLACE)].map((m) => `${foldKey(m[1] ?? m[3] ?? "").replace(/ /gu, "_")}|${foldKey(m[2] ?? m[4] ?? "")}`);
}

/**
 * A place the text names with the level of a place the question names ("xã Khê Hạ" for "xã Lãng Khê",
 * "Lãng Khê commune"), where the text never names the question's: the other place, or null. The unit
 * speaks of another commune, whatever its document's title says.
 */
export function otherPlace(plan: QueryPlan, text: string): string | null {
  const asked = levelledPlaces(plan.question, plan.language === "en");
  if (asked.length === 0) return null;
  const folded = foldKey(text);
  // (A place named by a number is named only with its level: "khu phố 3", not any "3".)
  const named = (place: string): string => {
    const name = place.slice(place.indexOf("|") + 1);
    return /^\d+$/u.test(name) ? `${place.slice(0, place.indexOf("|")).replace(/_/gu, " ")} ${name}` : name;
  };
  if (asked.some((place) => new RegExp(`(?<![a-z0-9])${named(place)}(?![a-z0-9])`, "u").test(folded))) return null;
  for (const place of levelledPlaces(text, false)) {
    const level = place.slice(0, place.indexOf("|"));
    if (asked.some((a) => a.startsWith(`${level}|`)) && !asked.includes(place)) return place.replace("|", " ").replace("_", " ");
  }
  return null;
}

/**
 * A numbered thing the question names ("lần thứ I", "quý III": keys "thu#1", "quy#3") that the text numbers
 * otherwise only ("lần thứ XVII", "quý II"): the text's key, or null. The unit is about another congress or
 * quarter, whatever its context says.
 */
export function otherNumbered(plan: QueryPlan, text: string): string | null {
  const asked = plan.numbers.filter((n) => n.includes("#"));
  if (asked.length === 0) return null;
  const stated = numberedKeys(text);
  for (const key of asked) {
    const other = otherOfKind(key, stated);
    if (other !== null) return other;
  }
  return null;
}

/** The keys of `stated` numbering the same kind of thing as `key` ("quy#2" for "quy#3"); empty when none does. */
function ofKind(key: string, stated: readonly string[]): string[] {
  const word = key.slice(0, key.indexOf("#") + 1);
  return stated.filter((k) => k.startsWith(word));
}

/** The first of `stated` that numbers the kind of `key` otherwise, when none numbers it as `key` does; else null. */
function otherOfKind(key: string, stated: readonly string[]): string | null {
  const same = ofKind(key, stated);
  return same.length > 0 && !same.includes(key) ? (same[0] ?? null) : null;
}

/** A local unit numbered in digits ("Khu phố 4", "tổ dân phố số 12", "Tổ 1", "thôn 3", "ấp 5"), folded: group 1 the unit, group 2 its number. */
const NUMBERED_UNIT_FOLDED = /(?<![a-z\d])(khu pho|to dan pho|tieu khu|khu|to|thon|ap|xom|doi)\s+(?:so\s+)?(\d{1,3})(?![a-z\d]|[/.,:]\d)/gu;

/**
 * A place named by two or more capitalised syllables and a number of one or two digits ("Phước Thành 2",
 * "Hưng Lộc 1": villages split and numbered): group 1 the name, group 2 its number.
 */
const NUMBERED_NAME = /(?<![\p{L}\p{M}\d])(\p{Lu}[\p{Ll}\p{M}]*(?:\s+\p{Lu}[\p{Ll}\p{M}]*)+)\s+(\d{1,2})(?![\p{L}\d]|[/.,:]\d)/gu;

/** The numbered local units a text names, as "khu pho#4", and the numbered places by their last two syllables ("phuoc thanh#2"). */
function numberedUnits(text: string): string[] {
  const named = [...text.matchAll(NUMBERED_NAME)].map((m) => `${foldKey((m[1] ?? "").split(/\s+/u).slice(-2).join(" "))}#${Number(m[2])}`);
  return [...[...foldKey(text).matchAll(NUMBERED_UNIT_FOLDED)].map((m) => `${m[1]}#${Number(m[2])}`), ...named];
}

/**
 * A numbered local unit the question names ("Chi bộ Khu phố 4") where the answer — or, when it numbers none
 * of that kind, the passage up to it — names that kind of unit by other numbers only ("Khu phố 3"): the
 * other unit's name, or null. The 4 of the question found elsewhere ("tháng 4/2026") does not make it the
 * unit asked.
 */
export function otherNumberedUnit(plan: QueryPlan, answer: string, upToAnswer: string): string | null {
  const asked = numberedUnits(plan.question);
  if (asked.length === 0) return null;
  const inAnswer = numberedUnits(answer);
  for (const key of asked) {
    const other = otherOfKind(key, ofKind(key, inAnswer).length > 0 ? inAnswer : numberedUnits(upToAnswer));
    if (other !== null) return other.replace("#", " ");
  }
  return null;
}

// The bound a question asks ("tối thiểu", "ít nhất", "at least" / "tối đa", "không quá", "at most"), folded,
// and the bound a unit states.
const MIN_ASKED = /\b(?:toi thieu|it nhat|at least|minimum)\b/;
const MAX_ASKED = /\b(?:toi da|khong qua|nhieu nhat|at most|maximum|no more than|not more than)\b/;
const MIN_STATED = /\b(?:toi thieu|it nhat|tro len|khong duoi|khong it hon)\b/;
const MAX_STATED = /\b(?:toi da|khong qua|tro xuong|nhieu nhat|khong vuot qua)\b/;

/**
 * Whether a unit states the opposite bound of the one asked and not the asked one: "tối thiểu bao nhiêu
 * năm" is not answered by "tối đa là 1 năm", nor "at most" by "ít nhất".
 */
export function statesOtherBound(plan: QueryPlan, unit: string): boolean {
  const question = foldedQuestion(plan);
  const min = MIN_ASKED.test(question);
  const max = MAX_ASKED.test(question);
  if (min === max) return false;
  const folded = foldedText(unit);
  return min ? MAX_STATED.test(folded) && !MIN_STATED.test(folded) : MIN_STATED.test(folded) && !MAX_STATED.test(folded);
}

/**
 * A pilot: the congress or body chosen to go first as a model ("đại hội điểm", "chi bộ làm điểm", "chỉ đạo
 * điểm", "thí điểm"). Guidance sets its own dates and rules for the pilot. Read with marks in a text ("Thị
 * Diễm" folds as "thí điểm"); folded in a question typed without them.
 */
const PILOT = /(?<!\p{L})(?:(?:đại hội|hội nghị|chi bộ|đảng bộ) (?:làm )?điểm|làm điểm|chỉ đạo điểm|thí điểm)(?!\p{L})|\bpilot/iu;
const PILOT_FOLDED = /\b(?:(?:dai hoi|hoi nghi|chi bo|dang bo) (?:lam )?diem|lam diem|chi dao diem|thi diem)\b|\bpilot/;
/** Words that set the rest apart from the pilot ("các chi bộ còn lại", "các đảng bộ khác"), and a question's "not a pilot". */
const BEYOND_PILOT = /(?<!\p{L})(?:còn lại|khác|toàn bộ|tất cả)(?!\p{L})/u;
const NOT_PILOT_FOLDED = /\bkhong (?:lam|phai) diem\b/;

/**
 * Whether a unit states a figure or date of the pilot only ("Mỗi đảng ủy chọn 01 chi bộ tổ chức đại hội
 * điểm, hoàn thành trước ngày 28/02") while the question asks of congresses in general, or of those not
 * pilots: a clause of it names the pilot and gives a number after it. (A figure given before the pilot is
 * named — "lập 05 đoàn công tác dự kiểm điểm tại các đảng bộ điểm" — is not the pilot's.)
 */
export function speaksOnlyOfPilot(plan: QueryPlan, unit: string): boolean {
  if (asksOfPilot(plan)) return false;
  return spellingOf(unit)
    .split(/[;\n]/u)
    .some((clause) => {
      const at = PILOT.exec(clause);
      return at !== null && /\d/u.test(clause.slice(at.index)) && !BEYOND_PILOT.test(clause);
    });
}

/** Whether a question asks of the pilot (and not of those that are not pilots), read once per question. */
const asksOfPilot = perPlan((plan) => {
  const question = foldedQuestion(plan);
  const asksPilot = hasDiacritics(plan.question) ? PILOT.test(spellingOf(plan.question)) : PILOT_FOLDED.test(question);
  return asksPilot && !NOT_PILOT_FOLDED.test(question);
});

/** The kinds of document, folded, as one alternation ("nghi quyet|huong dan|…"). */
const DOCUMENT_KIND_ALTERNATION = DOCUMENT_KIND_WORDS.map((k) => foldKey(k)).join("|");
/**
 * A Vietnamese question asking of a document by its subject: "Kế hoạch của Ban Thường vụ về kiện toàn tổ
 * chức đảng sau khi hợp nhất xã là kế hoạch số mấy": the subject, after "về", up to a comma or the words
 * that ask (folded).
 */
const ASKED_DOCUMENT_SUBJECT = new RegExp(`\\b(?:${DOCUMENT_KIND_ALTERNATION})\\b[^,?]{0,60}?\\bve (.+?)(?=[,?]|$| (?:la|so|ban hanh|co|do|duoc|vao|ngay|nam|thi|gom|quy dinh) )`);
/** A document a text cites with its subject: "Kế hoạch số 87-KH/TU ngày 17-11-2009 về “xây dựng …”" (folded). */
const CITED_DOCUMENT_SUBJECT = new RegExp(`\\b(?:${DOCUMENT_KIND_ALTERNATION})\\b (?:so )?\\d[^\\s,;]*[^;“”"]{0,40}?\\bve [“"]?([^”";.]+)`, "g");
/** Fewer of the asked subject's words than this share in a cited document's subject: another document. */
const MIN_SUBJECT_SHARED = 0.5;

/**
 * Whether a unit cites documents whose subjects are not the one a question asks the number or date of
 * ("Kế hoạch số 87-KH/TU … về “xây dựng tổ chức đảng … trong các doanh nghiệp tư nhân”" for the plan "về
 * kiện toàn tổ chức đảng sau khi hợp nhất xã"): each cited subject holds fewer than half of the asked
 * subject's content words (three or more).
 */
export function citesOtherSubject(plan: QueryPlan, unit: string): boolean {
  const words = askedDocumentSubject(plan);
  if (words === null) return false;
  const cited = [...foldedText(unit).matchAll(CITED_DOCUMENT_SUBJECT)].map((m) => new Set((m[1] ?? "").split(/[^\p{L}\d]+/u)));
  return cited.length > 0 && cited.every((subject) => words.filter((w) => subject.has(w)).length < MIN_SUBJECT_SHARED * words.length);
}

/**
 * The content words of the subject a Vietnamese question asks a document's number or date by (three or more),
 * read once per question; null when it asks no such thing.
 */
const askedDocumentSubject = perPlan((plan): string[] | null => {
  if (plan.language !== "vi" || (plan.kind !== "date" && !DOCUMENT_NUMBER_QUESTION_FOLDED.test(foldedQuestion(plan)))) return null;
  const asked = ASKED_DOCUMENT_SUBJECT.exec(foldedQuestion(plan))?.[1];
  if (asked === undefined) return null;
  const words = [...new Set(asked.split(/\s+/u).filter((w) => w.length > 0 && !isStopFold(w)))];
  return words.length >= 3 ? words : null;
});

/** A text in lower case with its marks composed, as patterns with marks are written. */
function spellingOf(text: string): string {
  return text.normalize("NFC").toLowerCase();
}

/** A bound said before a number (folded): below it, above it, from it up, up to it. */
const BOUND_BEFORE_NUMBER = /\b(khong duoi|khong it hon|khong qua|khong vuot qua|it hon|duoi|tren|hon|tu|it nhat|toi thieu|toi da|fewer than|less than|under|below|more than|over|above|at least|at most)\s+(\d+|mot|hai|ba|bon|sau|bay|tam|chin|muoi|one|two|three|four|five|six|seven|eight|nine|ten)\b/gu;
const BOUND_KIND: Readonly<Record<string, "below" | "above" | "from" | "upTo">> = {
  duoi: "below", "it hon": "below", "fewer than": "below", "less than": "below", under: "below", below: "below",
  tren: "above", hon: "above", "more than": "above", over: "above", above: "above",
  tu: "from", "it nhat": "from", "toi thieu": "from", "khong duoi": "from", "khong it hon": "from", "at least": "from",
  "toi da": "upTo", "khong qua": "upTo", "khong vuot qua": "upTo", "at most": "upTo",
};
/** Bounds that cannot both hold of one threshold: below a number is not from it up, above it not up to it. */
const CLASHING_BOUNDS: ReadonlyArray<readonly [string, string]> = [["below", "from"], ["above", "upTo"]];
const SMALL_NUMBERS: Readonly<Record<string, number>> = { mot: 1, hai: 2, ba: 3, bon: 4, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/** The bounds each question gives (it is checked against every unit). */
const askedBounds = perPlan((plan) => boundsIn(foldedQuestion(plan)));

/** The bounds a folded text puts on numbers, by the number's value ("dưới 09" → 9 → below). */
function boundsIn(folded: string): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  for (const m of folded.matchAll(BOUND_BEFORE_NUMBER)) {
    const word = m[2] ?? "";
    const value = SMALL_NUMBERS[word] ?? Number(word);
    const kind = BOUND_KIND[m[1] ?? ""];
    if (kind === undefined || !Number.isFinite(value)) continue;
    out.set(value, (out.get(value) ?? new Set()).add(kind));
  }
  return out;
}

/**
 * Whether a unit puts the threshold the question gives on the other side: "Chi bộ có dưới 9 đảng viên chính
 * thức …?" ("fewer than nine") is not answered by "chi bộ có từ 09 đến dưới 30 đảng viên chính thức …".
 */
export function boundsOtherSide(plan: QueryPlan, unit: string): boolean {
  const asked = askedBounds(plan);
  if (asked.size === 0) return false;
  const stated = boundsIn(foldedText(unit));
  for (const [value, kinds] of asked) {
    const there = stated.get(value);
    if (there === undefined || [...kinds].some((k) => there.has(k))) continue;
    if ([...kinds].some((k) => [...there].some((o) => CLASHING_BOUNDS.some(([a, b]) => (a === k && b === o) || (a === o && b === k))))) return true;
  }
  return false;
}

// "không rõ", "chưa xác định", "không biết": what follows is said to be unknown.
const UNKNOWN_MARKERS: ReadonlyArray<readonly string[]> = [["khong", "ro"], ["chua", "ro"], ["khong", "biet"], ["chua", "biet"], ["khong", "xac", "dinh"], ["chua", "xac", "dinh"]];

/**
 * A key term of the question that the unit names only as unknown ("… một bài văn tế không rõ tác giả"
 * does not say who the author of anything is), or null.
 */
export function namedAsUnknown(plan: QueryPlan, unit: string): string | null {
  const tokens = unitTokens(unit);
  const unknownAt = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const marker = UNKNOWN_MARKERS.find((m) => m.every((k, j) => tokens[i + j]?.fold === k));
    if (!marker) continue;
    for (let j = i + marker.length; j < Math.min(tokens.length, i + marker.length + 2); j++) unknownAt.add(j);
  }
  if (unknownAt.size === 0) return null;
  for (const term of plan.terms) {
    if (term.phrase || term.isNumber) continue;
    const at = tokens.flatMap((t, i) => ((term.accent !== null ? t.accent === term.accent : t.fold === term.fold) ? [i] : []));
    if (at.length > 0 && at.every((i) => unknownAt.has(i))) return term.fold;
  }
  return null;
}

// Words that end the indicator a "tỷ lệ …" question names: where, when, whose, the verb.
// ("bao" only as "bao nhiêu": "bảo hiểm" folds to it too.)
const INDICATOR_ENDS_ACCENTED = new Set(["của", "ở", "tại", "trong", "trên", "năm", "là", "đạt", "chiếm", "khoảng", "tính", "đến", "vào", "hiện", "nay", "tháng", "quý", "giai", "nhiệm", "kỳ"]);
const INDICATOR_ENDS_FOLDED = new Set([...INDICATOR_ENDS_ACCENTED].map(foldKey));
const MAX_INDICATOR_SYLLABLES = 8;
// A level word before a name ("xã Hòa Bình"): not "xã hội".
const INDICATOR_PLACES = new Set(["xa", "phuong", "thi", "tinh", "huyen", "quan", "thanh", "thon", "ap", "ban", "buon"]);

/**
 * The syllables of the indicator a percentage question names ("Tỷ lệ hộ cận nghèo của thị xã … là bao
 * nhiêu?" → hộ cận nghèo) that the answer does not hold, or null: a sentence listing other indicators'
 * percentages ("tỷ lệ hộ nghèo 2,17%", "bảo hiểm y tế 91,3%") states none of this one.
 */
export function missingIndicator(plan: QueryPlan, unit: string): string | null {
  if (plan.kind !== "percent" || plan.language !== "vi") return null;
  const tokens = unitTokens(plan.question);
  const at = tokens.findIndex((t, i) => (t.fold === "ty" || t.fold === "ti") && tokens[i + 1]?.fold === "le");
  if (at < 0) return null;
  const accented = plan.accent !== null;
  const capitalised = (k: Token | undefined): boolean => k !== undefined && /^\p{Lu}/u.test(plan.question.slice(k.start, k.end));
  const indicator: Token[] = [];
  for (let i = at + 2; i < tokens.length && indicator.length < MAX_INDICATOR_SYLLABLES; i++) {
    const t = tokens[i] as Token;
    // (A place ends it too: "tỷ lệ người dân xã Hòa Bình tham gia …" names whose rate, not which.)
    const twoSyllableLevel = (t.fold === "thi" || t.fold === "thanh") && ["xa", "tran", "pho"].includes(tokens[i + 1]?.fold ?? "");
    // (Typed in lower case, a question shows no capitals: a place word then ends it whatever follows.)
    const place = capitalised(t) || (INDICATOR_PLACES.has(t.fold) && (capitalised(tokens[twoSyllableLevel ? i + 2 : i + 1]) || !/\p{Lu}/u.test(plan.question)));
    if (t.isNumber || place || (accented ? INDICATOR_ENDS_ACCENTED.has(t.lower) : INDICATOR_ENDS_FOLDED.has(t.fold)) || (t.fold === "bao" && tokens[i + 1]?.fold === "nhieu")) break;
    indicator.push(t);
  }
  if (indicator.length === 0) return null;
  const own = unitTokens(unit);
  // Function words ("đã") and a generic "người" ("tỷ lệ người dân …" is written "tỷ lệ dân …") are not the indicator.
  const stops = stopMask(indicator, accented);
  const missing = indicator.filter((t, i) => !stops[i] && t.fold !== "nguoi" && !own.some((u) => (accented ? u.accent === t.accent : u.fold === t.fold)));
  return missing.length > 0 ? missing.map((t) => t.lower).join(" ") : null;
}

/** The sectors a text names by what is outside them ("ngoài khu vực nhà nước", "ngoài công lập"), folded. */
const OUTSIDE_SECTOR = /\bngoai (?:khu vuc )?(nha nuoc|cong lap)\b|\b(dnnkvnn)\b/gu;
/** The sectors themselves, folded. */
const SECTOR = /\b(nha nuoc|cong lap)\b/gu;

/** The sectors a folded text names as outside ("ngoài nhà nước") and as themselves ("doanh nghiệp nhà nước"). */
function sectorsNamed(folded: string): { outside: Set<string>; inside: Set<string> } {
  const outside = new Set([...folded.matchAll(OUTSIDE_SECTOR)].map((m) => (m[2] !== undefined ? "nha nuoc" : (m[1] ?? ""))));
  const inside = new Set([...folded.replace(OUTSIDE_SECTOR, " ").matchAll(SECTOR)].map((m) => m[1] ?? ""));
  return { outside, inside };
}

/**
 * The sector a unit speaks of the other side of from the question's: "doanh nghiệp ngoài khu vực nhà
 * nước" (private enterprises) asked, "doanh nghiệp nhà nước" (state ones) stated, or the other way round;
 * null when the unit also names the side asked.
 */
export function otherSector(plan: QueryPlan, unit: string): string | null {
  const asked = sectorsNamed(foldedQuestion(plan));
  if (asked.outside.size === 0 && asked.inside.size === 0) return null;
  const said = sectorsNamed(foldedText(unit));
  for (const sector of asked.outside) if (said.inside.has(sector) && !said.outside.has(sector)) return sector;
  for (const sector of asked.inside) if (said.outside.has(sector) && !said.inside.has(sector)) return `ngoai ${sector}`;
  return null;
}

/** Kinds of party cell named after "chi bộ" ("chi bộ thôn", "chi bộ trong doanh nghiệp …"), folded. */
// (A base-level cell, "chi bộ cơ sở", is another kind than one under a base committee, "chi bộ trực thuộc".)
const CELL_KINDS = ["thon", "ban", "to dan pho", "khu pho", "ap", "co quan", "doanh nghiep", "truong hoc", "truong", "quan su", "cong an", "don vi su nghiep", "benh vien", "hop tac xa", "co so", "truc thuoc"];
const CELL_KIND = new RegExp(String.raw`\bchi bo (?:(?:o|trong|tai|cua) )?(?:cac )?(${CELL_KINDS.join("|")})\b`, "gu");

/** The kinds of party cell a folded text names ("thon" in "chi bộ thôn, bản"). */
function cellKinds(folded: string): Set<string> {
  return new Set([...folded.matchAll(CELL_KIND)].map((m) => m[1] ?? ""));
}

/**
 * The kind of party cell a unit speaks of where the question asks of another: "chi ủy viên chi bộ thôn,
 * bản … không quá 55 tuổi" is no rule for "chi bộ trong doanh nghiệp". Null when the unit names no kind
 * of cell or names the one asked too.
 */
export function otherCellKind(plan: QueryPlan, unit: string): string | null {
  const asked = cellKinds(foldedQuestion(plan));
  if (asked.size === 0) return null;
  const folded = foldedText(unit);
  const said = cellKinds(folded);
  if (said.size === 0 || [...asked].some((kind) => said.has(kind) || spacedWords(folded).includes(` ${kind} `))) return null;
  return [...said].join(", ");
}

/** A share said in words, as voting rules say it ("quá một nửa", "hai phần ba", "quá bán"). */
const SHARE_IN_WORDS = /(?:^|[^\p{L}])(?:(?:quá|hơn|ít nhất|không dưới)\s+)?(?:một nửa|(?:hai|ba|bốn)\s+phần\s+(?:ba|tư|năm)|quá bán)(?!\p{L})/iu;

/** A question asking which form of discipline was imposed ("bị kỷ luật bằng hình thức gì", "what disciplinary measure"), folded. */
const DISCIPLINE_FORM_ASKED = /\bky luat\b.*\bhinh thuc (?:gi|nao)\b|\bhinh thuc ky luat (?:gi|nao|la gi)\b|\bbi ky luat (?:gi|the nao|ra sao)\b|\bwhat disciplinary (?:form|measure|penalty|sanction|action)\b|\bwhat (?:form|measure|penalty|sanction) of (?:party )?discipline\b|\bhow (?:was|were) .* disciplined\b/u;

/** Whether the question asks which form of discipline was imposed and the unit names none ("xem xét xử lý kỷ luật"). */
export function namesNoDisciplineForm(plan: QueryPlan, unit: string): boolean {
  return DISCIPLINE_FORM_ASKED.test(foldedQuestion(plan)) && !DISCIPLINE_FORMS.test(unit);
}

/** Whether the question asks about what is not done or not allowed and the unit negates nothing. */
export function missesNegation(plan: QueryPlan, unit: string): boolean {
  return asksWhatIsNotDone(plan) && !negates(unit);
}

/** A Sino-Vietnamese prefix that makes the word after it its opposite ("bất thường", "phi chính thức"). */
const NEGATING_PREFIXED = /(?<!\p{L})(bất|phi)\s+(\p{L}+)/giu;

/**
 * Whether the question says a word with a negating prefix ("hội nghị bất thường") and the unit says the word
 * only without it ("hội nghị thường lệ"): the unit speaks of the opposite.
 */
export function dropsNegatingPrefix(question: string, unit: string): boolean {
  const lower = unit.toLowerCase();
  // (Typed without diacritics, "phi" is as likely "phí": "dang phi thu duoc" asks of the party fee collected.)
  const folded = foldKey(question) === question.toLowerCase();
  for (const [, prefix = "", word = ""] of question.matchAll(NEGATING_PREFIXED)) {
    if (folded && prefix.toLowerCase() === "phi") continue;
    const bare = new RegExp(`(?<!\\p{L})${word.toLowerCase()}(?!\\p{L})`, "u");
    if (bare.test(lower) && !new RegExp(`(?<!\\p{L})${prefix.toLowerCase()}\\s+${word.toLowerCase()}(?!\\p{L})`, "u").test(lower)) return true;
  }
  return false;
}

/** Whether the question asks what is not done or not allowed (what an answer must negate). */
export function asksWhatIsNotDone(plan: QueryPlan): boolean {
  // A time asked about something described by a negation ("các chi bộ nhiều năm không kết nạp được đảng
  // viên … trước ngày nào?") asks a date, not what is not done.
  if (plan.kind === "date" || plan.kind === "when" || plan.kind === "duration") return false;
  return asksNegated(plan);
}

/** Whether a text negates ("không", "chưa", …): what a question asking what is not done needs. */
export function negates(text: string): boolean {
  return NEGATION.test(text);
}

/** Whether the question asks what is not done, memoised per plan (missesNegation runs for every unit). */
const asksNegated = perPlan((plan): boolean => NEGATED_QUESTION_FOLDED.test(withoutLookalikes(plan)));

/** Negations and the syllables that fold like them ("sửa chữa", "chùa", "khống chế"). */
const NEGATION_FOLDS = new Set(["khong", "chua", "chang"]);
const NEGATION_WORDS = new Set(["không", "chưa", "chẳng"]);

/**
 * The folded question with the syllables that fold like a negation but are written otherwise ("chữa",
 * "chùa") left out: only a negation typed as one, or typed without marks, makes the question negated.
 */
function withoutLookalikes(plan: QueryPlan): string {
  const folded = foldedQuestion(plan);
  if (!/\b(?:khong|chua|chang)\b/u.test(folded)) return folded;
  const words = plan.question.split(/(?<=[^\p{L}\p{M}])|(?=[^\p{L}\p{M}])/u);
  return foldKey(words.map((w) => (NEGATION_FOLDS.has(foldKey(w)) && foldKey(w) !== w.toLowerCase() && !NEGATION_WORDS.has(w.toLowerCase().normalize("NFC")) ? "·" : w)).join(""));
}

/**
 * Whether a unit announces the list a "những X nào" question asks for: X followed by "gồm", "bao gồm" or
 * a colon ("Các hình thức khen thưởng bao gồm: Huân chương …").
 */
export function announcesList(plan: QueryPlan, unit: string): boolean {
  return listAnnouncement(plan)?.test(foldedText(unit)) ?? false;
}

/** The folded words that announce a list of what a list question asks ("<noun> gồm", "<noun> như sau:"), made once per plan. */
const listAnnouncement = perPlan((plan): RegExp | null => {
  if (plan.kind !== "list" || !plan.askedNoun || plan.askedNoun.length === 0) return null;
  const noun = plan.askedNoun.map((k) => k.fold).join(" ");
  return new RegExp(`(?:^|[^a-z])${noun}(?: (?:như sau|nhu sau|sau day|duoc|se))?(?:\\s*:| (?:bao )?gom\\b)`, "u");
});

const DOCUMENT_KINDS_FOLDED = new RegExp(`\\b(?:${DOCUMENT_KIND_ALTERNATION})\\b`);

/** Whether a question asks for the number of a document it names by kind. */
function asksDocumentNumber(plan: QueryPlan): boolean {
  const question = foldedQuestion(plan);
  // "What's the number of the district's submission …": in English, the document is named in its words.
  if (plan.language === "en") return ENGLISH_DOCUMENT_NUMBER_QUESTION.test(plan.question) && DOCUMENT_KINDS_FOLDED.test(foldKey(plan.searchText));
  return DOCUMENT_NUMBER_QUESTION_FOLDED.test(question) && DOCUMENT_KINDS_FOLDED.test(question);
}

/** "What is the number of …", "which number does … carry" (a document's number, not "how many"). */
const ENGLISH_DOCUMENT_NUMBER_QUESTION = /\b(?:what|which)(?:['’]s| is| was)? (?:the )?(?:document |reference |official )?number of\b|\bwhat number\b/iu;

/** Whether a count question asks for an amount of money ("bao nhiêu tiền", "bao nhiêu tiền đảng phí"). */
export const asksMoney = perPlan((plan): boolean => {
  const noun = (plan.countedNoun ?? []).map((k) => k.fold).join(" ");
  // "bao nhiêu tiền"; "how much budget revenue / funding / party dues" (an amount of money, however named).
  return noun.startsWith("tien") || (plan.language !== "en" && MONEY_SUBJECTS_FOLDED.some((m) => m.join(" ") === noun)) || (plan.language === "en" && /\bhow much\b/i.test(plan.question) && (MONEY_NOUNS_FOLDED.some((m) => noun.startsWith(m)) || ENGLISH_MONEY_AFTER_HOW_MUCH.test(plan.question)));
});

/** "How much (provincial) budget / money / funding …": an amount of money, whatever word comes first. */
const ENGLISH_MONEY_AFTER_HOW_MUCH = /\bhow much (?:\w+ ){0,2}(?:budget|money|funding|funds?|cost|costs|expenditure|spending|allowance|bonus|prize money|fees?|dues|salary|pay|revenue|income|capital|investment)\b/i;

/** What an amount of money is named as (folded): "ngân sách", "kinh phí", "vốn", "đảng phí" … */
const MONEY_NOUNS_FOLDED = ["tien", "ngan sach", "kinh phi", "von", "chi phi", "dang phi", "phi", "thu nhap", "luong", "doanh thu", "thu ngan sach", "thu", "muc thuong", "gia tri"];

// "… (có|được|phải|cần|đã) … không/ko/chưa?" at the end, or "hay không", "có phải", "phải không" anywhere (folded).
const VIETNAMESE_YES_NO = /\b(?:co|duoc|phai|can|nen|da|bi)\b.*\b(?:khong|ko|k|chua)\s*[?.!]*\s*$|\bhay (?:khong|ko|chua)\b|\bco phai\b|\bphai (?:khong|ko)\b/;
// An English question opened (or, after "According to …,", continued) by an auxiliary verb.
const ENGLISH_YES_NO = /(?:^|,\s*)(?:must|can|may|is|are|was|were|does|do|did|should|will|has|have|could|would|shall)\s/;

/** Whether a date or time question asks for a deadline. */
export function asksDeadline(plan: QueryPlan): boolean {
  return (plan.kind === "date" || plan.kind === "when") && DEADLINE_QUESTION_FOLDED.test(foldedQuestion(plan));
}

/** "đã" (accented): the question asks of something done, a fact of the past. */
const DONE_ASKED = /(?<!\p{L})đã(?!\p{L})/iu;
/** An act that opens something ("khởi công", "khai mạc"): the day it opens is no deadline to finish by. */
const OPENING_ASKED = /(?<!\p{L})(?:khởi công|khai mạc|khai giảng|khởi động)(?!\p{L})/iu;
/** A deadline with what follows it up to the clause's end ("hoàn thành trước ngày 28/02/2026"). */
const DEADLINE_CLAUSE = new RegExp(`${DEADLINE_SET.source}[^,;.]*`, "giu");
/** A date or month written in figures ("28/02/2026", "ngày 5", "tháng 3"). */
export const A_DATE = /\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|(?<!\p{L})(?:ngày|tháng)\s+\d/iu;

/**
 * Whether a unit answers "… đã bầu … vào ngày nào?" only with a deadline ("… tổ chức kỳ họp bầu …, hoàn
 * thành trước ngày 28/02/2026"): a date set for an act is not the day it was done, nor the day a work opens
 * ("… sẽ khởi công vào ngày nào?").
 */
export function givesOnlyDeadline(plan: QueryPlan, unit: string): boolean {
  if ((plan.kind !== "date" && plan.kind !== "when") || asksDeadline(plan) || !(DONE_ASKED.test(plan.question) || OPENING_ASKED.test(plan.question)) || !DEADLINE_SET.test(unit)) return false;
  return !A_DATE.test(unit.replace(DEADLINE_CLAUSE, " "));
}

/** A question asking when something starts (folded): "bắt đầu từ ngày nào", "tính từ khi nào", "from what date". */
const START_ASKED = /\b(?:bat dau|tinh|ke) ?(?:tu )?(?:ngay|thoi diem|thoi gian|khi|luc) nao\b|\b(?:bat dau|ke) tu (?:ngay|thang|thoi diem|khi|luc) (?:nao|may)\b|\bfrom (?:what|which) (?:date|day|month|time)\b|\bstart(?:s|ing)? (?:counting )?(?:from )?(?:when|what date|which date)\b/u;
/** A date said as an end ("đến ngày 30/9/2026", "tính đến 30/9", "trước ngày", "chậm nhất ngày"), folded. */
const END_DATE = /\b(?:den|toi|truoc|cham nhat(?: la)?|het)\s+(?:ngay\s+)?\d{1,2}(?:[/-]\d{1,2})?(?![\d.,]\d)/gu;
/** Any date in figures, folded. */
const ANY_DATE = /\bngay\s+\d{1,2}(?:[/-]\d{1,2}(?:[/-]\d{2,4})?)?|(?<![\d.,])\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?/gu;

/**
 * Whether a unit answers a question asking when something starts ("… được tính bắt đầu từ ngày nào?") only
 * with dates that end something ("số liệu tính đến ngày 30/9/2026", "hoàn thành trước ngày 15/10"): the other
 * end of the period.
 */
export function givesOnlyEndDate(plan: QueryPlan, unit: string): boolean {
  if ((plan.kind !== "date" && plan.kind !== "when") || !START_ASKED.test(foldedQuestion(plan))) return false;
  const folded = foldedText(unit);
  const dates = folded.match(ANY_DATE)?.length ?? 0;
  const ends = folded.match(END_DATE)?.length ?? 0;
  return dates > 0 && ends >= dates;
}

/**
 * Whether a question asks yes or no ("… có được để chung với bản gốc không?", "… hay không", "có phải …",
 * "Must an urban area …?", "According to …, can a member …?"): its answer is the statement that decides,
 * subject and verb included.
 */
export function asksYesOrNo(plan: QueryPlan): boolean {
  const folded = foldedQuestion(plan);
  return plan.language === "en" ? ENGLISH_YES_NO.test(folded) : VIETNAMESE_YES_NO.test(folded);
}

/**
 * Which of a deadline question's terms name the deadline itself ("hạn chót", "thời hạn", English
 * "deadline" → thời hạn): a unit that sets one ("trước ngày 26/11/2025", "chậm nhất …") states them.
 */
export function deadlineTerms(plan: QueryPlan): boolean[] {
  if (!asksDeadline(plan)) return plan.terms.map(() => false);
  // ("chậm nhất" too: "… chậm nhất ngày nào?" is answered by "trước ngày 31/3/2025".)
  return plan.terms.map((t, i) => t.fold === "han" || (t.fold === "chot" && plan.terms[i - 1]?.fold === "han") || (t.fold === "thoi" && plan.terms[i + 1]?.fold === "han") || (t.fold === "cham" && plan.terms[i + 1]?.fold === "nhat") || (t.fold === "nhat" && plan.terms[i - 1]?.fold === "cham"));
}

/** A question asking from when something starts, counts or takes effect (folded). */
const STARTING_POINT_QUESTION_FOLDED = /\b(?:tu|ke tu|tinh tu|bat dau(?: tu)?) (?:ngay|thoi diem|luc|khi) nao\b|\bhieu luc\b|\btinh tu\b|\bfrom (?:what|which) (?:date|day|point)\b|\b(?:effective|take effect|takes effect|counted from|start(?:s|ed)? from)\b/u;

/** Whether the kind of fact asked for is present at all in a unit. */
export function answersKind(plan: QueryPlan, unit: string): boolean {
  // "Điều mấy quy định …": the answer names the article.
  if (plan.asksArticle && !/(?:^|[^\p{L}])(?:Điều|Chương|Mục|Phần)\s+[\dIVXLC]+/u.test(unit)) return false;
  // "Báo cáo … mang số mấy, ngày nào?": the document's number is asked, and a text that gives none (a
  // count, a year) does not answer; a line of the document's header answers for its own field.
  if (asksDocumentNumber(plan) && !DOCUMENT_NUMBER.test(unit) && !HEADER_FIELDS.some((f) => unit.startsWith(`${f.label}:`))) return false;
  if (plan.kind === "count") return DIGIT.test(unit) || hasNumberWord(unit);
  // "tính từ ngày ghi trong quyết định": a date described rather than given also answers.
  if (asksDeadline(plan) && !DEADLINE_SET.test(unit)) return false;
  if (plan.kind === "date" || plan.kind === "when") {
    const own = uncited(unit, plan, true);
    // A year alone ("nhiệm kỳ 2026 - 2031", "quý II năm 2025") answers "năm nào", not "ngày nào".
    const dayAsked = DAY_QUESTION_FOLDED.test(foldedQuestion(plan));
    if (statesDate(own, plan, !dayAsked, dayAsked)) return true;
    // (A day of every month, "ngày 20 hằng tháng", is a day given; a day described, "kể từ ngày Quyết định
    // này có hiệu lực", answers when something starts or takes effect, and a deadline set from an event,
    // "chậm nhất sau một tháng kể từ ngày nhận được quyết định", but not on which day an event is held.)
    if (plan.kind === "date") return /(?:^|\s)ngày\s+\d/iu.test(own) || ((STARTING_POINT_QUESTION_FOLDED.test(foldedQuestion(plan)) || asksDeadline(plan)) && /(?:^|\s)ngày\s/iu.test(own));
    // "chậm nhất là khi nào" is answered by a deadline set relative to something ("chậm nhất trong 09 tháng đầu").
    return CONDITION.test(own) || asksDeadline(plan);
  }
  // A percentage, or a ratio ("46/184"): the word "tỷ lệ" alone states none.
  // (A document number "135/2020/NĐ-CP" or a date "31/12/2020" is no ratio.)
  if (plan.kind === "percent") return /%|phần trăm|(?<![\d/])\d+\/\d+(?![\d/\-\p{L}])/iu.test(unit) || SHARE_IN_WORDS.test(unit);
  // "bao lâu một lần", "how often": a frequency ("03 tháng một lần", "mỗi tháng"), not a length of time.
  if (plan.kind === "duration") return FREQUENCY_ASKED_FOLDED.test(foldedQuestion(plan)) ? statesFrequency(unit) : statesDuration(unit);
  // "Vì sao …?": a fact without its cause ("… thấp hơn chỉ tiêu đề ra") is no reason.
  if (plan.kind === "reason") return REASON_STATED.test(unit);
  // "Ai ký …": the signer is who the text says signed; a person merely named near the document is not.
  if (plan.kind === "who" && asksSigning(plan.question) && !/(?:^|[^\p{L}])ký(?!\p{L})/iu.test(unit)) return false;
  // "Công ty nào", "Bộ nào": a body of that kind ("Bộ Tư pháp"); "cơ quan nào", "đơn vị nào": any body.
  const kindOfBody = plan.kind === "who" && plan.askedNoun ? bodyKindAsked(plan.askedNoun) : null;
  if (kindOfBody && !hasPhrase(termSets(unit), kindOfBody)) return false;
  // "Mô hình … tên là gì?": a name given in quotation marks ("Thôn sạch, đường hoa") is the name asked.
  if (plan.kind === "who" && NAME_ASKED_FOLDED.test(foldedQuestion(plan)) && QUOTED_NAME.test(unit)) return true;
  // (A header's signer line names the person who signed, whatever their name.)
  if (plan.kind === "who" && unit.startsWith("Người ký:")) return true;
  // ("… hiện nay là đồng chí nào?" asks who the holder is: an office, "đồng chí Trưởng ban …", names nobody.)
  if (plan.kind === "who") return namesActor(unit, plan) >= (IDENTITY_ASKED_FOLDED.test(foldedQuestion(plan)) ? 3 : plan.actor === "person" ? 2 : 1);
  // "Ở tỉnh nào", "in which city": a place by its name; "ở đâu": a named place or where something is kept.
  // (Minutes and plans label it: "Địa điểm: Phòng họp Hội đồng sư phạm, Trường THCS Lộc Vân".)
  if (plan.kind === "where") return PLACE_NAMED.test(unit) || labelAnswers(plan, unit) || (!NAMED_PLACE_QUESTION_FOLDED.test(foldedQuestion(plan)) && LOCATIVE.test(unit));
  return true;
}

/** Words that give a cause or a purpose ("do", "vì", "nguyên nhân", "nhằm", "để", "với mục tiêu"). */
const REASON_STATED = /(?:^|[^\p{L}])(?:do|vì|bởi|tại|nguyên nhân|lý do|nhằm|để|mục tiêu|mục đích)(?![\p{L}])/iu;

const unitLevels = new TextMemo<string[]>();

/** The levels a text names ("cấp xã", "tỉnh", "Trung ương"), memoised: units are checked for every question. */
export function levelsIn(text: string): string[] {
  return unitLevels.get(text, (u) => levelsOf(unitTokens(u)));
}

// "Ở cấp xã, …", "Tại cấp tỉnh, …", "Đối với cấp huyện, …" at the start of a unit (after any numbering).
const OPENING_LEVEL = /^(?:[-–•+*]\s*|(?:\d+(?:\.\d+)*[.)]|[a-zđ]\))\s*)?(?:ở|tại|đối với)\s+cấp\s+([^,;:.]{1,30})[,;:]/iu;

/** Administrative levels by rank (folded keys as `levelsIn` gives them): a commune is below a district. */
const LEVEL_RANK: Readonly<Record<string, number>> = { tinh: 3, huyen: 2, quan: 2, thi_xa: 2, xa: 1, phuong: 1, thi_tran: 1 };

/**
 * Whether a unit speaks only of other levels than the question's ("cấp tỉnh" asked, "Trung ương" stated),
 * its section and document title (`around`) naming none of the question's either, or, for a figure asked, only
 * levels below the question's, whatever its section and title name.
 */
export function contradictsLevel(plan: QueryPlan, unit: string, around = ""): boolean {
  if (plan.levels.length === 0) return false;
  // A unit that opens by setting its level ("Ở cấp xã, …") speaks of that level, whatever it names later
  // ("… chọn thí sinh dự thi cấp tỉnh").
  const setting = OPENING_LEVEL.exec(unit)?.[1];
  const settingLevels = setting === undefined ? [] : levelsIn(`cấp ${setting}`);
  if (settingLevels.length > 0) return !settingLevels.some((l) => plan.levels.includes(l));
  const levels = levelsIn(unit);
  if (levels.length === 0 || levels.some((l) => plan.levels.includes(l))) return false;
  // A figure of a unit that names only levels below the one asked is a part's ("Đảng bộ xã kết nạp 118 đảng
  // viên" in a district's report), whatever its section or title names. (Which parts — "những chi bộ nào" —
  // are named by their lower levels.)
  const rank = (l: string): number | undefined => LEVEL_RANK[l];
  const askedRanks = plan.levels.map(rank);
  const figureAsked = plan.kind === "count" || plan.kind === "percent";
  if (figureAsked && askedRanks.every((r) => r !== undefined) && levels.every((l) => (rank(l) ?? Infinity) < Math.min(...(askedRanks as number[])))) return true;
  // A unit of a commune's report that names the province ("chỉ tiêu Tỉnh ủy giao") still speaks of the
  // commune its section or document title names.
  return !levelsIn(around).some((l) => plan.levels.includes(l));
}

// Section titles that begin like a body's name but name none ("Tổ chức thực hiện").
const NOT_AN_ACTOR_HEADING = /^(?:tổ chức thực hiện|tổ chức triển khai|trách nhiệm|nhiệm vụ|phân công|kinh phí|hiệu lực)/iu;
// A heading's numbering ("1.", "2.3.", "a)", "II.", an article's "Điều 7."), followed by space.
const NUMBERING_MARK = String.raw`(?:\d+(?:\.\d+)*[.)]|[a-zđ]\)|[IVXLC]+\.|Điều \d+[a-zđ]?\.)\s`;
const NUMBERING = new RegExp(`^${NUMBERING_MARK}+`, "u");
// A context's headings are joined by ". ": the last one starts after the last ". " before a numbering.
const BEFORE_NUMBERED_HEADING = new RegExp(`\\.\\s+(?=${NUMBERING_MARK})`, "u");

/**
 * The body a section's nearest heading names, when that heading is only a name ("1. Sở Y tế",
 * "7. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam thành phố"), else null.
 */
/**
 * The article (or chapter, section) heading a passage's context ends in ("Chương I. QUY ĐỊNH CHUNG. Điều 12.
 * Chế độ ký văn bản" → "Điều 12. Chế độ ký văn bản"): what answers "Điều mấy quy định về …", or null.
 */
export function articleHeading(context: string): string | null {
  const parts = [...context.matchAll(/(?:^|\.\s)((?:Điều|Chương|Mục|Phần)\s+[\dIVXLC]+[a-zđ]?\b.*?)(?=\.\s(?:Điều|Chương|Mục|Phần)\s+[\dIVXLC]|$)/gu)];
  const article = parts.map((m) => m[1] ?? "").reverse();
  return article.find((a) => a.startsWith("Điều")) ?? article[0] ?? null;
}

/** A line that opens by naming a person ("Đồng chí Lê Anh Tuấn - Ủy viên Ban Thường vụ, …"). */
function namesLeadPerson(line: string): boolean {
  return PERSON_OPENING.test(line) && line.length <= MAX_PERSON_LEAD_CHARS && actorsOf(line).people.length > 0;
}

const PERSON_OPENING = new RegExp(`^${PERSON_TITLE_OPENING}`, "u");

/**
 * The person a passage's items are about: its first line, when it names one and items follow it
 * ("2. Đồng chí Mai Thị Bích Ngân - Phó Bí thư …" / "- Phụ trách công tác …"), or null.
 */
export function passagePersonLead(text: string): string | null {
  const end = text.indexOf("\n");
  if (end < 0) return null;
  const lead = text.slice(0, end).replace(NUMBERING, "").replace(/[:.;]\s*$/u, "").trim();
  return namesLeadPerson(lead) ? lead : null;
}

/**
 * The heading right over a passage when it dates what the passage says ("Bước 2. Ban hành quyết định (hoàn
 * thành trước ngày 10/01/2025)" over "Ban Thường vụ … ban hành các quyết định …"), or null.
 */
export function headingTime(context: string): string | null {
  const last = context.split(BEFORE_HEADING).pop()?.trim() ?? "";
  return last.length > 0 && last.length <= MAX_TIME_HEADING_CHARS && last !== context.trim() && A_DATE.test(last) ? last : null;
}

/** Longest heading read as dating the passage under it. */
const MAX_TIME_HEADING_CHARS = 140;
/** Where a numbered or step heading starts in a section context (headings are joined by ". "). */
const BEFORE_HEADING = /\.\s+(?=(?:\d+(?:\.\d+)*[.)]|[a-zđ]\)|[IVXLC]+\.|Bước \d|Giai đoạn \d)\s?)/u;

export function headingActor(context: string): string | null {
  return headingActorCache.get(context, readHeadingActor);
}

const headingActorCache = new TextMemo<string | null>();

function readHeadingActor(context: string): string | null {
  // "Điều 15. Trách nhiệm của Công an thành phố": the duties that follow are that body's.
  const dutiesOf = context.match(/(?:^|\.\s)(?:Trách nhiệm|Nhiệm vụ|Nhiệm vụ, quyền hạn)(?: cụ thể)? của (\p{Lu}[^.]{1,80})$/u)?.[1]?.trim();
  if (dutiesOf && BODY_OR_ROLE.exec(dutiesOf)?.index === 0) return dutiesOf;
  const last = context.split(BEFORE_NUMBERED_HEADING).pop() ?? "";
  const heading = last.replace(NUMBERING, "").replace(/[:.;]\s*$/u, "").trim();
  // "2. Đồng chí Mai Thị Bích Ngân - Phó Bí thư Thường trực Tỉnh ủy": the duties below are hers.
  if (namesLeadPerson(heading)) return heading;
  if (heading.length === 0 || heading.length > 90 || !/^\p{Lu}/u.test(heading) || NOT_AN_ACTOR_HEADING.test(heading)) return null;
  const body = BODY_OR_ROLE.exec(heading.replace(/^Đề nghị\s+/u, ""));
  return body !== null && body.index === 0 ? heading : null;
}
