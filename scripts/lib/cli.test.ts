import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { frenchArgumentError } from './cli';

function errorOf(args: string[]): unknown {
  try {
    parseArgs({ args, options: { port: { type: 'string' }, json: { type: 'boolean' } } });
  } catch (error) {
    return error;
  }
  throw new Error('expected parseArgs to fail');
}

describe('frenchArgumentError', () => {
  it('says what is wrong with the command line in French', () => {
    expect(frenchArgumentError(errorOf(['--zz']))).toBe('Option inconnue : --zz');
    expect(frenchArgumentError(errorOf(['x']))).toBe('Argument inattendu : x');
    expect(frenchArgumentError(errorOf(['--port']))).toBe("Valeur manquante pour l'option --port");
    expect(frenchArgumentError(errorOf(['--json=1']))).toBe("L'option --json ne prend pas de valeur");
  });
});
