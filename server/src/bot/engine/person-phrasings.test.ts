import { describe, expect, it } from 'vitest';
import { detectIntent } from './intents.ts';

/**
 * Requests for a person, written the way visitors type them (no diacritics, typos, polite and
 * blunt forms, inflected Polish), written before looking at the engine's output. Frustration and
 * "you're useless" count as person requests: the only useful reply to them is a hand-off.
 * A complaint about a product ("chcę złożyć reklamację") is NOT one: the shop's complaint FAQ entry
 * answers it. Questions ABOUT the staff (their hours, languages) are not person requests either: they
 * ask for information the FAQ has (helpline hours, contact), and handing off would answer nothing.
 */
const intentOf = (text: string) => detectIntent(text)?.intent ?? null;

const personEn = [
  'talk to a human pls',
  'real person',
  'agent please',
  'can i speak to a human',
  'i want to talk to a real person',
  'human please',
  'HUMAN',
  'get me a human',
  'put me through to an agent',
  'connect me with customer service',
  'i need to speak with someone',
  'is there anyone real there',
  'let me talk to somebody',
  'can I chat with a live agent?',
  'live chat with a person please',
  'speak to a representative',
  'representative',
  'customer service rep please',
  'could you transfer me to a member of staff',
  'i would like to speak to a manager',
  'get me your manager',
  'can i talk to someone from support',
  'talk to support team',
  'i want a human not a robot',
  'are you a bot? i want a person',
  'stop the bot, person please',
  'operator pls',
  'talk to humna',
  'speak to a persn',
  'need a real human being',
  'let me speak to an actual person',
  'i dont want to talk to a machine',
  'pass me to a consultant',
  'Hello, may I please speak with one of your advisors?',
  'contact a human',
  'this is useless',
  'you are useless',
  'this bot is useless, get me someone',
  'this is stupid',
  'useless bot',
  'this is ridiculous',
  'you are not helping at all',
  'i am so fed up with this',
  'this is a joke',
  'worst service ever',
];

const personPl = [
  'z człowiekiem',
  'z czlowiekiem',
  'z konsultantem',
  'z konsultantka prosze',
  'chce rozmawiac z kims',
  'daj mi czlowieka',
  'dajcie mi człowieka',
  'poprosze konsultanta',
  'poproszę z konsultantem',
  'chcę rozmawiać z człowiekiem',
  'chce porozmawiac z czlowiekiem',
  'chcialbym porozmawiac z konsultantem',
  'chciałabym rozmawiać z prawdziwą osobą',
  'czy moge rozmawiac z prawdziwym czlowiekiem',
  'połącz mnie z konsultantem',
  'polacz z konsultantem',
  'przełącz mnie do konsultanta',
  'przekieruj mnie do pracownika',
  'chce gadac z kims z obslugi',
  'czy jest ktos z obslugi klienta',
  'jest tu ktos żywy?',
  'jest tu jakis czlowiek',
  'prosze o kontakt z pracownikiem',
  'chce pogadac z czlowiekiem a nie z botem',
  'nie chce bota',
  'nie bot tylko czlowiek',
  'człowiek',
  'czlowiek prosze',
  'konsultant prosze',
  'konsulatnt',
  'z konsultnatem',
  'z czlowiekem',
  'daj kogos z obslugi',
  'chce mowic z kierownikiem',
  'poprosze kierownika',
  'zawolaj kogos',
  'czy moge z kims porozmawiac',
  'wolę rozmawiać z osobą',
  'pracownik sklepu prosze',
  'to jest beznadziejne',
  'to jest bez sensu',
  'jestes bezuzyteczny',
  'beznadziejny bot',
  'nic nie rozumiesz',
  'nie pomagasz wcale',
  'mam dosc tego bota',
  'to jakas kpina',
  'żenada',
];

const notPerson = [
  // questions about staff and hours: the helpline-hours / contact FAQ entries answer them
  "what are your staff's opening hours",
  'what hours are your agents available',
  'when is customer service open',
  'do your consultants speak english',
  'kiedy pracuja konsultanci',
  'w jakich godzinach dziala obsluga klienta',
  'czy konsultanci sa dostepni w weekend',
  // complaints about a product: the complaint FAQ entry answers them
  'chce zlozyc reklamacje',
  'jak zlozyc reklamacje butow',
  'how do i make a warranty claim',
  // ordinary shop questions mentioning people
  'can someone else pick up my parcel',
  'czy ktos inny moze odebrac paczke',
  'can i send a gift to another person',
  'is the delivery person going to call me',
  'how much is delivery',
  // found on CLINC150 after the suite was written: "put" and "assistance" are not about people
  'put milk on my shopping list',
  'i need assistance paying my bill',
  'ile kosztuje dostawa',
];

describe('person intent: visitor phrasings', () => {
  it.each(personEn)('en: %s → human', (text) => {
    expect(intentOf(text)).toBe('human');
  });
  it.each(personPl)('pl: %s → human', (text) => {
    expect(intentOf(text)).toBe('human');
  });
  it.each(notPerson)('not a person request: %s', (text) => {
    expect(intentOf(text)).not.toBe('human');
  });
});
