import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { fold, type Actor } from '@kom/kernel';
import { EVENT_STORE, WrongExpectedRevisionError, type EventStore } from '@kom/event-store';
import { CLOCK, EventSchemaRegistry, ProjectionsService, envelope, type Clock, type CommandMeta } from '@kom/platform';
import type { AgreementCommand, OrganizationFacts } from '../domain/agreement.commands';
import { agreementDecider, agreementStream } from '../domain/agreement.decider';
import type { AgreementEvent } from '../domain/agreement.events';

/** The agreement Vestfold police district signed with ROSA in 2019, before it merged into Sør-Øst. */
export const SEED_AGREEMENT_ID = 'agr-vestfold-rosa-2019';
/** A national agreement the Police Directorate proposes to the Red Cross: police by role, not by kind. */
export const SEED_NATIONAL_AGREEMENT_ID = 'agr-pod-rode-kors-2026';

/** The register as it stood in 2019 (the organisations seed: libs/organizations/src/seed). */
const vestfold: OrganizationFacts = { name: 'Vestfold politidistrikt', kind: 'POLICE', roles: [{ role: 'POLICE', from: '2002-01-01', until: null }], heldBy: null };
const rosa: OrganizationFacts = { name: 'ROSA-prosjektet', kind: 'NGO', roles: [{ role: 'NGO', from: '2006-01-01', until: null }], heldBy: null };
/** The Police Directorate hosts the secretariat and is police (libs/organizations/src/seed). */
const pod: OrganizationFacts = {
  name: 'Politidirektoratet',
  kind: 'SECRETARIAT',
  roles: [
    { role: 'SECRETARIAT_HOST', from: '2001-01-01', until: null },
    { role: 'POLICE', from: '2001-01-01', until: null },
  ],
  heldBy: null,
};
const redCross: OrganizationFacts = { name: 'Røde Kors', kind: 'NGO', roles: [{ role: 'NGO', from: '2006-01-01', until: null }], heldBy: null };

/** Who acted then: the record names the parties' people by a seed id, never a person. */
const vestfoldPerson: Actor = { userId: 'seed:org-vestfold-pd', organizationId: 'org-vestfold-pd', role: 'AGENCY_MEMBER' };
const rosaPerson: Actor = { userId: 'seed:org-rosa', organizationId: 'org-rosa', role: 'NGO_REPRESENTATIVE' };
const podPerson: Actor = { userId: 'seed:org-pod', organizationId: 'org-pod', role: 'AGENCY_MEMBER' };

const VESTFOLD_STEPS: ReadonlyArray<{ at: string; actor: Actor; command: AgreementCommand }> = [
  {
    at: '2019-05-02T10:00:00.000Z',
    actor: vestfoldPerson,
    command: {
      type: 'DraftAgreement',
      agreementId: SEED_AGREEMENT_ID,
      title: 'Samarbeidsavtale om bistand til ofre for menneskehandel i Vestfold',
      purpose: 'Forutsigbart samarbeid mellom politiet og ROSA om identifisering av mulige ofre og trygt bosted (tiltak 34).',
      parties: [
        { organizationId: 'org-vestfold-pd', role: 'Identifiserer mulige ofre og etterforsker', organization: vestfold },
        { organizationId: 'org-rosa', role: 'Gir bistand og trygt bosted', organization: rosa },
      ],
      clauses: [
        { section: 'ROLES_AND_RESPONSIBILITIES', nb: 'Politiet identifiserer mulige ofre og kontakter ROSA; ROSA gir bistand og trygt bosted.', en: 'The police identify possible victims and contact ROSA; ROSA gives assistance and safe housing.' },
        { section: 'CONTACT_POINTS', nb: 'Hver part har en fast kontaktperson som nås hele døgnet.', en: null },
        { section: 'INFORMATION_SHARING_AND_CONFIDENTIALITY', nb: 'Taushetsplikten gjelder; opplysninger deles bare med samtykke eller hjemmel.', en: null },
        { section: 'VICTIM_ROUTE', nb: 'Fra identifisering til trygt bosted innen 24 timer.', en: null },
        { section: 'TERM_AND_REVIEW', nb: 'Avtalen evalueres årlig.', en: 'The agreement is reviewed yearly.' },
      ],
      effectiveFrom: '2019-06-01',
      expiresOn: '2027-06-01',
    },
  },
  { at: '2019-05-02T10:05:00.000Z', actor: vestfoldPerson, command: { type: 'ProposeAgreementForSignature', agreementId: SEED_AGREEMENT_ID, version: 1 } },
  { at: '2019-05-20T09:00:00.000Z', actor: vestfoldPerson, command: { type: 'SignAgreement', agreementId: SEED_AGREEMENT_ID, version: 1, representative: 'PREDATES_REGISTER' } },
  { at: '2019-05-24T13:00:00.000Z', actor: rosaPerson, command: { type: 'SignAgreement', agreementId: SEED_AGREEMENT_ID, version: 1, representative: 'PREDATES_REGISTER' } },
];

