import { ResumeAfterDrop, statusAfterClose } from './live-status';

describe('ResumeAfterDrop: when a connected socket must have the pages read again', () => {
  it('not for the first connection of the page', () => {
    expect(new ResumeAfterDrop().connected(false)).toBe(false);
  });

  it('after a drop: the server going away, a network error, a retry', () => {
    for (const code of [1001, 1006, 1011, 4499]) {
      const resume = new ResumeAfterDrop();
      resume.connected(false);
      resume.closed({ code });
      expect(resume.connected(false)).toBe(true);
    }
    const retried = new ResumeAfterDrop();
    expect(retried.connected(true)).toBe(true);
    // A closure that says nothing of itself counts as a drop.
    const unknown = new ResumeAfterDrop();
    unknown.closed(undefined);
    expect(unknown.connected(false)).toBe(true);
  });

  it('not after the client closed its own idle socket, and only once per drop', () => {
    const resume = new ResumeAfterDrop();
    resume.connected(false);
    resume.closed({ code: 1000, reason: 'Normal Closure' });
    expect(resume.connected(false)).toBe(false);
    resume.closed({ code: 1006 });
    expect(resume.connected(false)).toBe(true);
    resume.closed({ code: 1000 });
    expect(resume.connected(false)).toBe(false);
  });
});

describe('statusAfterClose: what a closed socket tells the reader', () => {
  it('is no lost connection when the client closed its own socket, nothing being followed (a refused subscription ends so)', () => {
    expect(statusAfterClose({ code: 1000, reason: 'Normal Closure' })).toBe('idle');
  });

  it('is a lost connection otherwise', () => {
    for (const event of [{ code: 1006 }, { code: 1001 }, { code: 4401 }, undefined]) expect(statusAfterClose(event)).toBe('offline');
  });
});
