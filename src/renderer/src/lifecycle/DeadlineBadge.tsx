import { Badge } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketSummary } from '../../../shared/contract/tickets';
import { clockAt } from '../../../shared/domain/sla';
import { useDuration } from '../i18n/duration';

const color = { on_time: 'green', at_risk: 'orange', overdue: 'red' } as const;

/** The time left on a ticket's running limit, turning orange when at risk and red when overdue. */
export function DeadlineBadge({ deadline }: { deadline: TicketSummary['deadline'] }) {
  const { t } = useTranslation();
  const formatDuration = useDuration();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 15_000);
    return () => clearInterval(timer);
  }, []);
  if (!deadline) return null;
  const { msLeft, state } = clockAt(deadline.startedAt, deadline.dueAt, now);
  return (
    <Badge
      size="sm"
      tt="none"
      variant={state === 'on_time' ? 'light' : 'filled'}
      color={color[state]}
      data-testid="deadline"
      data-state={state}
      title={new Date(deadline.dueAt).toLocaleString()}
    >
      {t(`sla.${deadline.stage}`)} {t(`sla.${state}`)} {formatDuration(Math.abs(msLeft))}
    </Badge>
  );
}
