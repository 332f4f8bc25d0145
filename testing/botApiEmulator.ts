/**
 * A Telegram Bot API server for end-to-end tests: the real bot talks real HTTP to it
 * (`new Bot(token, { client: { apiRoot: emulator.url } })`), and tests push updates in, inject
 * faults, and read back every call the bot made.
 *
 * It refuses what Telegram refuses (bad HTML, over-long text, oversized callback data, malformed
 * polls, unknown chats and messages) with Telegram's status codes and descriptions, so a bug that
 * would only show up in production shows up here. It is deliberately not a full Bot API: methods it
 * does not know answer 404, as Telegram does for a misspelt method.
 *
 * In parts (testing/botApi/): the server and fault injection (server.ts), updates and long polling
 * (longPoll.ts), what users do (userActions.ts), what Telegram remembers (state.ts), the methods
 * (methods.ts), Telegram's limits and refusals (validation.ts), request parsing (http.ts). Tests and
 * scripts (the load test) both import it from here.
 *
 * @example
 * const emulator = await startBotApiEmulator();
 * const bot = new Bot(emulator.token, { client: { apiRoot: emulator.url } });
 * bot.on("message:text", (ctx) => ctx.reply("xin chào"));
 * void bot.start();
 * const alice = user(1);
 * emulator.sendText(alice, privateChat(alice), "hello");
 * const reply = await emulator.waitFor((c) => c.method === "sendMessage" && c.ok);
 * await bot.stop();
 * await emulator.close();
 */
export { groupChat, privateChat, user } from "./botApi/builders.js";
export { startBotApiEmulator } from "./botApi/server.js";
export type * from "./botApi/types.js";
