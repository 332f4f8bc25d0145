/**
 * Words that let a follow-up message be read against the previous question ("còn phường thì sao?",
 * "văn bản đó ai ký?"). What may be added here: general vocabulary of the domain — kinds of
 * administrative unit, party organisation, leadership body, role, aspect asked about, document type —
 * and the conversational phrases that mark a follow-up. Every entry must be a word any question of its
 * kind could use; an entry added to make one test question pass is a defect.
 *
 * Vietnamese phrases are written with diacritics; a message typed without them matches too.
 */
import { ORDINAL_VALUES } from "../text/vietnamese.js";

/** Kinds of element a follow-up can replace in the previous question. */
export type SlotType =
  /** Administrative units and levels: xã, phường, huyện, tỉnh, cấp xã… */
  | "admin"
  /** Party organisations by type: chi bộ, đảng bộ, tổ chức cơ sở đảng… */
  | "party-unit"
  /** Leadership and standing bodies: Bộ Chính trị, ban thường vụ, cấp ủy, đại hội… */
  | "body"
  /** People by role: đảng viên, bí thư, cán bộ… */
  | "role"
  /** What is asked about something: nhiệm vụ, quyền, tiêu chuẩn, nhiệm kỳ… */
  | "aspect"
  /** Forms of party discipline (Điều lệ Đảng): khiển trách, cảnh cáo, cách chức, khai trừ, giải tán. */
  | "discipline"
  /** A year: 2020, "năm 2020". */
  | "year"
  /** A date: 19/11/2025. */
  | "date"
  /** A numbered part of a document: Điều 5, Chương II, khoản 3. */
  | "section"
  /** An ordinal: thứ hai, thứ 3, second. */
  | "ordinal"
  /** A proper name of a place (two or more capitalised syllables): Gia Lai, Krông Bông. */
  | "place"
  /** A document named by its number: "Quy định 11-QĐi/TW", "Chỉ thị số 35-CT/TW". */
  | "document"
  /** Any other number. */
  | "number";

/** A word of a slot type, in Vietnamese and its English forms. */
export interface SlotWord {
  vi: string;
  en?: readonly string[];
}

