import { describe } from 'vitest';
import { postgresForThisFile } from '../testing/postgres.ts';
import { storageContract } from './contract.ts';
import { openPostgresStorage } from './postgres.ts';

const database = await postgresForThisFile();

describe.skipIf(!database)('postgresql', () => {
  storageContract('postgresql (pooled)', async () => openPostgresStorage(database?.url ?? ''));
});
