/** Buttons under the greeting or a bot answer: answer an FAQ, ask for a person, or send a text. */
import type { QuickReply } from '@frontdesk/shared';
import { useWidget } from './context.ts';

export function QuickReplies({ replies }: { replies: readonly QuickReply[] }) {
  const { chat } = useWidget();
  if (replies.length === 0) return null;
  const choose = (reply: QuickReply) => {
    if (reply.type === 'handoff') void chat.handoff();
    else if (reply.type === 'faq') chat.send(reply.label, { type: 'faq', faqId: reply.faqId });
    else chat.send(reply.label);
  };
  return (
    <div class="quick-replies">
      {replies.map((reply) => (
        <button type="button" class="chip" key={`${reply.type}:${reply.label}`} onClick={() => choose(reply)}>
          {reply.label}
        </button>
      ))}
    </div>
  );
}
