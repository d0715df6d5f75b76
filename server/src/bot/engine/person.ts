// "Talk to a person" and frustration, recognised from word classes instead of whole phrases: each
// token is stemmed (Porter for English; for folded Polish the light stem of its dictionary lemma) and looked up in a
// small general vocabulary of people/staff nouns, contact verbs, wanting verbs, bot words and
// frustration words. Inflection comes from the stemmers ("z konsultantem" = "konsultant"), typos in a
// person noun of ≥ 5 letters from edit distance 1 ("humna", "konsulatnt").
import { stemEnglish } from './stem-en.ts';
import { stemPolish } from './stem-pl.ts';
import type { Lang } from './types.ts';
import { editDistance } from './typo.ts';

/** person: who to talk to; service: the team ("customer service"); talk: a verb of communicating;
 *  want: asking for something; bot: the machine being rejected; neg: negation; frust: frustration;
 *  there: an existence question ("is there", "jest tu"); fill: politeness and function words. */
type WordClass = 'person' | 'service' | 'talk' | 'want' | 'bot' | 'neg' | 'frust' | 'there' | 'fill';

const VOCAB: Record<Lang, Record<WordClass, string>> = {
  en: {
    person:
      'person human people agent operator representative rep someone somebody anyone anybody staff employee advisor adviser consultant manager supervisor', // not "assistant": its stem is "assistance"'s
    service: 'customer service support team member desk shop store',
    // not "put" ("put milk on my list"): "put me through" is caught by "through"
    talk: 'talk speak chat connect transfer through pass contact reach',
    want: 'want need get give prefer',
    bot: 'bot robot chatbot',
    neg: 'not dont no never',
    frust:
      'useless stupid ridiculous joke worst pathetic terrible awful rubbish garbage nonsense hopeless waste annoying frustrating frustrated fed',
    there: 'there',
    fill: 'please pls plz now i me my a an the some one of your you to with from can could would may like id just real actual live being hello hi hey is are this it am so up here',
  },
  pl: {
    person:
      'konsultant czlowiek ludzie osoba ktos kims kogos pracownik operator doradca agent kierownik menedzer',
    service: 'obsluga klient sklep dzial',
    talk: 'rozmawiac porozmawiac gadac pogadac mowic polacz przelacz przekieruj kontakt skontaktuj zawolaj',
    want: 'chce daj dajcie poprosze prosze wole', // "chciałbym", "chciałabym": forms of chcieć (dictionary lemma)
    bot: 'bot chatbot robot',
    neg: 'nie',
    frust: 'beznadziejny bezuzyteczny kpina zenada zalosny glupi tragedia porazka',
    there: 'jest sa',
    fill: 'z ze mi mnie jakis jakas prawdziwy zywy normalny tu tam czy moge mozna o do prosze a tylko to',
  },
};

const stem = (lang: Lang, w: string) => (lang === 'en' ? stemEnglish(w) : stemPolish(w));

type Lookup = { classes: Map<string, WordClass>; persons: string[] };

/** Built on first use per language: Polish stems need the dictionary, which is not read at import time. */
const LOOKUP: Partial<Record<Lang, Lookup>> = {};

function lookupFor(lang: Lang): Lookup {
  const built = LOOKUP[lang];
  if (built) return built;
  const classes = new Map<string, WordClass>();
  const persons: string[] = [];
  for (const [cls, words] of Object.entries(VOCAB[lang]) as [WordClass, string][]) {
    for (const w of words.split(' ')) {
      const s = stem(lang, w);
      if (!classes.has(s)) classes.set(s, cls);
      if (!classes.has(w)) classes.set(w, cls);
      if (cls === 'person') persons.push(s);
    }
  }
  LOOKUP[lang] = { classes, persons };
  return { classes, persons };
}

function classify(lang: Lang, token: string): WordClass | null {
  const { classes, persons } = lookupFor(lang);
  const s = stem(lang, token);
  const direct = classes.get(token) ?? classes.get(s);
  if (direct) return direct;
  if (s.length >= 5 && persons.some((p) => p.length >= 5 && editDistance(s, p, 1) <= 1)) {
    return 'person';
  }
  return null;
}

/** Second-person "you don't understand / you're not helping" (pl: -sz / -cie forms). */
function negatedYou(lang: Lang, tokens: string[], classes: (WordClass | null)[]): boolean {
  if (!classes.includes('neg')) return false;
  if (lang === 'en') {
    return tokens.includes('you') && tokens.some((t) => ['understand', 'help'].includes(stemEnglish(t)));
  }
  return tokens.some((t) => /^(?:rozumie|pomaga)(?:sz|cie)$/.test(t));
}

/** True when the tokens (folded, lower case) ask for a person or vent frustration, in `lang`. */
export function isPersonRequest(lang: Lang, tokens: string[]): boolean {
  const classes = tokens.map((t) => classify(lang, t));
  const has = (c: WordClass) => classes.includes(c);
  const hasPerson = has('person');
  // 1. nothing but people/service/politeness words: "real person", "z konsultantem prosze"
  if ((hasPerson || (has('service') && has('talk'))) && classes.every((c) => c !== null && c !== 'frust')) {
    return true;
  }
  // 2. a verb of communicating before a person or the team: "speak to a manager", "polacz z obsluga";
  //    Polish word order is free when the person is in "z …" ("czy moge z kims porozmawiac")
  const firstTalk = classes.indexOf('talk');
  if (firstTalk >= 0) {
    const after = classes.slice(firstTalk + 1);
    if (after.includes('person') || after.includes('service')) return true;
    if (lang === 'pl' && tokens.some((t, i) => t === 'z' && classes[i + 1] === 'person')) return true;
    // "i dont want to talk to a machine": a machine word only counts after a verb of talking
    if (has('neg') && (has('bot') || tokens.some((t) => /^(?:machine|maszyn|automat)/.test(t)))) return true;
  }
  // 3. wanting a person, with only politeness between: "get me a human", "daj mi czlowieka"
  for (let i = 0; i < classes.length; i++) {
    if (classes[i] !== 'want') continue;
    let j = i + 1;
    while (j < classes.length && classes[j] === 'fill') j++;
    if (classes[j] === 'person') return true;
  }
  // 4. "is there a real person", "jest tu ktos zywy"
  if (hasPerson && has('there') && tokens.length <= 7) return true;
  // 5. rejecting the bot: "nie chce bota", "stop the bot, person please"
  if (has('bot') && (has('neg') || hasPerson || tokens.includes('stop'))) return true;
  // 6. frustration in a short message: "this is useless", "to jakas kpina", "mam dosc"
  if (tokens.length <= 10) {
    if (has('frust') || negatedYou(lang, tokens, classes)) return true;
    if (lang === 'pl' && /\bmam(?:y)? dosc\b|\bbez sensu\b/.test(tokens.join(' '))) return true;
  }
  return false;
}

/** Tokens the language's vocabulary knows without typo correction (to tell "konsultant" from "consultant"). */
function knownCount(lang: Lang, tokens: string[]): number {
  const { classes } = lookupFor(lang);
  return tokens.filter((t) => classes.has(t) || classes.has(stem(lang, t))).length;
}

/** The language in which the message asks for a person (the one whose vocabulary knows more of it), or undefined. */
export function personRequestLang(langs: readonly Lang[], tokens: string[]): Lang | undefined {
  let best: Lang | undefined;
  let bestKnown = -1;
  for (const lang of langs) {
    if (!isPersonRequest(lang, tokens)) continue;
    const known = knownCount(lang, tokens);
    if (known > bestKnown) {
      best = lang;
      bestKnown = known;
    }
  }
  return best;
}
