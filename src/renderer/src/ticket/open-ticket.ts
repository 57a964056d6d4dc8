import { createContext, useContext } from 'react';

/** Opens the one ticket view on a ticket, from any pane; Back returns to the element that had the focus. */
export type OpenTicket = (ticketId: string) => void;

export const OpenTicketContext = createContext<OpenTicket | null>(null);

/** The shell's ticket view opener; outside the shell (a pane on its own in a test) there is none. */
export const useOpenTicket = (): OpenTicket | null => useContext(OpenTicketContext);
