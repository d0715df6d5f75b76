/** `SessionsStore` over Kysely: agent sessions by token hash. */
import type { SessionsStore } from '../identity/store.ts';
import { type Db, now } from './db.ts';

/** Engines cap the number of bound parameters per statement. */
const CHUNK = 500;

export function kyselySessionsStore(db: Db): SessionsStore {
  return {
    async createSession(input) {
      await db
        .insertInto('sessions')
        .values({
          token_hash: input.tokenHash,
          agent_id: input.agentId,
          created_at: now(),
          expires_at: input.expiresAt,
        })
        .execute();
    },
    async getSession(tokenHash) {
      const row = await db
        .selectFrom('sessions')
        .select(['agent_id', 'expires_at'])
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row ? { agentId: row.agent_id, expiresAt: row.expires_at } : null;
    },
    async deleteSession(tokenHash) {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },
    async deleteAgentSessions(agentId, exceptTokenHash) {
      return db.transaction().execute(async (trx) => {
        let select = trx.selectFrom('sessions').select('token_hash').where('agent_id', '=', agentId);
        if (exceptTokenHash !== undefined) select = select.where('token_hash', '!=', exceptTokenHash);
        const hashes = (await select.execute()).map((r) => r.token_hash);
        if (hashes.length > 0) await trx.deleteFrom('sessions').where('token_hash', 'in', hashes).execute();
        return hashes;
      });
    },
    async filterLiveSessions(tokenHashes, at) {
      const live: string[] = [];
      for (let i = 0; i < tokenHashes.length; i += CHUNK) {
        const rows = await db
          .selectFrom('sessions as s')
          .innerJoin('agents as a', 'a.id', 's.agent_id')
          .select('s.token_hash')
          .where('s.token_hash', 'in', tokenHashes.slice(i, i + CHUNK))
          .where('s.expires_at', '>', at)
          .where('a.disabled', '=', 0)
          .execute();
        live.push(...rows.map((r) => r.token_hash));
      }
      return live;
    },
  };
}
