import { describe, expect, it } from 'vitest';
import { errorFields, jsonLogger } from './json-log';

describe('the server log', () => {
  it('writes one JSON object per line with the time, the level, the message and the fields', () => {
    const written: string[] = [];
    const log = jsonLogger(
      (line) => written.push(line),
      () => new Date('2026-12-03T10:00:00Z'),
    );
    log('info', 'requête', { path: '/health', status: 200 });
    log('error', 'échec', errorFields(new Error('disque plein')));
    expect(written.every((line) => line.endsWith('\n') && !line.slice(0, -1).includes('\n'))).toBe(true);
    expect(JSON.parse(written[0] ?? '')).toEqual({
      time: '2026-12-03T10:00:00.000Z',
      level: 'info',
      msg: 'requête',
      path: '/health',
      status: 200,
    });
    expect(JSON.parse(written[1] ?? '')).toMatchObject({
      level: 'error',
      msg: 'échec',
      error: 'disque plein',
    });
  });
});
