import { describe, expect, it } from 'vitest';
import { announcement, hasKnownTotal, progressPercent, progressText, skippedLabel } from './imports';

describe('progressText', () => {
  it('says the archive is being read until its size is known', () => {
    expect(progressText(null)).toBe("Lecture de l'archive…");
    expect(progressText({ done: 0, total: 0 })).toBe("Lecture de l'archive…");
  });

  it('counts the converted fiches, then says they are written', () => {
    expect(progressText({ done: 0, total: 3000 })).toBe('0 / 3000 fiches converties');
    expect(progressText({ done: 1250, total: 3000 })).toBe('1250 / 3000 fiches converties');
    expect(progressText({ done: 20, total: 20 })).toBe('20 / 20 fiches converties, écriture des fiches…');
    expect(progressText({ done: 25, total: 20 })).toBe('20 / 20 fiches converties, écriture des fiches…');
  });
});

describe('progressPercent', () => {
  it('is unknown before the total, and 100 only when everything is converted', () => {
    expect(hasKnownTotal(null)).toBe(false);
    expect(progressPercent(null)).toBeNull();
    expect(progressPercent({ done: 0, total: 0 })).toBeNull();
    expect(progressPercent({ done: 0, total: 10 })).toBe(0);
    expect(progressPercent({ done: 999, total: 1000 })).toBe(99);
    expect(progressPercent({ done: 1000, total: 1000 })).toBe(100);
  });
});

describe('announcement', () => {
  it('tells the progress by steps of 10 %', () => {
    const running = (done: number, total: number) =>
      announcement({ state: 'running', from: '/a.zip', progress: { done, total } });
    expect(running(0, 0)).toBe("Import en cours : lecture de l'archive.");
    expect(running(0, 1000)).toBe('Import en cours : 0 % des fiches converties.');
    expect(running(99, 1000)).toBe('Import en cours : 0 % des fiches converties.');
    expect(running(450, 1000)).toBe('Import en cours : 40 % des fiches converties.');
    expect(running(999, 1000)).toBe('Import en cours : 90 % des fiches converties.');
    expect(running(1000, 1000)).toBe('Import en cours : 100 % des fiches converties.');
  });

  it('reads out the summary or the error, and nothing when idle', () => {
    expect(announcement(null)).toBe('');
    expect(announcement({ state: 'idle', progress: null })).toBe('');
    expect(announcement({ state: 'done', progress: null, summary: 'Import : 20 fiches lues.' })).toBe(
      'Import : 20 fiches lues.',
    );
    expect(announcement({ state: 'error', progress: null, error: '« /x » n’existe pas.' })).toBe(
      "L'import a échoué : « /x » n’existe pas.",
    );
  });
});

describe('skippedLabel', () => {
  it('agrees in number', () => {
    expect(skippedLabel(1)).toBe('1 fichier ignoré');
    expect(skippedLabel(12)).toBe('12 fichiers ignorés');
  });
});
