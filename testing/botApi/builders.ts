/** Builders of the users and chats tests write from, shaped as Telegram sends them. */
import type { Chat, User } from "grammy/types";

/** A human user; `firstName` defaults to "User <id>". */
export function user(
  id: number,
  opts: { firstName?: string; lastName?: string; username?: string; languageCode?: string } = {},
): User {
  const built: User = { id, is_bot: false, first_name: opts.firstName ?? `User ${id}`, language_code: opts.languageCode ?? "vi" };
  if (opts.lastName !== undefined) built.last_name = opts.lastName;
  if (opts.username !== undefined) built.username = opts.username;
  return built;
}

/** The private chat between `who` and the bot (its id is the user's id, as on Telegram). */
export function privateChat(who: User): Chat.PrivateChat {
  const chat: Chat.PrivateChat = { id: who.id, type: "private", first_name: who.first_name };
  if (who.last_name !== undefined) chat.last_name = who.last_name;
  if (who.username !== undefined) chat.username = who.username;
  return chat;
}

/** A group; ids from -1000000000000 down are supergroups, as on Telegram. */
export function groupChat(id: number, title: string): Chat.GroupChat | Chat.SupergroupChat {
  if (id >= 0) throw new Error(`groupChat: group ids are negative on Telegram, got ${id}`);
  return id <= -1_000_000_000_000 ? { id, type: "supergroup", title } : { id, type: "group", title };
}
