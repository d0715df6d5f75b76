// Built-in intents in English and Polish, checked before the FAQ: greeting, thanks, goodbye, "talk to a
// person", "that didn't help". Patterns run on folded text (no diacritics), so "dziekuje" = "dziękuję".
import { foldText, tokenize } from './normalize.ts';
import { personRequestLang } from './person.ts';
import type { BuiltinIntent, Lang } from './types.ts';

export type IntentMatch = { intent: BuiltinIntent; score: number; lang?: Lang };

type Rule = { intent: BuiltinIntent; lang: Lang; pattern: RegExp };

/** Whole-message small talk: the message is nothing but a greeting, thanks or goodbye (plus politeness). */
const SMALLTALK: Rule[] = [
  {
    intent: 'greeting',
    lang: 'en',
    pattern:
      /^(?:hi+|hey+|hello+|hiya|howdy|yo|good (?:morning|afternoon|evening)|greetings|hi there|hello there|hey there)(?: there)?$/,
  },
  {
    intent: 'greeting',
    lang: 'pl',
    pattern:
      /^(?:czesc|hej+|hejka|siema|witam|witaj(?:cie)?|dzien dobry|dobry wieczor|dzien dobry panstwu|elo|halo)$/,
  },
  {
    intent: 'thanks',
    lang: 'en',
    pattern:
      /^(?:(?:ok(?:ay)? |great |perfect |cool )?(?:thanks?(?: you)?|thx|thank u|ty|cheers|much appreciated|appreciate it)(?: (?:so|very) much| a lot| loads)?(?: (?:that|this|it) (?:helped|helps|was helpful)| for (?:the|your) help| for helping)?|(?:that|this|it) helped|great,? that helps)$/,
  },
  {
    intent: 'thanks',
    lang: 'pl',
    pattern:
      /^(?:(?:ok |super |swietnie )?(?:dziekuje|dzieki|dziekuj[eę]|dziena|dzieks|thx|dzieki wielkie|wielkie dzieki|serdecznie dziekuje)(?: bardzo| serdecznie| wielkie| za pomoc| za informacje)*(?: to wszystko| pomoglo| to mi pomoglo)?|to wszystko,? dziekuje|pomogliscie,? dzieki)$/,
  },
  {
    intent: 'goodbye',
    lang: 'en',
    pattern:
      /^(?:bye+|goodbye|bye bye|see (?:you|ya)(?: later)?|have a (?:nice|good|great) (?:day|evening|one)|cya|take care|good night)$/,
  },
  {
    intent: 'goodbye',
    lang: 'pl',
    pattern:
      /^(?:do widzenia|do zobaczenia|na razie|pa+|papa|milego dnia|milego wieczoru|dobranoc|zegnam|trzymaj sie)$/,
  },
];

const NOT_HELPFUL: Rule[] = [
  {
    intent: 'not_helpful',
    lang: 'en',
    pattern:
      /^(?:no,? )?(?:(?:that|this|it) (?:did not|didnt|does not|doesnt|was not|wasnt|is not|isnt) (?:help|helpful|useful|answer my question|what i (?:asked|meant|wanted))|not helpful|(?:that|this)s? not what i (?:asked|meant|wanted)|wrong answer|useless|you didnt (?:help|answer))(?: at all)?$/,
  },
  {
    intent: 'not_helpful',
    lang: 'pl',
    pattern:
      /^(?:nie,? )?(?:to )?(?:nie pomoglo|nie pomogles|nie pomoglas|nie o to (?:mi )?chodzi(?:lo)?|to nie to|nie to pytalem|nie to pytalam|bez sensu|zla odpowiedz|nieprzydatne|to nie jest odpowiedz na moje pytanie)(?: w ogole)?$/,
  },
];

/** A question about when people work is about opening hours, not a request to reach one. */
const HOURS =
  /\b(?:when|what time|hours|open|online|available|work|kiedy|godzin\w*|pracuj\w*|czynn\w*|dostepn\w*|do ktorej|od ktorej)\b/;

const MAX_SMALLTALK_WORDS = 8;
const MAX_HUMAN_WORDS = 16;

function clean(text: string): string {
  return tokenize(foldText(text)).join(' ');
}

function firstMatch(rules: Rule[], text: string, langs: readonly Lang[]): Rule | undefined {
  return rules.find((r) => langs.includes(r.lang) && r.pattern.test(text));
}

/**
 * The built-in intent of a message, or null when it should go to the FAQ. Small talk must be the whole
 * message ("hi, my basket is 170 zł …" is a question); a person request may sit in a sentence.
 */
export function detectIntent(text: string, langs: readonly Lang[] = ['en', 'pl']): IntentMatch | null {
  const t = clean(text);
  if (t === '') return null;
  const wordCount = t.split(' ').length;
  if (wordCount <= MAX_HUMAN_WORDS) {
    const human = personRequestLang(langs, t.split(' '));
    if (human && !HOURS.test(t)) return { intent: 'human', score: 1, lang: human };
  }
  if (wordCount <= MAX_SMALLTALK_WORDS) {
    const notHelpful = firstMatch(NOT_HELPFUL, t, langs);
    if (notHelpful) return { intent: 'not_helpful', score: 1, lang: notHelpful.lang };
    const small = firstMatch(SMALLTALK, t, langs);
    if (small) return { intent: small.intent, score: 1, lang: small.lang };
  }
  return null;
}

/** True when the text contains one of the site's escalation phrases (folded, whole words). */
export function matchesEscalation(text: string, phrases: readonly string[]): boolean {
  if (phrases.length === 0) return false;
  const t = ` ${clean(text)} `;
  return phrases.some((p) => {
    const c = clean(p);
    return c !== '' && t.includes(` ${c} `);
  });
}
