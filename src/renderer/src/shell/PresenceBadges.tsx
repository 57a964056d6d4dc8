import { Badge, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresenceView } from '../../../shared/contract/presence';
import { useDuration } from '../i18n/duration';
import { useBreakReasons } from './use-break-reasons';

const stateColor = { available: 'green', on_call: 'blue', wrap_up: 'cyan', break: 'gray' } as const;

/** The agent's own state on the status bar: a break with its reason, a raised hand and how long it has waited. */
export function PresenceBadges({ presence }: { presence: PresenceView }) {
  const { t } = useTranslation();
  const formatDuration = useDuration();
  const { nameOf } = useBreakReasons();
  // Read again every 5 s while the hand is up, so the wait shown grows.
  const [now, setNow] = useState(() => Date.now());
  const raised = presence.helpSince !== null;
  useEffect(() => {
    if (!raised) return;
    const timer = setInterval(() => setNow(Date.now()), 5000);
    return () => clearInterval(timer);
  }, [raised]);

  // A lead answered the hand raised here: said once, where the agent looks.
  const wasRaised = useRef(raised);
  useEffect(() => {
    if (wasRaised.current && !raised && presence.helpAnsweredBy)
      notifications.show({ color: 'teal', message: t('agentState.handAnswered', { name: presence.helpAnsweredBy }), autoClose: 10_000 });
    wasRaised.current = raised;
  }, [raised, presence.helpAnsweredBy, t]);

  const state = t(`monitor.presence.${presence.state}`);
  const reason = nameOf(presence.reason);
  return (
    <Group gap={6} wrap="nowrap">
      <Badge variant="dot" color={stateColor[presence.state]} data-testid="presence" data-state={presence.state}>
        {reason ? t('agentState.withReason', { state, reason }) : state}
      </Badge>
      {presence.helpSince && (
        <Badge color="red" variant="filled" data-testid="hand-raised" title={t('agentState.handRaisedTitle')}>
          {t('agentState.handRaised', { duration: formatDuration(Math.max(0, now - Date.parse(presence.helpSince))) })}
        </Badge>
      )}
    </Group>
  );
}
