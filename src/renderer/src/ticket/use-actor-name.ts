import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { refName, type Reference } from '../call-screen/use-reference';
import { useLinkState, useWorkstation } from '../shell/api-context';
import { useAuth } from '../shell/use-auth';

/** Display names of the people who act on tickets, by username, from the cached reference data. */
function usePeople(): Map<string, string> {
  const { api, on } = useWorkstation();
  const link = useLinkState();
  const [people, setPeople] = useState(() => new Map<string, string>());
  useEffect(() => {
    if (link !== 'open') return;
    const load = () =>
      api.reference.list({ kinds: ['person'] }).then(
        (items) => setPeople(new Map(items.flatMap((i) => (i.kind === 'person' ? [[i.code, i.body.name] as const] : [])))),
        () => {}, // no names cached yet: the timeline shows usernames
      );
    void load();
    return on.reference.changed(() => void load());
  }, [api, on, link]);
  return people;
}

/**
 * Who did a step, in the agent's words: a person's name, a unit's name, or the system. Events
 * name their actor by username (`agent1`), by unit (`unit:street:110108023`, from the units'
 * side), or as the server, an import or an Open311 client.
 */
export function useActorName(reference: Reference): (actor: string) => string {
  const { t, i18n } = useTranslation();
  const people = usePeople();
  const user = useAuth();
  const locale = i18n.language;
  return useCallback(
    (actor: string) => {
      if (actor.startsWith('unit:')) return refName(reference, 'unit', actor.slice('unit:'.length), locale);
      if (actor.startsWith('open311:')) return t('ticketView.actors.open311', { client: actor.slice('open311:'.length) });
      if (actor === 'server' || actor === 'import') return t(`ticketView.actors.${actor}`);
      return people.get(actor) ?? (user?.username === actor ? user.displayName : actor);
    },
    [people, reference, locale, t, user],
  );
}
