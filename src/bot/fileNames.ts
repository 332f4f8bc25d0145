/**
 * Safe names for uploaded documents. A name comes from the sender's client and may hold anything:
 * "../../etc/passwd", "C:\\x.pdf", control characters, a leading dot that hides the file from the
 * ingest. Only the last path segment survives, reduced to letters, digits, spaces and `._()-`.
 */

import { IMAGE_EXTENSIONS, SUPPORTED_EXTENSIONS } from "../corpus/types.js";

/** Extensions an admin may upload: the formats the ingest reads. */
export const UPLOAD_EXTENSIONS = SUPPORTED_EXTENSIONS;

/** True for an image format, which the ingest reads by OCR (slow: the reply says so). */
export function isImageFileName(name: string): boolean {
  return (IMAGE_EXTENSIONS as readonly string[]).some((extension) => name.toLowerCase().endsWith(extension));
}

const MAX_STEM_CHARS = 100;
/**
 * File systems limit a name to 255 bytes (ext4, APFS, …), and a Vietnamese letter such as "ệ" is 3
 * bytes in UTF-8: 100 of them would already be refused (ENAMETOOLONG). The stem stays well below.
 */
const MAX_STEM_BYTES = 200;

/** The longest prefix of `stem` within both limits, cut between code points (never inside a surrogate pair). */
function clipStem(stem: string): string {
  let clipped = "";
  let bytes = 0;
  for (const char of stem) {
    const size = Buffer.byteLength(char, "utf8");
    if (clipped.length + char.length > MAX_STEM_CHARS || bytes + size > MAX_STEM_BYTES) break;
    clipped += char;
    bytes += size;
  }
  return clipped.replace(/[\s.]+$/, "");
}

/**
 * The name an upload is saved under, or null when its extension is not one of
 * {@link UPLOAD_EXTENSIONS}. The result has no path separators, does not start with a dot and keeps
 * Vietnamese letters (NFC).
 */
export function safeFileName(raw: string): string | null {
  const base = raw.normalize("NFC").split(/[/\\]/).pop() ?? "";
  const cleaned = base
    .replace(/[^\p{L}\p{M}\p{N} ._()-]+/gu, "_")
    .replace(/\s+/g, " ")
    .trim();
  const dot = cleaned.lastIndexOf(".");
  if (dot < 0) return null;
  const extension = cleaned.slice(dot).toLowerCase();
  if (!(UPLOAD_EXTENSIONS as readonly string[]).includes(extension)) return null;
  const stem = clipStem(
    cleaned
      .slice(0, dot)
      .replace(/\.{2,}/g, ".")
      .replace(/^[\s._-]+|[\s.]+$/g, ""),
  );
  return `${stem || "tai-lieu"}${extension}`;
}

/**
 * The name a photo (which has none) is saved under: its caption when it has one ("Báo cáo quý I" →
 * "Báo cáo quý I.jpg"), else "anh-" and the time it was sent (UTC): "anh-20250314-081502.jpg".
 * Telegram sends every photo as JPEG.
 */
export function photoFileName(caption: string | undefined, sentAtS: number): string {
  const firstLine = caption?.split("\n")[0]?.trim() ?? "";
  // A caption is a title, not a path: "quý I/2025" keeps both parts.
  const fromCaption = firstLine === "" ? null : safeFileName(`${firstLine.replace(/[/\\]/gu, "-").replace(/\.+$/u, "")}.jpg`);
  if (fromCaption !== null && fromCaption !== "tai-lieu.jpg") return fromCaption;
  const stamp = new Date(sentAtS * 1000).toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return `anh-${stamp}.jpg`;
}
