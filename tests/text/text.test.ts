import { describe, expect, it } from "vitest";
import { analyzeText } from "../../src/text/analyze.js";
import { expandAbbreviations, findSynonyms, looksEnglish, translateEnglish } from "../../src/text/lexicon.js";
import { cleanUnicode, foldDiacritics, hasDiacritics, toneKey } from "../../src/text/normalize.js";
import { splitClauses, splitSentences } from "../../src/text/sentences.js";
import { canonicalNumber, rewriteSyllables, tokenize } from "../../src/text/tokenize.js";

describe("normalisation", () => {
  it("treats old and new tone placement alike", () => {
    expect(toneKey("uỷ")).toBe(toneKey("ủy"));
    expect(toneKey("hoà")).toBe(toneKey("hòa"));
    expect(toneKey("thuỷ")).toBe(toneKey("thủy"));
    expect(toneKey("ủy")).not.toBe(toneKey("uy"));
  });

  it("folds every diacritic and đ", () => {
    expect(foldDiacritics("Đảng uỷ cơ sở")).toBe("Dang uy co so");
    expect(hasDiacritics("co bao nhieu")).toBe(false);
    expect(hasDiacritics("có bao nhiêu")).toBe(true);
  });

  it("folds character by character exactly as decomposing, dropping the marks and recomposing the whole text would", () => {
    const byDefinition = (t: string): string => t.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFC");
    // Every Latin, Vietnamese and punctuation character the table covers, combining marks (decomposed
    // text), and characters that compose with their neighbours (Hangul jamo, Devanagari nukta).
    const pool: number[] = [];
    for (let c = 0x20; c < 0x370; c++) pool.push(c);
    for (let c = 0x1e00; c < 0x1f00; c++) pool.push(c);
    for (let c = 0x2000; c < 0x2070; c++) pool.push(c);
    pool.push(0x1100, 0x1161, 0x11a8, 0xac00, 0x0915, 0x093c, 0x05d0, 0x05b8);
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 20_000; i++) {
      const text = Array.from({ length: 1 + next(10) }, () => String.fromCharCode(pool[next(pool.length)] ?? 32)).join("");
      expect(foldDiacritics(text)).toBe(byDefinition(text));
    }
    const decomposed = "Nghị quyết Đại hội Đảng bộ xã".normalize("NFD");
    expect(foldDiacritics(decomposed)).toBe("Nghi quyet Dai hoi Dang bo xa");
    expect(foldDiacritics("\u1100\u1161 한")).toBe(byDefinition("\u1100\u1161 한"));
  });

  it("composes decomposed (NFD) text and drops zero-width and control characters", () => {
    const nfd = "chi bộ".normalize("NFD");
    expect(cleanUnicode(`${nfd}\u200B\u0007`)).toBe("chi bộ");
  });
});

describe("tokenizing", () => {
  it("keeps numbers, fractions, dates and percentages as units", () => {
    const tokens = tokenize("68/152 xã, 1.357 đảng viên, 1,3%, ngày 17-11-2009").map((t) => t.fold);
    expect(tokens).toEqual(["68/152", "xa", "1357", "dang", "vien", "1,3%", "ngay", "17-11-2009"]);
    expect(canonicalNumber("1.357")).toBe("1357");
  });

  it("reads a day, a month or a small count the same with or without its leading zero (\"28/02/2026\" = \"28/2/2026\", \"05\" = \"5\")", () => {
    expect(tokenize("tính đến ngày 28/02/2026").map((t) => t.fold)).toEqual(["tinh", "den", "ngay", "28/2/2026"]);
    expect(canonicalNumber("05/01/2026")).toBe("5/1/2026");
    expect(canonicalNumber("02/2026")).toBe("2/2026");
    expect(canonicalNumber("05")).toBe("5");
    // (Longer numbers keep their zeros: a phone prefix, a year, a fraction of large numbers.)
    expect(canonicalNumber("0259")).toBe("0259");
    expect(canonicalNumber("2025-2030")).toBe("2025-2030");
    expect(canonicalNumber("1.934/4.706")).toBe("1.934/4.706");
  });

  it("reads a range the same whichever dash it is typed with (\"2025–2026\" = \"2025-2026\"), its years still matching alone", () => {
    expect(tokenize("năm học 2025–2026").map((t) => t.fold)).toEqual(["nam", "hoc", "2025-2026"]);
    expect(tokenize("nam hoc 2025-2026").map((t) => t.fold)).toEqual(["nam", "hoc", "2025-2026"]);
    expect(analyzeText("năm học 2025—2026").fold).toEqual(expect.arrayContaining(["2025", "2026"]));
  });

  it("adds the parts of fractions and dates as matching terms", () => {
    const view = analyzeText("68/152 xã");
    expect(view.fold).toEqual(expect.arrayContaining(["68/152", "68", "152"]));
  });

  it("builds bigrams only inside phrases, not across punctuation", () => {
    const view = analyzeText("chi bộ cơ quan xã, phường");
    expect(view.bigrams).toContain("chi_bo");
    expect(view.bigrams).toContain("co_quan");
    expect(view.bigrams).not.toContain("xa_phuong");
  });
});

