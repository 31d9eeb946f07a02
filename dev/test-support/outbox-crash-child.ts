// The desk's crash test child (node --import tsx outbox-crash-child.ts DATA_DIR): logs contacts in a tight loop
// through the desk's own path (LocalJournal: checked, then committed to the outbox with its mirror row), and
// writes each confirmed local id to stdout once the call has returned — when the window would show its toast.
// The test kills it with SIGKILL in the middle of the burst.
import { writeSync } from 'node:fs';
import { LocalJournal } from '../../electron/server/desk/local-journal';
import { Outbox } from '../../electron/server/desk/outbox';
import { sampleRefs } from './journal';

const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: outbox-crash-child.ts DATA_DIR');
const now = () => new Date();
const outbox = new Outbox({ dataDir, now });
const journal = new LocalJournal(outbox, sampleRefs, now);
const inputs = [
  { issue: 'repondu', fiches: ['passeport', 'cni'], theme: 'identite' },
  { issue: 'oriente_fiche', serviceId: 'dechets-service', fiches: ['encombrants'] },
  { issue: 'non_resolu', motif: 'pas_de_fiche', fiches: [] },
];
// A safety stop, should the parent never kill it.
const deadline = Date.now() + 60_000;
for (let n = 0; Date.now() < deadline; n++) {
  const entry = journal.run('journal.record', inputs[n % inputs.length], { compteId: 7, pointId: 1 }) as {
    id: number;
  };
  // Synchronous: the line leaves the process before the next entry starts.
  writeSync(1, `${entry.id}\n`);
}
outbox.close();
