/** Issue 12: the lower-case text the Contacts page searches, kept beside the fields it is made of. */
import { sql } from 'kysely';
import type { Queryable } from './db.ts';

/** Recomputes one visitor's search text from its name, e-mail, phone and user id. */
export async function refreshSearchText(db: Queryable, id: string): Promise<void> {
  await sql`update visitors set search_text = lower(coalesce(name, '') || ' ' || coalesce(email, '') || ' ' || coalesce(phone, '') || ' ' || coalesce(user_id, '')) where id = ${id}`.execute(
    db,
  );
}

/** `text` for a LIKE pattern: `%`, `_` and the escape character itself taken literally (`escape '\\'`). */
export const likeContains = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
