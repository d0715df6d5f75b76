/**
 * Steps of one story in a browser suite: each step goes on from where the one before left the
 * pages and the server (the visitor asked for a person, so now the agent takes over…). A step is a
 * test of its own, so a failure names the step; once one fails the later steps are skipped with a
 * note naming it, instead of failing for want of what it should have made (which hid the real
 * failure among three or four false ones). Tests that do not need an earlier step stay plain `it`s
 * with their own setup; they run whatever happened before them.
 */
import { it } from 'vitest';

type Body = () => Promise<void> | void;

export function storySteps(): (name: string, body: Body, timeout?: number) => void {
  let failed: string | null = null;
  return (name, body, timeout) =>
    it(
      name,
      async ({ skip, onTestFailed }) => {
        if (failed !== null) skip(`an earlier step of this story failed: "${failed}"`);
        onTestFailed(() => {
          failed ??= name;
        });
        await body();
      },
      timeout,
    );
}
