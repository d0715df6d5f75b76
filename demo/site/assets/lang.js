// Demo shop language: reads ?lang=, translates marked text, keeps ?lang= on links, sets <html lang>
// (the widget's language: `embed.js`, the after-load embed, passes it on) and shows the chat buttons.
(() => {
  const SUPPORTED = ['en', 'pl'];
  const DEFAULT_LANG = 'en';

  // English is the text already in the HTML; only the other languages need a dictionary.
  const DICTIONARY = {
    pl: {
      'badge.bestseller': 'Bestseller',
      'badge.new': 'Nowość',
      'cat.clothing': 'Odzież',
      'cat.home': 'Dom',
      demoBar: 'Sklep demonstracyjny widżetu czatu Frontdesk – nic tu nie jest na sprzedaż.',
      'footer.city': '90-034 Łódź, Polska',
      'footer.contact': 'Kontakt',
      'footer.legal': '© 2025 Nordic Nest · Sklep demonstracyjny Frontdesk',
      'footer.returns': 'Zwroty',
      'footer.service': 'Obsługa klienta',
      'footer.shipping': 'Dostawa',
      'footer.shop': 'Sklep',
      'footer.showroom': 'Salon',
      'footer.tagline': 'Len, wełna i kamionka do spokojnego domu. Wysyłamy z Łodzi do Polski i krajów UE.',
      'help.chatNote': 'Masz pytanie? Skorzystaj z dymku czatu w rogu.',
      'help.chatNoteText':
        'Odpowiada od razu po polsku i po angielsku, a w godzinach pracy infolinii łączy z naszym zespołem.',
      'help.cod': 'Płatność za pobraniem kosztuje dodatkowo 5\u00a0zł.',
      'help.colCost': 'Koszt',
      'help.colMethod': 'Sposób dostawy',
      'help.colTime': 'Czas dostawy',
      'help.contact': 'Kontakt',
      'help.courier': 'Kurier',
      'help.days12': '1–2 dni robocze',
      'help.days37': '3–7 dni roboczych',
      'help.dispatch': 'Zamówienia złożone w dni robocze do godz. 14:00 wysyłamy tego samego dnia.',
      'help.email': 'E-mail',
      'help.emailReply': 'Na e-maile odpowiadamy w ciągu 24 godzin w dni robocze.',
      'help.eu': 'Kraje UE (kurier DPD)',
      'help.euOnly':
        'Wysyłamy do wszystkich krajów UE, ale nie poza Unię (np. do Wielkiej Brytanii, Norwegii ani Szwajcarii).',
      'help.free': 'Bezpłatnie',
      'help.freeFrom': 'Darmowa dostawa w Polsce przy zamówieniach od 199\u00a0zł.',
      'help.hours': 'Infolinia i czat',
      'help.inBasket': 'Widoczny w koszyku',
      'help.lead': 'Wszystko o dostawie, zwrotach i kontakcie z naszym zespołem.',
      'help.locker': 'Paczkomat InPost',
      'help.lockerTime': 'Na odbiór paczki z Paczkomatu InPost masz 48 godzin.',
      'help.openChat': 'Otwórz czat',
      'help.phone': 'Telefon',
      'help.pickup': 'Odbiór osobisty w salonie w Łodzi',
      'help.pickupTime': 'Gdy dostaniesz od nas SMS',
      'help.refund': 'Zwracamy pieniądze w ciągu 14 dni od otrzymania zwrotu – zwykle w 3–5 dni roboczych.',
      'help.return14': 'Masz 14 dni od otrzymania paczki na zwrot towaru bez podawania przyczyny.',
      'help.returnHow':
        'Zgłoś zwrot w Moje konto → Zwroty, aby otrzymać etykietę InPost (9,99\u00a0zł, potrącane ze zwrotu).',
      'help.returnTags': 'Zwracane produkty muszą być nieużywane i mieć oryginalne metki.',
      'help.returns': 'Zwroty',
      'help.shipping': 'Dostawa',
      'help.tableCaption': 'Sposoby, czas i koszt dostawy',
      'help.title': 'Pomoc i kontakt',
      'home.chatText':
        'Otwórz dymek czatu w prawym dolnym rogu i zapytaj po polsku lub po angielsku. Asystent odpowiada od razu, a gdy poprosisz, rozmowę przejmie osoba z naszego zespołu.',
      'home.chatTitle': 'Masz pytanie? Zapytaj naszego asystenta na czacie',
      'home.ctaHelp': 'Dostawa i zwroty',
      'home.ctaProducts': 'Zobacz produkty',
      'home.eyebrow': 'Nowa kolekcja jesienna',
      'home.featured': 'Polecane produkty',
      'home.heroAlt': 'Półka ze złożonymi pledami, wazonem z gałązkami i parującym kubkiem',
      'home.lead': 'Len, wełna i kamionka, które posłużą latami – wysyłamy z Łodzi do całej Polski i UE.',
      'home.seeAll': 'Wszystkie produkty',
      'home.title': 'Spokojne, naturalne rzeczy na co dzień',
      'home.try1': 'Ile kosztuje dostawa?',
      'home.try2': 'Czy mogę zwrócić sweter?',
      'home.try3': 'Czy wysyłacie do Niemiec?',
      'home.try4': 'Chcę porozmawiać z konsultantem',
      'home.tryLabel': 'Zapytaj na przykład:',
      'hours.saturday': 'sob. 9:00–15:00',
      'hours.weekdays': 'pon.–pt. 8:00–20:00',
      'lang.label': 'Język',
      'meta.help': 'Dostawa, zwroty i dane kontaktowe sklepu Nordic Nest.',
      'meta.home':
        'Nordic Nest – sklep demonstracyjny z odzieżą i artykułami do domu, z wysyłką w Polsce i UE.',
      'meta.products':
        'Lniane koszule, swetry z merino, wełniane skarpety, pledy, kubki i świece od Nordic Nest.',
      'nav.help': 'Pomoc',
      'nav.home': 'Start',
      'nav.label': 'Główna nawigacja',
      'nav.products': 'Produkty',
      'perks.dispatch.text': 'Zamów w dzień roboczy do 14:00',
      'perks.dispatch.title': 'Wysyłka tego samego dnia',
      'perks.free.text': 'Paczkomat InPost 12,99\u00a0zł · kurier 16,99\u00a0zł',
      'perks.free.title': 'Darmowa dostawa od 199\u00a0zł',
      'perks.returns.text': 'Nieużywane, z oryginalnymi metkami',
      'perks.returns.title': '14 dni na zwrot',
      'perks.showroom.text': 'Bezpłatny odbiór osobisty',
      'perks.showroom.title': 'Salon w Łodzi',
      'perks.title': 'Dostawa i zwroty',
      'product.beanie.alt': 'Rdzawoczerwona czapka w prążki z kremowym pomponem',
      'product.beanie.desc': 'Gruby splot z wełny z recyklingu, rozmiar uniwersalny.',
      'product.beanie.name': 'Czapka Ember w prążki',
      'product.candle.alt': 'Świeca w bursztynowym słoiku z zapalonym płomieniem',
      'product.candle.desc': 'Wosk sojowy o zapachu bursztynu i cedru, ok. 40 godzin palenia.',
      'product.candle.name': 'Świeca sojowa Amber',
      'product.mug.alt': 'Kremowy kubek z niebieskim szkliwionym brzegiem i unoszącą się parą',
      'product.mug.desc': 'Ręcznie szkliwiona kamionka, 350 ml, można myć w zmywarce.',
      'product.mug.name': 'Kubek kamionkowy Harbour',
      'product.shirt.alt': 'Jasnoniebieska lniana koszula z kieszonką na piersi',
      'product.shirt.desc': 'Prany len europejski, luźny krój, rozmiary XS–XXL.',
      'product.shirt.name': 'Lniana koszula Fjord',
      'product.socks.alt': 'Kremowe wełniane skarpety z zielonymi piętami, palcami i ściągaczami',
      'product.socks.desc': 'Ciepłe skarpety z mieszanki wełny z paskami przy ściągaczu, rozmiary 36–46.',
      'product.socks.name': 'Wełniane skarpety Fog',
      'product.sweater.alt': 'Ciemnozielony sweter z kremowym wzorem w zygzak',
      'product.sweater.desc': 'Miękka wełna merino z nordyckim wzorem na piersi.',
      'product.sweater.name': 'Sweter merino Moss',
      'product.throw.alt': 'Trzy złożone lniane pledy w kolorach piasku, szałwii i kremu',
      'product.throw.desc': 'Len stonewashed, 130 × 170 cm, w trzech kolorach.',
      'product.throw.name': 'Lniany pled Dune',
      'product.vase.alt': 'Nakrapiany kremowy wazon z zielonymi gałązkami',
      'product.vase.desc': 'Nakrapiana kamionka, wysokość 24 cm, wykonany w Polsce.',
      'product.vase.name': 'Wazon Birch w kropki',
      'products.lead':
        'Osiem rzeczy, które lubimy w tym sezonie. To wersja demonstracyjna, więc nie ma koszyka – ale czat wie wszystko o dostawie, zwrotach i rozmiarach.',
      'products.sizeTip': 'Jesteś pomiędzy rozmiarami? Wybierz większy – albo zapytaj na czacie.',
      'products.title': 'Wszystkie produkty',
      'showroom.saturday': 'sob. 10:00–14:00',
      'showroom.weekdays': 'pon.–pt. 10:00–18:00',
      skip: 'Przejdź do treści',
      'title.help': 'Pomoc i kontakt · Nordic Nest',
      'title.home': 'Nordic Nest · Len, wełna i kamionka',
      'title.products': 'Produkty · Nordic Nest',
    },
  };

  // Attributes that carry translatable text besides the element's own text.
  const ATTRIBUTE_KEYS = [
    ['data-i18n-alt', 'alt'],
    ['data-i18n-label', 'aria-label'],
    ['data-i18n-content', 'content'],
  ];

  const readLang = () => {
    const requested = new URLSearchParams(window.location.search).get('lang');
    return requested && SUPPORTED.includes(requested) ? requested : DEFAULT_LANG;
  };

  const translate = (lang) => {
    const dictionary = DICTIONARY[lang];
    if (!dictionary) return;
    for (const el of document.querySelectorAll('[data-i18n]')) {
      const text = dictionary[el.getAttribute('data-i18n')];
      if (text) el.textContent = text;
    }
    for (const [marker, attribute] of ATTRIBUTE_KEYS) {
      for (const el of document.querySelectorAll(`[${marker}]`)) {
        const text = dictionary[el.getAttribute(marker)];
        if (text) el.setAttribute(attribute, text);
      }
    }
  };

  const formatPrice = (amount, lang) => {
    const fixed = amount.toFixed(2);
    return lang === 'pl' ? `${fixed.replace('.', ',')}\u00a0zł` : `PLN\u00a0${fixed}`;
  };

  const formatPrices = (lang) => {
    for (const el of document.querySelectorAll('[data-price]')) {
      const amount = Number(el.getAttribute('data-price'));
      if (Number.isFinite(amount)) el.textContent = formatPrice(amount, lang);
    }
  };

  // Internal page links (e.g. "help.html#returns") keep the chosen language.
  const keepLangOnLinks = (lang) => {
    if (lang === DEFAULT_LANG) return;
    for (const link of document.querySelectorAll('a[href]')) {
      const href = link.getAttribute('href');
      const match = /^([\w-]+\.html)(#.*)?$/.exec(href);
      if (match) link.setAttribute('href', `${match[1]}?lang=${lang}${match[2] || ''}`);
    }
  };

  const markLangSwitch = (lang) => {
    for (const link of document.querySelectorAll('.lang-switch [data-lang]')) {
      if (link.getAttribute('data-lang') === lang) link.setAttribute('aria-current', 'true');
      else link.removeAttribute('aria-current');
    }
  };

  // Buttons that open the chat appear once `window.Frontdesk` exists: the embed's stub defines it
  // before this script runs, and queues a click made before the widget has loaded.
  const enableChatButtons = () => {
    if (typeof window.Frontdesk !== 'function') return;
    for (const button of document.querySelectorAll('[data-chat-open]')) {
      button.hidden = false;
      button.addEventListener('click', () => window.Frontdesk('open'));
    }
  };

  const lang = readLang();
  document.documentElement.lang = lang;
  translate(lang);
  formatPrices(lang);
  keepLangOnLinks(lang);
  markLangSwitch(lang);
  // The chat is not part of the shop's page: `embed.js` (served by Frontdesk from the README's
  // after-load embed) inserts the loader after the page's `load` event, with the language set above.
  enableChatButtons();
})();
