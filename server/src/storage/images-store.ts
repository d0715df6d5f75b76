/** `ImagesStore` over Kysely: uploaded images, by a random id. */
import { randomUUID } from 'node:crypto';
import type { ImagesStore } from '../sites/store.ts';
import { type Db, now } from './db.ts';

export function kyselyImagesStore(db: Db): ImagesStore {
  return {
    async putImage(input) {
      const id = randomUUID();
      await db
        .insertInto('images')
        .values({
          id,
          content_type: input.contentType,
          data: input.data,
          width: input.width,
          height: input.height,
          created_at: now(),
        })
        .execute();
      return { id, ...input };
    },
    async getImage(id) {
      const row = await db.selectFrom('images').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return null;
      return {
        id: row.id,
        contentType: row.content_type,
        data: new Uint8Array(row.data),
        width: Number(row.width),
        height: Number(row.height),
      };
    },
    async deleteImage(id) {
      await db.deleteFrom('images').where('id', '=', id).execute();
    },
  };
}
