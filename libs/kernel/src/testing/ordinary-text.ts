/**
 * Ordinary text full of numbers that are not national identity numbers: what minutes, agendas,
 * agreements and issues hold. `ORDINARY_TEXT` is fixed (a test asserts none of it is refused);
 * `ordinaryNumberText` draws random instances of each kind to measure the false-positive rate.
 */
export const ORDINARY_TEXT: readonly string[] = [
  'Møte i prosjektgruppen 12.03.2026 kl. 09.00–11.30 i Politidirektoratet, Nydalen.',
  'Neste fellesmøte: 2026-09-14T10:00:00.000Z (Oslo: 14.09.2026 12:00).',
  'Frist 01.04.2026 for innspill; svar innen 15. april 2026 kl. 12.00.',
  'Kontakt sekretariatet på tlf. 22 24 90 90 eller +47 23 36 41 00, mobil 915 12 345.',
  'Ring 0047 22 33 44 55 eller 800 57 000 (gratis), faks 22 33 44 56.',
  'Organisasjonsnummer 974 760 746 (Politidirektoratet); NO 974 760 746 MVA; org.nr. 983544622.',
  'Saksnummer 24/12345-3 og 2025/00417-12, arkivkode 008, vår ref. 23/4567.',
  'Tilskudd på kr 1 250 000 for 2026, fordelt 625 000 + 625 000; egenandel 12 500,50 kr.',
  'Budsjett: 10 500 000 kroner (2025), 11 200 000 kroner (2026) og 12 000 000 kroner (2027).',
  'Tiltak 6, 12, 19 og 34 i handlingsplanen; kapittel 5.2.1, side 34–36.',
  'Kontonummer 1503 12 34567 brukes ikke her; KID oppgis på faktura.',
  'Postboks 8051 Dep, 0031 Oslo. Besøksadresse: Fridtjof Nansens vei 14, 0369 Oslo.',
  'Rapporten for 2024 viser 264 mulige ofre, mot 259 i 2023 og 313 i 2022.',
  'Versjon 2.4.1 av rutinen, revidert 03.02.2026, gjelder fra 1.3.2026.',
  'Videomøte: https://meet.example.no/kom/prosjektgruppe-2026-03?pwd=a1b2c3',
  'Sak 2024-03-02 12:00 ble utsatt til 2024-04-06 09:30.',
  'Telefonmøte 05.05.2026 13.00 (varighet 45 min), deltakere 14 av 17.',
  'ISBN 978-82-02-12345-6 og ISSN 0805-4711 er sitert i vedlegg 3.',
  'Møtene holdes 1. mandag hver måned; juni: 01.06.2026, juli: 06.07.2026.',
  'Referansegruppen møttes 14 ganger i 2025 (jan–des), 9 av dem digitalt.',
  'Andel saker avsluttet innen 90 dager: 87,5 % (2025), 81,2 % (2024).',
  'Korrelasjon 550e8400-e29b-41d4-a716-446655440000 og sjekksum 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08.',
  'Dokument 2026/1234-5, journalført 12.01.2026, 14:32:07.',
  'Kapasitet 120 plasser, 35 i Oslo, 25 i Bergen, 20 i Trondheim og 40 andre steder.',
];

type Kind =
  | 'date'
  | 'iso-timestamp'
  | 'phone'
  | 'case-number'
  | 'org-number'
  | 'amount'
  | 'mixed'
  | 'date-and-amount'
  | 'number-table'
  | 'bank-account'
  | 'meeting-link';

