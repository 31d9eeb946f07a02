// The crash test's child process (node --import tsx crash-child.ts DATA_DIR COMPTE_ID): logs contacts in a
// tight loop through the core function, and writes each id to stdout once recordEntry's promise has resolved,
// that is once the window would show its toast. The test kills it with SIGKILL in the middle of this burst.
import { writeSync } from 'node:fs';
import { Store } from '../../electron/core/store/store';
import type { RecordInput } from '../../electron/core/journal/record';
import { recordEntry } from '../../electron/core/journal/record';
import { sampleRefs } from './journal';

const [dataDir, compte] = process.argv.slice(2);
if (!dataDir || !compte) throw new Error('usage: crash-child.ts DATA_DIR COMPTE_ID');
const store = new Store(dataDir);
const refs = sampleRefs();
const actor = { compteId: Number(compte), identifiant: 'crash' };
const inputs: RecordInput[] = [
  { issue: 'repondu', fiches: ['passeport', 'cni'], theme: 'identite' },
  { issue: 'oriente_fiche', serviceId: 'dechets-service', fiches: ['encombrants'] },
  { issue: 'non_resolu', motif: 'pas_de_fiche', fiches: [] },
  { issue: 'transmis', canal: 'courriel', fiches: ['acte'] },
];
// A safety stop, should the parent never kill it.
const deadline = Date.now() + 60_000;
for (let n = 0; Date.now() < deadline; n++) {
  const input = inputs[n % inputs.length] as RecordInput;
  const { id } = await recordEntry(store.db, refs, actor, input, new Date());
  // Synchronous: the line leaves the process before the next entry starts.
  writeSync(1, `${id}\n`);
}
await store.close();
