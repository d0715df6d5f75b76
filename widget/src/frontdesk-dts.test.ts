/**
 * Issue 13: `frontdesk.d.ts` cannot drift from the real API. `frontdesk-dts.check.ts` compares it
 * with shared's command and event lists and the widget's payload types; this compiles the two with
 * TypeScript and expects no diagnostics.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const here = join(dirname(fileURLToPath(import.meta.url)), '..');

describe('frontdesk.d.ts', () => {
  it('type-checks against shared WIDGET_COMMANDS / WIDGET_EVENTS and the real payloads', () => {
    const base = ts.readConfigFile(join(here, '../tsconfig.base.json'), ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(
      {
        ...base.config,
        compilerOptions: { ...base.config.compilerOptions, lib: ['ES2023', 'DOM'], types: [] },
      },
      ts.sys,
      here,
    );
    const program = ts.createProgram({
      rootNames: [join(here, 'frontdesk.d.ts'), join(here, 'frontdesk-dts.check.ts')],
      options: { ...parsed.options, noEmit: true },
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(problems).toEqual([]);
  }, 60_000);
});
