/** Strings the server writes into conversations (bot replies) and prints, per language. */
import type { Locale } from './locale.ts';

const en = {
  botGreetingReply: 'Hello! Ask me anything about our shop, or talk to a person.',
  botThanksReply: "You're welcome! Anything else I can help with?",
  botGoodbyeReply: 'Goodbye, have a great day!',
  botMiss: "Sorry, I'm not sure I understood. Could you rephrase it, or would you like to talk to a person?",
  botMissOfferPerson: "I still can't find an answer. Let me connect you with a person.",
  botClarify: 'Did you mean one of these?',
  botHandoff: "I'm passing you to a person. Someone will be with you shortly.",
  botHandoffOffline:
    'Nobody from our team is online right now. Leave your e-mail and message in the form below and we will reply by e-mail.',
  botFailedHandoff:
    "Sorry, something went wrong on my side. I'm passing you to a person, who will reply here as soon as they can.",
  botComplaint: 'I am sorry to hear that. Here is what to do — and a person can help you if you wish.',
  talkToPerson: 'Talk to a person',
  notHelpful: 'That did not help',
  // E-mail as a channel (issue 10, mail):
  mailReplySubject: 'New reply from {site}',
  mailReplyIntro: '{agent} replied to your conversation with {site}:',
  mailRecentHeading: 'Recent messages',
  mailOpenLink: 'Open the conversation',
  mailReplyHint: 'You can also reply to this e-mail.',
  mailLinkExpiry: 'The link works for 30 days.',
  mailTranscriptSubject: 'Your conversation with {site}',
  mailTranscriptIntro: 'Here is the transcript of your conversation with {site}.',
  mailNoticeSubject: 'New offline message on {site}',
  mailNoticeIntro: '{visitor} left a message on {site} while nobody was online:',
  mailNoticeOpen: 'Answer it in the console',
  mailYou: 'You',
  mailVisitor: 'A visitor',
  mailLinkTitle: 'Your conversation',
  mailLinkOpening: 'Opening your conversation…',
  mailLinkInvalid: 'This link is not valid. Open the chat on the website to write to us.',
  mailLinkExpired: 'This link has expired. Open the chat on the website to write to us.',
  // Issue 12 (contacts, privacy):
  contactErasedName: 'Erased contact',
  messageRedacted: 'This message was removed at the customer’s request.',
  exportFileName: 'contact-{id}.json',
  /** Issue 12: the export with the contact's files. */
  exportZipFileName: 'contact-{id}.zip',
} as const;

export type ServerKey = keyof typeof en;

const pl: Record<ServerKey, string> = {
  botGreetingReply: 'Cześć! Zapytaj mnie o cokolwiek dotyczącego sklepu albo porozmawiaj z konsultantem.',
  botThanksReply: 'Nie ma za co! Czy mogę pomóc w czymś jeszcze?',
  botGoodbyeReply: 'Do widzenia, miłego dnia!',
  botMiss:
    'Przepraszam, nie jestem pewien, czy dobrze rozumiem. Możesz napisać to inaczej albo porozmawiać z konsultantem?',
  botMissOfferPerson: 'Nadal nie mogę znaleźć odpowiedzi. Połączę Cię z konsultantem.',
  botClarify: 'Czy chodziło Ci o jedno z tych pytań?',
  botHandoff: 'Przekazuję rozmowę konsultantowi. Ktoś zaraz się odezwie.',
  botHandoffOffline:
    'Nikogo z naszego zespołu nie ma teraz online. Zostaw e-mail i wiadomość w formularzu poniżej, a odpowiemy e-mailem.',
  botFailedHandoff:
    'Przepraszam, coś poszło nie tak po mojej stronie. Przekazuję rozmowę konsultantowi, który odpowie tutaj najszybciej, jak to możliwe.',
  botComplaint: 'Przykro nam. Oto co zrobić — a jeśli chcesz, pomoże Ci konsultant.',
  talkToPerson: 'Porozmawiaj z konsultantem',
  notHelpful: 'To nie pomogło',
  // E-mail as a channel (issue 10, mail):
  mailReplySubject: 'Nowa odpowiedź od {site}',
  mailReplyIntro: '{agent} odpowiada w Twojej rozmowie z {site}:',
  mailRecentHeading: 'Ostatnie wiadomości',
  mailOpenLink: 'Otwórz rozmowę',
  mailReplyHint: 'Możesz też odpowiedzieć na tego e-maila.',
  mailLinkExpiry: 'Link działa przez 30 dni.',
  mailTranscriptSubject: 'Twoja rozmowa z {site}',
  mailTranscriptIntro: 'Oto zapis Twojej rozmowy z {site}.',
  mailNoticeSubject: 'Nowa wiadomość offline w {site}',
  mailNoticeIntro: '{visitor} zostawia wiadomość w {site}, gdy nikogo nie było online:',
  mailNoticeOpen: 'Odpowiedz w konsoli',
  mailYou: 'Ty',
  mailVisitor: 'Klient',
  mailLinkTitle: 'Twoja rozmowa',
  mailLinkOpening: 'Otwieram Twoją rozmowę…',
  mailLinkInvalid: 'Ten link jest nieprawidłowy. Otwórz czat na stronie, aby do nas napisać.',
  mailLinkExpired: 'Ten link wygasł. Otwórz czat na stronie, aby do nas napisać.',
  // Issue 12 (contacts, privacy):
  contactErasedName: 'Usunięty kontakt',
  messageRedacted: 'Ta wiadomość została usunięta na prośbę klienta.',
  exportFileName: 'kontakt-{id}.json',
  exportZipFileName: 'kontakt-{id}.zip',
};

export const SERVER_CATALOGS: Record<Locale, Record<ServerKey, string>> = { en, pl };
