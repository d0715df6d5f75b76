/** @module faq — FAQ authoring and the bot improvement loop: file format, service, grouping, overlaps. */
export { type FaqFileEntry, FaqFormatError, parseFaqYaml, serializeFaqYaml } from './format.ts';
export { FaqService, type MissRecorder } from './service.ts';
