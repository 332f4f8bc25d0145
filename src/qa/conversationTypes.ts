/** The shapes a conversation keeps, shared by the follow-up modules (kept apart so none imports another in a circle). */

/** The document an answer cited. */
export interface ConversationDocument {
  docId: string;
  title: string;
}

/** One answered turn of a conversation. */
export interface ConversationTurn {
  /** The full question as understood (the rewritten one for a follow-up). */
  question: string;
  /** The document of the answer's first citation; null when it abstained or cited nothing. */
  document: ConversationDocument | null;
  /** The answer's text (what "đồng chí ấy" or "văn bản đó" may point to); null when it abstained. */
  answer: string | null;
  /** When it was asked, in ms (epoch or a fake clock: only differences matter). */
  atMs: number;
}
