/** Entry points of the server package, for suites that run them as their own processes. */
import { fileURLToPath } from 'node:url';

/** `pnpm start`'s entry (`node --import tsx <SERVER_MAIN>`), for fault suites that kill it. */
export const SERVER_MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
/** The bot evaluation's CLI (`pnpm bot:eval`). */
export const BOT_EVAL_CLI = fileURLToPath(new URL('../bot/eval/cli.ts', import.meta.url));
