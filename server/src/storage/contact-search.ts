/**
 * Issue 12: the lower-case text the Contacts page searches, kept beside the fields it is made of.
 * Lower-cased in JavaScript, not SQL: SQLite's `lower()` knows only ASCII ("Łukasz" must match "łukasz").
 */
import type { Queryable } from './db.ts';

type Fields = { name: string | null; email: string | null; phone: string | null; user_id: string | null };

export const searchTextOf = (f: Fields): string =>
  [f.name, f.email, f.phone, f.user_id]
    .map((part) => part ?? '')
    .join(' ')
    .toLowerCase();

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
