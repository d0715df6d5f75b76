/** Limits shared by the server (enforcement) and the clients (UI hints). Written once, here. */
export const LIMITS = {
  /** Longest message body, in characters, after trimming. */
  messageMaxLength: 5000,
  /** Largest socket.io packet the server accepts (bytes); bigger packets close the connection. */
  socketMaxPayloadBytes: 64 * 1024,
  /** Largest JSON body the HTTP API buffers (bytes). */
  httpMaxBodyBytes: 64 * 1024,
  /** How many messages one sync reply carries at most; the client asks again for the rest. */
  syncPageSize: 200,
  /** Site administration: allowed origins per site, texts of the widget's look, uploaded images. */
  allowedOriginsMax: 50,
  siteNameMaxLength: 100,
  launcherLabelMaxLength: 40,
  headerTitleMaxLength: 60,
  headerSubtitleMaxLength: 120,
  greetingMaxLength: 500,
  quickRepliesMax: 6,
  quickReplyLabelMaxLength: 60,
  /** Largest image upload (logo, avatar), bytes; stored re-encoded at most `imageMaxPixels` wide. */
  imageMaxBytes: 2 * 1024 * 1024,
  imageMaxPixels: 256,
  /** Longest visitor display name and e-mail. */
  nameMaxLength: 100,
  emailMaxLength: 254,
  /** Page URL and title sent by the widget. */
  urlMaxLength: 2048,
  titleMaxLength: 300,
  /** Rating scale and comment. */
  ratingMin: 1,
  ratingMax: 5,
  ratingCommentMaxLength: 1000,
  /** Consecutive bot misses before a person is offered (site default). */
  botMissesBeforeHandoff: 2,
  /** Upper bound of the misses-before-handoff site setting. */
  botMissesBeforeHandoffMin: 1,
  botMissesBeforeHandoffMax: 10,
  /** The answer-threshold override of a site (calibrated confidence). */
  answerThresholdMin: 0.05,
  answerThresholdMax: 0.99,
  /** Escalation phrases per site, and the length of one. */
  escalationPhrasesMax: 100,
  escalationPhraseMaxLength: 100,
  /** FAQ entry limits: question and each example, examples per entry, answer, tags. */
  faqQuestionMaxLength: 300,
  faqExamplesMax: 200,
  faqAnswerMaxLength: 10_000,
  faqTagsMax: 20,
  faqTagMaxLength: 40,
  /** Unanswered questions dismissed in one request. */
  dismissMax: 500,
  /** An agent reply with fewer words than this is not offered as an FAQ answer ("one moment", "hi!"). */
  agentAnswerMinWords: 4,
  /** Agent answers listed under "Unanswered" at most (newest first). */
  agentAnswersMax: 100,
  /** Agent password length bounds. */
  passwordMinLength: 10,
  passwordMaxLength: 200,
  /**
   * Login throttling (TESTPLAN A9). Failures are counted per account + address: a few are free, then
   * each one doubles the wait before the next try, up to the maximum. Per address (guessing many
   * accounts) and per account from addresses it never signed in from (many addresses guessing one
   * account) there is a cap per window; the owner's known addresses are never locked by strangers.
   */
  login: {
    freeFailures: 5,
    firstDelayMs: 60_000,
    maxDelayMs: 15 * 60_000,
    windowMs: 15 * 60_000,
    addressFailuresPerWindow: 50,
    accountFailuresPerWindow: 100,
  },
  /**
   * How often a node re-checks the sessions behind its open agent sockets, so that a session ended
   * elsewhere (another node, the CLI) closes its sockets within seconds (TESTPLAN A8).
   */
  agentSessionRecheckMs: 5000,
  /**
   * Markdown bodies (agent messages and notes, FAQ answers): past any of these the server refuses the
   * body and the renderers show it as plain text. Measured by `measureMarkdown` (one linear pass);
   * the slowest input found under all of them renders in ~100 ms (docs/RENDERING.md).
   * Length: the longest body anyone may write (an FAQ answer).
   */
  markdownMaxLength: 10_000,
  /** Quotes and lists opened at the start of one line (`> > - 1.`); marked recurses once per level. */
  markdownMaxDepth: 16,
  /** Link and image openers (`[`, `](`); marked backtracks from each one. */
  markdownMaxLinks: 32,
  /** Emphasis and code marks (`*`, `_`, `~`, `` ` ``); marked matches runs of them in quadratic time. */
  markdownMaxMarks: 500,
  /** `(` left open in one paragraph; marked re-scans a link's destination from each one. */
  markdownMaxOpenParens: 32,
  /** Characters in one line; the rescans from each link opener run to the end of it. */
  markdownMaxLineLength: 5_000,
  /** A render slower than this (ms) is logged once and its body is shown as plain text from then on. */
  markdownRenderBudgetMs: 50,
  /** Rendered bodies kept per renderer so that re-opening a chat renders nothing again. */
  markdownCacheEntries: 500,
  /** Longest locale tag a client may send (BCP 47 tags stay well under it). */
  localeMaxLength: 35,
  // Issue 10 (presence, abandonment, honest waits)
  /** No input in the console for this long sets the agent `away` (back to online on activity). */
  agentIdleAwayMs: 5 * 60_000,
  /** An agent whose last console socket closed stays as they were this long (a reload does not flap). */
  presenceOfflineGraceMs: 30_000,
  /** A queued conversation is abandoned after this many minutes without its visitor (site default, bounds). */
  abandonAfterMinutes: 10,
  abandonAfterMinutesMin: 1,
  abandonAfterMinutesMax: 24 * 60,
  /** How often the sweeper looks for abandoned queued conversations. */
  abandonSweepMs: 30_000,
  /** A bot-only conversation without activity for this long leaves the agents' "With the bot" list. */
  botSessionIdleMs: 30 * 60_000,
  /** The wait estimate: recent take-overs of a site it learns from, and how few are too few. */
  waitSamplesMax: 50,
  waitSamplesWindowMs: 7 * 24 * 60 * 60_000,
  waitSamplesMin: 5,
  /** Queue updates of one site are sent at most this often (bursts are coalesced). */
  queueRefreshMs: 500,
  /**
   * Issue 10, offline messages: the leave-a-message form's extra questions per site, a question's
   * label, a choice's options and their label, one answer; the long-wait threshold (minutes).
   */
  preChatFieldsMax: 10,
  preChatLabelMaxLength: 100,
  preChatOptionsMax: 20,
  preChatAnswerMaxLength: 1000,
  longWaitMinutesMin: 1,
  longWaitMinutesMax: 24 * 60,
  /** Business hours (issue 10): intervals on one weekday, closed dates, length of a zone name. */
  hoursIntervalsPerDayMax: 6,
  hoursClosedDatesMax: 200,
  timeZoneMaxLength: 64,
  // E-mail as a channel (issue 10, mail):
  /** Agent replies written within this many ms go out as one e-mail (the first waits this long). */
  mailReplyCoalesceMs: 90_000,
  /** Attempts before an outgoing mail is marked failed; the waits between them. */
  mailMaxAttempts: 6,
  mailRetryDelaysMs: [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000],
  /** How long a link in a reply e-mail opens the conversation. */
  mailLinkTtlMs: 30 * 24 * 3_600_000,
  /** How long a reply address accepts the visitor's e-mail replies. */
  mailReplyAddressTtlMs: 90 * 24 * 3_600_000,
  /** Messages of the conversation quoted in a reply e-mail. */
  mailRecentMessages: 10,
  /** Largest inbound e-mail accepted (bytes, the whole message). */
  mailInboundMaxBytes: 256 * 1024,
  /** Longest text taken from an inbound reply (characters; the rest is cut). */
  mailInboundMaxText: 4_000,
  // Issue 13 (typing, read receipts):
  /** A side sends at most one typing signal per this many ms (the throttle's interval). */
  typingIntervalMs: 2_000,
  /** A typing indicator not refreshed for this long is cleared (the sender went quiet or away). */
  typingExpiryMs: 6_000,
  /** The typing side stops signalling after this long without a keystroke. */
  typingIdleMs: 5_000,
  /** Longest draft preview (sneak peek) sent to agents, in characters. */
  typingDraftMaxLength: 1_000,
  /** A client reports a new read position at most this often. */
  readMarkIntervalMs: 1_000,
  /**
   * A visitor's action (talk to a person, a rating, the leave-a-message form) made while the widget
   * is still connecting waits this long for the connection, then tells them it is offline.
   */
  visitorConnectWaitMs: 30_000,
  // Attachments (issue 13):
  /** No site may allow files larger than this (bytes); the upload body is cut off past it unread. */
  attachmentMaxBytesCeiling: 25 * 1024 * 1024,
  /** A site's largest file by default (bytes). */
  attachmentDefaultMaxBytes: 10 * 1024 * 1024,
  /** Files per conversation by default, and the most a site may set. */
  attachmentsPerConversation: 20,
  attachmentsPerConversationMax: 200,
  /** Longest file name kept (characters, after cleaning). */
  attachmentNameMaxLength: 120,
  /** Thumbnails fit this box (pixels); stored images at most `attachmentImageMaxPixels` on a side. */
  attachmentThumbPixels: 320,
  attachmentImageMaxPixels: 2048,
  /** A decoded image may have at most this many pixels (decompression bombs). */
  attachmentImageMaxInputPixels: 40_000_000,
} as const;

/** Widget weight budgets, gzipped bytes; the widget build fails past them. */
export const WIDGET_BUDGETS = {
  loaderGzipBytes: 2 * 1024,
  openGzipBytes: 50 * 1024,
} as const;

/** Storage keys the loader and the app share (prefix + site key). */
export const WIDGET_STORAGE_PREFIX = 'frontdesk:';
