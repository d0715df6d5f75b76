/**
 * Issue 12: the folded text the Contacts page searches, kept beside the fields it is made of (and
 * beside each attribute value). Folded in JavaScript, never in SQL: SQLite's `lower()` knows only
 * ASCII and PostgreSQL's depends on the collation. The same `foldForSearch` runs on what is stored
 * and on what is searched, on every engine: "lukasz", "ŁUKASZ" and "łukasz" all find "Łukasz".
 */
import type { Queryable } from './db.ts';

type Fields = { name: string | null; email: string | null; phone: string | null; user_id: string | null };

/** Letters that carry no combining mark to strip (NFD leaves them whole). */
const UNMARKED: Record<string, string> = {
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ø: 'o',
  ħ: 'h',
  ı: 'i',
  ŀ: 'l',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
};
const UNMARKED_PATTERN = new RegExp(`[${Object.keys(UNMARKED).join('')}]`, 'g');

/** Unicode lower case without diacritics: "Łukasz Żółć" → "lukasz zolc". */
export const foldForSearch = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(UNMARKED_PATTERN, (c) => UNMARKED[c] ?? c);

export const searchTextOf = (f: Fields): string =>
  foldForSearch([f.name, f.email, f.phone, f.user_id].map((part) => part ?? '').join(' '));

/**
 * How much of a folded attribute value is kept to search (UTF-16 units). It is a key column of the
 * attribute index, and PostgreSQL refuses B-tree entries over ~2,700 bytes: 600 units are at most
 * 1,800 bytes, while folding (NFKD) can make one character of a 500-character value into many.
 * A search text is at most `CONTACT_LIMITS.searchMaxLength` (100) long.
 */
export const ATTRIBUTE_SEARCH_MAX = 600;

/** What an attribute search matches: the stored value (JSON text), folded, at most `ATTRIBUTE_SEARCH_MAX`. */
export function attributeSearchValue(json: string): string {
  const folded = foldForSearch(json);
  if (folded.length <= ATTRIBUTE_SEARCH_MAX) return folded;
  const cut = folded.slice(0, ATTRIBUTE_SEARCH_MAX);
  // Never half a surrogate pair.
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** Recomputes one visitor's search text from its name, e-mail, phone and user id. */
export async function refreshSearchText(db: Queryable, id: string): Promise<void> {
  const row = await db
    .selectFrom('visitors')
    .select(['name', 'email', 'phone', 'user_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (row)
    await db
      .updateTable('visitors')
      .set({ search_text: searchTextOf(row) })
      .where('id', '=', id)
      .execute();
}

/** `text` for a LIKE pattern: `%`, `_` and the escape character itself taken literally (`escape '\\'`). */
export const likeContains = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Folds again what was stored before `foldForSearch` (the contacts migration lower-cased in SQL,
 * ASCII only) and fills the attributes' search values. Idempotent; rows already right are left alone.
 */
export async function refoldContactSearch(db: Queryable): Promise<void> {
  const PAGE = 1000;
  for (let after = ''; ; ) {
    const rows = await db
      .selectFrom('visitors')
      .select(['id', 'name', 'email', 'phone', 'user_id', 'search_text'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      const folded = searchTextOf(row);
      if (folded !== row.search_text)
        await db.updateTable('visitors').set({ search_text: folded }).where('id', '=', row.id).execute();
    }
    if (rows.length < PAGE) break;
    after = rows.at(-1)?.id ?? after;
  }
  for (let after = { visitor_id: '', key: '' }; ; ) {
    const rows = await db
      .selectFrom('contact_attributes')
      .select(['visitor_id', 'key', 'value', 'search_value'])
      .where((eb) =>
        eb.or([
          eb('visitor_id', '>', after.visitor_id),
          eb.and([eb('visitor_id', '=', after.visitor_id), eb('key', '>', after.key)]),
        ]),
      )
      .orderBy('visitor_id')
      .orderBy('key')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      const folded = attributeSearchValue(row.value);
      if (folded !== row.search_value)
        await db
          .updateTable('contact_attributes')
          .set({ search_value: folded })
          .where('visitor_id', '=', row.visitor_id)
          .where('key', '=', row.key)
          .execute();
    }
    if (rows.length < PAGE) break;
    const last = rows.at(-1);
    if (last) after = { visitor_id: last.visitor_id, key: last.key };
  }
}
