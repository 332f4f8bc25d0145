/**
 * The formal header and signing block of Vietnamese party and state documents, as metadata: issuing body,
 * number ("Số 45-HD/BTCTW"), place and date line, document kind and subject line, signer, recipients —
 * including the markdown-table form in which legal-document websites publish them, and those sites' own
 * label/value tables ("Số hiệu:", "Người ký:"). Pure functions over logical lines (see `unwrapLines`).
 */
import { collapseSpaces, foldKey } from "../text/normalize.js";
import { DOCUMENT_KIND_LINE_SOURCE, DOCUMENT_KIND_WORDS, FOOTNOTE_MARK, NATIONAL_MOTTO, SIGNATURE_PLACEHOLDER, SIGNING_MARKER } from "../text/vietnamese.js";

/** What a document's header says about it. Every field is text found in the document. */
export interface DocumentHeader {
  /** "Hướng dẫn", "Quy định", "Kết luận" … */
  kind: string | null;
  /** "45-HD/BTCTW". */
  number: string | null;
  /**
   * The issuing body, named as the body names it: the last of the header's body lines, a department with
   * the body above it ("BAN CHẤP HÀNH TRUNG ƯƠNG / BAN TỔ CHỨC" → "Ban Tổ chức Trung ương"; "TỈNH ỦY LAM
   * GIANG / BAN TỔ CHỨC" → "Ban Tổ chức Tỉnh ủy Lam Giang"), or a body named by its place alone ("Đảng ủy xã
   * Phong Thạnh").
   */
  issuer: string | null;
  /** The body above an issuer named by its place ("Đảng bộ tỉnh Đồng Xuyên" above "Đảng ủy xã Phong Thạnh"); absent from headers read before it was. */
  superior?: string | null;
  place: string | null;
  /** "21/11/2025". */
  date: string | null;
  /** The date as written: "ngày 21 tháng 11 năm 2025". */
  dateText: string | null;
  /** The subject line under the kind ("Một số nội dung Quy định số 377-QĐ/TW …"). */
  subject: string | null;
  signer: string | null;
  /** "K/T Trưởng Ban, Phó Trưởng Ban Thường Trực". */
  signerRole: string | null;
  /** Others who signed beside the signer (minutes: the secretary), with their roles; absent when none. */
  cosigners?: Array<{ name: string; role: string }>;
  /** "Nơi nhận" (under the signature). */
  recipients: string[];
  /** "Kính gửi" (a letter's addressees, under its header); absent from headers read before it was. */
  addressees?: string[];
  /** The decision a Quy chế or Quy định is issued with ("Quyết định số 17-QĐ/HU, ngày 12/8/2025 của …"); absent when none. */
  issuedWith?: string;
}

/** The header found, and which logical lines it used (they are not passages). */
export interface HeaderParse {
  header: DocumentHeader | null;
  consumed: Set<number>;
}

