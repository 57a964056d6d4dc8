import { Alert, Button, Group, Kbd, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCall } from '../api/use-call';
import { formatHotkey, hotkeyOf } from '../shell/actions';
import { useWorkstation } from '../shell/api-context';
import { useDuration } from '../i18n/duration';
import type { MonitorState } from './monitor-state';

/** Who has a hand raised, longest waiting first, above everything else on the lead's screen; one key or button answers. */
export function RaisedHands({ state, now }: { state: MonitorState; now: Date }) {
  const { t } = useTranslation();
  const { api } = useWorkstation();
  const call = useCall();
  const formatDuration = useDuration();
  const raised = [...state.agents.values()]
    .filter((a) => a.helpSince !== null)
    .sort((a, b) => Date.parse(a.helpSince!) - Date.parse(b.helpSince!) || a.username.localeCompare(b.username));
  if (raised.length === 0) return null;
  const answer = (username: string, name: string) =>
    void call(() => api.monitor.answerHand({ username }), {
      failure: 'answerHand',
      detail: true,
      done: () => t('agentState.answered', { name }),
    });
  return (
    <Alert color="red" variant="light" data-testid="raised-hands" title={t('agentState.needHelp', { count: raised.length })}>
      <Group gap="xs">
        {raised.map((a) => (
          <Button
            key={a.username}
            size="compact-sm"
            color="red"
            variant="outline"
            data-testid={`answer-hand-${a.username}`}
            onClick={() => answer(a.username, a.displayName)}
          >
            {t('agentState.answer')}{' '}
            {t('agentState.needHelpWho', { name: a.displayName, duration: formatDuration(now.getTime() - Date.parse(a.helpSince!)) })}
          </Button>
        ))}
        <Text size="sm" c="dimmed">
          <Kbd size="xs">{formatHotkey(hotkeyOf('answerHand'))}</Kbd> {t('agentState.answerHint')}
        </Text>
      </Group>
    </Alert>
  );
}
