/** @module i18n — every user-facing string lives in these catalogs. */
export * from './console.ts';
export * from './loader.ts';
export * from './locale.ts';
export * from './markdown.ts';
export * from './server.ts';
export * from './translate.ts';
export * from './widget.ts';
