import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignedInUser } from '../../../shared/contract/auth';
import { CallError } from '../api/client';
import { useWorkstation } from './api-context';
import { errorMessage } from '../../../shared/error-message';

/**
 * Replaces the whole workstation while locked: nothing of the panes stays in the page. Typed
 * drafts were saved as the agent typed and come back after unlocking.
 */
export function LockScreen({ user }: { user: SignedInUser }) {
  const { t } = useTranslation();
  const { api } = useWorkstation();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const unlock = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.auth.unlock({ password });
    } catch (failure) {
      setPassword('');
      const code = failure instanceof CallError ? failure.code : null;
      setError(code === 'rate_limited' ? t('lock.throttled') : code === 'unauthenticated' ? t('lock.wrong') : errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center h="100vh" data-testid="lock-screen">
      <Paper withBorder shadow="md" p="xl" w={420}>
        <form onSubmit={(event) => void unlock(event)}>
          <Stack>
            <Title order={1} size="h3">
              {t('lock.title')}
            </Title>
            <Text>{t('lock.hint', { name: user.displayName })}</Text>
            <PasswordInput
              label={t('auth.password')}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              autoComplete="current-password"
              autoFocus
              required
            />
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <Group justify="space-between">
              <Button variant="subtle" onClick={() => void api.auth.signOut()}>
                {t('lock.signOut')}
              </Button>
              <Button type="submit" loading={busy}>
                {t('lock.unlock')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
