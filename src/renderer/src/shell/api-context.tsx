import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import type { Api, Events } from '../api/client';
import type { LinkState, Transport } from '../api/transport';

export interface Workstation {
  api: Api;
  on: Events;
  transport: Transport;
}

const WorkstationContext = createContext<Workstation | null>(null);

export function WorkstationProvider({ value, children }: { value: Workstation; children: ReactNode }) {
  return <WorkstationContext.Provider value={value}>{children}</WorkstationContext.Provider>;
}

/** The typed API and pushed events; the only way UI code reaches the core. */
export function useWorkstation(): Workstation {
  const context = useContext(WorkstationContext);
  if (!context) throw new Error('useWorkstation must be used inside <WorkstationProvider>');
  return context;
}

export function useLinkState(): LinkState {
  const { transport } = useWorkstation();
  const [state, setState] = useState(transport.linkState());
  useEffect(() => transport.onLinkState(setState), [transport]);
  return state;
}
