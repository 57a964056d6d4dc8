import { z } from 'zod';
import { defineCall } from './define';

export const locales = ['zh-CN', 'en'] as const;
export const localeSchema = z.enum(locales);
export type Locale = z.infer<typeof localeSchema>;

export const colorSchemes = ['light', 'dark'] as const;

export const uiSettingsSchema = z.strictObject({
  locale: localeSchema,
  colorScheme: z.enum(colorSchemes),
});
export type UiSettings = z.infer<typeof uiSettingsSchema>;

export const defaultUiSettings: UiSettings = { locale: 'zh-CN', colorScheme: 'light' };

export const settingsCalls = {
  get: defineCall({
    doc: "The agent's UI preferences on this workstation.",
    whileLocked: true, // the lock screen speaks the agent's language
    whileSignedOut: true, // and so does the sign-in dialog
    input: z.strictObject({}),
    output: uiSettingsSchema,
  }),
  update: defineCall({
    doc: 'Changes some UI preferences and returns all of them.',
    whileSignedOut: true,
    input: uiSettingsSchema.partial(),
    output: uiSettingsSchema,
  }),
};