const KIND_LINE = new RegExp(`^${DOCUMENT_KIND_LINE_SOURCE}$`, "iu");
const NUMBER = /^(?:số(?:\s*hiệu)?)\s*:?\s*([0-9][0-9A-Za-zĐđ.\-/&]*[0-9A-Za-zĐđ])/iu;
const PLACE_DATE = /^([\p{L} .'-]{2,40}?),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu;
// (Not "HUYỆN ỦY …", "TỈNH ỦY …": a party committee is a body of its own.)
const ADMINISTRATIVE_UNIT = /^(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s(?!(?:ủy|uỷ)(?:\s|$))/iu;
// A body named by its place: "Đảng ủy xã Phong Thạnh", "Huyện ủy Krông Bông", "Ủy ban nhân dân tỉnh Đắk Lắk".
// (Villages too: "Chi bộ thôn Đông Lạc", "Chi bộ ấp 3", "Chi bộ tổ dân phố 5".)
// A party organisation named by the unit it is in: "Chi bộ Trường THCS Lộc Vân", "Đảng ủy Khối Doanh nghiệp".
const NAMED_PARTY_ORGANISATION = /^(?:chi bộ|đảng bộ|đảng ủy|đảng uỷ)\s+\p{Lu}/iu;
const NAMED_BY_PLACE = /(?:^|\s)(?:[Tt]ỉnh|[Tt]hành phố|[Tt]hành|[Hh]uyện|[Qq]uận|[Tt]hị xã|[Xx]ã|[Pp]hường|[Tt]hị trấn|[Tt]hôn|[Ấấ]p|[Bb]ản|[Bb]uôn|[Ll]àng|[Xx]óm|[Tt]ổ dân phố|[Kk]hu phố)(?:\s+(?:ủy|uỷ|Ủy|Uỷ))?\s+[\p{Lu}\d]/u;
const ATTACHMENT = /^[(*_\s]*(?:\p{L}+\s+){0,3}(?<!đính\s)kèm theo|^phụ lục|^mẫu\s/iu;
/** An administrative unit named alone ("Tỉnh Đông Lâm", "Thành phố Cần Thơ"): a place, not a body. */
const PLACE_ONLY = new RegExp(String.raw`${ADMINISTRATIVE_UNIT.source}\p{Lu}[\p{L} ]*$`, "iu");
const RECIPIENTS = /^nơi nhận\s*:?/iu;
const LABEL_VALUE: Record<string, keyof DocumentHeader> = {
  "số hiệu": "number",
  "loại văn bản": "kind",
  "nơi ban hành": "issuer",
  "cơ quan ban hành": "issuer",
  "người ký": "signer",
  "ngày ban hành": "date",
};
/** The labels a site's label/value table opens with ("Số hiệu"), folded. */
export const SITE_LABELS: ReadonlySet<string> = new Set(Object.keys(LABEL_VALUE).map(foldKey));
/** How far into a document the header may reach (logical lines). */
const HEADER_WINDOW = 80;
const ADDRESSEES = /^Kính gửi\s*:?\s*/u;
/** Lines a header without a kind line (an official letter) may take below a site's table. */
const UNTITLED_HEADER_LINES = 40;
/** A line that opens a section of the body: "I. …", "1. …", "Phần I", "Chương I", "Điều 1.". */
const SECTION_START = /^(?:(?:[IVXLC]+|\d+)[.)]\s|(?:PHẦN|CHƯƠNG|MỤC|ĐIỀU)\s+(?:[IVXLC]+|\d+)\b)/u;

/** "(Ban hành kèm theo Quyết định số …)": group 1 the decision. */
const ISSUED_WITH = /^\(?\s*(?:được\s+)?ban hành kèm theo\s+(.+?)\)?\s*$/iu;

/** A rule under a title block ("-----", "*****", "___"). */
const RULE_LINE = /^[-–_*=.\s]{3,}$/u;

/** Most lines a subject written in sentence case under the kind line may take. */
const SENTENCE_CASE_SUBJECT_LINES = 3;

/** Markdown marks and table bars removed. */
function bare(line: string): string {
  return collapseSpaces(line.replace(/[*_`#|\\]+/g, " ").replace(/^[\s\-–]+$/u, "")).trim();
}

function isUpper(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  return letters.length >= 2 && letters === letters.toUpperCase();
}

function capitals(text: string): number {
  return (text.match(/\p{Lu}/gu) ?? []).length;
}

/** "BAN TỔ CHỨC" → "Ban Tổ Chức": upper-case header lines read as names. */
export function titleCase(text: string): string {
  if (!isUpper(text)) return text;
  return text.toLowerCase().replace(/(^|[\s(/-])(\p{Ll})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** "HƯỚNG DẪN" → "Hướng dẫn". */
function sentenceCase(text: string): string {
  if (!isUpper(text)) return text;
  // Numbers and symbols ("377-QĐ/TW", "66-NQ/TW") keep their capitals.
  const lower = text.replace(/\S+/gu, (word) => (/[\d/]/.test(word) ? word : word.toLowerCase()));
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

function isPersonName(text: string): boolean {
  const words = text.split(/\s+/);
  return words.length >= 2 && words.length <= 5 && words.every((w) => /^\p{Lu}\p{Ll}*$/u.test(w)) && !isUpper(text);
}

function emptyHeader(): DocumentHeader {
  return { kind: null, number: null, issuer: null, place: null, date: null, dateText: null, subject: null, signer: null, signerRole: null, recipients: [], addressees: [] };
}

/** "29/11/2025" or "ngày 29 tháng 11 năm 2025" → "29/11/2025". */
function displayDate(day: string, month: string, year: string): string {
  return `${day.padStart(2, "0")}/${month.padStart(2, "0")}/${year}`;
}

// Words that start the name of a body ("BAN TỔ CHỨC", "VĂN PHÒNG", "ĐẢNG ỦY XÃ …"), and the words before
// which they continue a name instead ("ỦY BAN", "ĐẢNG BỘ", "CHI BỘ").
const BODY_HEADS = ["ban", "van phong", "dang uy", "dang bo", "uy ban", "tinh uy", "huyen uy", "thanh uy", "quan uy", "thi uy", "so", "bo", "chi bo"];
const NAME_CONTINUES_AFTER = new Set(["uy", "dang", "chi"]);
/** Committees that own departments ("Ban Tổ chức Tỉnh ủy"): named without their place, they qualify the department before them. */
const OWNER_COMMITTEES: ReadonlySet<string> = new Set(["dang uy", "tinh uy", "huyen uy", "thanh uy", "quan uy", "thi uy"]);

/**
 * An issuer line that names two bodies, as a site's copy joins them ("BAN CHẤP HÀNH TRUNG ƯƠNG BAN TỔ
 * CHỨC", "TỈNH ỦY LAM GIANG BAN TỔ CHỨC"), split into one line per body, at a word that starts a body's name.
 */
function splitBodies(line: string): string[] {
  const words = line.split(" ");
  const folded = words.map((w) => foldKey(w));
  const parts: string[] = [];
  let start = 0;
  for (let i = 1; i < words.length; i++) {
    if (NAME_CONTINUES_AFTER.has(folded[i - 1] ?? "")) continue;
    const head = BODY_HEADS.find((h) => h.split(" ").every((w, j) => folded[i + j] === w));
    // "BAN CHẤP HÀNH" starts the top body's name only; "BỘ", "SỞ" alone are also "bộ phận", "sở tại".
    if (!head || (head === "ban" && folded[i + 1] === "chap") || ((head === "bo" || head === "so") && i + 1 >= words.length)) continue;
    // "ỦY BAN KIỂM TRA HUYỆN ỦY", "BAN TỔ CHỨC TỈNH ỦY": a committee named last, without its place, is
    // whose department the line names, not a second body.
    if (OWNER_COMMITTEES.has(head) && i + head.split(" ").length === words.length) continue;
    parts.push(words.slice(start, i).join(" "));
    start = i;
  }
  parts.push(words.slice(start).join(" "));
  return parts;
}

/**
 * "Đảng bộ tỉnh Đông Lâm Tỉnh ủy" (a party organisation, then its committee unnamed) → "Tỉnh ủy Đông Lâm";
 * null for any other name.
 */
function committeeOfOrganisation(name: string): string | null {
  const m = /^Đảng bộ (tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn) (\p{Lu}[\p{L} ]*?) (Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Thị ủy|Đảng ủy)$/iu.exec(name.trim());
  const committee = m?.[3] ?? "";
  return m ? `${committee.charAt(0).toUpperCase()}${committee.slice(1).toLowerCase()} ${m[2]}` : null;
}

/**
 * What of `parent` qualifies `own`: all of it ("Ban Tổ chức" + "Tỉnh ủy Lam Giang"), or, where `own` ends
 * with the committee `parent` starts with ("Ủy ban Kiểm tra Huyện ủy" under "Huyện ủy Đông Vân"), its place
 * ("Đông Vân").
 */
function placeOf(own: string, parent: string): string {
  const ownWords = foldKey(own).split(" ");
  const parentWords = parent.split(" ");
  const parentFolded = parentWords.map(foldKey);
  for (let k = Math.min(ownWords.length - 1, parentWords.length - 1); k >= 2; k--) {
    if (ownWords.slice(-k).every((w, j) => parentFolded[j] === w)) return parentWords.slice(k).join(" ");
  }
  return parent;
}

/** A field of a site's label/value table or line into the header: a date "dd/mm/yyyy" as displayed, the rest as given. */
function setSiteField(header: DocumentHeader, field: keyof DocumentHeader | undefined, value: string): void {
  if (field === "date") {
    const m = value.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/);
    if (m?.[1] && m[2] && m[3]) header.date = displayDate(m[1], m[2], m[3]);
  } else if (field !== undefined && field !== "recipients") {
    (header as unknown as Record<string, string | null>)[field] = value;
  }
}

/**
 * The labelled fields of a line of a site's table ("Số hiệu: 126-KH/HU | Loại văn bản: Kế hoạch", or cells
 * "Số hiệu:" | "126-KH/HU"): [label, value] pairs, labels without their colon.
 */
function siteFieldsOf(line: string): Array<[string, string]> {
  const cells = line.split("|").map(bare).filter((cell) => cell !== "");
  const pairs: Array<[string, string]> = [];
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c] ?? "";
    const next = cells[c + 1];
    const inCell = cell.match(/^([^:]{2,30}?)\s*:\s*(.+)$/u);
    if (inCell?.[1] && inCell[2]) pairs.push([inCell[1], inCell[2].trim()]);
    else if (/^[^:]{2,30}:$/u.test(cell) && next !== undefined && !next.endsWith(":")) {
      pairs.push([cell.slice(0, -1).trim(), next]);
      c++;
    }
  }
  return pairs;
}

/**
 * Finds the header (before the document kind line) and the signing block (after "Nơi nhận", or a
 * "T/M", "K/T" line followed by a name) in a document's logical lines. Null when the document has neither
 * a number nor a place-and-date line nor a signer: a report or article without a formal header.
 */
export function parseHeader(lines: readonly string[]): HeaderParse {
  const header = emptyHeader();
  const consumed = new Set<number>();
  const texts = lines.map(bare);
  // The kind line is upper case ("HƯỚNG DẪN"); a site's "Loại văn bản: Thông báo" value is not it.
  const kindAt = texts.findIndex((t, i) => i < HEADER_WINDOW && KIND_LINE.test(t) && isUpper(t));
  let headerEnd = kindAt >= 0 ? kindAt : Math.min(texts.length, 25);
  // A site's fields on one line: "**Số hiệu:** 126-KH/HU | **Loại văn bản:** Kế hoạch | **Nơi ban hành:** …",
  // or a row of its table, label and value in cells of their own: "| Nơi ban hành: | Đảng ủy phường … |
  // Người ký: | Lê Minh Quân |" (a row of labels it does not read, "Ngày hiệu lực:", is the table's too).
  for (let i = 0; i < Math.min(lines.length, HEADER_WINDOW); i++) {
    const pairs = siteFieldsOf(lines[i] ?? "");
    const known = pairs.filter(([label]) => LABEL_VALUE[label.toLowerCase()] !== undefined);
    if (known.length < 2 && !(known.length > 0 && pairs.length >= 2)) continue;
    consumed.add(i);
    for (const [label, value] of known) setSiteField(header, LABEL_VALUE[label.toLowerCase()], value);
  }
  // A site's label/value table: "Số hiệu:" on one line, its value on the next non-empty one.
  for (let i = 0; i < Math.min(texts.length, HEADER_WINDOW); i++) {
    const label = (texts[i] ?? "").replace(/\s*:\s*$/u, "").toLowerCase();
    const field = LABEL_VALUE[label];
    if (!field) continue;
    let j = i + 1;
    while (j < texts.length && (texts[j] ?? "") === "") j++;
    const value = texts[j] ?? "";
    consumed.add(i);
    if (value && !LABEL_VALUE[value.replace(/\s*:\s*$/u, "").toLowerCase()]) {
      consumed.add(j);
      setSiteField(header, field, value);
    }
  }
  // A letter without a kind line: its header follows the site's table, if any.
  if (kindAt < 0 && consumed.size > 0) headerEnd = Math.min(texts.length, Math.max(...consumed) + 1 + UNTITLED_HEADER_LINES);
  // The issuer is the run of upper-case lines right above the motto or the number: a text line between
  // ("Đang tải văn bản...") ends a run, so a site's upper-case banner above it is not the issuer.
  let issuerRun: number[] = [];
  // Where the document's own header starts (its issuer, motto, number or place-and-date line).
  let officialFirst = Infinity;
  let sawMotto = false;
  let sawNumber = false;
  for (let i = 0; i < headerEnd; i++) {
    const t = texts[i] ?? "";
    if (t === "" || consumed.has(i)) continue;
    // "Số:" alone on its line, the number on the next ("Số:" / "2610/QĐ-UBND").
    const numberLabelAlone = /^Số\s*:?\s*$/u.test(t);
    // A document's number carries its code ("45-HD/BTCTW", "0125/KH-UBND"): "Số 47 Phạm Văn Đồng" is an address.
    const numbered = numberLabelAlone ? `${t} ${texts[i + 1] ?? ""}`.match(NUMBER) : t.match(NUMBER);
    const number = numbered?.[1] !== undefined && /[-/]/u.test(numbered[1]) ? numbered : null;
    if (numberLabelAlone && number) consumed.add(i + 1);
    // The place-and-date line may be wrapped in a text that is otherwise not ("ngày 18 / tháng 11 …"); a
    // line above it (the motto, "ĐẢNG CỘNG SẢN VIỆT NAM") is no part of the place.
    const joined = `${t} ${texts[i + 1] ?? ""}`;
    // A place is a name: "Hà Nội", "Tp. Hồ Chí Minh", not "Sau khi Liên Xô tan rã" (a sentence's lower-case words).
    const named = (m: RegExpMatchArray | null): RegExpMatchArray | null => (m && (m[1] ?? "").trim().split(/\s+/u).filter((w) => !/^\p{Lu}/u.test(w)).length <= 1 ? m : null);
    const placeDate = named(t.match(PLACE_DATE)) ?? (/,\s*ngày(?:\s+\d{1,2})?$/iu.test(t) ? named(joined.match(PLACE_DATE)) : null);
    if (placeDate && !named(t.match(PLACE_DATE))) consumed.add(i + 1);
    // The two cells side by side on one line, as a scan is read: "Số 86-QĐ/ĐU Lộc Điền, ngày 02 tháng 4 năm 2025".
    const dateBeside = number?.[0] !== undefined ? named(t.slice(number[0].length).trim().match(PLACE_DATE)) : null;
    const dated = number ? dateBeside : placeDate;
    if (dated?.[1] && dated[2] && dated[3] && dated[4]) {
      header.place = dated[1].trim();
      header.date = displayDate(dated[2], dated[3], dated[4]);
      header.dateText = `ngày ${dated[2]} tháng ${dated[3]} năm ${dated[4]}`;
    }
    if (number?.[1]) {
      header.number ??= number[1];
      sawNumber = true;
      consumed.add(i);
      officialFirst = Math.min(officialFirst, i);
    } else if (placeDate?.[1] && placeDate[2] && placeDate[3] && placeDate[4]) {
      consumed.add(i);
      officialFirst = Math.min(officialFirst, i);
    } else if (NATIONAL_MOTTO.test(t)) {
      sawMotto = true;
      consumed.add(i);
      officialFirst = Math.min(officialFirst, i);
    } else if (!sawMotto && !sawNumber) {
      if (isUpper(t) && t.length <= 120) issuerRun.push(i);
      // (A mark under the issuer read as a letter, "x*" for the star, is no text.)
      else if (/\p{L}.*\p{L}/u.test(t)) issuerRun = [];
    }
  }
  for (const i of issuerRun) consumed.add(i);
  officialFirst = Math.min(officialFirst, ...issuerRun);
  const issuerLines = issuerRun.map((i) => texts[i] ?? "");
  const hasHeader = header.number !== null || header.date !== null;
  let subjectUpper: string | null = null;
  if (kindAt >= 0 && hasHeader) {
    header.kind = sentenceCase(texts[kindAt] ?? "");
    consumed.add(kindAt);
    // The subject: upper-case lines right under the kind, across blank lines, up to the body or a
    // bold line of its own (the issuing authority of a Quyết định: "ỦY BAN NHÂN DÂN THÀNH PHỐ …").
    const subject: string[] = [];
    for (let i = kindAt + 1; i < texts.length && subject.length < 6; i++) {
      const t = texts[i] ?? "";
      if (t === "") continue;
      if (!isUpper(t) || (subject.length > 0 && /^\s*\*\*/u.test(lines[i] ?? ""))) break;
      // The body's first section heading ("I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN") is no part of it.
      if (subject.length > 0 && SECTION_START.test(t)) break;
      subject.push(t);
      consumed.add(i);
    }
    if (subject.length > 0) subjectUpper = subject.join(" ");
    // A plain text may write its subject in sentence case, on the lines right under the kind line up to a
    // blank line or a rule ("BÁO CÁO" / "Kết quả công tác xây dựng Đảng năm 2025," / "phương hướng, …").
    else {
      const subjectLines: number[] = [];
      // A site's markdown sets a blank line under the kind line: a subject opening "Về …" / "của …", or
      // set in bold or italics as the kind line is, still stands there ("**QUYẾT ĐỊNH**" / "" / "**Về việc …**").
      let first = kindAt + 1;
      while (first < texts.length && texts[first] === "") first++;
      const opener = texts[first] ?? "";
      // So does one the title block's rule closes ("NGHỊ QUYẾT" / "" / "Đại hội đại biểu Đảng bộ xã … lần
      // thứ I" / "" / "-----", as a Word file sets it).
      // (`bare` has made the rule blank: the line as written tells.)
      let end = first;
      while (end < texts.length && texts[end] !== "") end++;
      let after = end;
      while (after < lines.length && (lines[after] ?? "").trim() === "") after++;
      const ruled = end > first && end - first <= SENTENCE_CASE_SUBJECT_LINES && RULE_LINE.test((lines[after] ?? "").trim());
      const subjectAfterBlank = first > kindAt + 1 && !SECTION_START.test(opener) && (/^(?:về|của|giữa)\s/iu.test(opener) || /^\s*[*_]/u.test(lines[first] ?? "") || ruled);
      for (let i = subjectAfterBlank ? first : kindAt + 1; i < texts.length && subjectLines.length <= SENTENCE_CASE_SUBJECT_LINES; i++) {
        const t = texts[i] ?? "";
        if (t === "" || RULE_LINE.test(t)) break;
        subjectLines.push(i);
      }
      const subject = subjectLines.map((i) => texts[i] ?? "").join(" ");
      // ("về việc …", the issuer's "của …" and the parties' "giữa …" start in lower case: "QUYẾT ĐỊNH" / "về
      // việc thành lập Chi bộ …"; "CHỈ THỊ" / "của Ban Thường vụ Huyện ủy về …"; "QUY CHẾ PHỐI HỢP" / "giữa
      // Đảng ủy xã và …"; so does any subject the title block's rule
      // closes: "QUYẾT ĐỊNH" / "chuẩn y kết quả bầu cử …" / "-----".)
      if (subjectLines.length > 0 && subjectLines.length <= SENTENCE_CASE_SUBJECT_LINES && (/^(?:\p{Lu}|về\s|của\s|giữa\s)/u.test(subject) || ruled) && subject.length <= 200 && !/[.:;]$/u.test(subject)) {
        header.subject = subject.replace(/[,\s]+$/u, "");
        for (const i of subjectLines) consumed.add(i);
      }
    }
    // "(Ban hành kèm theo Quyết định số 17-QĐ/HU, ngày 12/8/2025 của …)" under the subject: the decision
    // that issues a Quy chế or a Quy định, part of the header.
    for (let i = kindAt + 1; i < Math.min(texts.length, kindAt + 10); i++) {
      if (consumed.has(i) || texts[i] === "") continue;
      const issuedWith = ISSUED_WITH.exec(texts[i] ?? "");
      if (issuedWith?.[1]) {
        header.issuedWith = issuedWith[1].replace(/[)\s.]+$/u, "");
        consumed.add(i);
      }
      break;
    }
    // A Quyết định then names the authority that decides ("ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ", "BỘ TRƯỞNG
    // BỘ NỘI VỤ"): part of the header, not a heading over the "Căn cứ …" lines.
    const issuerKey = foldKey(issuerLines.join(" "));
    let next = kindAt + 1;
    while (next < texts.length && (texts[next] === "" || consumed.has(next))) next++;
    const authority = texts[next] ?? "";
    if (issuerKey.length > 0 && isUpper(authority) && authority.length <= 120 && foldKey(authority).includes(issuerKey)) consumed.add(next);
  }
  // An official letter (công văn) states its subject on a "V/v …" (về việc) line under its number.
  // (A hard-wrapped text may have joined it to the number line: "Số: 10989/BNV-TCBC V/v đề xuất …".)
  const ABOUT = /(?:^|\s)V\/v[.:]?\s+(.+)$/iu;
  const aboutAt = hasHeader && subjectUpper === null ? texts.findIndex((t, i) => i < HEADER_WINDOW && ABOUT.test(t)) : -1;
  if (aboutAt >= 0) {
    const about = ((texts[aboutAt] ?? "").match(ABOUT)?.[1] ?? "").trim();
    if (about.length > 0) {
      header.subject = `V/v ${about}`;
      consumed.add(aboutAt);
    }
  }
  // A letter's addressees ("Kính gửi: - Các bộ, …; - Ủy ban nhân dân …"), on its line or the dash lines
  // under it, belong to the header: the letter's text is not a section under them.
  const addressedAt = hasHeader ? texts.findIndex((t, i) => i < HEADER_WINDOW && ADDRESSEES.test(t)) : -1;
  if (addressedAt >= 0) {
    consumed.add(addressedAt);
    const own = (texts[addressedAt] ?? "").replace(ADDRESSEES, "").trim();
    if (own) header.addressees?.push(own.replace(/[,;.]$/u, ""));
    header.addressees?.push(...dashItems(texts, addressedAt + 1, consumed));
  }
  // Everything above the header's first line is the publishing site's, not the document's (its
  // label/value table included, and whatever stands between that table and the header).
  const firstHeaderLine = Number.isFinite(officialFirst) ? officialFirst : Math.min(...consumed);
  if (consumed.size > 0 && Number.isFinite(firstHeaderLine)) for (let i = 0; i < firstHeaderLine; i++) consumed.add(i);
  parseSigningBlock(texts, header, consumed);
  // Upper-case header lines are written as the body writes the same words ("Ban Chấp hành Trung ương").
  const body = texts.filter((_, i) => !consumed.has(i)).join("\n");
  const keepSymbols = (w: string): string => (/[\d/]/.test(w) ? w : w.toLowerCase());
  if (issuerLines.length > 0 && hasHeader) {
    // "ỦY BAN NHÂN DÂN / TỈNH ĐẮK LẮK" is one name; "BAN CHẤP HÀNH TRUNG ƯƠNG / BAN TỔ CHỨC" two bodies.
    const bodies = issuerLines
      .flatMap(splitBodies)
      .map((line) => recase(line, body, titleCase))
      .reduce<string[]>((names, part) => {
        const last = names[names.length - 1];
        if (last !== undefined && ADMINISTRATIVE_UNIT.test(part)) names[names.length - 1] = `${last} ${isUpper(part) ? part : `${part.charAt(0).toLowerCase()}${part.slice(1)}`}`;
        else names.push(part);
        return names;
      }, []);
    // "ĐẢNG BỘ TỈNH ĐÔNG LÂM / TỈNH ỦY": the committee of that party organisation, "Tỉnh ủy Đông Lâm".
    const single = committeeOfOrganisation(bodies[bodies.length - 1] ?? "");
    const pair = single === null && bodies.length >= 2 ? committeeOfOrganisation(bodies.slice(-2).join(" ")) : null;
    if (single !== null) bodies[bodies.length - 1] = single;
    else if (pair !== null) bodies.splice(-2, 2, pair);
    const own = bodies[bodies.length - 1];
    const above = bodies.slice(0, -1).join(", ");
    // A site's "Nơi ban hành: Tỉnh Đông Lâm" names where, not who: the document's own "TỈNH ỦY ĐÔNG LÂM" does.
    const siteNamesPlace = header.issuer !== null && PLACE_ONLY.test(header.issuer);
    if ((header.issuer === null || siteNamesPlace) && own !== undefined) {
      // The body a header names on its last line issues the document; the lines above name the body it
      // belongs to. A body named by its place stands alone; a department takes the name of the body
      // right above it ("Ban Tổ chức" of the Central Committee is "Ban Tổ chức Trung ương"; "ĐẢNG BỘ TỈNH
      // X / HUYỆN ỦY Y / ỦY BAN KIỂM TRA" is the Ủy ban Kiểm tra Huyện ủy Y, of the Đảng bộ tỉnh X).
      const parent = bodies[bodies.length - 2] ?? "";
      const higher = bodies.slice(0, -2).join(", ");
      if (above === "") header.issuer = own;
      else if (NAMED_BY_PLACE.test(own) || NAMED_PARTY_ORGANISATION.test(own)) {
        header.issuer = own;
        header.superior = above;
      } else {
        header.issuer = `${own} ${foldKey(parent) === "ban chap hanh trung uong" ? "Trung ương" : placeOf(own, parent)}`;
        if (higher !== "") header.superior = higher;
      }
    }
  }
  if (subjectUpper) header.subject = recase(subjectUpper, body, keepSymbols);
  // (A signer's role is quoted as the signing block writes it: "KT. CHỦ TỊCH, PHÓ CHỦ TỊCH".)
  // A letter has no kind line: its number names the kind ("186-CV/BTCTU" is a Công văn).
  header.kind ??= kindOfNumber(header.number);
  const found = header.number !== null || header.date !== null || header.signer !== null;
  return { header: found ? header : null, consumed: found ? consumed : new Set() };
}

/** The dash lines ("- Các bộ, …;") from `from` on, blank lines skipped, marked consumed; their items without mark or closing punctuation. */
function dashItems(texts: readonly string[], from: number, consumed: Set<number>): string[] {
  const items: string[] = [];
  for (let j = from; j < texts.length; j++) {
    const line = texts[j] ?? "";
    if (line === "") continue;
    if (!/^[-–+•]/u.test(line)) break;
    items.push(line.replace(/^[-–+•]\s*/u, "").replace(/[,;.]$/u, ""));
    consumed.add(j);
  }
  return items;
}

/** "Nơi nhận:" with its dash lines, and the signer: a role line (T/M, K/T, upper case) above a name. */
function parseSigningBlock(texts: readonly string[], header: DocumentHeader, consumed: Set<number>): void {
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i] ?? "";
    if (!RECIPIENTS.test(t)) continue;
    consumed.add(i);
    const rest = t.replace(RECIPIENTS, "").trim();
    if (rest) header.recipients.push(rest.replace(/^[-–]\s*/u, ""));
    header.recipients.push(...dashItems(texts, i + 1, consumed));
  }
  // The signer's name follows one to three upper-case role lines; the first role line may carry T/M, K/T.
  // (A copy may put the whole block on one line: "K/T TRƯỞNG BAN PHÓ TRƯỞNG BAN Đặng Thị Hồng Nhung".)
  for (let i = texts.length - 1; i >= 1; i--) {
    const inline = oneLineSignature(texts[i] ?? "");
    const role = inline === null ? signingRole(texts, i) : [i];
    if (role === null) continue;
    const roleText = inline?.role ?? role.map((j) => texts[j] ?? "").join(", ");
    // Only a real signing block: a T/M-style marker, a signature's place ("(Đã ký)") between the role and
    // the name, or the last lines of the document.
    const signedThere = texts.slice((role[role.length - 1] ?? i) + 1, i).some((x) => SIGNATURE_PLACEHOLDER.test(x));
    if (!SIGNING_MARKER.test(roleText) && !signedThere && texts.slice(i + 1).some((x) => x.length > 40)) continue;
    header.signer = inline?.name ?? texts[i] ?? "";
    header.signerRole = roleText;
    const signed = (from: number, to: number): void => {
      for (let j = from; j <= to; j++) consumed.add(j);
    };
    signed(role[0] ?? i, i);
    // Minutes and joint texts are signed by more than one: a signing block right above this one
    // ("THƯ KÝ / (đã ký) / Lê Thị Mai Hương" beside "T/M CHI BỘ / BÍ THƯ / … / Trần Văn Khải").
    for (let k = (role[0] ?? i) - 1; k >= 1; k--) {
      if ((texts[k] ?? "") === "") continue;
      const other = signingRole(texts, k);
      if (other === null) break;
      header.cosigners = [{ name: texts[k] ?? "", role: other.map((j) => texts[j] ?? "").join(", ") }, ...(header.cosigners ?? [])];
      signed(other[0] ?? k, k);
      // (Next, the line above this block's first role line.)
      k = other[0] ?? k;
    }
    // After the signature only an attached text (an appendix, a regulation "ban hành kèm theo") is the
    // document's; anything else is the publishing site's.
    const after = texts.slice(i + 1).filter((x) => x !== "").slice(0, 15);
    // (Its footnotes are the document's too.)
    if (!after.some((x) => ATTACHMENT.test(x))) for (let j = i + 1; j < texts.length; j++) if (!FOOTNOTE_MARK.test(texts[j] ?? "")) consumed.add(j);
    return;
  }
}

// The kind codes of document numbers (Nghị định 30/2020/NĐ-CP, Phụ lục III; the Party's Hướng dẫn 36-HD/VPTW).
// "QĐ" is left out: it numbers both a Quyết định and a Quy định.
const KIND_BY_CODE: Readonly<Record<string, string>> = {
  CV: "Công văn", NQ: "Nghị quyết", CT: "Chỉ thị", KL: "Kết luận", HD: "Hướng dẫn", KH: "Kế hoạch", TB: "Thông báo",
  BC: "Báo cáo", TTR: "Tờ trình", BB: "Biên bản", QC: "Quy chế", CTR: "Chương trình", ĐA: "Đề án", NĐ: "Nghị định", TT: "Thông tư", CĐ: "Công điện",
};

/** The kind a document number names by its code ("186-CV/BTCTU" → Công văn; "07-KL/VPTW" → Kết luận), or null. */
function kindOfNumber(number: string | null): string | null {
  const code = number?.match(/^\d+[^-/\s]*[-/]([\p{L}]+)(?=[-/]|$)/u)?.[1]?.toUpperCase();
  return code === undefined ? null : (KIND_BY_CODE[code] ?? null);
}


/** A signing block written on one line: its marked, upper-case role ("K/T TRƯỞNG BAN PHÓ TRƯỞNG BAN"), then the name. */
function oneLineSignature(text: string): { role: string; name: string } | null {
  const m = /^(.{4,80}?)\s+((?:\p{Lu}\p{Ll}+\s+){1,4}\p{Lu}\p{Ll}+)$/u.exec(text);
  const role = m?.[1]?.trim() ?? "";
  if (!m || !isUpper(role) || !SIGNING_MARKER.test(role) || !isPersonName(m[2] ?? "")) return null;
  return { role, name: m[2] ?? "" };
}

/**
 * The role lines of the signing block whose name stands at line `i` (one to three upper-case lines above
 * it, a signature placeholder between them skipped; a "TM." line above a "KT." line joins), or null
 * when line `i` is no signer's name.
 */
function signingRole(texts: readonly string[], i: number): number[] | null {
  if (!isPersonName(texts[i] ?? "")) return null;
  const role: number[] = [];
  for (let j = i - 1; j >= 0 && role.length < 3; j--) {
    const line = texts[j] ?? "";
    if (line === "" || (role.length === 0 && SIGNATURE_PLACEHOLDER.test(line))) continue;
    if (!isUpper(line) || line.length > 80) break;
    role.unshift(j);
    if (SIGNING_MARKER.test(line)) {
      // "TM. ỦY BAN NHÂN DÂN" above "KT. CHỦ TỊCH": both mark the signing.
      let k = j - 1;
      while (k >= 0 && (texts[k] ?? "") === "") k--;
      const above = texts[k] ?? "";
      if (k >= 0 && isUpper(above) && above.length <= 80 && SIGNING_MARKER.test(above)) role.unshift(k);
      break;
    }
  }
  return role.length > 0 ? role : null;
}

/**
 * Upper-case header text written as the document's body writes it: "BAN CHẤP HÀNH TRUNG ƯƠNG" →
 * "Ban Chấp hành Trung ương" when the body uses that phrase; words the body never uses keep `fallback`.
 */
export function recase(upper: string, body: string, fallback: (text: string) => string): string {
  if (!isUpper(upper)) return upper;
  const words = upper.split(/\s+/u).filter(Boolean);
  const haystack = collapseSpaces(body.replace(/[*_`#|]+/g, " "));
  const lower = haystack.toLowerCase();
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    let taken = 0;
    // The longest run of words (up to 8) that the body has, in the body's own capitals.
    for (let n = Math.min(8, words.length - i); n >= 2 && taken === 0; n--) {
      const phrase = words.slice(i, i + n).join(" ").toLowerCase();
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${phrase.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "gu");
      // The body's most capitalised spelling: a body is named "Ban Chấp hành Trung ương", a common noun
      // phrase ("ban chấp hành đảng bộ") is not.
      let best: string | null = null;
      for (const m of lower.matchAll(re)) {
        const spelled = haystack.slice(m.index ?? 0, (m.index ?? 0) + phrase.length);
        // Another upper-case line ("CHỦ TỊCH ỦY BAN NHÂN DÂN …") says nothing about how the name is written.
        if (isUpper(spelled)) continue;
        if (best === null || capitals(spelled) > capitals(best)) best = spelled;
      }
      if (best !== null) {
        out.push(...best.split(" "));
        taken = n;
      }
    }
    if (taken === 0) {
      // A word alone continues a name in capitals when the body writes it so ("… Cộng sản Việt" + "Nam").
      const word = words[i] ?? "";
      const previous = out[out.length - 1] ?? "";
      const capitalised = `${word.charAt(0)}${word.slice(1).toLowerCase()}`;
      const namesOn = /^\p{Lu}/u.test(previous) && new RegExp(`(?<![\\p{L}])${capitalised}(?![\\p{L}])`, "u").test(haystack);
      out.push(...(namesOn ? capitalised : fallback(word)).split(" "));
      taken = 1;
    }
    i += taken;
  }
  const text = out.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * How Vietnamese cite a document: "Hướng dẫn số 45-HD/BTCTW ngày 21/11/2025". Null without kind and number.
 */
export function citationName(header: DocumentHeader): string | null {
  if (!header.kind || !header.number) return null;
  return `${header.kind} số ${header.number}${header.date ? ` ngày ${header.date}` : ""}`;
}

/** A document without a number is named by its kind and subject: "Điều lệ Đảng Cộng sản Việt Nam". */
export function unnumberedName(header: DocumentHeader): string | null {
  if (!header.kind || header.number || !header.subject) return null;
  return `${header.kind} ${header.subject}${header.date ? ` (${header.date})` : ""}`;
}

/** Whether a question (folded, see `fieldQuestion`) of this kind asks for a header field. */
export function asksHeaderField(field: { asks: RegExp; kinds?: readonly string[]; unless?: RegExp }, foldedQuestion: string, kind: string): boolean {
  return field.asks.test(foldedQuestion) && !(field.unless?.test(foldedQuestion) ?? false) && (!field.kinds || field.kinds.includes(kind));
}

const ENGLISH_DOCUMENT_KINDS = "decision|resolution|directive|regulation|guidance|guideline|instruction|document|letter|plan|report|notice|announcement|conclusion|submission|charter|rules";

/**
 * The labelled lines of a header passage, and what a question asking for each looks like (folded): "ai
 * ký", "ban hành ngày nào", "số hiệu", "cơ quan nào ban hành", "gửi cho ai"; `kinds`, the question kinds
 * a field answers; `unless`, what makes a question that looks like it ask something else.
 */
export const HEADER_FIELDS: ReadonlyArray<{ label: string; asks: RegExp; kinds?: readonly string[]; unless?: RegExp }> = [
  // (Also "ký với chức vụ gì"; not "trong bao lâu kể từ ngày ký".)
  { label: "Người ký", asks: /\bky\b|\bsign(?:ed|er|s|ing)?\b/, kinds: ["who", "other", "definition"] },
  // "ra Thông báo 659 … ngày nào": "ra" (issue) with a document kind asks for its date too, and so does a
  // date asked with the document's number ("mang số mấy, ngày nào").
  { label: "Ngày ban hành", asks: new RegExp(`ban hanh|\\bky\\b|\\bissued?\\b|\\bsigned\\b|\\bdated\\b|(?<!\\bde )\\bra (?:${DOCUMENT_KIND_WORDS.map(foldKey).join("|")})\\b|\\bso (?:may|bao nhieu|hieu)\\b.*\\bngay\\b`), kinds: ["date", "when", "where"] },
  // "Cơ quan nào ra quyết định …": to "ra" a document is to issue it.
  { label: "Cơ quan ban hành", asks: new RegExp(`ban hanh|\\bissu(?:ed|es|ing)?\\b|(?<!\\bde )\\bra (?:${DOCUMENT_KIND_WORDS.map(foldKey).join("|")})\\b`), kinds: ["who"] },
  // (In English, the number of a document, not "the number of days".)
  { label: "Số hiệu", asks: new RegExp(`so hieu|\\bso (?:la )?(?:may|bao nhieu)\\b|\\b(?:co|mang) so (?:la )?gi\\b|\\b(?:document|reference|serial|official) number\\b|\\bnumber (?:of|for) (?:the|this|that|its) (?:[a-z]+ ){0,2}(?:${ENGLISH_DOCUMENT_KINDS})\\b|\\b(?:${ENGLISH_DOCUMENT_KINDS})(?:'s)? number\\b|\\bnumbered\\b`),
    // "số điện thoại … là số mấy": other numbers than a document's; "tổng số bao nhiêu đại biểu" a count.
    // (… nor "thay cho thông báo số mấy": the number of the document it replaces.)
    unless: /\btong so\b|\bso luong\b|\bthay (?:cho|the)\b|\breplac|\bso (?:dien thoai|tai khoan|nha|the|can cuoc|chung minh|fax|luong|phong|ho|xe|hop dong)\b|\b(?:phone|account|house|card|fax) number\b/ },
  { label: "Kính gửi", asks: /kinh gui|gui (?:cho|den|toi)|addressed|sent to/ },
  // "Quy chế … được ban hành kèm theo quyết định nào?", "Which decision was the regulation issued with?"
  { label: "Ban hành kèm theo", asks: /kem theo|\battached to\b|\bissued (?:together )?with\b|\b(?:issued|promulgated) (?:under|by) (?:which|what) decision\b|\bwhich decision (?:issued|promulgated)\b/ },
  { label: "Nơi nhận", asks: /noi nhan|gui (?:cho|den|toi)|recipient|sent to/ },
];

// Folded, "ky" is "ký" (sign), "kỳ" (period) and "kỷ" (discipline): only the first asks for a signer.
const PERIOD_BEFORE_KY = /\b(nhiem|dinh|thoi|hoc|cuoi|dau|moi|hang|chu) ky\b/g;
const KY_COMPOUND = /\bky (luat|niem|hop|thuat|cuong|nang|thi|tich|vong|han)\b/g;

/**
 * The folded question the header fields' `asks` are tested on: a "ky" that is not "ký" (sign) is written
 * "kyx" ("nhiệm kỳ 2025 - 2030 mang số hiệu gì" asks no signer). With diacritics, the written tone decides;
 * without, the compounds "nhiệm kỳ", "định kỳ", "kỷ luật", "kỳ họp" … do.
 */
export function fieldQuestion(question: string): string {
  if (/[^\p{ASCII}]/u.test(question)) {
    return foldKey(question.replace(/\p{L}+/gu, (word) => (foldKey(word) === "ky" && !/^k[ýí]$/iu.test(word) ? "kyx" : word)));
  }
  return foldKey(question).replace(PERIOD_BEFORE_KY, "$1 kyx").replace(KY_COMPOUND, "kyx $1");
}

/** Whether a question asks who signed (or when): "ký", not "kỳ" or "kỷ" (see `fieldQuestion`); in English "signed". */
export function asksSigning(question: string): boolean {
  const folded = fieldQuestion(question);
  return /\bky\b/.test(folded) || /\bsign(?:s|ed|ing|er|ers|atory|atories)?\b/.test(folded);
}

/** The document number a header passage records ("45-HD/BTCTW"), or null. */
export function headerNumber(headerText: string): string | null {
  return headerText.match(/^Số hiệu: (\S+)/mu)?.[1] ?? null;
}

/** Whether a word is written with a capital ("Phú", "HTX"). */
function capitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/**
 * Whether a question asks of a document acting on another thing than the one this header's subject names:
 * "Quyết định thành lập Chi bộ Hợp tác xã Nông nghiệp Phú An có số hiệu là gì?" of a header whose subject is
 * "về việc thành lập Chi bộ Công ty Cổ phần Chế biến Nông sản Thạnh Lợi" — the decision founding the other
 * chi bộ, which this one's text only mentions. The question says the subject's opening words (its act, two
 * words at least), then both go on with a capitalised name, and the subject's rest says at most half of the
 * question's name's words. A subject that names nothing after its act ("về việc thi hành kỷ luật đảng viên")
 * leaves the question to the document's text; so does a question typed without capitals.
 */
export function asksOfAnotherSubject(question: string, headerText: string): boolean {
  const titleLine = headerText.split("\n", 1)[0] ?? "";
  const colon = titleLine.indexOf(": ");
  if (colon < 0) return false;
  const wordsOf = (text: string): string[] => text.match(/[\p{L}\p{N}]+/gu) ?? [];
  const subject = wordsOf(titleLine.slice(colon + 2));
  const opening = foldKey(subject.slice(0, 2).join(" "));
  const said = subject.slice(opening === "ve viec" || opening === "v v" ? 2 : 0);
  const saidFolded = said.map(foldKey);
  const asked = wordsOf(question);
  const askedFolded = asked.map(foldKey);
  // The longest run of the subject's opening words the question says.
  let at = -1;
  let length = 0;
  for (let i = 0; i < asked.length; i++) {
    let l = 0;
    while (l < saidFolded.length && askedFolded[i + l] === saidFolded[l]) l++;
    if (l > length) [at, length] = [i, l];
  }
  // Both go on with a name at once, each its own ("… thành lập Chi bộ | Hợp tác xã …" and "… | Công ty …"):
  // a subject going on otherwise ("Làm việc của Ban Chấp hành Đảng bộ huyện | khóa XXIII") names no other thing
  // than the question's.
  // (A subject's owner — "Kiểm tra, giám sát năm 2026 của | Ban Chấp hành, Ban Thường vụ Huyện ủy" — is its
  // issuer, named in many ways: "của Huyện ủy Thạch Lâm" is the same.)
  if (length < 2 || saidFolded[length - 1] === "cua" || !capitalised(said[length] ?? "")) return false;
  // The name the question goes on with: capitalised words, with the lowercase ones between them ("Hợp tác xã
  // Nông nghiệp Phú An").
  const named: string[] = [];
  for (let k = at + length; k < asked.length; k++) {
    const word = asked[k] ?? "";
    if (capitalised(word)) named.push(foldKey(word));
    else if (named.length === 0 || !(capitalised(asked[k + 1] ?? "") || capitalised(asked[k + 2] ?? ""))) break;
  }
  const subjectNames = new Set(said.slice(length).filter(capitalised).map(foldKey));
  if (named.length === 0 || subjectNames.size === 0) return false;
  return named.filter((word) => !subjectNames.has(word)).length * 2 > named.length;
}

/** A committee's organs that sign on its behalf ("T/M BAN THƯỜNG VỤ" under "HUYỆN ỦY KIM LÃNG"). */
const COMMITTEE_ORGAN = /^(?:T\/M|TM\.|T\.M)\s*(BAN THƯỜNG VỤ|THƯỜNG TRỰC|BAN BÍ THƯ|BỘ CHÍNH TRỊ)(?!\p{L})/u;
/** The Central Committee's organs, which its documents are issued by ("T/M BAN BÍ THƯ" under "BAN CHẤP HÀNH TRUNG ƯƠNG"). */
const CENTRAL_ORGANS: Readonly<Record<string, string>> = { "BAN BÍ THƯ": "Ban Bí thư", "BỘ CHÍNH TRỊ": "Bộ Chính trị" };

/**
 * The body a document is issued by when its signer signs for an organ of the issuing committee: "Ban
 * Thường vụ Huyện ủy Kim Lãng" for a header naming "HUYỆN ỦY KIM LÃNG" signed "T/M BAN THƯỜNG VỤ", "Ban Bí
 * thư (Ban Chấp hành Trung ương)" for "BAN CHẤP HÀNH TRUNG ƯƠNG" signed "T/M BAN BÍ THƯ". Null otherwise.
 */
function onBehalfOf(header: DocumentHeader): string | null {
  const organ = COMMITTEE_ORGAN.exec(header.signerRole ?? "")?.[1];
  // "BAN CHẤP HÀNH TRUNG ƯƠNG" signed "T/M BAN BÍ THƯ": issued by the Secretariat, of the Central Committee.
  const central = organ !== undefined ? CENTRAL_ORGANS[organ] : undefined;
  if (central !== undefined) return header.issuer !== null && foldKey(header.issuer) === "ban chap hanh trung uong" ? `${central} (Ban Chấp hành Trung ương)` : null;
  // (A committee is "… ủy", or "… uỷ" in the old tone placement.)
  if (!organ || !header.issuer || !/(?<!\p{L})(?:ủy|uỷ)(?!\p{L})/iu.test(header.issuer)) return null;
  const name = organ === "BAN THƯỜNG VỤ" ? "Ban Thường vụ" : "Thường trực";
  return foldKey(header.issuer).includes(foldKey(name)) ? null : `${name} ${header.issuer}`;
}

/**
 * The header as a quotable passage, one fact a line, each line labelled the way questions ask for it
 * ("Người ký", "Ngày ban hành"): "ai ký …", "ban hành ngày nào" find their line.
 */
export function headerPassageText(header: DocumentHeader): string {
  const lines: string[] = [];
  const name = citationName(header);
  if (name) lines.push(`${name}${header.subject ? `: ${header.subject}` : ""}`);
  if (header.number) lines.push(`Số hiệu: ${header.number}`);
  if (header.issuer) lines.push(`Cơ quan ban hành: ${onBehalfOf(header) ?? header.issuer}${header.superior ? ` (${header.superior})` : ""}`);
  if (header.dateText || header.date) {
    const written = header.dateText ? `${header.place ? `${header.place}, ` : ""}${header.dateText}` : "";
    lines.push(`Ngày ban hành: ${[written, header.date].filter(Boolean).join(" (")}${written && header.date ? ")" : ""}`);
  }
  const signed = (name: string, role: string | null): string => `${name}${role ? ` (${role})` : ""}`;
  if (header.signer) lines.push(`Người ký: ${[signed(header.signer, header.signerRole), ...(header.cosigners ?? []).map((c) => signed(c.name, c.role))].join("; ")}`);
  if (header.issuedWith) lines.push(`Ban hành kèm theo: ${header.issuedWith}`);
  if (header.addressees && header.addressees.length > 0) lines.push(`Kính gửi: ${header.addressees.join("; ")}`);
  if (header.recipients.length > 0) lines.push(`Nơi nhận: ${header.recipients.join("; ")}`);
  return lines.join("\n");
}
