import { InvalidInput } from './errors';
import { PersonalDataRefused, nationalIdNumberPaths, refusePersonalData } from './personal-data-guard';
import { grouped, inScript, numberOn } from './testing';

const n = numberOn('fødselsnummer', 15, 7, 65);
const d = numberOn('D-number', 3, 2, 1);

describe('the personal-data guard', () => {
  it('names the path of every string that holds a number, however deep', () => {
    const command = {
      title: 'Møte 12.03.2026',
      parties: [{ role: 'Politiet' }, { role: `Kontakt ${grouped(n, [6, 5], ' ')}` }],
      clauses: [{ nb: 'Rute', en: inScript(d, 0x0660) }],
      videoLink: `https://meet.example.no/j/${n}`,
      count: Number(d),
      note: null,
    };
    expect(nationalIdNumberPaths(command, 'input')).toEqual(['input.parties[1].role', 'input.clauses[0].en', 'input.videoLink', 'input.count']);
  });

  it('names a key that holds a number by its place, never by the number', () => {
    expect(nationalIdNumberPaths({ byPerson: { [n]: 'x' } }, 'input')).toEqual(['input.byPerson.<key>']);
  });

  it('refuses with BAD_USER_INPUT and PERSONAL_DATA_REFUSED, naming the fields but not the number', () => {
    const error = (() => {
      try {
        refusePersonalData({ input: { title: 'Ok', description: `Om ${n}` }, 'metadata.correlationId': `req-${n}` });
      } catch (e) {
        return e as PersonalDataRefused;
      }
    })();
    expect(error).toBeInstanceOf(InvalidInput);
    expect(error).toBeInstanceOf(PersonalDataRefused);
    expect(error?.code).toBe('BAD_USER_INPUT');
    expect(error?.reason).toBe('PERSONAL_DATA_REFUSED');
    expect(error?.fields).toEqual(['input.description', 'metadata.correlationId']);
    expect(error?.message).toContain('input.description');
    expect(error?.message).not.toContain(n);
  });

  it('lets everything else through, and survives cycles', () => {
    const cyclic: Record<string, unknown> = { title: 'Menneskehandel og tvangsarbeid', tlf: '22 24 90 90', at: '2026-03-02T10:00:00.000Z' };
    cyclic.self = cyclic;
    expect(() => refusePersonalData({ input: cyclic, 'metadata.correlationId': 'c0a8012e-7d1f-4b9a-9c3e-1f2a3b4c5d6e' })).not.toThrow();
  });
});
