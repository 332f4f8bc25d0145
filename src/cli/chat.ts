/**
 * The terminal chat: ask the engine from a shell, one question per line, answers printed as plain text
 * (formatAnswerText). Works interactively (prompt, Ctrl-C or Ctrl-D to leave) and with piped input
 * (`echo "câu hỏi" | npm start` answers every line, then exits).
 */
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { describeError } from "../errors.js";
import type { AnswerResult } from "../qa/engine.js";
import { formatAnswerText } from "./format.js";

/** Streams of the terminal chat. */
export interface ChatIO {
  input: Readable;
  output: Writable;
}

/** Words that end the chat when typed on their own. */
const EXIT_WORDS = new Set(["exit", "quit", "thoat", "thoát", "/exit", "/quit", "/thoat"]);

/** A running terminal chat. */
export interface TerminalChat {
  /** Resolves when the input ends (EOF, Ctrl-D, Ctrl-C, "thoát") and every question read has been answered. */
  done: Promise<void>;
  /** Ends the chat early (after the question being answered). */
  close(): void;
}

/** Starts the chat on `io`; `ask` answers a question (QaEngine.ask). */
export function startTerminalChat(ask: (question: string) => Promise<AnswerResult>, io: ChatIO): TerminalChat {
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
      try {
        print(formatAnswerText(await ask(question)));
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
