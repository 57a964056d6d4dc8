import { serverApi as api } from '../../shared/server-api';
import type { ServerClient } from '../sync/server-client';
import { needsServer } from './needs-server';
import type { CoreDeps, DomainHandlers } from './types';

/**
 * The administrator's console: every call goes to the server with the admin's session, and the
 * server checks the role and the data. What changes reaches this workstation's cache by sync.
 */
export const adminHandlers = ({ sync }: CoreDeps): DomainHandlers<'admin'> => {
  const online = <T>(request: (client: ServerClient, token: string) => Promise<T>) =>
    needsServer(sync, "The administrator's console").online(request);
  return {
    list: (query) => online((client, token) => client.request(api.referenceAdmin.list, { query }, token)),
    save: (body) => online((client, token) => client.request(api.referenceAdmin.save, { body }, token)),
    history: (query) => online((client, token) => client.request(api.referenceAdmin.history, { query }, token)),
    exportCsv: async (query) => ({
      filename: `${query.kind}.csv`,
      csv: await online((client, token) => client.request(api.referenceAdmin.exportCsv, { query }, token)),
    }),
    importCsv: (body) => online((client, token) => client.request(api.referenceAdmin.importCsv, { body }, token)),
    routingPreview: (query) => online((client, token) => client.request(api.referenceAdmin.routingPreview, { query }, token)),
    users: () => online((client, token) => client.request(api.admin.users, {}, token)),
    createUser: (body) => online((client, token) => client.request(api.admin.createUser, { body }, token)),
    changeUser: ({ id, change }) =>
      online((client, token) => client.request(api.admin.changeUser, { params: { id }, body: change }, token)),
    switches: () => online((client, token) => client.request(api.cti.switches, {}, token)),
    issueSwitchToken: (body) => online((client, token) => client.request(api.cti.issueSwitch, { body }, token)),
    open311Keys: () => online((client, token) => client.request(api.open311Admin.keys, {}, token)),
    issueOpen311Key: (body) => online((client, token) => client.request(api.open311Admin.issueKey, { body }, token)),
    revokeOpen311Key: ({ id }) => online((client, token) => client.request(api.open311Admin.revokeKey, { params: { id } }, token)),
  };
};
