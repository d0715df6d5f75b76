/** `ContactsStore` over Kysely (issue 12): the same queries on SQLite and PostgreSQL. */
import { randomBytes, randomUUID } from 'node:crypto';
import type { AttributeValue, ContactAttribute, ConversationState, IdentityState } from '@frontdesk/shared';
import { PostgresAdapter, type Selectable, sql } from 'kysely';
import type { ContactRecord, ContactsStore, ExportedMessage } from '../contacts/store.ts';
import {
  attributeSearchValue,
  foldForSearch,
  likeContains,
  refreshSearchText,
  searchTextOf,
} from './contact-search.ts';
import type { Db, Queryable } from './db.ts';
import type { VisitorTable } from './schema.ts';

const toContact = (row: Selectable<VisitorTable>): ContactRecord => ({
  id: row.id,
  siteId: row.site_id,
  name: row.name,
  email: row.email,
  phone: row.phone,
  identity: row.identity as IdentityState,
  userId: row.user_id,
  locale: row.locale,
  timeZone: row.time_zone,
  browser: row.browser,
  os: row.os,
  userAgent: row.user_agent,
  createdAt: row.created_at,
  lastSeenAt: row.last_seen_at,
  erasedAt: row.erased_at,
});

const toAttribute = (row: { key: string; type: string; value: string }): ContactAttribute => {
  const value = JSON.parse(row.value) as AttributeValue['value'];
  return { key: row.key, type: row.type, value } as ContactAttribute;
};

/** The most contacts `findContactsByEmail` returns (several devices may share a typed e-mail). */
const CONTACTS_BY_EMAIL_MAX = 20;
/**
 * Up to this many contacts matching an attribute search are fetched by id (then sorted); with more,
 * contacts are walked last seen first and each is probed.
 */
const ATTRIBUTE_MATCHES_BY_ID = 1000;

/** A token hash nobody holds: revoking a device writes one (the column stays unique and not null). */
const deadTokenHash = () => `revoked:${randomBytes(24).toString('hex')}`;

/**
 * Issue 13: removes the attachment rows of these conversations and returns their file-store keys,
 * so the caller deletes the bytes once the transaction has committed.
 */
async function takeAttachmentFiles(trx: Queryable, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await trx
    .selectFrom('attachments')
    .select(['file_key', 'thumb_key'])
    .where('conversation_id', 'in', ids)
    .execute();
  await trx.deleteFrom('attachments').where('conversation_id', 'in', ids).execute();
  return rows.flatMap((r) => (r.thumb_key === null ? [r.file_key] : [r.file_key, r.thumb_key]));
}

async function deleteConversations(trx: Queryable, ids: readonly string[]) {
  if (ids.length === 0) return { conversations: 0, messages: 0, files: [] };
  const counted = await trx
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('conversation_id', 'in', ids)
    .executeTakeFirstOrThrow();
  // Mail that quotes these conversations goes with them; misses and messages cascade.
  await trx.deleteFrom('mail_outbox').where('conversation_id', 'in', ids).execute();
  const files = await takeAttachmentFiles(trx, ids);
  await trx.deleteFrom('conversations').where('id', 'in', ids).execute();
  return { conversations: ids.length, messages: Number(counted.n), files };
}