/** The first seven are the everyday kinds; the last four put 11 digits side by side on purpose (the worst case). */
export const ORDINARY_KINDS: readonly Kind[] = [
  'date',
  'iso-timestamp',
  'phone',
  'case-number',
  'org-number',
  'amount',
  'mixed',
  'date-and-amount',
  'number-table',
  'bank-account',
  'meeting-link',
];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** One random instance of ordinary text of the kind, from the random source. */
export function ordinaryNumberText(kind: Kind, random: () => number): string {
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  const date = () => {
    const [d, m, y] = [int(1, 28), int(1, 12), int(2000, 2030)];
    return pick([
      `${pad(d)}.${pad(m)}.${y}`,
      `${d}.${m}.${y}`,
      `${pad(d)}.${pad(m)}.${pad(y % 100)}`,
      `${y}-${pad(m)}-${pad(d)}`,
      `${pad(d)}/${pad(m)}/${y}`,
      `${d}. ${pick(['januar', 'mars', 'juni', 'oktober'])} ${y}`,
    ]);
  };
  const time = () => pick([`${pad(int(7, 18))}.${pad(int(0, 59))}`, `${int(7, 18)}.${pad(int(0, 59))}`, `${pad(int(7, 18))}:${pad(int(0, 59))}`]);
  const phone = () => {
    const n = `${pick(['2', '4', '9', '5', '7'])}${pad(int(0, 9999999), 7)}`;
    return pick([
      `${n.slice(0, 2)} ${n.slice(2, 4)} ${n.slice(4, 6)} ${n.slice(6)}`,
      `${n.slice(0, 3)} ${n.slice(3, 5)} ${n.slice(5)}`,
      `+47 ${n.slice(0, 2)} ${n.slice(2, 4)} ${n.slice(4, 6)} ${n.slice(6)}`,
      `+47 ${n}`,
      `0047 ${n}`,
      n,
    ]);
  };
  const amount = () => {
    const n = int(1, 99_999_999);
    const grouped = n.toLocaleString('nb-NO').replace(/\u00a0/g, ' ');
    return pick([`kr ${grouped}`, `${grouped} kroner`, `NOK ${n}`, `${grouped},${pad(int(0, 99))} kr`, `${n} kr`]);
  };
  const orgNumber = () => {
    const n = pad(int(800_000_000, 999_999_999), 9);
    return pick([`org.nr. ${n}`, `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`, `NO ${n} MVA`, `0192:${n}`]);
  };
  const caseNumber = () =>
    pick([`${pad(int(15, 26))}/${int(1, 99999)}-${int(1, 40)}`, `${int(2015, 2026)}/${pad(int(1, 99999), 5)}-${int(1, 40)}`, `sak ${int(2015, 2026)}/${int(1, 9999)}`]);
  switch (kind) {
    case 'date':
      return `${pick(['Møte', 'Frist', 'Neste møte'])} ${date()}${pick(['', ` kl. ${time()}`, ` ${time()}`, `–${date()}`])}`;
    case 'iso-timestamp':
      return new Date(Date.UTC(int(2000, 2030), int(0, 11), int(1, 28), int(0, 23), int(0, 59), int(0, 59), int(0, 999))).toISOString();
    case 'phone':
      return `${pick(['tlf.', 'Ring', 'mobil'])} ${phone()}${pick(['', ` eller ${phone()}`, `, ${phone()}`])}`;
    case 'case-number':
      return `${pick(['Saksnr.', 'Vår ref.', 'Deres ref.'])} ${caseNumber()}`;
    case 'org-number':
      return orgNumber();
    case 'amount':
      return `${pick(['Tilskudd', 'Budsjett', 'Utbetalt'])} ${amount()}`;
    case 'mixed':
      return `${pick(['Møte', 'Frist'])} ${date()} ${time()}, ${caseNumber()}, tlf ${phone()}, ${amount()} (${orgNumber()})`;
    case 'date-and-amount':
      return `Utbetalt ${date()} ${int(1, 999_999).toLocaleString('nb-NO').replace(/\u00a0/g, ' ')} kr`;
    case 'number-table': {
      const row = () => Array.from({ length: int(2, 5) }, () => String(int(0, pick([99, 999, 9999, 99999])))).join(pick([' ', '\t', '  ']));
      return `${row()}\n${row()}\n${row()}`;
    }
    case 'bank-account': {
      const n = pad(int(0, 99_999_999_999), 11);
      return `Konto ${pick([`${n.slice(0, 4)}.${n.slice(4, 6)}.${n.slice(6)}`, `${n.slice(0, 4)} ${n.slice(4, 6)} ${n.slice(6)}`, n])}`;
    }
    case 'meeting-link':
      return `https://zoom.example/j/${int(1_000_000_000, 99_999_999_999)}?pwd=${int(0, 1e9).toString(36)}`;
  }
}
