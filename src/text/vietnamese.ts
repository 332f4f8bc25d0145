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

/** The national and party mottos of a header's right-hand cell: never part of the issuing body. */
export const NATIONAL_MOTTO = /^(?:cộng hòa|cộng hoà|độc lập\s*-|đảng cộng sản việt nam$)/iu;

/** Marks that open a signing block: thay mặt, ký thay, quyền, thừa lệnh, thừa ủy quyền. */
export const SIGNING_MARKER = /^(?:T\/M|TM\.|K\/T|KT\.|Q\.|TL\.|TUQ\.|T\.M|K\.T)\s*/u;
