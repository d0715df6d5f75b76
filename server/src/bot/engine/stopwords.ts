// Stop words per language (folded, no diacritics): function words that carry no topic.
// Question words (how, when, ile, kiedy …) are kept: they separate "how much" from "how long" entries.
import type { Lang } from './types.ts';

const EN = `a an the and or but if then so than too very just also of to in on at by for with from into onto
about as up down out off over under again there here this that these those it its itself i me my mine myself we
us our ours you your yours u ur he him his she her they them their is am are was were be been being do does did
doing have has had having will would shall should can could may might must im ive id youre its thats theres
some any all please pls plz hi hey hello thanks thank thx guys yo ok okay oh um just really still yet already
get got getting go going know want wanna would like let lets one ones thing things something anything whats
hows wheres whens`;

const PL = `a i o u w we z ze na do od po za ze przy pod nad przez dla bez to ten ta te tego tej tym tych temu
tu tam ja mi mnie mna my nas nam nami ty ci cie ciebie wy was wam on ona ono oni one jego jej go mu ich im je
jest sa byl byla bylo byli byly bedzie beda byc jestem jestesmy jestescie jestes sie siebie sobie by bym bys
ze iz bo ale lub albo czy oraz ani tez takze juz jeszcze tylko nawet no tak nie moj moja moje mojego mojej moim
moich twoj twoja wasz wasza wasze waszego waszej naszego nasz nasza nasze swoj swoja swoje swojego swojej
prosze hej czesc dzien dobry witam dzieki dziekuje pan pani panstwo moze jakis jakas jakies jakiegos cos ktos
ktory ktora ktore ktorego ktorej ktorym ktorych`;

const LISTS: Record<Lang, Set<string>> = {
  en: new Set(EN.split(/\s+/).filter(Boolean)),
  pl: new Set(PL.split(/\s+/).filter(Boolean)),
};

export function isStopWord(word: string, lang: Lang): boolean {
  return LISTS[lang].has(word);
}

/** The folded stop-word list of a language, used by language detection as function-word evidence. */
export function stopWords(lang: Lang): ReadonlySet<string> {
  return LISTS[lang];
}
