import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storageContract } from './contract.ts';
import { openSqliteStorage } from './sqlite.ts';

storageContract('sqlite (in memory)', async () => openSqliteStorage(':memory:'));
storageContract('sqlite (file, WAL)', async () =>
  openSqliteStorage(join(mkdtempSync(join(tmpdir(), 'frontdesk-')), 'test.db')),
);