/**
 * Measure 34: "samarbeidsavtaler mellom politiet og nasjonale samarbeidsaktører". The Police
 * Directorate drafts a national agreement with the Red Cross and proposes it for signature; the
 * signatures are left to the parties' representatives.
 */
const NATIONAL_STEPS: ReadonlyArray<{ at: string; actor: Actor; command: AgreementCommand }> = [
  {
    at: '2026-11-02T09:00:00.000Z',
    actor: podPerson,
    command: {
      type: 'DraftAgreement',
      agreementId: SEED_NATIONAL_AGREEMENT_ID,
      title: 'Nasjonal samarbeidsavtale mellom politiet og Røde Kors',
      purpose: 'Politiets samarbeid med en nasjonal samarbeidsaktør, med klare roller og forutsigbarhet (tiltak 34).',
      parties: [
        { organizationId: 'org-pod', role: 'Politiets nasjonale kontaktpunkt; formidler henvendelser til politidistriktene', organization: pod },
        { organizationId: 'org-rode-kors', role: 'Gir råd og praktisk hjelp gjennom sin hjelpetelefon og sine lokalforeninger', organization: redCross },
      ],
      clauses: [
        { section: 'ROLES_AND_RESPONSIBILITIES', nb: 'Politidirektoratet er kontaktpunkt for politiet; Røde Kors henviser mulige ofre som ønsker kontakt med politiet.', en: 'The Police Directorate is the police contact point; the Red Cross refers possible victims who want to contact the police.' },
        { section: 'CONTACT_POINTS', nb: 'Hver part har en fast kontaktperson.', en: 'Each party has a standing contact person.' },
        { section: 'INFORMATION_SHARING_AND_CONFIDENTIALITY', nb: 'Opplysninger deles bare med samtykke eller hjemmel.', en: 'Information is shared only with consent or a legal basis.' },
        { section: 'VICTIM_ROUTE', nb: 'Fra første kontakt til politiet og et hjelpetiltak samme døgn, når den utsatte ønsker det.', en: 'From first contact to the police and an assistance service within the day, when the person wishes it.' },
        { section: 'TERM_AND_REVIEW', nb: 'Avtalen evalueres årlig i KOMs prosjektgruppe.', en: "The agreement is reviewed yearly in KOM's project group." },
      ],
      effectiveFrom: '2027-01-01',
      expiresOn: '2030-01-01',
    },
  },
  { at: '2026-11-02T09:05:00.000Z', actor: podPerson, command: { type: 'ProposeAgreementForSignature', agreementId: SEED_NATIONAL_AGREEMENT_ID, version: 1 } },
];

const SEED_AGREEMENTS = [
  { agreementId: SEED_AGREEMENT_ID, steps: VESTFOLD_STEPS },
  { agreementId: SEED_NATIONAL_AGREEMENT_ID, steps: NATIONAL_STEPS },
];

/**
 * Records, once each, two cooperation agreements: one of the time before the police reform
 * (Vestfold police district and ROSA, signed in May 2019; Vestfold merged into Sør-Øst on
 * 2020-01-01, so the agreement shows Vestfold as it signed and Sør-Øst as the police successor now),
 * and a national one the Police Directorate, police by role, proposes to the Red Cross.
 *
 * Each step is decided by the agreements decider as of its day in 2019 (so the record obeys every
 * rule: Vestfold held the POLICE role then); the events carry the day the seed recorded them as
 * `occurredAt`, like any record made today of an earlier paper agreement. Idempotent: a stream that
 * exists is left alone; event ids derive from `seed:agreement:<id>`.
 */
@Injectable()
export class AgreementsSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('AgreementsSeeder');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EventSchemaRegistry) private readonly schemas: EventSchemaRegistry,
    @Inject(ProjectionsService) private readonly projections: ProjectionsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.seed();
  }

  /** The number of events appended (0 when the agreements were there already). */
  async seed(): Promise<number> {
    let appended = 0;
    for (const { agreementId, steps } of SEED_AGREEMENTS) appended += await this.seedOne(agreementId, steps);
    if (appended > 0) {
      await this.projections.waitFor(await this.store.headPosition());
      this.logger.log({ msg: 'Seeded cooperation agreements', events: appended });
    }
    return appended;
  }

  private async seedOne(agreementId: string, steps: typeof VESTFOLD_STEPS): Promise<number> {
    const streamId = agreementStream(agreementId);
    if ((await this.store.streamRevision(streamId)) !== undefined) return 0;
    const events: AgreementEvent[] = [];
    const toAppend = [];
    const now = this.clock.now();
    for (const step of steps) {
      const decided = agreementDecider.decide(step.command, fold(agreementDecider, events), { now: new Date(step.at), actor: step.actor });
      const meta: CommandMeta = { actor: step.actor, correlationId: 'seed:agreements', causationId: `seed:agreement:${agreementId}`, deriveEventIds: true };
      for (const event of decided) {
        toAppend.push(envelope({ schemas: this.schemas }, event, events.length, step.command.type, meta, now));
        events.push(event);
      }
    }
    try {
      await this.store.appendToStream(streamId, toAppend, { expectedRevision: 'no_stream' });
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) return 0; // another replica seeded it first
      throw error;
    }
    return toAppend.length;
  }
}
