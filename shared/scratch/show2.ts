import { Marked } from 'marked';
import { createTestMarkdown } from '../src/client/markdown/testing.ts';

const r = createTestMarkdown({ relativeLinks: true });
for (const s of ['[c](&#106;avascript:alert(1))', '[c](&#x6A;avascript&colon;alert(1))']) {
  console.log(JSON.stringify(r(s).html));
  console.log(JSON.stringify(new Marked().lexer(s)[0]));
}
