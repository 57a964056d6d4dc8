import { Anchor, Badge, Group, Text, Timeline as MantineTimeline } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../shared/contract/tickets';
import type { Reference } from '../call-screen/use-reference';
import { refName } from '../call-screen/use-reference';
import { useRefusalText } from '../shell/refusal-text';
import { useActorName } from '../ticket/use-actor-name';

/** What an event says beyond its type, in a line. */
type Labels = { satisfaction: (s: string) => string; resolution: (r: string) => string };

function detail(entry: TimelineEntry, reference: Reference, locale: string, labels: Labels): string {
  const p = entry.payload;
  const unit = (code: unknown) => refName(reference, 'unit', typeof code === 'string' ? code : null, locale);
  switch (entry.type) {
    case 'numbered':
      return String(p.officialNo);
    case 'dispatched': {
      const units = (Array.isArray(p.unitCodes) ? p.unitCodes : []).map(unit).join('、');
      return typeof p.reason === 'string' ? `${units}：${p.reason}` : units;
    }
    case 'urged':
      return `${unit(p.unitCode)}：${String(p.reason)}`;
    case 'unit_accepted':
      return unit(p.unitCode);
    case 'unit_progress':
      return `${unit(p.unitCode)}：${String(p.note)}`;
    case 'unit_feedback':
      return `${unit(p.unitCode)}：${String(p.summary)}`;
    case 'unit_returned':
      return `${unit(p.unitCode)}：${String(p.reason)}`;
    case 'extension_requested':
      return `${unit(p.unitCode)}：+${String(p.hours)} h，${String(p.reason)}`;
    case 'callback_recorded':
      return `${labels.satisfaction(String(p.satisfaction))}${p.note ? `：${String(p.note)}` : ''}`;
    case 'note':
      return String(p.text);
    case 'unmerged':
      return String(p.reason);
    case 'closed':
      return labels.resolution(String(p.resolution));
    default:
      return '';
  }
}

/**
 * The steps in the order they happened. The server's order is the order it accepted them, which is
 * not always that: it numbers a ticket after the rest of the batch it came in, and a unit's or an
 * offline workstation's steps arrive late. The sort is stable, so steps of one instant keep the
 * server's order (confirmed before pending).
 */
export const inTimeOrder = (entries: readonly TimelineEntry[]): TimelineEntry[] =>
  entries
    .map((entry, index) => ({ entry, index, at: Date.parse(entry.at) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(({ entry }) => entry);

/** A dispatch a lead made to move the order from one unit to another reads as what it is, 改派. */
const titleOf = (entry: TimelineEntry): string =>
  entry.type === 'dispatched' && entry.payload.reassign === true ? 'reassigned' : entry.type;

/** The ticket a step links to: the original of a duplicate, the ticket a merged one went into. */
const linkedTicket = (entry: TimelineEntry): string | null => {
  const id = entry.type === 'linked_duplicate' ? entry.payload.duplicateOf : entry.type === 'closed' ? entry.payload.mergedInto : null;
  return typeof id === 'string' ? id : null;
};

export interface TimelineLinks {
  /** The number to show for a linked ticket, when it is cached. */
  numberOf: (ticketId: string) => string | null;
  open: (ticketId: string) => void;
}

/** Every step of a ticket, oldest first, with who did it by name; pending and refused steps marked. */
export function Timeline({ entries, reference, links }: { entries: TimelineEntry[]; reference: Reference; links?: TimelineLinks }) {
  const { t, i18n } = useTranslation();
  const { refusalText } = useRefusalText();
  const actorName = useActorName(reference);
  const ordered = useMemo(() => inTimeOrder(entries), [entries]);
  const labels: Labels = {
    satisfaction: (s) => t(`callback.${s as 'satisfied'}`),
    resolution: (r) => t(`timeline.resolution.${r as 'resolved'}`),
  };
  return (
    <MantineTimeline active={entries.length - 1} bulletSize={14} lineWidth={2} data-testid="timeline">
      {ordered.map((entry) => {
        const linked = links ? linkedTicket(entry) : null;
        return (
          <MantineTimeline.Item
            key={entry.id}
            data-testid="timeline-entry"
            data-type={entry.type}
            title={
              <Group gap="xs">
                <Text size="sm" fw={600}>
                  {t(`timeline.types.${titleOf(entry)}`, { defaultValue: entry.type })}
                </Text>
                {entry.status !== 'confirmed' && (
                  <Badge size="xs" color={entry.status === 'pending' ? 'yellow' : 'red'}>
                    {t(`timeline.${entry.status}`)}
                  </Badge>
                )}
              </Group>
            }
          >
            <Text size="xs" c="dimmed">
              {new Date(entry.at).toLocaleString(i18n.language)} ·{' '}
              <span data-testid="timeline-actor" title={entry.actor}>
                {actorName(entry.actor)}
              </span>
            </Text>
            <Text size="sm">{detail(entry, reference, i18n.language, labels)}</Text>
            {linked && links && (
              <Anchor component="button" type="button" size="sm" onClick={() => links.open(linked)} data-testid="timeline-link">
                {t('ticketView.openLinked', { number: links.numberOf(linked) ?? t('ticketView.unknownTicket') })}
              </Anchor>
            )}
            {entry.refusal && (
              <Text size="xs" c="red" data-code={entry.refusal.code}>
                {refusalText(entry.refusal)}
              </Text>
            )}
          </MantineTimeline.Item>
        );
      })}
    </MantineTimeline>
  );
}
