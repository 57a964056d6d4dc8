import { Alert, Button, Modal, PasswordInput, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignedInUser } from '../../../shared/contract/auth';
import { CallError } from '../api/client';
import { useWorkstation } from './api-context';
import { errorMessage } from '../../../shared/error-message';
import { useDialogProps } from './dialog-props';

const knownFailures = ['unauthenticated', 'rate_limited', 'unavailable'] as const;

/** Username, Tab, password, Enter: the whole sign-in without the mouse. */
export interface SignInDialogProps {
  opened: boolean;
  user: SignedInUser | null;
  onClose: () => void;
  onSignedIn: () => void;
}

export function SignInDialog({ opened, user, onClose, onSignedIn }: SignInDialogProps) {
  const { t } = useTranslation();
  const dialog = useDialogProps();
  const { api } = useWorkstation();
  const [username, setUsername] = useState(user?.username ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.auth.signIn({ username: username.trim(), password });
      setPassword('');
      onSignedIn();
    } catch (failure) {
      const code = failure instanceof CallError ? failure.code : null;
      const known = knownFailures.find((k) => k === code);
      setError(known ? t(`auth.failed.${known}`) : t('auth.failed.other', { message: errorMessage(failure) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('auth.title')} {...dialog}>
      <form onSubmit={(event) => void submit(event)} data-testid="sign-in">
        <Stack>
          {user && !user.sessionLive && <Alert color="yellow">{t('auth.expired')}</Alert>}
          <TextInput
            label={t('auth.username')}
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            autoComplete="username"
            data-autofocus
            required
          />
          <PasswordInput
            label={t('auth.password')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            autoComplete="current-password"
            required
          />
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Button type="submit" loading={busy}>
            {t('auth.submit')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
