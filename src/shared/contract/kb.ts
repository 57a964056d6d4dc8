import { z } from 'zod';
import { defineCall } from './define';

export const articleSchema = z.strictObject({
  code: z.string(),
  category: z.string().nullable(),
  titleZh: z.string(),
  titleEn: z.string(),
  bodyZh: z.string(),
  bodyEn: z.string(),
});
export type KbArticle = z.infer<typeof articleSchema>;

export const kbCalls = {
  search: defineCall({
    doc: 'Knowledge-base articles matching every part of the query (Chinese of any length, English, pinyin initials or full pinyin, the catalogue keywords of their category), best first; all articles for an empty query, the category’s first.',
    input: z.strictObject({
      query: z.string().max(200),
      category: z.string().max(64).optional(),
      limit: z.number().int().min(1).max(100).default(20),
    }),
    output: z.array(articleSchema),
  }),
};
