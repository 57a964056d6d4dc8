import { Button, Group, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../api/use-call';
import { useWorkstation } from '../shell/api-context';

/** A short notice to every agent's status bar. */
export function NoticeForm() {
  const { t } = useTranslation();
  const { api } = useWorkstation();
  const call = useCall();
  const [text, setText] = useState('');
  const [sent, setSent] = useState(false);
  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!(await call(() => api.monitor.notice({ text }), { failure: 'sendNotice' }))) return;
    setText('');
    setSent(true);
  };
  return (
    <form onSubmit={(event) => void send(event)}>
      <Group gap="xs" align="flex-end">
        <TextInput
          style={{ flex: 1 }}
          label={t('monitor.notice')}
          placeholder={t('monitor.noticePlaceholder')}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setSent(false);
          }}
          maxLength={200}
          data-testid="notice-text"
        />
        <Button type="submit" disabled={text.trim() === ''}>
          {t('monitor.notice')}
        </Button>
        {sent && (
          <Text size="sm" c="green">
            {t('monitor.noticeSent')}
          </Text>
        )}
      </Group>
    </form>
  );
}
