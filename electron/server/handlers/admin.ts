import { actorOf } from '../../core/auth/session';
import { backupNow, listBackups, restoreBackup } from '../../core/admin/backups';
import { installationView, setInstallationPoint } from '../../core/admin/installation';
import type { AdminMethod } from '../../../common/contract';
import type { HandlerTable } from '../handler-types';

export const adminHandlers: HandlerTable<AdminMethod> = {
  'admin.backups.list': (core) => listBackups(core.store),
  'admin.backup': (core, _input, { session }) => backupNow(core.store, actorOf(session), core.now()),
  'admin.restore': async (core, input, { session, client }) => {
    const result = await restoreBackup(core.store, input.name, actorOf(session), core.now());
    // The restored accounts may differ from the live ones: everybody logs in again, this window included.
    core.auth.tokens.clear();
    client.token = null;
    return result;
  },
  'admin.installation.get': (core) => installationView(core.store.db),
  'admin.installation.set': (core, input, { session }) =>
    setInstallationPoint(core.store.db, actorOf(session), input.pointId, core.now()),
};
