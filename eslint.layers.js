// The house's layers, enforced: every arrow points down (docs/ARCHITECTURE.md).
//   common/          imports nothing of ours
//   electron/core/   common only (never the server, the Electron shell, dev/ or the window)
//   electron/server/ core and common (never the shell)
//   electron/main/   the only importer of 'electron'
//   renderer/        common only
// Tests may use dev/ (test support, demo seed); product code never does.

const NOT_REACT = ['react', 'react-dom', 'react/*', 'react-dom/*'];

/** A no-restricted-imports rule: `groups` of path patterns refused, with the message shown for them. */
function refuse(groups) {
  return [
    'error',
    {
      paths: [{ name: 'electron', message: "Seul electron/main/ importe 'electron'." }],
      patterns: groups.map(([group, message]) => ({ group, message })),
    },
  ];
}

const ourFolders = (...names) => names.flatMap((name) => [`**/${name}`, `**/${name}/**`]);

export const layerRules = [
  {
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': refuse([
        [
          ourFolders('electron', 'renderer', 'dev', 'scripts', 'e2e', 'eval'),
          'common/ n’importe rien des autres couches.',
        ],
        [['node:*', ...NOT_REACT], 'common/ ne dépend ni de Node ni du DOM ni de React.'],
      ]),
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    ignores: ['electron/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': refuse([
        [
          ourFolders('server', 'main', 'renderer', 'dev', 'scripts'),
          'Le cœur n’importe que common/ (et lui-même).',
        ],
        [NOT_REACT, 'Le cœur ne dépend pas de React.'],
      ]),
    },
  },
  {
    files: ['electron/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': refuse([
        [ourFolders('server', 'main', 'renderer'), 'Le cœur n’importe que common/ (et dev/ dans ses tests).'],
      ]),
    },
  },
  {
    files: ['electron/server/**/*.ts'],
    ignores: ['electron/server/**/*.test.ts'],
    rules: {
      'no-restricted-imports': refuse([
        [
          ourFolders('main', 'renderer', 'dev', 'scripts'),
          'Le serveur importe le cœur et common/, jamais le shell Electron.',
        ],
        [NOT_REACT, 'Le serveur ne dépend pas de React.'],
      ]),
    },
  },
  {
    files: ['electron/server/**/*.test.ts'],
    rules: {
      'no-restricted-imports': refuse([
        [ourFolders('main', 'renderer'), 'Le serveur importe le cœur et common/, jamais le shell Electron.'],
      ]),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': refuse([
        [
          ['**/electron', '**/electron/**', ...ourFolders('dev', 'scripts'), 'node:*'],
          'La fenêtre n’importe que common/.',
        ],
      ]),
    },
  },
];