describe("rewriting syllables", () => {
  it("writes syllables anew in place, keeping their capital letter and everything between them", () => {
    expect(rewriteSyllables("Đang bô huyện, 2025?", (t) => ({ đang: "đảng", bô: "bộ" })[t.lower] ?? null)).toBe("Đảng bộ huyện, 2025?");
    expect(rewriteSyllables("Chi bộ họp", () => null)).toBeNull();
    expect(rewriteSyllables("Chi bộ họp", (t) => t.lower)).toBeNull();
  });
});

describe("abbreviations and glossary", () => {
  it("expands abbreviations in upper case and unambiguous lower case, not ordinary syllables", () => {
    expect(expandAbbreviations("59 TCCSĐ")).toContain("tổ chức cơ sở đảng");
    expect(expandAbbreviations("bao nhieu tccsd")).toContain("tổ chức cơ sở đảng");
    expect(expandAbbreviations("BTV Tỉnh ủy")).toContain("ban thường vụ");
    // (Formal abbreviations of state administration too, typed in lower case in questions.)
    expect(expandAbbreviations("đảng viên người dtts")).toContain("dân tộc thiểu số");
    expect(expandAbbreviations("hồ sơ TTHC giải quyết trực tuyến")).toContain("thủ tục hành chính");
    expect(expandAbbreviations("tư tưởng")).toBe("tư tưởng");
  });

  it("recognises English questions and translates domain terms", () => {
    expect(looksEnglish("How many communes keep agency party cells?")).toBe(true);
    expect(looksEnglish("co bao nhieu phuong co chi bo co quan")).toBe(false);
    const t = translateEnglish("How many party members are in the agency cells of wards?");
    expect(t.groups.flat()).toEqual(expect.arrayContaining(["đảng viên", "cơ quan", "chi bộ", "phường"]));
    // General words of official letters: notifying employers, e-mail addresses, members performing their duties.
    const letter = translateEnglish("By what date must the office notify the employers of members not performing well, and at which email address?");
    expect(letter.unknown).toEqual([]);
    expect(letter.groups.flat()).toEqual(expect.arrayContaining(["thông báo", "cơ quan quản lý", "thực hiện", "thư điện tử"]));
    // A quarter named by its ordinal is the quarter as documents number it ("quý IV"), not a fourth item.
    expect(translateEnglish("By what date must fourth-quarter 2026 party dues reach the district office?").groups.flat()).toEqual(expect.arrayContaining(["quý IV"]));
    // (A quarter written short, and the months of a year's part, as the reports write them.)
    expect(translateEnglish("How many letters did the commission receive in Q1 2027?").groups.flat()).toEqual(expect.arrayContaining(["quý I"]));
    expect(translateEnglish("How many members were admitted in the first nine months of 2025?").groups.flat()).toEqual(expect.arrayContaining(["9 tháng đầu năm"]));
    // Verbs in their usual senses in these documents (reviewed without the questions): money "recommended" by
    // an inspection is "kiến nghị", resources "mobilised" are "huy động", an officer "posted" on a portal "đăng tải".
    expect(translateEnglish("How much of the recommended money was paid back?").groups.flat()).toContain("kiến nghị");
    expect(translateEnglish("How much capital was mobilised?").groups[1]?.[0]).toBe("huy động");
    // Nouns and adjectives in their usual senses in these documents (reviewed without the questions): "digital"
    // is "số" (chuyển đổi số), "concrete" measures are "cụ thể", a training "course" is a "lớp".
    expect(translateEnglish("What digital platform is used?").groups[0]?.[0]).toBe("số");
    expect(translateEnglish("Which concrete measures?").groups[0]?.[0]).toBe("cụ thể");
    expect(translateEnglish("How long is the course?").groups[0]?.[0]).toBe("lớp");
    // Phrases with the forms documents write (reviewed without the questions): a commune's congress is its "đại
    // hội đại biểu", a district's Standing Committee is "Ban Thường vụ" in the district's own documents.
    expect(translateEnglish("When was the commune party congress held?").groups[0]).toContain("đại hội đại biểu đảng bộ xã");
    expect(translateEnglish("What must the district Standing Committee send?").groups[0]).toContain("ban thường vụ");
    // An adverb in "-ally" is read by its adjective in "-al" ("normally" is not "norm", a quota); one in "-ically" by "-ic".
    expect(translateEnglish("Who is normally nominated?").groups.flat()).not.toContain("định mức");
    expect(translateEnglish("How was the plan carried out economically?").groups.flat()).toEqual(expect.arrayContaining(["kinh tế"]));
  });

  it("knows the general vocabulary of local reports (farming, infrastructure, schools, welfare, security), written without the questions", () => {
    const t = translateEnglish("By when must the hamlet chief finish dredging the irrigation canals, and how many war invalids get health insurance?");
    expect(t.unknown).toEqual([]);
    expect(t.groups.flat()).toEqual(expect.arrayContaining(["nạo vét", "thủy lợi", "thương binh", "bảo hiểm y tế"]));
  });

  it("keeps the Vietnamese terms an English question writes as they are, not as unknown English words", () => {
    const t = translateEnglish("Which chi bộ is responsible for the tổ dân phố meetings under the ward's dân vận plan?");
    expect(t.unknown).toEqual([]);
    expect(t.groups).toEqual(expect.arrayContaining([["chi bộ"], ["tổ dân phố"], ["dân vận"]]));
    // (Unaccented words alone stay English, or unknown: "chi" needs an accented neighbour.)
    expect(translateEnglish("What does chi mean?").groups.flat()).not.toContain("chi");
  });

  it("knows the documents' frequent vocabulary, grown from the corpora's most frequent phrases (not from questions)", () => {
    const t = translateEnglish("How many affiliated party cells prepared to convert rice land, and which members were excused from the meeting?");
    expect(t.unknown).toEqual([]);
    expect(t.groups.flat()).toEqual(expect.arrayContaining(["chi bộ trực thuộc", "chuẩn bị", "chuyển đổi", "lý do"]));
  });

  it("names the teams and bodies a congress or a plan sets up as documents name them", () => {
    const flat = (q: string): string[] => translateEnglish(q).groups.flat();
    expect(flat("Who leads the congress support team?")).toContain("tổ giúp việc");
    expect(flat("How many members does the inspection team have?")).toContain("đoàn kiểm tra");
    expect(flat("Who heads the vote-counting committee?")).toContain("ban kiểm phiếu");
    expect(flat("Who sits on the presidium?")).toContain("đoàn chủ tịch");
    expect(flat("Which subcommittee drafts the political report?")).toContain("tiểu ban");
    // A level's Organisation Board is its Ban Tổ chức, not its party organisation and a board; the merged
    // Propaganda and Mass Mobilisation Board is one board.
    expect(flat("Which official of the Thạch Ninh Provincial Party Organization Board follows up card dossiers?")).toContain("ban tổ chức tỉnh ủy");
    expect(flat("Which official of the Thạch Ninh Provincial Party Organization Board follows up card dossiers?")).not.toContain("đảng bộ tỉnh");
    expect(flat("Whom should they contact at the Propaganda and Mass Mobilization Board?")).toContain("ban tuyên giáo và dân vận");
    // (A conference's presenter delivers the resolution: "Báo cáo viên"; its connection points are "điểm cầu".)
    expect(flat("Who delivers the resolution at the conference?")).toEqual(expect.arrayContaining(["báo cáo", "quán triệt"]));
    expect(flat("How many connection points does the online conference link to?")).toContain("điểm cầu");
    // (A dossier's copies are counted in sets, "02 bộ"; it is written in ink of a colour; a pilot congress is "đại hội điểm".)
    expect(flat("How many copies of the party admission dossier have to be submitted?")).toEqual(expect.arrayContaining(["bộ"]));
    expect(flat("What ink colours can be used when filling in the papers?")).toEqual(expect.arrayContaining(["mực", "màu", "ghi"]));
    expect(flat("Where is the bloc's pilot party cell congress being held?")).toContain("điểm");
    // (At a conference, the turnout is who attended.)
    expect(flat("What was the turnout at the conference?")).toContain("tham dự");
  });

  it("reads 'once' opening a question as the conjunction, and 'once a month' as a count", () => {
    expect(translateEnglish("Once the company gets its own party committee, which cells will sit under it?").groups.flat()).not.toContain("một lần");
    expect(translateEnglish("Once the company gets its own party committee, which cells will sit under it?").groups.flat()).toContain("trực thuộc");
    expect(translateEnglish("Once a month, what must the cell review?").groups.flat()).toContain("một lần");
    // (Mid-question before a clause's subject too; before its count, a count.)
    expect(translateEnglish("What's the deadline to hold the ceremony once the decision arrives?").groups.flat()).not.toContain("một lần");
    expect(translateEnglish("Does the cell meet once a month?").groups.flat()).toContain("một lần");
    // A name may open the question: "Vi" is a name's first syllable, "Does" no name.
    expect(translateEnglish("Vi Văn Khải was appointed to which committee?").groups.flat()).toContain("Vi");
    expect(translateEnglish("Does Hoa Binh have a party cell?").groups.flat()).not.toContain("Does");
    expect(translateEnglish("Which party cell was picked to hold the district's pilot congress?").groups.flat()).toEqual(expect.arrayContaining(["chọn", "đại hội điểm"]));
    // A body named with capitals is named; a phrase of function words is none ("at most").
    expect(translateEnglish("How many members does the provincial Business Bloc party organisation have?").named).toEqual([["khối doanh nghiệp"]]);
    const most = translateEnglish("How many key targets can each party cell set for the 2025-2027 term at most?");
    expect(most.named).toEqual([]);
    expect(most.groups[0]).toContain("chỉ tiêu chủ yếu");
  });

  it("says the head of a body named after 'head' by the office that heads it", () => {
    const head = (q: string): string[] | undefined => translateEnglish(q).groups.find((g) => g[0] === "người đứng đầu" || g[0] === "trưởng");
    expect(head("Who heads the commune's party inspection commission?")).toContain("chủ nhiệm");
    expect(head("Who is the head of the district People's Committee?")).toContain("chủ tịch");
    expect(head("Who is the head of the steering board?")).toContain("trưởng ban");
    expect(head("Who is the head of the agency?")).not.toContain("chủ nhiệm");
  });

  it("finds a synonym only where the syllables typed with marks are its own", () => {
    expect(findSynonyms("Mỗi xã được chọn mấy trường hợp?")).toEqual([]);
    expect(findSynonyms("Chi bộ họp mấy lần?").map((s) => s.found)).toEqual(["họp"]);
    expect(findSynonyms("chi bo hop may lan").map((s) => s.found)).toEqual(["họp"]);
  });

  it("reads English words as written, not as the glossary's headwords", () => {
    // A possessive and quotation marks are not part of the word; a name may start with a function word.
    const named = translateEnglish("In Can Tho's plan, which units are rated 'excellent'?");
    expect(named.groups).toContainEqual(["Can"]);
    expect(named.groups).toContainEqual(["Tho"]);
    expect(named.groups.flat()).not.toContain("Tho's");
    expect(named.groups.flat()).toEqual(expect.arrayContaining(["xếp loại", "xuất sắc"]));
    expect(named.unknown).toEqual([]);
    // Verb and adverb endings, hyphenated compounds and ordinal numbers.
    const inflected = translateEnglish("Which appendices are attached to the newly signed law-making plan for the 14th Congress?");
    expect(inflected.groups.flat()).toEqual(expect.arrayContaining(["phụ lục", "kèm theo", "mới", "ký", "xây dựng pháp luật", "14"]));
    expect(inflected.unknown).toEqual([]);
    // Light verbs carry nothing the documents would say.
    expect(translateEnglish("Who gave the speech?").unknown).toEqual([]);
    expect(translateEnglish("Which version does he cite as the best and the common one?").unknown).toEqual([]);
    // "listed" in "which forms are listed" is the question's wording, not the noun "list" (danh sách).
    expect(translateEnglish("Which forms of commendation are listed in the plan?").groups.flat()).not.toContain("danh sách");
  });

  it("knows the everyday words of local reports and their inflections, and the English function words, as general vocabulary", () => {
    const read = translateEnglish("How many households installed tap water, and who wrote the reply about widening the alleys?");
    expect(read.unknown).toEqual([]);
    for (const phrase of ["hộ", "lắp đặt", "nước máy", "viết", "trả lời", "mở rộng", "hẻm"]) expect(read.groups.flat(), phrase).toContain(phrase);
    expect(translateEnglish("Did someone further explain anything about it?").unknown).toEqual([]);
  });

  it("reads contractions as their function words, and 'need' as the modal it usually is in a question", () => {
    expect(translateEnglish("What happens if a member doesn't quibble?").unknown).toEqual(["quibble"]);
    expect(translateEnglish("Why can’t the cell meet, and who won't attend?").unknown).toEqual([]);
    expect(translateEnglish("How many votes does a resolution need to pass?").groups.flat()).not.toContain("nhu cầu");
    // The inflections of the light verbs the stop list holds are as empty as their base forms.
    expect(translateEnglish("Who takes the minutes, and what goes into the file?").unknown).toEqual([]);
  });

  it("reads 'last' that closes a question with an auxiliary as the verb of 'how long', not as 'cuối cùng'", () => {
    expect(translateEnglish("How long does the review campaign last?").groups.flat()).not.toContain("cuối cùng");
    expect(translateEnglish("How long will the training course last for?").groups.flat()).not.toContain("cuối");
    expect(translateEnglish("What was decided at the last meeting?").groups.flat()).toContain("cuối cùng");
    expect(translateEnglish("Who spoke last?").groups.flat()).toContain("cuối cùng");
  });

  it("renders a conference paper as a 'tham luận', a web address as an 'địa chỉ', study promotion as 'khuyến học', a cell committee as a 'chi ủy'", () => {
    expect(translateEnglish("How many papers were presented at the conference?").groups.flat()).toContain("tham luận");
    expect(translateEnglish("What is the web address of the portal?").groups.flat()).not.toContain("phát biểu");
    expect(translateEnglish("Who chairs the study promotion association?").groups.flat()).toContain("khuyến học");
    expect(translateEnglish("Which issues were raised at the meeting?").groups.flat()).toContain("nêu");
    // The cell's committee and its members, as party documents name them.
    expect(translateEnglish("Who was elected to the cell committee?").groups.flat()).toContain("chi ủy");
    expect(translateEnglish("How many branch committee members does the cell have?").groups.flat()).toContain("chi ủy viên");
  });

  it("names the two kinds of membership transfer by their procedure, and 'mid-term' both ways", () => {
    expect(translateEnglish("How long must a member be away for a temporary transfer rather than an official transfer?").groups).toEqual(
      expect.arrayContaining([expect.arrayContaining(["chuyển sinh hoạt đảng tạm thời"]), expect.arrayContaining(["chuyển sinh hoạt đảng chính thức"])]),
    );
    expect(translateEnglish("When is the mid-term review?").groups).toContainEqual(["giữa nhiệm kỳ", "giữa kỳ"]);
  });

  it("reaches 'nữ' (đảng viên nữ) from 'women' as well as 'phụ nữ'", () => {
    expect(translateEnglish("What share of new members were women?").groups).toContainEqual(["phụ nữ", "nữ"]);
  });
});

describe("sentences and clauses", () => {
  it("does not end a sentence at an abbreviation like TP.", () => {
    const s = splitSentences("Đảng bộ TP. Buôn Ma Thuột thí điểm. Hai là, khác.");
    expect(s.map((x) => x.text)).toEqual(["Đảng bộ TP. Buôn Ma Thuột thí điểm.", "Hai là, khác."]);
  });

  it("splits clauses at semicolons and drops a short lead-in", () => {
    const text = "Cụ thể: 68/152 xã có chi bộ; 12/20 phường có chi bộ.";
    const [sentence] = splitSentences(text);
    expect(sentence).toBeDefined();
    const clauses = splitClauses(sentence!);
    expect(clauses.map((c) => c.text)).toEqual(["68/152 xã có chi bộ", "12/20 phường có chi bộ."]);
    for (const c of clauses) expect(text.slice(c.start, c.end)).toBe(c.text);
  });
});
