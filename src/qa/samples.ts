/** Questions the shipped corpus answers, offered as examples by the bot (/start, /help) and the terminal chat. */
export const SAMPLE_QUESTIONS = [
  "Có bao nhiêu xã có chi bộ cơ quan?",
  "co bao nhieu phuong co chi bo co quan",
  "Toàn tỉnh có bao nhiêu đảng bộ bộ phận?",
  "Kinh nghiệm thứ hai là gì?",
] as const;