/** Interchangeable words by type; longer phrases win over shorter ones they contain ("chi bộ cơ quan" over "chi bộ"). */
export const SLOT_WORDS: Readonly<Record<"admin" | "party-unit" | "body" | "role" | "aspect" | "discipline", readonly SlotWord[]>> = {
  admin: [
    { vi: "xã", en: ["commune", "communes"] },
    { vi: "phường", en: ["ward", "wards"] },
    { vi: "thị trấn", en: ["town", "towns", "township", "townships"] },
    { vi: "huyện", en: ["district", "districts"] },
    { vi: "quận", en: ["urban district", "urban districts"] },
    { vi: "thị xã", en: ["district-level town", "district-level towns"] },
    { vi: "thành phố", en: ["city", "cities"] },
    { vi: "tỉnh", en: ["province", "provinces"] },
    { vi: "thôn", en: ["village", "villages", "hamlet", "hamlets"] },
    { vi: "buôn" },
    { vi: "bản" },
    { vi: "ấp" },
    { vi: "làng" },
    { vi: "tổ dân phố", en: ["residential group", "residential groups"] },
    { vi: "khu phố", en: ["quarter", "quarters"] },
    { vi: "đặc khu", en: ["special zone", "special zones"] },
    { vi: "cấp xã", en: ["commune level"] },
    { vi: "cấp huyện", en: ["district level"] },
    { vi: "cấp tỉnh", en: ["provincial level"] },
    { vi: "cấp cơ sở", en: ["grassroots level"] },
    { vi: "trung ương", en: ["central level"] },
    { vi: "cơ sở", en: ["grassroots"] },
  ],
  "party-unit": [
    { vi: "chi bộ", en: ["party cell", "party cells", "cell", "cells"] },
    { vi: "chi bộ cơ quan", en: ["agency party cell", "agency party cells"] },
    { vi: "chi bộ thôn", en: ["village party cell", "village party cells"] },
    { vi: "chi bộ cơ sở", en: ["grassroots party cell", "grassroots party cells"] },
    { vi: "chi bộ trực thuộc" },
    { vi: "đảng bộ", en: ["party committee", "party committees", "party organisation", "party organization"] },
    { vi: "đảng bộ cơ sở", en: ["grassroots party organisation", "grassroots party organization"] },
    { vi: "đảng bộ bộ phận", en: ["sub-organisation", "sub-organization"] },
    { vi: "tổ chức cơ sở đảng", en: ["grassroots party organisations", "grassroots party organizations"] },
    { vi: "tổ đảng", en: ["party group", "party groups"] },
  ],
  body: [
    { vi: "Bộ Chính trị", en: ["politburo"] },
    { vi: "Ban Bí thư", en: ["secretariat"] },
    { vi: "Ban Chấp hành Trung ương", en: ["central committee"] },
    { vi: "Đại hội đại biểu toàn quốc", en: ["national congress"] },
    { vi: "Quân ủy Trung ương", en: ["central military commission"] },
    { vi: "ban chấp hành", en: ["executive committee"] },
    { vi: "ban thường vụ", en: ["standing committee", "standing board"] },
    { vi: "cấp ủy", en: ["party committee level"] },
    { vi: "đảng ủy" },
    { vi: "tỉnh ủy", en: ["provincial party committee"] },
    { vi: "thành ủy", en: ["city party committee"] },
    { vi: "huyện ủy", en: ["district party committee"] },
    { vi: "quận ủy" },
    { vi: "thị ủy" },
    { vi: "ủy ban kiểm tra", en: ["inspection committee", "inspection commission"] },
    { vi: "đại hội", en: ["congress"] },
    { vi: "đại hội đại biểu", en: ["congress of delegates"] },
    { vi: "đại hội đảng viên", en: ["congress of members"] },
    { vi: "hội nghị", en: ["conference"] },
    { vi: "văn phòng", en: ["office"] },
    { vi: "ban tổ chức", en: ["organisation commission", "organization commission"] },
  ],
  role: [
    { vi: "đảng viên", en: ["party member", "party members", "member", "members"] },
    { vi: "đảng viên chính thức", en: ["full member", "full members"] },
    { vi: "đảng viên dự bị", en: ["probationary member", "probationary members"] },
    { vi: "bí thư", en: ["secretary", "secretaries"] },
    { vi: "phó bí thư", en: ["deputy secretary", "deputy secretaries"] },
    { vi: "tổng bí thư", en: ["general secretary"] },
    { vi: "cấp ủy viên", en: ["committee member", "committee members"] },
    { vi: "ủy viên" },
    { vi: "chủ tịch", en: ["chairman", "chair", "president"] },
    { vi: "cán bộ", en: ["cadre", "cadres", "official", "officials"] },
    { vi: "công chức", en: ["civil servant", "civil servants"] },
    { vi: "đại biểu", en: ["delegate", "delegates"] },
    { vi: "chánh văn phòng", en: ["chief of office"] },
  ],
  aspect: [
    { vi: "nhiệm vụ", en: ["duty", "duties", "task", "tasks"] },
    { vi: "quyền", en: ["right", "rights"] },
    { vi: "quyền hạn", en: ["power", "powers"] },
    { vi: "chức năng", en: ["function", "functions"] },
    { vi: "trách nhiệm", en: ["responsibility", "responsibilities"] },
    { vi: "tiêu chuẩn", en: ["criterion", "criteria", "standard", "standards"] },
    { vi: "điều kiện", en: ["condition", "conditions"] },
    { vi: "nhiệm kỳ", en: ["term"] },
    { vi: "thẩm quyền", en: ["authority"] },
    { vi: "cơ cấu", en: ["structure"] },
    { vi: "thời hạn", en: ["time limit", "deadline"] },
    { vi: "số lượng", en: ["number"] },
    { vi: "quyền lợi", en: ["benefit", "benefits"] },
  ],
  discipline: [
    { vi: "khiển trách", en: ["reprimand"] },
    { vi: "cảnh cáo", en: ["warning"] },
    { vi: "cách chức", en: ["dismissal", "removal from office"] },
    { vi: "khai trừ", en: ["expulsion"] },
    { vi: "giải tán", en: ["dissolution"] },
  ],
};

/**
 * Compounds that contain a slot word but are not one ("xã hội" is society, not a commune): a match
 * inside one of these is ignored.
 */
export const NOT_SLOT_PHRASES: readonly string[] = ["xã hội", "hợp tác xã", "xã viên", "cơ sở dữ liệu", "văn bản", "bản chất", "căn bản", "cơ bản", "phiên bản", "bản sao", "ban hành", "kỷ luật", "pháp luật"];

