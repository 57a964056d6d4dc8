import { referenceItems } from '../store/reference-store';
import type { CoreDeps, DomainHandlers } from './types';

export const referenceHandlers = ({ db }: CoreDeps): DomainHandlers<'reference'> => ({
  list: ({ kinds }) => referenceItems(db, kinds),
});
