/**
 * Follow-up questions read against the previous question: substitutions, references, questions that
 * stand alone, and the memory that keeps conversations apart and forgets them after the timeout.
 */
import { describe, expect, it } from "vitest";
import { readableTitle, resolveFollowUp, type ConversationDocument, type ConversationTurn } from "../../src/qa/conversation.js";
import { askInConversation, ConversationMemory, understoodLine } from "../../src/qa/conversationMemory.js";
import type { AnswerResult } from "../../src/qa/engine.js";

const ARTICLE: ConversationDocument = { docId: "nq22", title: "Kết quả và kinh nghiệm thực hiện Nghị quyết số 22 ở Đăk Lăk" };
const GUIDANCE: ConversationDocument = { docId: "hd45", title: "HƯỚNG DẪN MỘT SỐ NỘI DUNG QUY ĐỊNH SỐ 377-QĐ/TW NGÀY" };

const after = (question: string, document: ConversationDocument | null = ARTICLE): ConversationTurn[] => [{ question, document, answer: null, atMs: 0 }];
const read = (message: string, previous: string, document: ConversationDocument | null = ARTICLE) => resolveFollowUp(message, after(previous, document));

describe("substitution of an element of the previous question", () => {
  it.each([
    ["còn phường thì sao?", "Có bao nhiêu phường có chi bộ cơ quan?"],
    ["thế thị trấn thì sao", "Có bao nhiêu thị trấn có chi bộ cơ quan?"],
    ["thị trấn?", "Có bao nhiêu thị trấn có chi bộ cơ quan?"],
    ["con phuong thi sao", "Có bao nhiêu phường có chi bộ cơ quan?"],
    ["the thi tran?", "Có bao nhiêu thị trấn có chi bộ cơ quan?"],
    ["and wards?", "Có bao nhiêu phường có chi bộ cơ quan?"],
  ])("replaces the administrative unit: %s", (message, expected) => {
    expect(read(message, "Có bao nhiêu xã có chi bộ cơ quan?")).toMatchObject({ kind: "substitution", question: expected });
  });

  it("keeps an English question English", () => {
    expect(read("what about towns?", "How many communes have agency party cells?").question).toBe("How many towns have agency party cells?");
    expect(read("and phường?", "How many communes have agency party cells?").question).toBe("How many wards have agency party cells?");
  });

  it("replaces a year, or adds one the question did not have", () => {
    expect(read("năm 2020 thì sao", "Năm 2015 có bao nhiêu đảng viên?").question).toBe("Năm 2020 có bao nhiêu đảng viên?");
    expect(read("năm 2020 thì sao", "Có bao nhiêu đảng viên?").question).toBe("Có bao nhiêu đảng viên năm 2020?");
  });

  it("replaces a place name, keeping its level when the follow-up gives none", () => {
    expect(read("còn huyện Ea Kar?", "Huyện Krông Bông có bao nhiêu chi bộ?").question).toBe("Huyện Ea Kar có bao nhiêu chi bộ?");
    expect(read("còn Ea Kar?", "Huyện Krông Bông có bao nhiêu chi bộ?").question).toBe("Huyện Ea Kar có bao nhiêu chi bộ?");
  });

  it("replaces an ordinal, an article number, an aspect and a named document", () => {
    expect(read("còn thứ ba?", "Kinh nghiệm thứ hai là gì?").question).toBe("Kinh nghiệm thứ ba là gì?");
    expect(read("còn Điều 6 thì sao?", "Điều 5 quy định gì?").question).toBe("Điều 6 quy định gì?");
    expect(read("còn quyền?", "Đảng viên có những nhiệm vụ gì?").question).toBe("Đảng viên có những quyền gì?");
    expect(read("còn Quy định 11-QĐi/TW?", "Chỉ thị số 35-CT/TW ban hành ngày nào?").question).toBe("Quy định 11-QĐi/TW ban hành ngày nào?");
  });

  it("does not take 'xã hội' (society) for a commune", () => {
    expect(read("xã hội thì sao", "Có bao nhiêu xã có chi bộ cơ quan?").question).not.toContain("Có bao nhiêu xã hội");
  });
});

