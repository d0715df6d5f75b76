#!/usr/bin/env node
/**
 * `pnpm start` builds the widget and the console only when their inputs changed since the last
 * build: a SHA-256 over every input file (sources, build configs, manifests, the lockfile) is kept
 * in `node_modules/.cache/frontdesk-build/` (never in a served folder); a second start with nothing changed skips both builds. `pnpm build` always
 * builds.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SKIP = new Set(['node_modules', 'dist', '.vite', 'artifacts']);

const targets = [
  {
    name: 'widget',
    inputs: ['widget/src', 'widget/build.ts', 'widget/package.json', 'shared/src', 'shared/package.json'],
    output: 'widget/dist',
    command: ['pnpm', ['--filter', '@frontdesk/widget', 'build']],
  },
  {
    name: 'console',
    inputs: ['server/console', 'shared/src', 'shared/package.json'],
    output: 'server/console/dist',
    command: ['pnpm', ['--filter', '@frontdesk/console', 'build']],
  },
];

function files(relative) {
  const full = path.join(root, relative);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return [relative];
  return readdirSync(full, { withFileTypes: true })
    .filter((entry) => !SKIP.has(entry.name))
    .flatMap((entry) => files(path.join(relative, entry.name)));
}

function inputsHash(inputs) {
  const hash = createHash('sha256');
  for (const file of [...inputs.flatMap(files), 'pnpm-lock.yaml'].sort()) {
    hash.update(file).update('\0');
    if (existsSync(path.join(root, file))) hash.update(readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

const stamps = path.join(root, 'node_modules', '.cache', 'frontdesk-build');
mkdirSync(stamps, { recursive: true });

for (const target of targets) {
  const stamp = path.join(stamps, `${target.name}.sha256`);
  const digest = inputsHash(target.inputs);
  if (
    existsSync(path.join(root, target.output)) &&
    existsSync(stamp) &&
    readFileSync(stamp, 'utf8') === digest
  ) {
    console.error(`${target.name}: up to date, not rebuilt`);
    continue;
  }
  console.error(`${target.name}: building…`);
  const [command, args] = target.command;
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stamp, digest);
}
