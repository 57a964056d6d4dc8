import { Badge, Group, Text, Timeline as MantineTimeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../shared/contract/tickets';
import type { Reference } from '../call-screen/use-reference';
import { refName } from '../call-screen/use-reference';
import { useRefusalText } from '../shell/refusal-text';

/** What an event says beyond its type, in a line. */
type Labels = { satisfaction: (s: string) => string; resolution: (r: string) => string };

function detail(entry: TimelineEntry, reference: Reference, locale: string, labels: Labels): string {
  const p = entry.payload;
  const unit = (code: unknown) => refName(reference, 'unit', typeof code === 'string' ? code : null, locale);
  switch (entry.type) {
    case 'numbered':
      return String(p.officialNo);
    case 'dispatched':
      return (Array.isArray(p.unitCodes) ? p.unitCodes : []).map(unit).join('、');
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

/** Every step of a ticket, oldest first, with who did it; pending and refused steps marked. */
export function Timeline({ entries, reference }: { entries: TimelineEntry[]; reference: Reference }) {
  const { t, i18n } = useTranslation();
  const { refusalText } = useRefusalText();
  const labels: Labels = {
    satisfaction: (s) => t(`callback.${s as 'satisfied'}`),
    resolution: (r) => t(`timeline.resolution.${r as 'resolved'}`),
  };
  return (
    <MantineTimeline active={entries.length - 1} bulletSize={14} lineWidth={2} data-testid="timeline">
      {entries.map((entry) => (
        <MantineTimeline.Item
          key={entry.id}
          data-testid="timeline-entry"
          data-type={entry.type}
          title={
            <Group gap="xs">
              <Text size="sm" fw={600}>
                {t(`timeline.types.${entry.type}`, { defaultValue: entry.type })}
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
            {new Date(entry.at).toLocaleString(i18n.language)} · {entry.actor}
          </Text>
          <Text size="sm">{detail(entry, reference, i18n.language, labels)}</Text>
          {entry.refusal && (
            <Text size="xs" c="red" data-code={entry.refusal.code}>
              {refusalText(entry.refusal)}
            </Text>
          )}
        </MantineTimeline.Item>
      ))}
    </MantineTimeline>
  );
}
