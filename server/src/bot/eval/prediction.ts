// What the evaluation counts for one engine decision: an FAQ id, a built-in intent label, or null.
import type { Decision } from '../engine/index.ts';
import { HUMAN, SMALLTALK } from './dataset.ts';
import type { Prediction } from './metrics.ts';

export function predictionOf(decision: Decision, top1: string | null, ms: number): Prediction {
  switch (decision.type) {
    case 'answer':
      return { predicted: decision.faqId, top1, ms };
    case 'intent':
      if (decision.intent === 'human') return { predicted: HUMAN, top1, ms };
      if (decision.intent === 'not_helpful') return { predicted: null, top1, ms };
      return { predicted: SMALLTALK, top1, ms };
    case 'clarify':
      return { predicted: null, top1, clarified: decision.candidates.map((c) => c.faqId), ms };
    case 'miss':
      return { predicted: null, top1, ms };
  }
}
