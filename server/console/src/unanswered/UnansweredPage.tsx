/**
 * "Unanswered questions": the bot's open misses grouped by similarity, each one click away from becoming
 * examples of an entry (PUT the entry, then dismiss with its id), a new entry (editor, save, dismiss), or
 * dismissed.
 */
import type { AckResult, AgentAnswer, FaqEntry, FaqInput, UnansweredGroup } from '@frontdesk/shared';
import { useMemo, useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import type { FaqApi } from '../faq/api.ts';
import { FaqEditor } from '../faq/FaqEditor.tsx';
import { EmptyState } from '../shared/EmptyState.tsx';
import { adminErrorText } from '../shared/labels.ts';
import { PageStatus } from '../shared/PageStatus.tsx';
import { useLoad } from '../shared/use-load.ts';
import { useNow } from '../shared/use-now.ts';
import { AgentAnswerCard } from './AgentAnswerCard.tsx';
import type { UnansweredApi } from './api.ts';
import {
  draftFromAnswer,
  draftFromGroup,
  groupMessageIds,
  withAnswerExample,
  withGroupExamples,
} from './groups.ts';
import { UnansweredGroupCard } from './UnansweredGroupCard.tsx';

type Props = { client: UnansweredApi & FaqApi; siteId: string; canEdit: boolean; onSessionEnded(): void };

type Data = { groups: UnansweredGroup[]; faqs: FaqEntry[]; answers: AgentAnswer[] };
type Message = { kind: 'notice' | 'error'; text: string };

async function loadBoth(client: UnansweredApi & FaqApi, siteId: string): Promise<AckResult<Data>> {
  const [groups, faqs, answers] = await Promise.all([
    client.listUnanswered(siteId),
    client.listFaqs(siteId),
    client.listAgentAnswers(siteId),
  ]);
  if (!groups.ok) return groups;
  if (!faqs.ok) return faqs;
  if (!answers.ok) return answers;
  return { ok: true, data: { groups: groups.data, faqs: faqs.data.faqs, answers: answers.data } };
}

export function UnansweredPage({ client, siteId, canEdit, onSessionEnded }: Props) {
  const { t } = useI18n();
  const now = useNow();
  const { state, reload } = useLoad(siteId, () => loadBoth(client, siteId), onSessionEnded);
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const [creatingFor, setCreatingFor] = useState<UnansweredGroup | null>(null);
  const [creatingFrom, setCreatingFrom] = useState<AgentAnswer | null>(null);
  const [message, setMessage] = useState<Message | null>(null);

  const groups = state.data?.groups ?? [];
  const answers = state.data?.answers ?? [];
  const faqs = useMemo(() => new Map((state.data?.faqs ?? []).map((e) => [e.id, e])), [state.data]);

  /** Runs one action for a group; a failure is shown and nothing else happens. */
  const act = async (group: { key: string }, steps: () => Promise<AckResult<unknown>>, done: string) => {
    setBusyKey(group.key);
    setMessage(null);
    const result = await steps();
    setBusyKey(null);
    if (!result.ok) {
      setMessage({ kind: 'error', text: adminErrorText(result.error, t) });
      if (result.error.code === 'not_found') await reload();
      return;
    }
    // The confirmation appears with the refreshed list, not before it.
    await reload();
    setMessage({ kind: 'notice', text: done });
  };

  const dismiss = (group: UnansweredGroup, faqId: string | null) =>
    client.dismissUnanswered(siteId, groupMessageIds(group), faqId);

  const addTo = (group: UnansweredGroup, faqId: string) => {
    const entry = faqs.get(faqId);
    if (!entry) return;
    void act(
      group,
      async () => {
        const saved = await client.saveFaq(siteId, faqId, withGroupExamples(entry, group));
        return saved.ok ? dismiss(group, faqId) : saved;
      },
      t('unansweredAdded', { question: entry.question }),
    );
  };

  const createFrom = async (group: UnansweredGroup, faqId: string, input: FaqInput) => {
    const saved = await client.saveFaq(siteId, faqId, input);
    if (!saved.ok) return saved;
    setCreatingFor(null);
    await act(group, () => dismiss(group, faqId), t('unansweredCreated', { question: input.question }));
    return saved;
  };

  /** Agent answers act under the key `agent:<conversation>` (group keys never start with it). */
  const answerKey = (a: AgentAnswer) => ({ key: `agent:${a.conversationId}` });

  const addAnswerTo = (answer: AgentAnswer, faqId: string) => {
    const entry = faqs.get(faqId);
    if (!entry) return;
    void act(
      answerKey(answer),
      async () => {
        const saved = await client.saveFaq(siteId, faqId, withAnswerExample(entry, answer));
        return saved.ok ? client.dismissAgentAnswer(siteId, answer.conversationId) : saved;
      },
      t('unansweredAdded', { question: entry.question }),
    );
  };

  const createFromAnswer = async (answer: AgentAnswer, faqId: string, input: FaqInput) => {
    const saved = await client.saveFaq(siteId, faqId, input);
    if (!saved.ok) return saved;
    setCreatingFrom(null);
    await act(
      answerKey(answer),
      () => client.dismissAgentAnswer(siteId, answer.conversationId),
      t('unansweredCreated', { question: input.question }),
    );
    return saved;
  };

  return (
    <main class="page unanswered">
      <div class="page__body">
        <div class="toolbar">
          <h1 class="page__title">{t('unansweredTitle')}</h1>
          <button type="button" class="button toolbar__end" onClick={() => void reload()}>
            {t('refresh')}
          </button>
        </div>
        <p class="notice">{t('unansweredIntro')}</p>
        {!canEdit && <p class="banner banner--info">{t('readOnlyNotice')}</p>}
        {message && (
          <p
            class={message.kind === 'error' ? 'error' : 'notice page__message'}
            role={message.kind === 'error' ? 'alert' : 'status'}
          >
            {message.text}
          </p>
        )}
        <PageStatus state={state} onRetry={() => void reload()} />
        {state.data && groups.length === 0 && answers.length === 0 && (
          <EmptyState icon="check" title={t('unansweredEmpty')} />
        )}
        {answers.length > 0 && (
          <section class="agent-answers" aria-labelledby="agent-answers-title">
            <h2 id="agent-answers-title" class="page__subtitle">
              {t('agentAnswersTitle')}
            </h2>
            <p class="notice">{t('agentAnswersIntro')}</p>
            <div class="cards">
              {answers.map((answer) => (
                <AgentAnswerCard
                  key={answer.conversationId}
                  answer={answer}
                  now={now}
                  canEdit={canEdit}
                  busy={busyKey !== null}
                  known={(faqId) => faqs.has(faqId)}
                  onAddTo={(faqId) => addAnswerTo(answer, faqId)}
                  onCreate={() => {
                    setMessage(null);
                    setCreatingFrom(answer);
                  }}
                  onDismiss={() =>
                    void act(
                      answerKey(answer),
                      () => client.dismissAgentAnswer(siteId, answer.conversationId),
                      t('unansweredDismissed'),
                    )
                  }
                >
                  {creatingFrom?.conversationId === answer.conversationId && (
                    <FaqEditor
                      key={answer.conversationId}
                      initial={draftFromAnswer(answer)}
                      taken={new Set(faqs.keys())}
                      readOnly={false}
                      onSave={(faqId, input) => createFromAnswer(answer, faqId, input)}
                      onClose={() => setCreatingFrom(null)}
                    />
                  )}
                </AgentAnswerCard>
              ))}
            </div>
          </section>
        )}
        <div class="cards">
          {groups.map((group) => (
            <UnansweredGroupCard
              key={group.key}
              group={group}
              now={now}
              canEdit={canEdit}
              busy={busyKey !== null}
              known={(faqId) => faqs.has(faqId)}
              onAddTo={(faqId) => addTo(group, faqId)}
              onCreate={() => {
                setMessage(null);
                setCreatingFor(group);
              }}
              onDismiss={() => void act(group, () => dismiss(group, null), t('unansweredDismissed'))}
            >
              {creatingFor?.key === group.key && (
                <FaqEditor
                  key={group.key}
                  initial={draftFromGroup(group)}
                  taken={new Set(faqs.keys())}
                  readOnly={false}
                  onSave={(faqId, input) => createFrom(group, faqId, input)}
                  onClose={() => setCreatingFor(null)}
                />
              )}
            </UnansweredGroupCard>
          ))}
        </div>
      </div>
    </main>
  );
}