/** Words before a section number: "Điều 5", "Chương II", "article 5". */
export const SECTION_WORDS: readonly string[] = ["điều", "chương", "mục", "khoản", "điểm", "phần", "article", "chapter", "section", "clause", "part"];

/** Syllables after "thứ" that make an ordinal ("thứ hai"), and English ordinals. */
export const ORDINAL_NUMERALS: readonly string[] = Object.keys(ORDINAL_VALUES);
export const ENGLISH_ORDINALS: readonly string[] = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

/**
 * Openings that mark a substitution ("còn phường", "thế thị trấn", "what about towns", "and wards").
 * Longest first is not required: the matcher tries every entry. A preposition after them ("còn ở
 * Trung ương", "and for wards") is not part of the opening: it stays with the element it introduces.
 */
export const SUBSTITUTION_OPENINGS: readonly string[] = [
  "thế còn", "vậy còn", "thế thì", "vậy thì", "còn về", "còn", "thế", "vậy", "và", "riêng",
  "what about", "how about", "and what about", "and", "what of", "same for", "same question for",
];

/** Endings that mark a substitution ("… thì sao", "… thế nào", "… nữa"). */
export const SUBSTITUTION_ENDINGS: readonly string[] = [
  "thì sao", "thì thế nào", "thì như thế nào", "thì ra sao", "thế nào", "như thế nào", "ra sao", "thì sao ạ", "thì", "nữa", "nhỉ", "ạ", "thì có", "thì bao nhiêu", "bao nhiêu",
  "then", "too", "as well",
];

/**
 * Openings of a short question that continues the previous one rather than replacing part of it:
 * "với bao nhiêu đảng viên?", "trong đó có mấy phường?", "nếu ít hơn thì sao?".
 */
export const CONTINUATION_OPENINGS: readonly string[] = ["với", "cùng với", "trong đó", "trong số đó", "nếu", "còn nếu", "thế nếu", "vậy nếu", "nhưng nếu", "with", "of which", "of them", "if", "and if"];

/**
 * Conditions that open a short question continuing the previous one ("nếu ít hơn thì sao?"): read as
 * a continuation before anything else, never as a substitution.
 */
export const CONDITIONAL_OPENINGS: readonly string[] = ["nếu", "còn nếu", "thế nếu", "vậy nếu", "nhưng nếu", "trường hợp", "còn trường hợp", "if", "and if", "what if"];

/**
 * Prepositions (and determiners) that may introduce the new element ("còn ở phường", "còn với tổ chức
 * đảng", "còn vào lưu trữ lịch sử"). A message that is only such a phrase is elliptical.
 */
export const ELEMENT_PREPOSITIONS: readonly string[] = [
  "ở", "tại", "trong", "của", "cho", "với", "đối với", "vào", "về", "từ", "đến", "các", "những",
  "in", "at", "for", "of", "into", "from", "to", "about", "the",
];

/**
 * Words that end a noun phrase's qualifiers ("lưu trữ hiện hành | tối đa là…", "hoàn thành xuất sắc |
 * cần bao nhiêu điểm"): quantities and limits, and the modal and auxiliary verbs that open a predicate.
 */
export const PHRASE_BOUNDARY_WORDS: readonly string[] = [
  "tối đa", "tối thiểu", "ít nhất", "nhiều nhất", "chậm nhất", "sớm nhất", "trở lên", "trở xuống",
  "cần", "phải", "nên", "sẽ", "đã", "đang", "bị", "không", "chưa", "mới",
  "at most", "at least", "must", "should", "can", "will",
];

/** Words that join a list of units ("xã, phường và thị trấn"). */
export const LIST_JOINERS: readonly string[] = ["và", "hoặc", "hay", "and", "or"];

/** A level word that, with a unit after it, names a level: "cấp trên trực tiếp cơ sở", "cấp trực thuộc Trung ương". */
export const LEVEL_WORDS: readonly string[] = ["cấp"];

