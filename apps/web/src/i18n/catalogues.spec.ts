import { en } from './en';
import { nb } from './nb';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the message catalogues', () => {
  it('hold the same keys in Norwegian and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nb).sort());
  });

  it('leave no message empty', () => {
    for (const catalogue of [nb, en]) {
      expect(Object.entries(catalogue).filter(([, text]) => text.trim() === '')).toEqual([]);
    }
  });

  it('use the same placeholders in both languages', () => {
    const differing = Object.keys(nb).filter(
      (key) => placeholders(nb[key as keyof typeof nb]).join() !== placeholders(en[key as keyof typeof nb]).join(),
    );
    expect(differing).toEqual([]);
  });
});
