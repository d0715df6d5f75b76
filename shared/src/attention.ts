/**
 * Attention (issue 14): which signals an agent wants for a new message in their own conversations and
 * a conversation assigned to them. Stored server-side with the agent, so every browser follows it.
 */
export type AttentionPrefs = {
  /** A short chime (WebAudio). */
  sound: boolean;
  /** A desktop notification (the browser's permission is asked on a click). */
  desktop: boolean;
  /** The count of unread messages in the tab title. */
  title: boolean;
};

export const DEFAULT_ATTENTION: AttentionPrefs = { sound: true, desktop: true, title: true };