describe("references to the previous document, place or unit", () => {
  it("names the cited document where a message says 'văn bản đó', 'it' or asks without a subject", () => {
    expect(read("văn bản đó ai ký?", "Hệ số quy hoạch là bao nhiêu?", GUIDANCE)).toMatchObject({ kind: "reference", question: "văn bản “Hướng dẫn một số nội dung quy định số 377-QĐ/TW ngày” ai ký?" });
    expect(read("who signed it?", "What is the planning ratio?", GUIDANCE).question).toBe("who signed the document “Hướng dẫn một số nội dung quy định số 377-QĐ/TW ngày”?");
    expect(read("ban hành ngày nào?", "Hệ số quy hoạch là bao nhiêu?", GUIDANCE)).toMatchObject({ kind: "fragment", question: "Văn bản “Hướng dẫn một số nội dung quy định số 377-QĐ/TW ngày” ban hành ngày nào?" });
  });

  it("uses the document's number when the title has one of the kind named", () => {
    expect(read("nghị quyết này ban hành ngày nào", "Có bao nhiêu xã có chi bộ cơ quan?").question).toBe("Nghị quyết số 22 ban hành ngày nào");
  });

  it("prefers a document the previous question named by number, even when its answer cited none", () => {
    expect(read("kế hoạch đó về nội dung gì?", "Kế hoạch số 87-KH/TU ban hành ngày nào?", null).question).toBe("Kế hoạch số 87-KH/TU về nội dung gì?");
  });

  it("reads 'ở đó' as the units the previous question counted, and 'huyện đó' as the district it named", () => {
    expect(read("ở đó có bao nhiêu đảng viên?", "Có bao nhiêu thị trấn có chi bộ cơ quan?").question).toBe("ở thị trấn có chi bộ cơ quan có bao nhiêu đảng viên?");
    expect(read("huyện đó có bao nhiêu đảng viên?", "Huyện Krông Bông có bao nhiêu chi bộ?").question).toBe("Huyện Krông Bông có bao nhiêu đảng viên?");
  });

  it("writes a title in capitals as a sentence, keeping document codes", () => {
    expect(readableTitle("QUY ĐỊNH SỐ 377-QĐ/TW VỀ PHÂN CẤP")).toBe("Quy định số 377-QĐ/TW về phân cấp");
  });
});

describe("questions that stand on their own", () => {
  it.each(["Toàn tỉnh có bao nhiêu đảng bộ bộ phận?", "Đảng viên là gì?", "Nhiệm vụ của chi bộ", "co bao nhieu phuong co chi bo co quan", "Ai là tác giả của Truyện Kiều?"])("never merges %s", (message) => {
    expect(read(message, "Có bao nhiêu xã có chi bộ cơ quan?")).toEqual({ kind: "standalone", question: message });
  });

  it("does not read the Vietnamese 'ít' (few) as the English 'it'", () => {
    expect(read("nếu ít hơn thì sao?", "Chi bộ có từ bao nhiêu đảng viên thì bầu chi ủy?", GUIDANCE).question).not.toContain("Hướng dẫn");
  });

  it("answers everything on its own when there is no previous question", () => {
    expect(resolveFollowUp("còn phường thì sao?", [])).toEqual({ kind: "standalone", question: "còn phường thì sao?" });
  });
});

function fakeAnswer(question: string, document: ConversationDocument | null): AnswerResult {
  const citations = document ? [{ passageId: `${document.docId}#1`, docId: document.docId, title: document.title, location: "đoạn 1", passage: "…", highlight: null }] : [];
  return { question, answer: document ? "…" : null, abstained: document === null, citations, reason: null, ms: 1 };
}

