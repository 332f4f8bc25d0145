/**
 * Vietnamese vocabulary the code reasons with — document kinds, structural markers, signing marks — written
 * once and imported wherever it is needed. Entries are closed classes of the language and of official
 * document style (Nghị định 30/2020/NĐ-CP on administrative documents; Quy định 66-QĐ/TW on party
 * documents); nothing here may exist to make one question pass.
 */

/** Kinds of party and state documents, as their kind line reads ("HƯỚNG DẪN", "Quyết định"). */
export const DOCUMENT_KIND_WORDS = [
  "điều lệ", "nghị quyết", "hướng dẫn", "quy định", "chỉ thị", "kết luận", "quyết định", "thông tri", "thông báo",
  "luật", "nghị định", "thông tư", "kế hoạch", "báo cáo", "quy chế", "đề án", "chương trình", "công văn", "tờ trình",
  "biên bản", "công điện", "lời kêu gọi",
] as const;

/**
 * A document's kind as its kind line writes it, compound kinds included ("THÔNG BÁO KẾT LUẬN", "CHƯƠNG
 * TRÌNH HÀNH ĐỘNG", "KẾ HOẠCH LIÊN TỊCH"): a regular-expression source, to be anchored by its user.
 */
export const DOCUMENT_KIND_LINE_SOURCE = `(?:${DOCUMENT_KIND_WORDS.join("|")})(?:\\s+(?:${DOCUMENT_KIND_WORDS.join("|")}|hành động|liên tịch|phối hợp|làm việc|tóm tắt))?`;

/** The national and party mottos of a header's right-hand cell: never part of the issuing body. */
export const NATIONAL_MOTTO = /^(?:cộng hòa|cộng hoà|độc lập\s*-|đảng cộng sản việt nam$)/iu;

/** What a published copy writes where the signature was: "(đã ký)", "(Đã ký và đóng dấu)", "(Ký, ghi rõ họ tên)". */
export const SIGNATURE_PLACEHOLDER = /^\((?:đã\s+)?ký(?:[\s,]+[^)]{0,40})?\)$/iu;

/** Marks that open a signing block: thay mặt, ký thay, quyền, thừa lệnh, thừa ủy quyền. */
export const SIGNING_MARKER = /^(?:T\/M|TM\.|K\/T|KT\.|Q\.|T\/L|TL\.|T\.L|T\/UQ|TUQ\.|T\.M|K\.T)\s*/u;

// A footnote of the text ("[i] Tổng số vị trí việc làm …", "[1] Chương trình số 30 …"), printed after it.
export const FOOTNOTE_MARK = /^\[(?:\d{1,3}|[ivxlc]{1,5})\]\s/u;

/**
 * Words that number the divisions of a document, largest first: "Phần I", "Chương II", "Mục 1", "Điều 5".
 * Paragraphs within an article ("Khoản 2", "Điểm a") are not divisions with a heading of their own.
 */
export const DIVISION_WORDS: readonly string[] = ["phần", "chương", "mục", "điều"];

/**
 * Administrative and party levels, as folded syllable phrases (longest first where one contains another).
 * A question about one level is not answered by a text that speaks only of another.
 */
export const LEVEL_PHRASES: readonly string[][] = [
  ["thị", "trấn"], ["thị", "xã"], ["thành", "phố"], ["trung", "ương"], ["xã"], ["phường"], ["huyện"], ["quận"], ["tỉnh"],
];
/**
 * Levels that are also other words, checked only after a word that introduces a level ("cấp tỉnh",
 * "của Trung ương"): "Trung ương" is otherwise part of a name ("Ban Tổ chức Trung ương"); typed without
 * diacritics, "tinh" may be "tính" and "quan" "quân".
 */
export const LEVEL_GUARDED = new Set(["trung_uong"]);
export const LEVEL_GUARDED_UNACCENTED = new Set(["trung_uong", "tinh"]);
/** Typed without diacritics, "quan" is as often quân, quan or quận: never a level there. */
export const LEVEL_AMBIGUOUS_UNACCENTED = new Set(["quan"]);
export const LEVEL_INTRODUCERS = new Set(["cap", "o", "tai", "cua", "cac", "moi"]);

