/**
 * Issue 14: the signed-in agent's attention preferences, loaded from the server once per session
 * (the defaults until they come) and saved back by the Alerts section of the profile page.
 */
import { type AckResult, type AttentionPrefs, DEFAULT_ATTENTION } from '@frontdesk/shared';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { CannedApi } from '../canned/api.ts';

export type AttentionControls = {
  prefs: AttentionPrefs;
  /** The stored preferences have arrived (or failed to, leaving the defaults): until then a switch
   *  flipped by the agent would be overwritten by them. */
  loaded: boolean;
  save(prefs: AttentionPrefs): Promise<AckResult<AttentionPrefs>>;
};

export function useAttention(
  client: Pick<CannedApi, 'getAttention' | 'saveAttention'>,
  onSessionEnded: () => void,
): AttentionControls {
  const [prefs, setPrefs] = useState<AttentionPrefs>(DEFAULT_ATTENTION);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    let live = true;
    void client.getAttention().then((result) => {
      if (!live) return;
      setLoaded(true);
      if (result.ok) setPrefs(result.data);
      else if (result.error.code === 'unauthorized') onSessionEnded();
      else console.warn('[console] loading the alert preferences failed; using the defaults', result.error);
    });
    return () => {
      live = false;
    };
  }, [client]);
  const save = useCallback(
    async (next: AttentionPrefs) => {
      const result = await client.saveAttention(next);
      if (result.ok) setPrefs(result.data);
      else if (result.error.code === 'unauthorized') onSessionEnded();
      return result;
    },
    [client],
  );
  return { prefs, loaded, save };
}