export function kyselyContactsStore(db: Db): ContactsStore {
  return {
    async getContact(siteId, id) {
      const row = await db
        .selectFrom('visitors')
        .selectAll()
        .where('id', '=', id)
        .where('site_id', '=', siteId)
        .where('merged_into', 'is', null)
        .executeTakeFirst();
      return row ? toContact(row) : null;
    },

    async listContacts(query) {
      let select = db
        .selectFrom('visitors as v')
        .selectAll('v')
        .select((eb) =>
          eb
            .selectFrom('conversations as c')
            .select((e) => e.fn.countAll<number | string>().as('n'))
            .whereRef('c.visitor_id', '=', 'v.id')
            .as('conversation_count'),
        )
        .where('v.site_id', '=', query.siteId)
        .where('v.merged_into', 'is', null);
      // What is searched is folded like what is stored (`foldForSearch`), whoever asks.
      if (query.text)
        select = select.where(
          sql<boolean>`v.search_text like ${likeContains(foldForSearch(query.text))} escape '\\'`,
        );
      if (query.attribute) {
        // The index `(site_id, key, search_value, visitor_id)` (migration 0016) gives the matches:
        // only this site's values of this key are tested, never every contact. None: an empty page
        // at once. Up to ATTRIBUTE_MATCHES_BY_ID: those contacts by id. More: matches are common, so
        // contacts walked last seen first, each probed by its primary key (visitor_id, key), reach a
        // page soon. (Not `in (subquery)`: PostgreSQL without statistics, right after a bulk import,
        // planned it as a nested loop rescanning the key's values per contact — minutes.)
        const { key, text } = query.attribute;
        const pattern = likeContains(foldForSearch(text));
        const few = await db
          .selectFrom('contact_attributes as a')
          .select('a.visitor_id')
          .where('a.site_id', '=', query.siteId)
          .where('a.key', '=', key)
          .where(sql<boolean>`a.search_value like ${pattern} escape '\\'`)
          .limit(ATTRIBUTE_MATCHES_BY_ID + 1)
          .execute();
        if (few.length === 0) return [];
        select =
          few.length <= ATTRIBUTE_MATCHES_BY_ID
            ? select.where(
                'v.id',
                'in',
                few.map((r) => r.visitor_id),
              )
            : select.where((eb) =>
                eb.exists(
                  eb
                    .selectFrom('contact_attributes as a')
                    .select('a.key')
                    .whereRef('a.visitor_id', '=', 'v.id')
                    .where('a.key', '=', key)
                    .where(sql<boolean>`a.search_value like ${pattern} escape '\\'`),
                ),
              );
      }
      if (query.tag) {
        const tag = query.tag;
        select = select.where('v.id', 'in', (eb) =>
          eb
            .selectFrom('contact_tags')
            .select('visitor_id')
            .where('site_id', '=', query.siteId)
            .where('tag', '=', tag),
        );
      }
      if (query.after) {
        const { lastSeenAt, id } = query.after;
        select = select.where((eb) =>
          eb.or([
            eb('v.last_seen_at', '<', lastSeenAt),
            eb.and([eb('v.last_seen_at', '=', lastSeenAt), eb('v.id', '<', id)]),
          ]),
        );
      }
      const rows = await select
        .orderBy('v.last_seen_at', 'desc')
        .orderBy('v.id', 'desc')
        .limit(query.limit)
        .execute();
      const ids = rows.map((r) => r.id);
      const tags =
        ids.length === 0
          ? []
          : await db
              .selectFrom('contact_tags')
              .select(['visitor_id', 'tag'])
              .where('visitor_id', 'in', ids)
              .orderBy('tag')
              .execute();
      return rows.map((row) => ({
        ...toContact(row),
        tags: tags.filter((t) => t.visitor_id === row.id).map((t) => t.tag),
        conversationCount: Number(row.conversation_count ?? 0),
      }));
    },

    async findVerifiedContact(siteId, userId) {
      const row = await db
        .selectFrom('visitors')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('user_id', '=', userId)
        .where('identity', '=', 'verified')
        .where('merged_into', 'is', null)
        .where('erased_at', 'is', null)
        .orderBy('created_at')
        .executeTakeFirst();
      return row ? toContact(row) : null;
    },

    async findContactsByEmail(siteId, email) {
      const rows = await db
        .selectFrom('visitors')
        .selectAll()
        .where('site_id', '=', siteId)
        .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
        .where('merged_into', 'is', null)
        .where('erased_at', 'is', null)
        .orderBy('last_seen_at', 'desc')
        .orderBy('id', 'desc')
        .limit(CONTACTS_BY_EMAIL_MAX)
        .execute();
      return rows.map(toContact);
    },

    async createContact(siteId, init) {
      const id = randomUUID();
      await db
        .insertInto('visitors')
        .values({
          id,
          site_id: siteId,
          token_hash: deadTokenHash(),
          verified: init.identity === 'verified' ? 1 : 0,
          identity: init.identity,
          user_id: init.userId,
          created_at: init.at,
          last_seen_at: init.at,
          search_text: searchTextOf({ name: null, email: null, phone: null, user_id: init.userId }),
        })
        .execute();
      const row = await db.selectFrom('visitors').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      return toContact(row);
    },

    async updateContactFields(id, patch) {
      await db
        .updateTable('visitors')
        .set({
          ...(patch.name !== undefined && { name: patch.name }),
          ...(patch.email !== undefined && { email: patch.email }),
          ...(patch.phone !== undefined && { phone: patch.phone }),
          ...(patch.identity !== undefined && {
            identity: patch.identity,
            verified: patch.identity === 'verified' ? 1 : 0,
          }),
          ...(patch.userId !== undefined && { user_id: patch.userId }),
          ...(patch.timeZone !== undefined && { time_zone: patch.timeZone }),
          ...(patch.browser !== undefined && { browser: patch.browser }),
          ...(patch.os !== undefined && { os: patch.os }),
        })
        .where('id', '=', id)
        .execute();
      await refreshSearchText(db, id);
    },

    async listAttributes(id) {
      const rows = await db
        .selectFrom('contact_attributes')
        .select(['key', 'type', 'value'])
        .where('visitor_id', '=', id)
        .orderBy('key')
        .execute();
      return rows.map(toAttribute);
    },

    async setAttributes(id, attributes) {
      if (attributes.length === 0) return;
      await db.transaction().execute(async (trx) => {
        const contact = await trx
          .selectFrom('visitors')
          .select('site_id')
          .where('id', '=', id)
          .executeTakeFirst();
        if (!contact) return;
        await trx
          .deleteFrom('contact_attributes')
          .where('visitor_id', '=', id)
          .where(
            'key',
            'in',
            attributes.map((a) => a.key),
          )
          .execute();
        await trx
          .insertInto('contact_attributes')
          .values(
            attributes.map((a) => {
              const value = JSON.stringify(a.value);
              return {
                visitor_id: id,
                site_id: contact.site_id,
                key: a.key,
                type: a.type,
                value,
                search_value: attributeSearchValue(value),
              };
            }),
          )
          .execute();
      });
    },

    async removeAttributes(id, keys) {
      if (keys.length === 0) return;
      await db
        .deleteFrom('contact_attributes')
        .where('visitor_id', '=', id)
        .where('key', 'in', keys)
        .execute();
    },

    async listTags(id) {
      const rows = await db
        .selectFrom('contact_tags')
        .select('tag')
        .where('visitor_id', '=', id)
        .orderBy('tag')
        .execute();
      return rows.map((r) => r.tag);
    },

    async addTags(siteId, id, tags) {
      if (tags.length === 0) return;
      await db
        .insertInto('contact_tags')
        .values([...new Set(tags)].map((tag) => ({ visitor_id: id, site_id: siteId, tag })))
        .onConflict((oc) => oc.columns(['visitor_id', 'tag']).doNothing())
        .execute();
    },

    async removeTags(id, tags) {
      if (tags.length === 0) return;
      await db.deleteFrom('contact_tags').where('visitor_id', '=', id).where('tag', 'in', tags).execute();
    },

    async addNote(id, note) {
      const row = {
        id: randomUUID(),
        visitor_id: id,
        agent_id: note.authorId,
        author_name: note.authorName,
        body: note.body,
        created_at: new Date().toISOString(),
      };
      await db.insertInto('contact_notes').values(row).execute();
      return {
        id: row.id,
        body: row.body,
        authorId: row.agent_id,
        authorName: row.author_name,
        createdAt: row.created_at,
      };
    },

    async listNotes(id) {
      const rows = await db
        .selectFrom('contact_notes')
        .selectAll()
        .where('visitor_id', '=', id)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        body: r.body,
        authorId: r.agent_id,
        authorName: r.author_name,
        createdAt: r.created_at,
      }));
    },

    async appendTrail(id, entry, max) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('page_trail')
          .values({ id: randomUUID(), visitor_id: id, url: entry.url, title: entry.title, at: entry.at })
          .execute();
        const keep = trx
          .selectFrom('page_trail')
          .select('id')
          .where('visitor_id', '=', id)
          .orderBy('at', 'desc')
          .orderBy('id', 'desc')
          .limit(max);
        const kept = (await keep.execute()).map((r) => r.id);
        await trx.deleteFrom('page_trail').where('visitor_id', '=', id).where('id', 'not in', kept).execute();
      });
    },

    async listTrail(id, limit) {
      return db
        .selectFrom('page_trail')
        .select(['url', 'title', 'at'])
        .where('visitor_id', '=', id)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
    },

    async addTimeline(siteId, id, entries) {
      if (entries.length === 0) return;
      await db
        .insertInto('contact_events')
        .values(
          entries.map((e) => ({
            id: randomUUID(),
            site_id: siteId,
            visitor_id: id,
            actor: JSON.stringify(e.actor),
            change: JSON.stringify(e.change),
            at: e.at,
          })),
        )
        .execute();
    },

    async listTimeline(id, before, limit) {
      let select = db.selectFrom('contact_events').selectAll().where('visitor_id', '=', id);
      if (before)
        select = select.where((eb) =>
          eb.or([eb('at', '<', before.at), eb.and([eb('at', '=', before.at), eb('id', '<', before.id)])]),
        );
      const rows = await select.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map((r) => ({
        id: r.id,
        at: r.at,
        actor: JSON.parse(r.actor),
        change: JSON.parse(r.change),
      }));
    },

    async listContactConversations(id) {
      const rows = await db
        .selectFrom('conversations as c')
        .leftJoin('agents as a', 'a.id', 'c.agent_id')
        .select([
          'c.id',
          'c.state',
          'a.name as agent_name',
          'c.rating',
          'c.rating_comment',
          'c.last_message_at',
          'c.created_at',
          'c.resolved_at',
          'c.offline_at',
        ])
        .where('c.visitor_id', '=', id)
        .orderBy('c.created_at', 'desc')
        .orderBy('c.id', 'desc')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        state: r.state as ConversationState,
        agentName: r.agent_name ?? null,
        rating: r.rating,
        ratingComment: r.rating_comment,
        lastMessageAt: r.last_message_at,
        createdAt: r.created_at,
        resolvedAt: r.resolved_at,
        offline: Boolean(r.offline_at),
      }));
    },

    async listContactMessages(id): Promise<ExportedMessage[]> {
      const rows = await db
        .selectFrom('messages as m')
        .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
        .select([
          'm.conversation_id',
          'm.seq',
          'm.author',
          'm.author_name',
          'm.kind',
          'm.body',
          'm.created_at',
        ])
        .where('c.visitor_id', '=', id)
        .orderBy('m.conversation_id')
        .orderBy('m.seq')
        .execute();
      return rows.map((r) => ({
        conversationId: r.conversation_id,
        seq: r.seq,
        author: r.author,
        authorName: r.author_name,
        kind: r.kind,
        body: r.body,
        createdAt: r.created_at,
      }));
    },

    async listContactAttachments(id) {
      const rows = await db
        .selectFrom('attachments as a')
        .innerJoin('conversations as c', 'c.id', 'a.conversation_id')
        .leftJoin('messages as m', 'm.id', 'a.message_id')
        .select([
          'a.id',
          'a.conversation_id',
          'a.name',
          'a.mime',
          'a.size',
          'a.author',
          'a.file_key',
          'a.created_at',
          'm.author_name',
          'm.seq',
        ])
        .where('c.visitor_id', '=', id)
        .orderBy('a.conversation_id')
        .orderBy('a.created_at')
        .orderBy('a.id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        conversationId: r.conversation_id,
        name: r.name,
        mime: r.mime,
        size: Number(r.size),
        author: r.author === 'agent' ? 'agent' : 'visitor',
        authorName: r.author_name ?? null,
        messageSeq: r.seq ?? null,
        fileKey: r.file_key,
        createdAt: r.created_at,
      }));
    },

    async mergeContacts(siteId, fromId, intoId) {
      return db.transaction().execute(async (trx) => {
        const moved = await trx
          .updateTable('conversations')
          .set({ visitor_id: intoId })
          .where('visitor_id', '=', fromId)
          .executeTakeFirst();
        const conversations = Number(moved.numUpdatedRows);
        await trx
          .updateTable('contact_notes')
          .set({ visitor_id: intoId })
          .where('visitor_id', '=', fromId)
          .execute();
        await trx
          .updateTable('page_trail')
          .set({ visitor_id: intoId })
          .where('visitor_id', '=', fromId)
          .execute();
        await trx
          .updateTable('contact_events')
          .set({ visitor_id: intoId })
          .where('visitor_id', '=', fromId)
          .execute();
        // Attributes and tags the customer's record lacks; its own values win.
        const theirs = await trx
          .selectFrom('contact_attributes')
          .selectAll()
          .where('visitor_id', '=', fromId)
          .execute();
        const mine = new Set(
          (
            await trx
              .selectFrom('contact_attributes')
              .select('key')
              .where('visitor_id', '=', intoId)
              .execute()
          ).map((r) => r.key),
        );
        const missing = theirs.filter((a) => !mine.has(a.key));
        if (missing.length > 0)
          await trx
            .insertInto('contact_attributes')
            .values(missing.map((a) => ({ ...a, visitor_id: intoId, site_id: siteId })))
            .execute();
        await trx.deleteFrom('contact_attributes').where('visitor_id', '=', fromId).execute();
        const tags = await trx
          .selectFrom('contact_tags')
          .select('tag')
          .where('visitor_id', '=', fromId)
          .execute();
        if (tags.length > 0)
          await trx
            .insertInto('contact_tags')
            .values(tags.map((t) => ({ visitor_id: intoId, site_id: siteId, tag: t.tag })))
            .onConflict((oc) => oc.columns(['visitor_id', 'tag']).doNothing())
            .execute();
        await trx.deleteFrom('contact_tags').where('visitor_id', '=', fromId).execute();
        const from = await trx
          .selectFrom('visitors')
          .selectAll()
          .where('id', '=', fromId)
          .executeTakeFirstOrThrow();
        const into = await trx
          .selectFrom('visitors')
          .selectAll()
          .where('id', '=', intoId)
          .executeTakeFirstOrThrow();
        await trx
          .updateTable('visitors')
          .set({
            name: into.name ?? from.name,
            email: into.email ?? from.email,
            phone: into.phone ?? from.phone,
            locale: into.locale ?? from.locale,
            time_zone: into.time_zone ?? from.time_zone,
            created_at: from.created_at < into.created_at ? from.created_at : into.created_at,
            last_seen_at: from.last_seen_at > into.last_seen_at ? from.last_seen_at : into.last_seen_at,
          })
          .where('id', '=', intoId)
          .execute();
        // Devices merged into `from` follow it (one hop: a token resolves in one lookup).
        await trx
          .updateTable('visitors')
          .set({ merged_into: intoId })
          .where('merged_into', '=', fromId)
          .execute();
        await trx.updateTable('visitors').set({ merged_into: intoId }).where('id', '=', fromId).execute();
        await refreshSearchText(trx, intoId);
        await trx
          .insertInto('contact_merges')
          .values({
            id: randomUUID(),
            site_id: siteId,
            from_visitor_id: fromId,
            into_visitor_id: intoId,
            conversations,
            at: new Date().toISOString(),
          })
          .execute();
        return { conversations };
      });
    },

    async revokeVisitorToken(siteId, tokenHash) {
      await db
        .updateTable('visitors')
        .set({ token_hash: deadTokenHash() })
        .where('site_id', '=', siteId)
        .where('token_hash', '=', tokenHash)
        .execute();
    },

    async deleteContactHistory(id) {
      return db.transaction().execute(async (trx) => {
        const ids = (
          await trx.selectFrom('conversations').select('id').where('visitor_id', '=', id).execute()
        ).map((r) => r.id);
        return deleteConversations(trx, ids);
      });
    },

    async eraseContact(id, redacted, at) {
      return db.transaction().execute(async (trx) => {
        const conversations = await trx
          .selectFrom('conversations')
          .select(['id', 'locale'])
          .where('visitor_id', '=', id)
          .execute();
        const ids = conversations.map((r) => r.id);
        // Each conversation's notice in the language it was held in.
        const byNotice = new Map<string, string[]>();
        for (const c of conversations) {
          const notice = redacted(c.locale);
          byNotice.set(notice, [...(byNotice.get(notice) ?? []), c.id]);
        }
        let messages = 0;
        const files = await takeAttachmentFiles(trx, ids);
        for (const [notice, group] of byNotice) {
          const done = await trx
            .updateTable('messages')
            .set({ body: notice, author_name: null, meta: null })
            .where('conversation_id', 'in', group)
            .where('kind', '!=', 'event')
            .executeTakeFirst();
          messages += Number(done.numUpdatedRows);
          await trx
            .updateTable('conversations')
            .set({ last_message_body: notice, rating_comment: null, offline_answers: null })
            .where('id', 'in', group)
            .execute();
        }
        if (ids.length > 0) {
          await trx.deleteFrom('mail_outbox').where('conversation_id', 'in', ids).execute();
          await trx.deleteFrom('bot_misses').where('conversation_id', 'in', ids).execute();
        }
        for (const table of [
          'contact_attributes',
          'contact_tags',
          'contact_notes',
          'page_trail',
          'contact_events',
        ] as const)
          await trx.deleteFrom(table).where('visitor_id', '=', id).execute();
        const anonymous = {
          name: null,
          email: null,
          phone: null,
          user_id: null,
          user_agent: null,
          page_url: null,
          page_title: null,
          time_zone: null,
          browser: null,
          os: null,
          locale: null,
          search_text: null,
          identity: 'anonymous' as const,
          verified: 0,
        };
        await trx
          .updateTable('visitors')
          .set({ ...anonymous, erased_at: at, token_hash: deadTokenHash() })
          .where('id', '=', id)
          .execute();
        // Its devices: anonymised too, and their tokens revoked one by one (the hash stays unique).
        const devices = await trx.selectFrom('visitors').select('id').where('merged_into', '=', id).execute();
        for (const device of devices)
          await trx
            .updateTable('visitors')
            .set({ ...anonymous, erased_at: at, token_hash: deadTokenHash() })
            .where('id', '=', device.id)
            .execute();
        return { conversations: ids.length, messages, files };
      });
    },

    async deleteConversationsBefore(siteId, before, limit) {
      return db.transaction().execute(async (trx) => {
        const ids = (
          await trx
            .selectFrom('conversations')
            .select('id')
            .where('site_id', '=', siteId)
            .where('updated_at', '<', before)
            .orderBy('updated_at')
            .limit(limit)
            .execute()
        ).map((r) => r.id);
        return deleteConversations(trx, ids);
      });
    },

    async addPrivacyAudit(entry) {
      await db
        .insertInto('privacy_audit')
        .values({
          id: randomUUID(),
          site_id: entry.siteId,
          kind: entry.kind,
          visitor_id: entry.visitorId,
          agent_id: entry.agentId,
          conversations: entry.conversations,
          messages: entry.messages,
          at: entry.at,
        })
        .execute();
    },

    async importContacts(siteId, contacts) {
      const BATCH = 400;
      for (let start = 0; start < contacts.length; start += BATCH) {
        const batch = contacts.slice(start, start + BATCH).map((c) => ({ ...c, id: randomUUID() }));
        await db.transaction().execute(async (trx) => {
          await trx
            .insertInto('visitors')
            .values(
              batch.map((c) => ({
                id: c.id,
                site_id: siteId,
                token_hash: deadTokenHash(),
                name: c.name,
                email: c.email,
                phone: c.phone,
                verified: 0,
                created_at: c.createdAt,
                last_seen_at: c.lastSeenAt,
                search_text: searchTextOf({ ...c, user_id: null }),
              })),
            )
            .execute();
          const tags = batch.flatMap((c) =>
            [...new Set(c.tags)].map((tag) => ({ visitor_id: c.id, site_id: siteId, tag })),
          );
          if (tags.length > 0) await trx.insertInto('contact_tags').values(tags).execute();
          const attributes = batch.flatMap((c) =>
            c.attributes.map((a) => {
              const value = JSON.stringify(a.value);
              return {
                visitor_id: c.id,
                site_id: siteId,
                key: a.key,
                type: a.type,
                value,
                search_value: attributeSearchValue(value),
              };
            }),
          );
          if (attributes.length > 0) await trx.insertInto('contact_attributes').values(attributes).execute();
        });
      }
      // A bulk load leaves PostgreSQL without statistics until autovacuum comes by; meanwhile it
      // planned the Contacts page's searches as if the tables were empty (measured: 2.4 s instead of
      // 0.1 s for an attribute search over 100,000 imported contacts). SQLite plans without them.
      if (contacts.length > 0 && db.getExecutor().adapter instanceof PostgresAdapter)
        await sql`analyze visitors, contact_attributes, contact_tags`.execute(db);
    },

    async listPrivacyAudit(siteId, limit) {
      const rows = await db
        .selectFrom('privacy_audit')
        .selectAll()
        .where('site_id', '=', siteId)
        .orderBy('at', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        siteId: r.site_id,
        kind: r.kind,
        visitorId: r.visitor_id,
        agentId: r.agent_id,
        conversations: r.conversations,
        messages: r.messages,
        at: r.at,
      }));
    },
  };
}
