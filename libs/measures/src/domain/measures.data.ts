import type { MeasureArea, Ministry } from './measure.events';

export interface MeasureData {
  readonly number: number;
  /** Exactly as the plan words it in its list of measures (chapter 2, "Tiltak"). */
  readonly titleNb: string;
  readonly titleEn: string;
  readonly area: MeasureArea;
  /** In the plan's order: the lead ministry first. */
  readonly ministries: readonly Ministry[];
}

/**
 * The 35 measures (tiltak) of the government's action plan against human trafficking, with the
 * responsible ministries in brackets after each. Measure 28 has none in the list; the text under
 * it (chapter 8) gives the Ministry of Children, Equality and Social Inclusion (BLD).
 * English titles are our translation.
 */
export const MEASURES: readonly MeasureData[] = [
  // 4. Det internasjonale rammeverk og samarbeid skal styrkes
  {
    number: 1,
    titleNb:
      'Være en fortsatt pådriver for å styrke, samordne og gjennomføre det internasjonale regelverket mot menneskehandel, særlig innenfor FN, Europarådet og Østersjørådet',
    titleEn:
      'Continue to drive the strengthening, coordination and implementation of the international rules against human trafficking, particularly within the UN, the Council of Europe and the Council of the Baltic Sea States',
    area: 'INTERNATIONAL_FRAMEWORK',
    ministries: ['UD', 'JD', 'BLD'],
  },
  {
    number: 2,
    titleNb:
      'Bidra til internasjonal innsats for å stoppe ulovlig kapitalflyt fra menneskehandel og styrke finansielle etterforskninger med henblikk på inndragning av vinning fra handelen',
    titleEn:
      'Contribute to international efforts to stop illicit financial flows from human trafficking and strengthen financial investigations with a view to confiscating the proceeds',
    area: 'INTERNATIONAL_FRAMEWORK',
    ministries: ['UD', 'JD'],
  },
  {
    number: 3,
    titleNb: 'Sette menneskehandel på dagsorden i menneskerettighetsdialogene og i politiske samtaler med andre land',
    titleEn: 'Put human trafficking on the agenda of human rights dialogues and political talks with other countries',
    area: 'INTERNATIONAL_FRAMEWORK',
    ministries: ['UD'],
  },
  { number: 4, titleNb: 'Forsvaret skal bekjempe menneskehandel', titleEn: 'The Armed Forces shall combat human trafficking', area: 'INTERNATIONAL_FRAMEWORK', ministries: ['FD'] },
  // 5. Tverrfaglig samarbeid og kompetanseutvikling skal intensiveres
  {
    number: 5,
    titleNb: 'Videreføre KOM som en pådriver for tverrfaglig samarbeid',
    titleEn: 'Continue KOM as a driving force for multidisciplinary cooperation',
    area: 'COOPERATION_AND_COMPETENCE',
    ministries: ['JD'],
  },
  {
    number: 6,
    titleNb: 'Utgi årlige tilstandsrapporter om trender, utfordringer og forskningsbehov',
    titleEn: 'Publish annual status reports on trends, challenges and research needs',
    area: 'COOPERATION_AND_COMPETENCE',
    ministries: ['JD'],
  },
  {
    number: 7,
    titleNb: 'Sikre at norske utsendinger har kompetanse på menneskehandel',
    titleEn: 'Ensure that Norwegian staff posted abroad have competence on human trafficking',
    area: 'COOPERATION_AND_COMPETENCE',
    ministries: ['UD', 'JD'],
  },
  // 6. Menneskehandel skal forebygges
  { number: 8, titleNb: 'Forebygge menneskehandel i aktuelle opprinnelsesland', titleEn: 'Prevent human trafficking in relevant countries of origin', area: 'PREVENTION', ministries: ['UD'] },
  {
    number: 9,
    titleNb: 'Bidra til å bekjempe menneskehandel gjennom EØS-finansieringsmekanismen',
    titleEn: 'Help combat human trafficking through the EEA Financial Mechanism',
    area: 'PREVENTION',
    ministries: ['UD'],
  },
  {
    number: 10,
    titleNb: 'Utvikle nye informasjonstiltak for å forebygge alle former for menneskehandel',
    titleEn: 'Develop new information measures to prevent all forms of human trafficking',
    area: 'PREVENTION',
    ministries: ['JD'],
  },
  { number: 11, titleNb: 'Forebygge menneskehandel til fjerning av organer', titleEn: 'Prevent trafficking for the removal of organs', area: 'PREVENTION', ministries: ['HOD'] },
  { number: 12, titleNb: 'Evaluere forbudet mot kjøp av seksuelle tjenester', titleEn: 'Evaluate the ban on buying sexual services', area: 'PREVENTION', ministries: ['JD'] },
  {
    number: 13,
    titleNb: 'Iverksette tiltak for å begrense organisert tigging på kort og lang sikt',
    titleEn: 'Take measures to limit organised begging in the short and the long term',
    area: 'PREVENTION',
    ministries: ['JD'],
  },
  // 7. Flere ofre skal identifiseres og tilbys bistand og beskyttelse
  { number: 14, titleNb: 'Øke innsatsen for å identifisere mulige ofre', titleEn: 'Step up efforts to identify possible victims', area: 'IDENTIFICATION_AND_ASSISTANCE', ministries: ['JD'] },
  { number: 15, titleNb: 'Støtte ROSA', titleEn: 'Support ROSA', area: 'IDENTIFICATION_AND_ASSISTANCE', ministries: ['JD'] },
  {
    number: 16,
    titleNb: 'Drive Lauras Hus som et forsøksprosjekt ut 2011',
    titleEn: "Run Laura's House as a pilot project until the end of 2011",
    area: 'IDENTIFICATION_AND_ASSISTANCE',
    ministries: ['BLD', 'JD', 'AD', 'HOD'],
  },
  {
    number: 17,
    titleNb: 'Videreutvikle botilbudet til ofre for menneskehandel',
    titleEn: 'Further develop housing for victims of human trafficking',
    area: 'IDENTIFICATION_AND_ASSISTANCE',
    ministries: ['AD', 'JD', 'KRD', 'BLD'],
  },
  { number: 18, titleNb: 'Tydeliggjøre NAV-kontorenes ansvar', titleEn: 'Clarify the responsibility of the NAV offices', area: 'IDENTIFICATION_AND_ASSISTANCE', ministries: ['AD'] },
  {
    number: 19,
    titleNb: 'Gjennomgå organiseringen og finansieringen av bistanden til ofre',
    titleEn: 'Review how assistance to victims is organised and funded',
    area: 'IDENTIFICATION_AND_ASSISTANCE',
    ministries: ['AD', 'JD', 'KRD', 'BLD'],
  },
  { number: 20, titleNb: 'Tydeliggjøre tilbudet om helsehjelp', titleEn: 'Clarify the offer of health care', area: 'IDENTIFICATION_AND_ASSISTANCE', ministries: ['HOD'] },
  { number: 21, titleNb: 'Bruke prosjektmidler til å støtte ofre', titleEn: 'Use project funds to support victims', area: 'IDENTIFICATION_AND_ASSISTANCE', ministries: ['JD'] },
  {
    number: 22,
    titleNb: 'Tilby frivillig retur og støtte til reintegrering',
    titleEn: 'Offer voluntary return and support for reintegration',
    area: 'IDENTIFICATION_AND_ASSISTANCE',
    ministries: ['JD'],
  },
  { number: 23, titleNb: 'Evaluere refleksjonsperioden', titleEn: 'Evaluate the reflection period', area: 'IDENTIFICATION_AND_ASSISTANCE', ministries: ['JD'] },
  // 8. Menneskehandel med barn skal hindres
  {
    number: 24,
    titleNb:
      'Sikre bedre oppfølgning av enslige mindreårige asylsøkere og mindreårige uten tilknytning til Norge som påtreffes i kriminelle-/rusmiljøer.',
    titleEn:
      'Ensure better follow-up of unaccompanied minor asylum seekers and of minors without ties to Norway who are found in criminal or drug milieus',
    area: 'CHILDREN',
    ministries: ['BLD'],
  },
  {
    number: 25,
    titleNb: 'Fortsette innsatsen for å forebygge og oppklare at barn forsvinner fra barnevernets omsorgssenter eller asylmottak',
    titleEn: 'Continue efforts to prevent and clear up disappearances of children from child welfare care centres or asylum reception centres',
    area: 'CHILDREN',
    ministries: ['BLD', 'JD'],
  },
  {
    number: 26,
    titleNb: 'Videreutvikle omsorgstilbudet for barn utsatt for menneskehandel',
    titleEn: 'Further develop care for children subjected to human trafficking',
    area: 'CHILDREN',
    ministries: ['BLD'],
  },
  {
    number: 27,
    titleNb: 'Delta aktivt i det regionale og internasjonale arbeidet for å beskytte barn mot menneskehandel',
    titleEn: 'Take an active part in regional and international work to protect children against human trafficking',
    area: 'CHILDREN',
    ministries: ['BLD'],
  },
  {
    number: 28,
    titleNb: 'Innhente forskningsbasert kunnskap om mindreårige ofre for menneskehandel',
    titleEn: 'Gather research-based knowledge about child victims of human trafficking',
    area: 'CHILDREN',
    ministries: ['BLD'],
  },
  // 9. Menneskehandlere skal straffeforfølges
  {
    number: 29,
    titleNb: 'Avdekke tvangsarbeid i et samarbeid mellom politiet og aktuelle etater',
    titleEn: 'Uncover forced labour through cooperation between the police and the relevant agencies',
    area: 'PROSECUTION',
    ministries: ['JD'],
  },
  {
    number: 30,
    titleNb: 'Oppfordre politiet til å følge pengene/utbyttet fra menneskehandel',
    titleEn: 'Encourage the police to follow the money and proceeds from human trafficking',
    area: 'PROSECUTION',
    ministries: ['JD'],
  },
  { number: 31, titleNb: 'Videreutvikle det internasjonale politisamarbeidet', titleEn: 'Further develop international police cooperation', area: 'PROSECUTION', ministries: ['JD', 'UD'] },
  {
    number: 32,
    titleNb: 'Gjennomføre et nasjonalt seminar for politi og påtalemyndighet, domstol og advokater',
    titleEn: 'Hold a national seminar for the police and prosecuting authority, the courts and lawyers',
    area: 'PROSECUTION',
    ministries: ['JD'],
  },
  { number: 33, titleNb: 'Gi politiets kompetansegruppe et tydeligere mandat', titleEn: "Give the police's expert group a clearer mandate", area: 'PROSECUTION', ministries: ['JD'] },
  {
    number: 34,
    titleNb: 'Inngå samarbeidsavtaler mellom politiet og andre aktører',
    titleEn: 'Enter into cooperation agreements between the police and other actors',
    area: 'PROSECUTION',
    ministries: ['JD'],
  },
  { number: 35, titleNb: 'Evaluere politiinnsatsen', titleEn: 'Evaluate the police effort', area: 'PROSECUTION', ministries: ['JD'] },
];
