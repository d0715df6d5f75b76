// Test helper: where the faq-eval data sets live (../shared/data/faq-eval beside the repository root).

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root is four levels above this folder (server/src/bot/engine). */
export const FAQ_EVAL_DIR = resolve(
  fileURLToPath(new URL('.', import.meta.url)),
  '../../../../../shared/data/faq-eval',
);