/** Question words: a message with one of them (outside the endings above) asks something itself. */
export const QUESTION_WORDS: readonly string[] = [
  "bao nhiêu", "mấy", "gì", "nào", "ai", "khi nào", "bao giờ", "ở đâu", "đâu", "sao", "thế nào", "như thế nào", "ra sao", "tại sao", "vì sao", "không", "chưa", "hả", "phải không", "là gì",
  "how", "how many", "how much", "what", "who", "whom", "whose", "when", "where", "which", "why", "is", "are", "does", "do", "did", "was", "were", "can", "must", "should",
];

/** Nouns naming a document ("văn bản đó", "nghị quyết này", "that document"). */
export const DOCUMENT_NOUNS: readonly string[] = [
  "văn bản", "tài liệu", "bài viết", "bài", "nghị quyết", "quyết định", "quy định", "hướng dẫn", "kết luận", "chỉ thị", "điều lệ", "thông tri", "công văn", "báo cáo", "thông báo", "nghị định", "thông tư", "luật", "kế hoạch", "đề án", "chương trình", "tờ trình", "vb",
  "document", "resolution", "decision", "regulation", "regulations", "guidance", "guideline", "guidelines", "directive", "conclusion", "conclusions", "charter", "report", "article", "text", "paper",
];

/** Demonstratives after a noun that point back ("đó", "này", "ấy", "nói trên"); English ones come before it. */
export const VI_DEMONSTRATIVES: readonly string[] = ["đó", "này", "ấy", "nói trên", "trên", "vừa rồi", "vừa nêu", "kia"];
export const EN_DEMONSTRATIVES: readonly string[] = ["that", "this", "those", "these", "the same", "the above"];

/** Words that point back on their own: "điều đó", "việc này", "it". */
export const VI_PRONOUN_REFERENCES: readonly string[] = ["điều đó", "điều này", "việc đó", "việc này", "vấn đề đó", "vấn đề này", "nội dung đó", "nội dung này", "nó"];
export const EN_PRONOUN_REFERENCES: readonly string[] = ["it", "its"];

/**
 * Nouns for a person that, with a demonstrative after them ("đồng chí ấy", "người đó", "ông ấy"),
 * point to the person the previous answer named; English pronouns do the same on their own.
 */
export const VI_PERSON_NOUNS: readonly string[] = ["đồng chí", "người", "ông", "bà", "anh", "chị", "vị"];
export const EN_PERSON_REFERENCES: readonly string[] = ["he", "she", "him", "her", "that person", "this person"];

/** What precedes a person's name in an answer: "Người ký: Trần Cẩm Tú", "đồng chí Lê Khánh Toàn". */
export const ANSWER_NAME_MARKERS: readonly string[] = ["người ký", "đồng chí", "đ/c", "ông", "bà"];

/**
 * Words asking which person or document ("ai ký?", "thay thế văn bản nào?", "which regulation"): after
 * such a question, "đồng chí ấy" or "văn bản đó" means the one the answer named.
 */
export const WHICH_WORDS: readonly string[] = ["nào", "gì", "which", "what"];
export const WHO_WORDS: readonly string[] = ["ai", "đồng chí nào", "người nào", "who", "whom"];

/** Words that point back to a place: "ở đó", "tại đó", "there". */
export const PLACE_REFERENCES: readonly string[] = ["ở đó", "tại đó", "ở đấy", "nơi đó", "there"];

/**
 * What is asked of a document itself; a short question made only of these (and question words) is
 * about the previous document: "ai ký?", "ban hành ngày nào?".
 */
export const DOCUMENT_PREDICATES: readonly string[] = [
  "ký", "kí", "ký thay", "thay mặt", "thừa lệnh", "thừa ủy quyền", "chức vụ", "ban hành", "hiệu lực", "có hiệu lực", "thông qua", "số hiệu", "ngày", "tháng", "năm", "do", "cơ quan", "người", "gửi", "nơi nhận", "thay thế", "áp dụng", "phạm vi", "đối tượng", "mục đích",
  "signed", "sign", "behalf", "position", "issued", "issue", "adopted", "effect", "effective", "force", "date", "number", "applies", "apply", "scope",
];

/** Words with no content of their own, ignored when deciding whether a message says anything new. */
export const FILLER_WORDS: readonly string[] = ["có", "được", "là", "thì", "vậy", "thế", "ạ", "nhé", "nhỉ", "à", "ơi", "bạn", "cho", "tôi", "hỏi", "biết", "xin", "the", "of", "in", "by", "to", "on", "at", "for", "have", "has", "had", "be", "been"];
