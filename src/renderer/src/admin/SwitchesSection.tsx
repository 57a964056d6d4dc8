import { Button, Stack, Text, Title } from '@mantine/core';
import { type RefObject, useCallback, useEffect, useImperativeHandle, useState } from 'react';
import { useCall } from '../api/use-call';
import { useWorkstation } from '../shell/api-context';
import type { FormHandle } from './EntryForm';
import { formKeys } from './form-keys';
import { NameForm } from './NameForm';
import { PlainSection } from './PlainSection';
import { SecretOnce } from './SecretOnce';
import { useLoaded } from './use-loaded';
import { useAdminWords } from './use-admin-words';

/** The phone switches: list them, register one or give one a new token, shown once. */
export function SwitchesSection({
  listRef,
  formRef,
}: {
  listRef: RefObject<HTMLDivElement | null>;
  formRef: RefObject<FormHandle | null>;
}) {
  const { w, i18n } = useAdminWords();
  const { api } = useWorkstation();
  const call = useCall();
  const load = useCallback(() => api.admin.switches(), [api]);
  const { value, reload } = useLoaded(load, 'loadAdmin');
  const [opened, setOpened] = useState<string | null | undefined>(undefined);
  const [issued, setIssued] = useState<{ name: string; token: string } | null>(null);
  const switches = value?.switches ?? [];
  const current = opened ? switches.find((s) => s.id === opened) : undefined;
  const close = () => {
    setOpened(undefined);
    setIssued(null);
    listRef.current?.focus();
  };
  const issue = async (name: string) => {
    const answer = await call(() => api.admin.issueSwitchToken({ name }), { failure: 'issueSecret', detail: true });
    if (!answer) return;
    setIssued({ name: answer.name, token: answer.token });
    setOpened(answer.id);
    void reload();
  };
  const open = (id: string | null) => {
    setIssued(null);
    setOpened(id);
  };
  const secret = issued && <SecretOnce label={w('secret.switchToken', { name: issued.name })} secret={issued.token} />;
  return (
    <PlainSection
      title={w('kinds.switches')}
      rows={switches.map((s) => ({
        id: s.id,
        label: s.name,
        detail: new Date(s.createdAt).toLocaleString(i18n.language),
        search: s.id.toLowerCase(),
      }))}
      openId={opened ?? null}
      onOpen={open}
      onNew={() => open(null)}
      listRef={listRef}
    >
      {opened === null ? (
        <NameForm
          title={w('secret.newSwitch')}
          action={w('secret.issue')}
          onSubmit={(name) => void issue(name)}
          onCancel={close}
          formRef={formRef}
        />
      ) : current ? (
        <SwitchView name={current.name} onIssue={() => void issue(current.name)} onCancel={close} formRef={formRef}>
          {secret}
        </SwitchView>
      ) : null}
    </PlainSection>
  );
}

function SwitchView({
  name,
  onIssue,
  onCancel,
  formRef,
  children,
}: {
  name: string;
  onIssue: () => void;
  onCancel: () => void;
  formRef: RefObject<FormHandle | null>;
  children: React.ReactNode;
}) {
  const { w } = useAdminWords();
  // Nothing to save here: Ctrl+S out of habit must not end the token just shown, so only the button issues one.
  useImperativeHandle(formRef, () => ({ save: () => undefined }));
  const secretShown = Boolean(children);
  useEffect(() => document.getElementById(secretShown ? 'admin-secret-value' : 'admin-reissue')?.focus(), [secretShown]);
  return (
    <Stack gap="xs" onKeyDown={formKeys(() => undefined, onCancel)}>
      <Title order={3} size="h5">
        {name}
      </Title>
      <Text size="sm">{w('secret.reissueHint')}</Text>
      <Button id="admin-reissue" variant="light" onClick={onIssue} data-testid="admin-reissue">
        {w('secret.reissue')}
      </Button>
      {children}
    </Stack>
  );
}
