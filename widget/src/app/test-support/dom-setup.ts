/**
 * DOM test setup: `findBy…`/`waitFor` wait up to 20 s instead of Testing Library's 1 s. They
 * return as soon as the condition holds, so this only matters on a busy machine, where a test must
 * not fail for being slow.
 */
import { configure } from '@testing-library/preact';

configure({ asyncUtilTimeout: 20_000 });
