import type { Core } from '../electron/core/app';

/** Placeholder until the accounts land: the accounts the end-to-end tests log in with. */
export async function seedE2eAccounts(_core: Core): Promise<void> {}
