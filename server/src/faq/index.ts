/** @module faq — FAQ authoring and the bot improvement loop: file format, entries, unanswered questions, bot settings. */
export { BotSettingsEditor, botSettingsOf } from './bot-settings.ts';
export { FaqEntries } from './entries.ts';
export { type FaqFileEntry, FaqFormatError, parseFaqYaml, serializeFaqYaml } from './format.ts';
export { Unanswered } from './unanswered.ts';
