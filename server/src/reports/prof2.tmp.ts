import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import * as sql from '../storage/report-sql.ts';

const db = new Database('/tmp/h7/r.db');
const site = (db.prepare('select id from sites where key = ?').get(process.argv[2]) as { id: string }).id;
const p = [site, '2025-12-04T00:00:00.000Z', '2026-12-04T00:00:00.000Z'];
for (const [name, text] of Object.entries({
  counts: sql.SUMMARY_COUNTS,
  first: sql.firstResponseStats('sqlite', 'c.site_id'),
  res: sql.resolutionStats('sqlite'),
  reasons: sql.HANDOFF_REASONS,
  agents: sql.AGENT_COUNTS,
})) {
  console.log(
    name,
    JSON.stringify(
      db
        .prepare(`EXPLAIN QUERY PLAN ${text}`)
        .all(...p)
        .map((r: any) => r.detail),
    ),
  );
  const t = performance.now();
  db.prepare(text).all(...p);
  console.log(name, (performance.now() - t).toFixed(0));
}
