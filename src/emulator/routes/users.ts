/** External users: their accounts, and deleting a user with everything they own (server auth only). */
import { requireScope, requireServer } from '../auth.js';
import { notFound } from '../http.js';
import { listAccounts } from './accounts.js';
import type { RouteContext, RouteTable } from './context.js';
import { callerScope, ownedBy } from './shared.js';

/** `DELETE users/{external_user_id}`: the user's accounts and deployed triggers. */
function deleteUser({ caller, id: externalUserId, state, changed }: RouteContext): Response {
  requireServer(caller);
  requireScope(caller, 'connect:accounts:write', 'connect:users:write');
  let removed = 0;
  for (const account of [...state.accounts.values()]) {
    if (ownedBy(account, callerScope(caller, externalUserId))) {
      state.accounts.delete(account.id);
      removed++;
    }
  }
  for (const trigger of [...state.deployedTriggers.values()]) {
    if (trigger.externalUserId === externalUserId && trigger.projectId === caller.projectId) state.deployedTriggers.delete(trigger.id);
  }
  if (!removed) throw notFound(`External user ${externalUserId} not found`);
  changed();
  return new Response(null, { status: 204 });
}

export const userRoutes: RouteTable = {
  'GET users/:id/accounts': (context) => {
    requireServer(context.caller);
    return listAccounts(context, context.id);
  },
  'DELETE users/:id': deleteUser,
};
