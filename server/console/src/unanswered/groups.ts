/** Turning an unanswered group into FAQ content: the texts that can become examples, and the new-entry draft. */
import {
  type AgentAnswer,
  type FaqEntry,
  type FaqInput,
  LIMITS,
  type UnansweredGroup,
} from '@frontdesk/shared';
import { type FaqDraft, newDraft } from '../faq/faq-draft.ts';
import { appendLines, cleanLines } from '../shared/lines.ts';

/** The group's distinct texts that fit as an example (a visitor message may be longer than a question). */
export const exampleTexts = (group: UnansweredGroup): string[] =>
  cleanLines(group.items.map((item) => item.text)).filter(
    (text) => text.length <= LIMITS.faqQuestionMaxLength,
  );

/** The PUT body that adds the group's texts to an entry's examples (no repeats, within the server's cap). */
export const withGroupExamples = (entry: FaqEntry, group: UnansweredGroup): FaqInput => ({
  lang: entry.lang,
  question: entry.question,
  examples: appendLines(entry.examples, exampleTexts(group)).slice(0, LIMITS.faqExamplesMax),
  answer: entry.answer,
  tags: entry.tags,
});

/** A new entry from the group: its sample as the question, the other texts as examples. */
export function draftFromGroup(group: UnansweredGroup): FaqDraft {
  const question = group.sample.trim().slice(0, LIMITS.faqQuestionMaxLength);
  const examples = exampleTexts(group).filter((text) => text !== question);
  return newDraft(group.lang, question, examples);
}

export const groupMessageIds = (group: UnansweredGroup): string[] =>
  group.items.map((item) => item.messageId);

/** The PUT body that adds an agent-answered question to an entry's examples. */
export const withAnswerExample = (entry: FaqEntry, answer: AgentAnswer): FaqInput => ({
  lang: entry.lang,
  question: entry.question,
  examples: appendLines(entry.examples, [answer.question.trim().slice(0, LIMITS.faqQuestionMaxLength)]).slice(
    0,
    LIMITS.faqExamplesMax,
  ),
  answer: entry.answer,
  tags: entry.tags,
});

/** A new entry from an agent answer: the visitor's question, the agent's reply as the answer. */
export function draftFromAnswer(answer: AgentAnswer): FaqDraft {
  return {
    ...newDraft(answer.lang, answer.question.trim().slice(0, LIMITS.faqQuestionMaxLength)),
    answer: answer.answer.slice(0, LIMITS.faqAnswerMaxLength),
  };
}
