/** Human-readable location of a passage in its document, in Vietnamese. */
import type { Passage } from "./types.js";

/** Added to the location of a passage read by OCR, so that readers check the original before relying on it. */
export const SCANNED_MARKER = "(văn bản quét)";

/**
 * "Chương V › Điều 21, khoản 2", "Mục “Kinh nghiệm”, đoạn 4", "đoạn 3, trang 2", and "… (văn bản quét)"
 * for a passage read by OCR. Numbered clauses under an article are named by their own number (khoản),
 * as lawyers and cadres cite them.
 */
export function formatLocation(p: Pick<Passage, "section" | "paragraph" | "page" | "text" | "isScanned">): string {
  const location = placeOf(p);
  return p.isScanned ? `${location} ${SCANNED_MARKER}` : location;
}

function placeOf(p: Pick<Passage, "section" | "paragraph" | "page" | "text">): string {
  const parts: string[] = [];
  if (p.paragraph === 0 && p.section !== null) return p.section;
  if (p.paragraph === 0 && p.section === null) return p.page !== null ? `Tiêu đề, trang ${p.page}` : "Tiêu đề";
  const clause = p.text.match(/^(\d+)\.\s/);
  if (p.section && /(?:^|› )(?:Điều|Mục)\s/u.test(p.section)) {
    parts.push(clause ? `${p.section}, khoản ${clause[1]}` : `${p.section}, đoạn ${p.paragraph}`);
  } else if (p.section && /^[IVXLC]+\.\s.* › /u.test(p.section)) {
    // "II. Về quy hoạch cán bộ › 1. Về nguyên tắc quy hoạch" with a point "a) …": cited "Mục II, 1 “Về
    // nguyên tắc quy hoạch”, điểm a".
    const [, roman = "", heading = ""] = p.section.match(/^([IVXLC]+)\.\s.*? › (.*)$/u) ?? [];
    const [, number, name = heading] = heading.match(/^(\d+(?:\.\d+)*)\.\s+(.*)$/u) ?? [];
    const letter = p.text.match(/^([a-zđ])\)\s/u)?.[1];
    const point = letter ? `điểm ${letter}` : (p.text.match(/^(\d+(?:\.\d+)*)\.\s/u)?.[1] ?? `đoạn ${p.paragraph}`);
    parts.push(`Mục ${roman}, ${number ? `${number} ` : ""}“${name}”, ${point}`);
  } else if (p.section && /^[IVXLC]+\.\s/u.test(p.section)) {
    // "I. Về phân cấp quản lý cán bộ" with a point "1.2. …": cited "Mục I “Về phân cấp quản lý cán bộ”, 1.2".
    const [, roman = "", name = ""] = p.section.match(/^([IVXLC]+)\.\s+(.*)$/u) ?? [];
    const point = p.text.match(/^(\d+(?:\.\d+)*)\.\s/u)?.[1] ?? p.text.match(/^([a-zđ])\)\s/u)?.[1];
    parts.push(`Mục ${roman} “${name}”, ${point ?? `đoạn ${p.paragraph}`}`);
  } else if (p.section && /^(?:Chương|Phần)\s/u.test(p.section)) {
    parts.push(`${p.section}, đoạn ${p.paragraph}`);
  } else if (p.section) {
    parts.push(`Mục “${p.section}”, đoạn ${p.paragraph}`);
  } else {
    parts.push(`Đoạn ${p.paragraph}`);
  }
  if (p.page !== null) parts.push(`trang ${p.page}`);
  return parts.join(", ");
}