describe("conversation memory", () => {
  const asked: string[] = [];
  const ask = async (q: string): Promise<AnswerResult> => {
    asked.push(q);
    return fakeAnswer(q, ARTICLE);
  };

  it("runs a three-turn dialog, then answers an unrelated full question on its own", async () => {
    const memory = new ConversationMemory({ ttlMs: 600_000, now: () => 0 });
    const turns = ["Có bao nhiêu xã có chi bộ cơ quan?", "còn phường thì sao?", "thị trấn?", "Toàn tỉnh có bao nhiêu đảng bộ bộ phận?"];
    const read = [];
    for (const t of turns) read.push((await askInConversation(ask, memory, "chat", t)).resolution);
    expect(read.map((r) => r.question)).toEqual(["Có bao nhiêu xã có chi bộ cơ quan?", "Có bao nhiêu phường có chi bộ cơ quan?", "Có bao nhiêu thị trấn có chi bộ cơ quan?", "Toàn tỉnh có bao nhiêu đảng bộ bộ phận?"]);
    expect(read.map(understoodLine)).toEqual([null, "Hiểu là: Có bao nhiêu phường có chi bộ cơ quan?", "Hiểu là: Có bao nhiêu thị trấn có chi bộ cơ quan?", null]);
  });

  it("forgets a conversation once the timeout has passed since its last question", async () => {
    let nowMs = 0;
    const memory = new ConversationMemory({ ttlMs: 600_000, now: () => nowMs });
    await askInConversation(ask, memory, "chat", "Có bao nhiêu xã có chi bộ cơ quan?");
    nowMs = 599_999;
    expect((await askInConversation(ask, memory, "chat", "còn phường thì sao?")).resolution.kind).toBe("substitution");
    nowMs += 600_000;
    expect((await askInConversation(ask, memory, "chat", "thị trấn?")).resolution).toEqual({ kind: "standalone", question: "thị trấn?" });
    expect(memory.turns("chat")).toHaveLength(1);
  });

  it("keeps interleaved chats apart", async () => {
    const memory = new ConversationMemory({ now: () => 0 });
    await askInConversation(ask, memory, "a", "Có bao nhiêu xã có chi bộ cơ quan?");
    await askInConversation(ask, memory, "b", "Kinh nghiệm thứ hai là gì?");
    expect((await askInConversation(ask, memory, "a", "còn phường thì sao?")).resolution.question).toBe("Có bao nhiêu phường có chi bộ cơ quan?");
    expect((await askInConversation(ask, memory, "b", "còn thứ ba?")).resolution.question).toBe("Kinh nghiệm thứ ba là gì?");
    expect((await askInConversation(ask, memory, "c", "thị trấn?")).resolution.kind).toBe("standalone");
  });

  it("starts afresh after clear (/moi), and remembers nothing when the timeout is 0", async () => {
    const memory = new ConversationMemory({ now: () => 0 });
    await askInConversation(ask, memory, "a", "Có bao nhiêu xã có chi bộ cơ quan?");
    expect(memory.clear("a")).toBe(true);
    expect((await askInConversation(ask, memory, "a", "còn phường thì sao?")).resolution.kind).toBe("standalone");
    const off = new ConversationMemory({ ttlMs: 0 });
    await askInConversation(ask, off, "a", "Có bao nhiêu xã có chi bộ cơ quan?");
    expect(off.turns("a")).toEqual([]);
  });

  it("keeps at most maxTurns turns and maxConversations conversations", async () => {
    const memory = new ConversationMemory({ now: () => 0, maxTurns: 2, maxConversations: 2 });
    for (const q of ["Có bao nhiêu xã có chi bộ cơ quan?", "còn phường?", "thị trấn?"]) await askInConversation(ask, memory, "a", q);
    expect(memory.turns("a").map((t) => t.question)).toEqual(["Có bao nhiêu phường có chi bộ cơ quan?", "Có bao nhiêu thị trấn có chi bộ cơ quan?"]);
    await askInConversation(ask, memory, "b", "x?");
    await askInConversation(ask, memory, "c", "y?");
    expect(memory.size).toBe(2);
    expect(memory.turns("a")).toEqual([]);
  });

  it("remembers the document cited before when a follow-up is not answered", async () => {
    const memory = new ConversationMemory({ now: () => 0 });
    await askInConversation(ask, memory, "a", "Có bao nhiêu xã có chi bộ cơ quan?");
    await askInConversation(async (q) => fakeAnswer(q, null), memory, "a", "còn phường thì sao?");
    expect(memory.turns("a").at(-1)?.document).toEqual(ARTICLE);
  });
});

describe("messages that could not be sent back", () => {
  it("drops lone surrogates and leaves a long question's own 'its' alone", () => {
    const message = "Wha\udaa8t did the town party committee ask the town People's Committee to prioritise in its budget?";
    const read = resolveFollowUp(message, after("How many communes have agency party cells?"));
    expect(read.kind).toBe("standalone");
    expect(read.question).not.toMatch(/\p{Cs}/u);
  });
});
