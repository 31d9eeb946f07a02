// The layer rule is enforced by ESLint (eslint.layers.js): each case below is a line someone could write, linted
// as if it stood in that file; the wrong ones must be refused, the right ones accepted.
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

let eslint: ESLint;

beforeAll(() => {
  // The type-aware rules need a TypeScript program that knows the file; these virtual files have none, and
  // only the layer rule is under test here.
  eslint = new ESLint({
    cwd: ROOT,
    overrideConfig: [
      {
        files: ['**/*.{ts,tsx}'],
        languageOptions: { parserOptions: { projectService: false, project: null } },
        rules: {
          '@typescript-eslint/no-floating-promises': 'off',
          '@typescript-eslint/no-misused-promises': 'off',
          '@typescript-eslint/switch-exhaustiveness-check': 'off',
          '@typescript-eslint/no-unused-vars': 'off',
        },
      },
    ],
  });
});

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = x;\n`, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

const refused: Array<[string, string, string]> = [
  [
    'the window importing the core',
    'renderer/src/features/search/X.tsx',
    "import { x } from '../../../../electron/core/dates';",
  ],
  [
    'the window importing the server',
    'renderer/src/ui/X.ts',
    "import { x } from '../../../electron/server/dispatch';",
  ],
  ['the window importing Node', 'renderer/src/ui/X.ts', "import { x } from 'node:fs';"],
  [
    'the core importing the server',
    'electron/core/journal/x.ts',
    "import { x } from '../../server/dispatch';",
  ],
  ['the core importing the shell', 'electron/core/x.ts', "import { x } from '../main/security';"],
  ['the core importing Electron', 'electron/core/x.ts', "import { x } from 'electron';"],
  [
    'the core importing the demo seed',
    'electron/core/label/x.ts',
    "import { x } from '../../../dev/seed/demo-registry';",
  ],
  ['the server importing the shell', 'electron/server/x.ts', "import { x } from '../main/security';"],
  ['common importing the core', 'common/label/x.ts', "import { x } from '../../electron/core/dates';"],
  ['common importing Node', 'common/x.ts', "import { x } from 'node:path';"],
];

const accepted: Array<[string, string, string]> = [
  [
    'the window importing common',
    'renderer/src/features/label/X.tsx',
    "import { x } from '../../../../common/label/types';",
  ],
  ['the core importing common', 'electron/core/label/x.ts', "import { x } from '../../../common/dates';"],
  [
    'a core test importing test support',
    'electron/core/label/x.test.ts',
    "import { x } from '../../../dev/test-support/comptes';",
  ],
  ['the server importing the core', 'electron/server/x.ts', "import { x } from '../core/app';"],
  [
    'the shell importing Electron and the server',
    'electron/main/x.ts',
    "import { x } from 'electron';\nimport { y as x2 } from '../server/dispatch';\nexport const z = x2;",
  ],
];

describe('ESLint enforces the layers', () => {
  it.each(refused)('refuses %s', async (_name, file, code) => {
    expect(await layerErrors(file, code)).toHaveLength(1);
  });
  it.each(accepted)('accepts %s', async (_name, file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
