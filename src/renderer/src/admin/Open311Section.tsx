import { Button, Stack, Text, Title } from '@mantine/core';
import { type RefObject, useCallback, useEffect, useState } from 'react';
import { useCall } from '../api/use-call';
import { useWorkstation } from '../shell/api-context';
import type { FormHandle } from './EntryForm';
import { formKeys } from './form-keys';
import { NameForm } from './NameForm';
import { PlainSection } from './PlainSection';
import { SecretOnce } from './SecretOnce';
import { useLoaded } from './use-loaded';
import { useAdminWords } from './use-admin-words';

/** Open311 API keys: list (never the keys themselves), issue one shown once, revoke one. */
export function Open311Section({ listRef, formRef }: { listRef: RefObject<HTMLDivElement | null>; formRef: RefObject<FormHandle | null> }) {
  const { w, i18n } = useAdminWords();
  const { api } = useWorkstation();
  const call = useCall();
  const load = useCallback(() => api.admin.open311Keys(), [api]);
  const { value, reload } = useLoaded(load, 'loadAdmin');
  const [opened, setOpened] = useState<string | null | undefined>(undefined);
  const [issued, setIssued] = useState<{ name: string; apiKey: string } | null>(null);
  const keys = value?.keys ?? [];
  const current = opened ? keys.find((k) => k.id === opened) : undefined;
  const when = (at: string) => new Date(at).toLocaleString(i18n.language);
  const close = () => {
    setOpened(undefined);
    setIssued(null);
    listRef.current?.focus();
  };
  const issue = async (name: string) => {
    const answer = await call(() => api.admin.issueOpen311Key({ name }), { failure: 'issueSecret', detail: true });
    if (!answer) return;
    setIssued({ name: answer.name, apiKey: answer.apiKey });
    setOpened(answer.id);
    void reload();
  };
  const revoke = async (id: string) => {
    const done = await call(() => api.admin.revokeOpen311Key({ id }), {
      failure: 'revokeKey',
      detail: true,
      done: () => w('secret.revoked'),
    });
    if (done) void reload();
  };
  const open = (id: string | null) => {
    setIssued(null);
    setOpened(id);
  };
  return (
    <PlainSection
      title={w('kinds.open311')}
      rows={keys.map((k) => ({
        id: k.id,
        label: k.name,
        detail: k.revokedAt ? w('secret.revokedAt', { at: when(k.revokedAt) }) : when(k.createdAt),
        search: k.id.toLowerCase(),
        dim: k.revokedAt !== null,
      }))}
      openId={opened ?? null}
      onOpen={open}
      onNew={() => open(null)}
      listRef={listRef}
    >
      {opened === null ? (
        <NameForm
          title={w('secret.newKey')}
          action={w('secret.issue')}
          onSubmit={(name) => void issue(name)}
          onCancel={close}
          formRef={formRef}
        />
      ) : current ? (
        <KeyView revoked={current.revokedAt !== null} name={current.name} onRevoke={() => void revoke(current.id)} onCancel={close}>
          {issued && <SecretOnce label={w('secret.apiKey', { name: issued.name })} secret={issued.apiKey} />}
        </KeyView>
      ) : null}
    </PlainSection>
  );
}

function KeyView({
  name,
  revoked,
  onRevoke,
  onCancel,
  children,
}: {
  name: string;
  revoked: boolean;
  onRevoke: () => void;
  onCancel: () => void;
  children: React.ReactNode;
}) {
  const { w } = useAdminWords();
  // A key just issued takes the cursor, not the revoke button: an Enter out of habit must not revoke it.
  const secretShown = Boolean(children);
  useEffect(() => document.getElementById(secretShown ? 'admin-secret-value' : 'admin-revoke')?.focus(), [secretShown]);
  return (
    <Stack gap="xs" onKeyDown={formKeys(() => undefined, onCancel)}>
      <Title order={3} size="h5">
        {name}
      </Title>
      {children}
      {revoked ? (
        <Text size="sm" c="dimmed">
          {w('secret.isRevoked')}
        </Text>
      ) : (
        <Button id="admin-revoke" color="red" variant="light" onClick={onRevoke} data-testid="admin-revoke">
          {w('secret.revoke')}
        </Button>
      )}
    </Stack>
  );
}
