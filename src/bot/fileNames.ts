/**
 * Safe names for uploaded documents. A name comes from the sender's client and may hold anything:
 * "../../etc/passwd", "C:\\x.pdf", control characters, a leading dot that hides the file from the
 * ingest. Only the last path segment survives, reduced to letters, digits, spaces and `._()-`.
 */

/** Extensions an admin may upload (the formats the ingest reads). */
export const UPLOAD_EXTENSIONS = [".txt", ".md", ".html", ".htm", ".pdf", ".docx"] as const;

const MAX_STEM_CHARS = 100;

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
  let stem = cleaned
    .slice(0, dot)
    .replace(/\.{2,}/g, ".")
    .replace(/^[\s._-]+|[\s.]+$/g, "");
  if (stem.length > MAX_STEM_CHARS) stem = stem.slice(0, MAX_STEM_CHARS).trimEnd();
  return `${stem || "tai-lieu"}${extension}`;
}
