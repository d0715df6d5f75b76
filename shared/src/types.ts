/** Data shapes that cross the wire: messages, conversations, sites, agents. */

import type { AttachmentRef, WidgetAttachments } from './attachments.ts';
import type { OfflineReason } from './availability.ts';
import type { ConversationState, HandoffReason, SystemEventName } from './conversation-state.ts';
import type { Locale } from './i18n/locale.ts';
import type { OfflineMark, WidgetOffline } from './offline.ts';

export type Author = 'visitor' | 'bot' | 'agent' | 'system';
export type MessageKind = 'text' | 'note' | 'event' | 'attachment';

/** A button under a bot message. `faq` answers that entry; `handoff` asks for a person. */
export type QuickReply =
  | { type: 'faq'; label: string; faqId: string }
  | { type: 'handoff'; label: string }
  | { type: 'text'; label: string };

/** What the bot did with one visitor message: shown to agents, never to visitors. */
export type BotMatch = {
  outcome: 'answer' | 'clarify' | 'miss' | 'intent';
  intent?: string;
  faqId?: string;
  question?: string;
  score: number;
  candidates?: { faqId: string; question: string; score: number }[];
};

export type SystemEvent = {
  name: SystemEventName;
  reason?: HandoffReason;
  agentName?: string;
  /** Issue 10: the visitor left an offline message (event `offline_message`), and why. */
  offlineReason?: OfflineReason;
  // E-mail as a channel (issue 10, mail): `mail_sent` / `mail_failed`.
  recipient?: string;
  error?: string;
  /** Issue 14: `transferred` to a team. */
  teamName?: string;
};

/** E-mail as a channel (issue 10, mail): the `error` of a `mail_failed` event kept because SMTP is not configured. */
export const MAIL_NOT_CONFIGURED = 'smtp_not_configured';

export type MessageMeta = {
  quickReplies?: QuickReply[];
  event?: SystemEvent;
  bot?: BotMatch;
  /** Set on a bot reply: the visitor may mark it "not helpful". */
  faqId?: string;
  /** Issue 13: the file of an `attachment` message. */
  attachment?: AttachmentRef;
};

/**
 * Issue 13: how an agent looks on their messages and in the widget's header: the colour they chose
 * (`#rrggbb`, null: one picked from the name) and their uploaded image (`/images/…`, a public,
 * re-encoded picture; null: initials). Nothing else about the agent is sent.
 */
export type AgentAvatar = { color: string | null; url: string | null };

export type Message = {
  id: string;
  conversationId: string;
  seq: number;
  clientId: string | null;
  author: Author;
  authorName: string | null;
  kind: MessageKind;
  body: string;
  meta: MessageMeta | null;
  createdAt: string;
  /** Issue 13 (additive): an agent's reply carries its author's avatar as it is now; absent otherwise. */
  avatar?: AgentAvatar | null;
  /**
   * Issue 17 (additive): the writing agent's id, on an agent's message as it is pushed live or acked
   * to agents (never to the visitor): the writer's tabs take their own read position from it.
   */
  authorId?: string;
};

export type QueueInfo = {
  position: number;
  waitingSince: string;
  /** Issue 10: the usual wait from measured take-overs; null when no honest estimate is possible. */
  estimate: WaitEstimate | null;
};

/** Issue 10: a range of minutes (0 = less than a minute). */
export type WaitEstimate = { minMinutes: number; maxMinutes: number };

/** What the visitor's widget knows about its conversation. */
export type VisitorConversation = {
  id: string;
  state: ConversationState;
  agentName: string | null;
  /** Issue 13 (additive): the assigned agent's avatar (null while no agent has it). */
  agentAvatar?: AgentAvatar | null;
  lastSeq: number;
  rating: number | null;
  queue: QueueInfo | null;
  createdAt: string;
  /** Issue 10: left as an offline message; the reply goes to this e-mail. */
  offline?: { reason: OfflineReason; email: string | null } | null;
};

export type PageInfo = { url: string; title: string };

/** A conversation as agents see it in lists and in the timeline header. */
export type AgentConversation = {
  id: string;
  siteId: string;
  state: ConversationState;
  agentId: string | null;
  agentName: string | null;
  visitor: { id: string; name: string | null; email: string | null; verified: boolean };
  locale: Locale;
  lastSeq: number;
  lastMessage: { author: Author; body: string; createdAt: string } | null;
  page: PageInfo | null;
  userAgent: string | null;
  rating: number | null;
  ratingComment: string | null;
  handoffReason: HandoffReason | null;
  queuedAt: string | null;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  /** Issue 10: an offline message (when, why, the extra answers); null for a live chat. */
  offline?: OfflineMark | null;
};

/** The site settings the widget needs. */
export type WidgetSite = {
  name: string;
  color: string;
  locale: Locale | null;
  greeting: string | null;
  quickReplies: QuickReply[];
  agentsOnline: number;
  /** Issue 9 (additive): the launcher's side, its visible label, the header and the logo, in the visitor's language. */
  position?: 'right' | 'left';
  launcherLabel?: string | null;
  title?: string | null;
  subtitle?: string | null;
  logoUrl?: string | null;
  /** Flash the host page's title while new messages wait unread. */
  titleFlash?: boolean;
  /** Chime when a message arrives unseen. */
  sound?: boolean;
  /** Issue 13: the visitor's draft is shown to agents while they type (the widget sends it only then). */
  sneakPeek?: boolean;
  /** Issue 10: the leave-a-message form's long-wait threshold and extra questions. */
  offline?: WidgetOffline;
  /** Business hours (issue 10, additive): null or absent = the site keeps no schedule. */
  hours?: WidgetHours | null;
  /** Issue 13 (additive): the site's file limits; null or absent = no files on this site. */
  attachments?: WidgetAttachments | null;
};

/**
 * Business hours as the widget is told them at session start (ISO instants), enough to flip the
 * line by itself once or twice while the panel stays open. Open now: `closesAt` ends this opening
 * (null: not within the schedule's horizon) and `nextOpenAt` is the opening after it. Closed now:
 * `nextOpenAt` is the next opening (null: never) and `closesAt` the end of that one.
 */
export type WidgetHours = { openNow: boolean; nextOpenAt: string | null; closesAt: string | null };

export type AgentRole = 'admin' | 'agent';
export type AgentProfile = {
  id: string;
  email: string;
  name: string;
  role: AgentRole;
  sites: { id: string; name: string; key: string }[];
  /** The agent's own avatar colour (`#rrggbb`) and uploaded image (`/images/…`); none: defaults. */
  avatarColor?: string | null;
  avatarUrl?: string | null;
  /** Signed in with a generated password: the console asks for a new one before anything else. */
  mustChangePassword?: boolean;
};

export type VisitorSession = { token: string; visitorId: string };
