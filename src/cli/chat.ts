/**
 * The terminal chat: ask the engine from a shell, one question per line, answers printed as plain text
 * (formatAnswerText). Works interactively (prompt, Ctrl-C or Ctrl-D to leave) and with piped input
 * (`echo "câu hỏi" | npm start` answers every line, then exits).
 */
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { describeError } from "../errors.js";
import { askInConversation, understoodLine, type ConversationMemory } from "../qa/conversationMemory.js";
import type { AnswerResult } from "../qa/engine.js";
import { formatAnswerText } from "./format.js";

/** Streams of the terminal chat. */
export interface ChatIO {
  input: Readable;
  output: Writable;
}

/** Typed on its own, forgets the previous question: the next one stands alone. */
const NEW_CONVERSATION_WORDS = new Set(["/moi", "/mới", "moi", "mới"]);

/** The terminal chat is one conversation. */
const CONVERSATION_KEY = "terminal";

/** Words that end the chat when typed on their own. */
const EXIT_WORDS = new Set(["exit", "quit", "thoat", "thoát", "/exit", "/quit", "/thoat"]);

/** A running terminal chat. */
export interface TerminalChat {
  /** Resolves when the input ends (EOF, Ctrl-D, Ctrl-C, "thoát") and every question read has been answered. */
  done: Promise<void>;
  /** Ends the chat early (after the question being answered). */
  close(): void;
}

/**
 * Starts the chat on `io`; `ask` answers a question (QaEngine.ask). With `conversations`, a follow-up
 * ("còn phường thì sao?") is read against the previous question and printed with "Hiểu là: …".
 */
export function startTerminalChat(ask: (question: string) => Promise<AnswerResult>, io: ChatIO, conversations?: ConversationMemory): TerminalChat {
  const interactive = (io.input as Readable & { isTTY?: boolean }).isTTY === true;
  const rl = createInterface({ input: io.input, output: io.output, terminal: interactive, prompt: "❓ " });
  const print = (text: string): void => {
    io.output.write(`${text}\n`);
  };
  if (interactive) {
    print("Trợ lý Tổ chức — hỏi đáp trên tài liệu đã nạp. Gõ câu hỏi rồi Enter; Ctrl-D hoặc \"thoát\" để kết thúc.");
    rl.prompt();
  }
  // Ctrl-C at the prompt ends the chat cleanly instead of killing the process mid-write.
  rl.on("SIGINT", () => rl.close());

  const done = (async () => {
    for await (const raw of rl) {
      const question = raw.trim();
      if (question === "") {
        if (interactive) rl.prompt();
        continue;
      }
      if (EXIT_WORDS.has(question.toLowerCase())) break;
      if (conversations && NEW_CONVERSATION_WORDS.has(question.toLowerCase())) {
        conversations.clear(CONVERSATION_KEY);
        print("Câu hỏi mới: câu tiếp theo được hiểu độc lập.");
        if (interactive) rl.prompt();
        continue;
      }
      try {
        if (conversations) {
          const { result, resolution } = await askInConversation(ask, conversations, CONVERSATION_KEY, question);
          const understood = understoodLine(resolution);
          if (understood) print(understood);
          print(formatAnswerText(result));
        } else print(formatAnswerText(await ask(question)));
      } catch (err) {
        print(`Lỗi: ${describeError(err)}`);
      }
      print("");
      if (interactive) rl.prompt();
    }
    rl.close();
    if (interactive) print("Tạm biệt!");
  })();

  return { done, close: () => rl.close() };
}
