import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../api/use-call';
import { useWorkstation } from '../shell/api-context';
import { useNotices } from '../shell/use-notices';

/** How long a notice may stay, as the lead picks it; a shift by default. */
const lifetimes = ['30', '120', '480', '1440', '10080'] as const;
type Lifetime = (typeof lifetimes)[number];
const isLifetime = (value: string | null): value is Lifetime => lifetimes.some((l) => l === value);

/** A short notice to every agent's status bar, kept there until it expires; the ones in force, each withdrawable. */
export function NoticeForm() {
  const { t, i18n } = useTranslation();
  const { api } = useWorkstation();
  const call = useCall();
  const notices = useNotices();
  const [text, setText] = useState('');
  const [lifetime, setLifetime] = useState<Lifetime>('480');
  const [done, setDone] = useState<'sent' | 'withdrawn' | null>(null);
  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!(await call(() => api.monitor.notice({ text, expiresInMinutes: Number(lifetime) }), { failure: 'sendNotice' }))) return;
    setText('');
    setDone('sent');
  };
  const withdraw = async (id: string) => {
    if (await call(() => api.notices.withdraw({ id }), { failure: 'withdrawNotice' })) setDone('withdrawn');
  };
  return (
    <Stack gap="xs">
      <form onSubmit={(event) => void send(event)}>
        <Group gap="xs" align="flex-end">
          <TextInput
            style={{ flex: 1 }}
            label={t('monitor.notice')}
            placeholder={t('monitor.noticePlaceholder')}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              setDone(null);
            }}
            maxLength={200}
            data-testid="notice-text"
          />
          <Select
            w={180}
            label={t('monitor.noticeLifetime')}
            data={lifetimes.map((value) => ({ value, label: t(`monitor.noticeLifetimes.${value}`) }))}
            value={lifetime}
            onChange={(value) => isLifetime(value) && setLifetime(value)}
            allowDeselect={false}
            data-testid="notice-lifetime"
          />
          <Button type="submit" disabled={text.trim() === ''}>
            {t('monitor.notice')}
          </Button>
          {done && (
            <Text size="sm" c="green">
              {t(done === 'sent' ? 'monitor.noticeSent' : 'monitor.noticeWithdrawn')}
            </Text>
          )}
        </Group>
      </form>
      {notices.length > 0 && (
        <Stack gap={4} data-testid="notices-in-force" aria-label={t('monitor.noticesInForce')}>
          {notices.map((n) => (
            <Group key={n.id} gap="xs" wrap="nowrap" data-testid={`notice-${n.id}`}>
              <Text size="sm" style={{ flex: 1 }}>
                {t('status.notice', n)}
              </Text>
              <Text size="xs" c="dimmed">
                {t('monitor.noticeExpires', { time: new Date(n.expiresAt).toLocaleString(i18n.language) })}
              </Text>
              <Button size="compact-xs" variant="subtle" color="red" onClick={() => void withdraw(n.id)} data-testid="notice-withdraw">
                {t('monitor.withdrawNotice')}
              </Button>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