/** Counting words that stand before the counted noun ("bao nhiêu bài tham luận" counts "tham luận"). */
export const CLASSIFIERS = new Set(["bai", "cai", "chiec", "con", "vi", "ban", "quyen", "cuon", "luot", "so"]);

/**
 * A count from two to ten spelled out before a unit of time or "lần" ("ba lần", "hai năm", "mười ngày"): group 1
 * the number word. ("một" is left out: "một lần" / "một năm" are as often "once" or "a year" as a count.)
 */
const SPELLED_COUNT = /(?<![\p{L}\d])(?<!(?:mười|mươi|lẻ|linh)\s+)(hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+(?:lần|năm|tháng|ngày|tuần|giờ|quý|nhiệm kỳ|phút)(?!\p{L})/giu;

/** The counts `SPELLED_COUNT` finds in a text: where each number word starts, and its value ("ba lần" → 3). */
export function spelledCounts(text: string): Array<{ at: number; value: number }> {
  const found: Array<{ at: number; value: number }> = [];
  for (const m of text.matchAll(SPELLED_COUNT)) {
    const at = NUMBER_WORDS.indexOf((m[1] ?? "").toLowerCase());
    if (at >= 1 && m.index !== undefined) found.push({ at: m.index, value: at + 1 });
  }
  return found;
}

/** Units of time: a duration is a number of these ("30 ngày làm việc", "một năm", "02 nhiệm kỳ"). */
export const TIME_UNITS = /(?:năm|tháng|ngày|tuần|giờ|quý|nhiệm kỳ|phút|lần)(?!\p{L})/iu;

/**
 * Nouns naming a body, an office or a role: who-questions ("ai", "cơ quan nào") are answered by a unit
 * that names a person or one of these.
 */
export const BODY_OR_ROLE = /(?:^|[^\p{L}])(?:ban|bộ|ủy ban|uỷ ban|văn phòng|đảng ủy|đảng uỷ|cấp ủy|cấp uỷ|chi bộ|chi ủy|chi uỷ|tỉnh ủy|tỉnh uỷ|huyện ủy|huyện uỷ|thành ủy|thành uỷ|thị ủy|thị uỷ|thường trực|thường vụ|bí thư|chủ tịch|trưởng|phó|chánh|giám đốc|thủ trưởng|hội đồng|sở|cục|vụ|chính phủ|quốc hội|cơ quan|tổ chức|đơn vị|người đứng đầu|đồng chí|đại hội|hội nghị|thủ tướng|ủy viên|uỷ viên|công ty|doanh nghiệp|tập đoàn|công an|mặt trận|trung tâm|viện|tòa án|toà án|kho bạc|ngân hàng|liên đoàn|đài)(?!\p{L})/iu;

/** Office titles ("Bí thư", "Trưởng ban", "Thư ký"), folded syllables; "Phó" before one names its deputy. */
export const OFFICE_TITLES_FOLDED: ReadonlyArray<readonly string[]> = ["bi thu", "chu tich", "chu nhiem", "truong ban", "giam doc", "truong phong", "chanh van phong", "truong doan", "to truong", "thu ky"].map((t) => t.split(" "));

/** Question words asking for a person or a body, folded ("đồng chí nào" → "dong chi nao"), and in English. */
/** What opens a line naming a person by title ("Đồng chí Lê Anh Tuấn …", "Ông …", "Bà …"). */
export const PERSON_TITLE_OPENING = String.raw`(?:[Đđ]ồng chí|Ông|Bà)\s+\p{Lu}`;
/** Longest line naming a person and their offices that heads the duties listed under it. */
export const MAX_PERSON_LEAD_CHARS = 250;

/**
 * "đồng chí Ủy viên Thường vụ nào", "thành viên nào", "lãnh đạo nào" (folded): a person asked by the office
 * the question names.
 */
// (A party member asked by "đảng viên nào" is one person; "những đảng viên nào" asks a list.)
export const PERSON_WHICH_FOLDED = String.raw`(?:(?:nguoi|dong chi|can bo|lanh dao|thanh vien|uy vien)(?: (?:uy vien|ban|thuong vu|thuong truc|pho|bi thu|truong|chu tich|chu nhiem|can bo|lanh dao|thanh vien|cap uy|chi uy|dang uy|huyen uy|tinh uy|thanh uy|cap (?:tinh|huyen|xa|tren|co so|trung uong))){0,4} nao|(?<!nhung |cac )dang vien(?: chinh thuc| du bi)? nao)`;

/**
 * "Which standing committee member …", "which comrade …" (folded English): a person asked by the body or
 * office the question names (the noun may come after up to four words that name the body; not a thing
 * of members: "which version of the party member database").
 */
export const ENGLISH_PERSON_WHICH_FOLDED = String.raw`^which (?:(?!(?:is|was|are|were|do|does|did|has|have|had|will|can|must|should|of)\b)[a-z]+ ){0,4}(?:member|comrade|cadre|leader|official|person|individual)\b(?! (?:database|card|record|profile|file|dossier|fee|due|dues|register|list|data|status)\b)`;

export const WHO_QUESTION_FOLDED = new RegExp(String.raw`(?:^|\s)(?:ai|${PERSON_WHICH_FOLDED}|co quan nao|to chuc nao|cap nao|don vi nao|bo phan nao|(?<!van )ban nao|bo nao|nganh nao|uy ban nao|hoi dong nao|cuc nao|cong ty nao|doanh nghiep nao)(?=\s|$|[?,.])|^(?:who|whom|whose)\b|${ENGLISH_PERSON_WHICH_FOLDED}|\b(?:by|to|from|with) whom\b|^(?:which|what) (?:(?!(?:is|was|are|were|do|does|did|has|have|had|will|can|must|should)\b)[a-z]+ ){0,2}(?:body|agency|organ|authority|office|committee|official|person|level)\b|\b(?:through|by|from|under) (?:which|what) (?:body|agency|organ|authority|office|committee|department|ministry|organi[sz]ation)\b`, "u");

/**
 * Vietnamese family names (the most common cover nearly everyone): a person's name is one of these
 * followed by one to three capitalised syllables ("Trần Cẩm Tú", "Đào Mỹ"). Family names that also start
 * common capitalised phrases ("Văn phòng", "Phó Thủ tướng", "Hà Nội", "Cao Bằng", "Quan hệ") are left out.
 */
export const FAMILY_NAMES = new Set(
  ("Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đoàn Vương Trịnh Trương Lâm Mai Tô Hà Tạ " +
    "Lương Đinh Cao Lưu Quách Thái Châu Phùng Tăng Kiều Chu Hứa Khổng Lã Lạc Lục Mạc Mẫn Nghiêm Ninh Nông Ông Quan Sầm " +
    "Thân Thạch Tiêu Tôn Triệu Vi Viên Âu Bạch Bế Cù Diệp Đàm Đậu Giáp Hàn Hầu Khúc Khương Luân Mã Nhan Phí Quản Tào " +
    "Thiều Tòng Trầm Trình Vòng Cầm Lữ " +
    // (Those of the northern mountain provinces' peoples: Thái, Tày, Nùng, Mông, Dao.)
    "Lường Lò Quàng Điêu Khà Giàng Sùng Thào Mùa Lầu Chảo Bàn La Lèo Đèo Ma")
    .split(/\s+/)
    .map((n) => n.normalize("NFC")),
);

/** Counted nouns that count anything ("bao nhiêu người", "bao nhiêu nơi"): they set no constraint. */
export const GENERIC_COUNTED = new Set(["nguoi", "noi"]);

/**
 * Nouns for people, folded, as syllable phrases: "bao nhiêu người" is answered by a number of these
 * ("918 đảng viên", "8 đồng chí"), not by any number.
 */
export const PERSON_NOUNS: readonly string[][] = [
  ["nguoi"], ["dang", "vien"], ["can", "bo"], ["dong", "chi"], ["dai", "bieu"], ["uy", "vien"], ["thanh", "vien"], ["cong", "chuc"],
  ["vien", "chuc"], ["quan", "chung"], ["hoi", "vien"], ["doan", "vien"], ["cu", "tri"], ["ca", "nhan"], ["lao", "dong"], ["nhan", "khau"],
];

/** An amount of money ("486.720.000 đồng", "12 triệu đồng", "1,5 tỷ"): what "bao nhiêu tiền" asks for. */
/** The forms of party and state discipline (Điều lệ Đảng; cadre and civil-servant law), as documents write them. */
export const DISCIPLINE_FORMS = /(?:^|[^\p{L}])(?:khiển trách|cảnh cáo|cách chức|khai trừ|giải tán|hạ bậc lương|giáng chức|buộc thôi việc|bãi nhiệm)(?![\p{L}])/iu;
/** Amounts of money a Vietnamese question asks "là bao nhiêu" of ("Phụ cấp … là bao nhiêu?"), folded. */
export const MONEY_SUBJECTS_FOLDED: ReadonlyArray<readonly string[]> = ["tien", "phu cap", "kinh phi", "dang phi", "luong", "tien luong", "thu lao", "ngan sach", "chi phi", "thu nhap"].map((m) => m.split(" "));
export const MONEY_AMOUNT = /\d[\d.,]*\s*(?:đồng(?!\s+chí)|nghìn|ngàn|triệu|tỷ|VNĐ|VND)(?!\p{L})/iu;

/**
 * Words that end a counted noun ("bao nhiêu tuổi mới được" counts "tuổi"): adverbs and auxiliaries, and the
 * "tham" of "tham dự / tham gia" ("bao nhiêu ủy viên tham dự" counts members; those present are said "dự").
 */
export const COUNTED_NOUN_BREAKERS = new Set(["moi", "thi", "duoc", "da", "se", "hien", "van", "con", "cung", "lai", "ra", "vao", "len", "tro", "nua", "roi", "tham"]);

// ── Numbers ──────────────────────────────────────────────────────────────────────────────────────

/** The number words from one to ten, in order: `NUMBER_WORDS[n - 1]` is n ("một" = 1, "mười" = 10). */
export const NUMBER_WORDS: readonly string[] = ["một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"];

/**
 * Syllables that are numbers on their own ("ba đảng viên", "mười tám tuổi", "hai mươi", "nửa nhiệm kỳ"):
 * the number words, then tens, hundreds, thousands (both spellings), millions and a half. Whether one
 * counts something in a given text is the user's context rule ("năm" is also "year", "một số" is "some").
 */
export const NUMBER_SYLLABLES: ReadonlySet<string> = new Set([...NUMBER_WORDS, "mươi", "trăm", "nghìn", "ngàn", "triệu", "nửa"]);

/**
 * Words that, right after a counted noun of people, count a part of them: "đảng viên mới" (newly admitted),
 * "dự bị" (probationary), "chính thức" (full), "nữ" (women), "trẻ" (young).
 */
export const SUBSET_QUALIFIERS: readonly string[] = ["mới", "dự bị", "chính thức", "nữ", "trẻ"];

/**
 * Words after a counted noun that narrow it to the members present, absent or exempted ("09 đảng viên được
 * miễn sinh hoạt", "58 đảng viên có mặt"): no count of the noun a question does not narrow so. (A question
 * asking them is answered by labels — "Có mặt: 58 đồng chí" — so they are not required when asked.)
 */
export const ATTENDANCE_QUALIFIERS: readonly string[] = ["được miễn", "có mặt", "vắng mặt"];

/** The ordinal words after "thứ", in order: `ORDINAL_WORDS[n - 1]` is the n-th (thứ nhất, thứ hai, … thứ tư …). */
export const ORDINAL_WORDS: readonly string[] = ["nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười"];

/**
 * Every syllable after "thứ" that makes an ordinal, with its value: the ordinal words, and "bốn" beside
 * "tư" ("thứ bốn" is written too). Accented; fold the keys to match folded text.
 */
export const ORDINAL_VALUES: Readonly<Record<string, number>> = Object.fromEntries(
  ORDINAL_WORDS.flatMap((word, i): Array<[string, number]> => (word === "tư" ? [[word, 4], ["bốn", 4]] : [[word, i + 1]])),
);

/**
 * The value of an upper-case Roman numeral of two letters or more ("XIV" → 14; congresses, terms and
 * parts are numbered so: "Đại hội XIV", "khóa XV"), or null. Single letters are left alone: "V", "X"
 * are too often initials — unless `single`, for a numeral after a word that numbers ("lần thứ I").
 */
export function romanNumeralValue(text: string, single = false): number | null {
  if (!(single ? /^(?=[IVXLC]+$)C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/u : /^(?=[IVXLC]{2,}$)C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/u).test(text)) return null;
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const value = values[text[i] ?? ""] ?? 0;
    const next = values[text[i + 1] ?? ""] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

/**
 * A number after a word that numbers ("lần thứ I", "quý III", "quý 3", "khóa XXI", "Mục II", "Chương 1"):
 * group 1 the word, group 2 the numeral (Roman numerals of any length here: "thứ I").
 */
const NUMBERED = /(?<![\p{L}\d])(thứ|quý|khóa|khoá|mục|phần|chương)\s+([IVXLC]+|\d+)(?![\p{L}\d])/giu;

/**
 * Keys of what a text numbers, as "quy#3" for "quý III" and "quý 3": a question's "quý III" is not found
 * by any 3 in a passage ("03 nội dung"), only by the third quarter.
 */
/**
 * An occasion numbered by a word ("lần thứ tám", "kỳ họp thứ chín", "đợt thứ hai"): which meeting or round it
 * is, as "lần thứ 8" says it. (A bare "thứ Năm" is a weekday, not an ordinal.)
 */
const OCCASION_ORDINAL = new RegExp(`(?<![\\p{L}\\d])(?:lần|kỳ họp|phiên họp|phiên|đợt)\\s+thứ\\s+(${Object.keys(ORDINAL_VALUES).join("|")})(?![\\p{L}\\d])`, "giu");

export function numberedKeys(text: string): string[] {
  const keys: string[] = [];
  for (const m of text.matchAll(OCCASION_ORDINAL)) {
    const value = ORDINAL_VALUES[(m[1] ?? "").toLowerCase()];
    if (value !== undefined) keys.push(`thu#${value}`);
  }
  for (const m of text.matchAll(NUMBERED)) {
    const numeral = m[2] ?? "";
    const value = /^\d+$/u.test(numeral) ? Number(numeral) : numeral === numeral.toUpperCase() ? romanNumeralValue(numeral, true) : null;
    if (value !== null) keys.push(`${(m[1] ?? "").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()}#${value}`);
  }
  return keys;
}

// Question words, folded, beyond the who-question above.

// "ở đâu", "tại đâu", "nơi nào", "ở tỉnh nào", "where", "in which city": a place is asked.
export const WHERE_QUESTION_FOLDED =
  /\b(?:o|tai) dau\b|\bnoi nao\b|\bdia diem nao\b|\b(?:o|tai) (?:tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran|dia phuong|nuoc|quoc gia) nao\b|^where\b|\bwhere (?:is|was|are|were|do|does|did|will|can|should|must)\b|\b(?:in|at) (?:which|what) (?:city|province|place|district|town|country|location|commune|ward|venue)\b/;

// The question asks for a named place ("ở tỉnh nào", "in which city"), not where something is kept.
export const NAMED_PLACE_QUESTION_FOLDED = /\b(?:tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran|dia phuong|nuoc|quoc gia) nao\b|\b(?:which|what) (?:city|province|district|town|country|commune|ward)\b/;

// A deadline asked ("hạn chót … ngày nào", "chậm nhất khi nào", "deadline") is answered by a date the
// text sets as one ("trước ngày 26/11/2025", "chậm nhất ngày …", "không muộn hơn …"), not by any date.
// ("By when had … been set up" asks when something was done, not for a deadline; "By what date must …"
// asks for one.)
export const DEADLINE_QUESTION_FOLDED = /\b(?:thoi )?han (?:chot|cuoi|hoan thanh)\b|\bthoi han\b|\bcham nhat\b|\btruoc ngay nao\b|\bphai xong\b|\bdeadline\b|\bno later than\b|\bby (?:what|which) (?:date|day|month)\b(?=.*\b(?:must|should|have to|has to|needs? to|required|due)\b)|\bby when\b(?=.*\b(?:must|should|have to|has to|needs? to|required|due)\b)/;
/**
 * A question asking for a document's number ("Báo cáo … mang số mấy", "số hiệu của Kế hoạch …", "… có số
 * là bao nhiêu", not "tổng số là bao nhiêu"), folded;
 * it names the document by its kind (DOCUMENT_KIND_WORDS) as well.
 */
export const DOCUMENT_NUMBER_QUESTION_FOLDED = /\b(?:so hieu|mang so|so may|co so (?:la )?gi)\b|(?<!\b(?:tong|ty|ti|mot|con|the|chi) )\bso (?:la )?bao nhieu\b/;
/** A document number ("86-BC/ĐU", "0310/KH-UBND", "140/NQ-CP"): digits, a dash or slash, capitals. */
export const DOCUMENT_NUMBER = /\d+[-/][\p{L}\d./&-]*\p{Lu}/u;

/**
 * Particles that may close a yes/no question after its "không" / "chưa" ("… có chi bộ không ạ?", "… chưa
 * vậy?"), folded ("v" is "vậy" typed short): a "không" before one of them, a comma or "?" asks, it does not negate.
 */
export const QUESTION_PARTICLES_FOLDED: readonly string[] = ["a", "ha", "vay", "v", "nhi", "nhe"];
const PARTICLES = QUESTION_PARTICLES_FOLDED.join("|");
// A question that asks about what is not done, not allowed or not yet ("loại văn bản nào không được lấy ý
// kiến", "đơn vị nào chưa hoàn thành", "which documents may not …"), folded. Not a yes/no question's
// particle ("… có được không?", "… có không, tên là gì?", "… chưa?"), nor a bound ("không quá", "không dưới": at
// most, at least).
export const NEGATED_QUESTION_FOLDED = new RegExp(`\\b(?:khong|chua|chang)\\b(?! (?:qua|duoc qua|duoi|it hon|nhieu hon|muon hon|som hon)\\b)(?!\\s*(?:${PARTICLES})?\\s*(?:[?,]|[.!]*\\s*$))|\\b(?:not|cannot|never|prohibited|forbidden)\\b`);
// What states a negation or an exclusion in a text ("không được", "chưa", "nghiêm cấm", "trừ").
export const NEGATION = /(?:^|[^\p{L}])(?:không|chưa|chẳng|cấm|trừ|ngoại trừ)(?!\p{L})/iu;

// Kinds of body a who-question may ask for by name ("Bộ nào", "công ty nào"), folded; "cơ quan nào",
// "đơn vị nào", "cấp nào" ask for any body.
export const BODY_KINDS_FOLDED: readonly string[][] = [["cong", "ty"], ["doanh", "nghiep"], ["tap", "doan"], ["uy", "ban"], ["hoi", "dong"], ["bo"], ["so"], ["ban"], ["cuc"], ["nganh"]];

/**
 * Translations of English modifiers ("earlier", "new", "current", "next", "other", "by the end of", "consecutive"), folded: they qualify
 * what a question is about and are never its subject.
 */
export const MODIFIER_PHRASES_FOLDED: ReadonlySet<string> = new Set(["truoc", "truoc day", "som hon", "moi", "cu", "hien hanh", "hien tai", "tiep theo", "ke tiep", "sau", "khac", "chinh", "cuoi cung", "dau tien", "cuoi", "den cuoi", "cham nhat", "lien tiep", "lien tuc"]);
