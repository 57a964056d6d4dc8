import type { CoreDeps, DomainHandlers } from './types';

export const appHandlers = ({ identity, host, version }: CoreDeps): DomainHandlers<'app'> => ({
  info: () => ({ version, workstationId: identity.id, workstationCode: identity.code, host }),
});
