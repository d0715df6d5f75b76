/** Tiny message formatter: `{name}` placeholders, values escaped by the renderer, not here. */
export type Catalog<K extends string = string> = Readonly<Record<K, string>>;

export function format(template: string, params?: Readonly<Record<string, string | number>>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** Returns `t(key, params)` bound to one catalog. */
export function translator<K extends string>(catalog: Catalog<K>) {
  return (key: K, params?: Readonly<Record<string, string | number>>): string => format(catalog[key], params);
}

/** CLDR plural categories a catalog key can end with (`key_one`, `key_few`, …). */
export type PluralCategory = 'one' | 'few' | 'many' | 'other';

/**
 * The plural category of `count` in `locale` (English: one/other; Polish: one/few/many), for
 * catalogs that spell each form out as `key_one`, `key_few`, `key_many`, `key_other`.
 */
export function pluralCategory(locale: string, count: number): PluralCategory {
  const category = new Intl.PluralRules(locale).select(count);
  return category === 'one' || category === 'few' || category === 'many' ? category : 'other';
}
