// English for bookservice.zh-CN.ts.
import type { bookserviceZhCN } from "./bookservice.zh-CN.ts";

export const bookserviceEn: Record<keyof typeof bookserviceZhCN, string> = {
  "books.notice.unknownTrade": "There is no such trade; books of every trade are shown.",
  "books.progress.invalid": "That reading position is not valid.",
  "books.shelf.invalid": "Choose a shelf.",
  "books.highlight.invalid": "That highlight position is not valid.",
  "books.highlight.textRequired": "Select the text to highlight.",
  "books.highlight.textTooLong": "The highlighted text is too long (2,000 characters at most).",
  "books.highlight.noteTooLong": "The note is too long (1,000 characters at most).",
  "books.highlight.epubOnly": "Only EPUB books can be highlighted.",
  "bookadmin.title.required": "Enter the title.",
  "bookadmin.title.tooLong": "The title is too long (200 characters at most).",
  "bookadmin.authors.tooLong": "Each author's name may have 80 characters at most.",
  "bookadmin.authors.tooMany": "At most 20 authors.",
  "bookadmin.publisher.tooLong": "The publisher's name is too long (120 characters at most).",
  "bookadmin.isbn.invalid": "An ISBN has 10 or 13 digits (hyphens allowed).",
  "bookadmin.description.tooLong": "The description is too long (10,000 characters at most).",
  "bookadmin.language.invalid": "Choose Chinese or English.",
  "bookadmin.trade.invalid": "Choose a trade from the list.",
  "bookadmin.periodical.invalid": "Choose the periodical this issue belongs to.",
  "bookadmin.issueNumber.invalid": "The issue number is a whole number from 1 to 999.",
  "bookadmin.issueYear.invalid": "The year is a whole number from 1900 to 2200.",
};
