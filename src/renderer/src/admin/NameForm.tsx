import { Button, Group, Stack, TextInput, Title } from '@mantine/core';
import { type ReactNode, type RefObject, useEffect, useImperativeHandle, useState } from 'react';
import type { FormHandle } from './EntryForm';
import { formKeys } from './form-keys';
import { useAdminWords } from './use-admin-words';

/** A form of one name (a new switch, a new Open311 client): Ctrl+S or Alt+Enter issues, Esc leaves. */
export function NameForm({
  title,
  action,
  onSubmit,
  onCancel,
  formRef,
  children,
}: {
  title: string;
  action: string;
  onSubmit: (name: string) => void;
  onCancel: () => void;
  formRef: RefObject<FormHandle | null>;
  children?: ReactNode;
}) {
  const { w } = useAdminWords();
  const [name, setName] = useState('');
  const submit = () => name.trim() && onSubmit(name.trim());
  useImperativeHandle(formRef, () => ({ save: submit }));
  useEffect(() => document.getElementById('admin-name')?.focus(), []);
  return (
    <Stack gap="xs" onKeyDown={formKeys(submit, onCancel)} data-testid="admin-name-form">
      <Title order={3} size="h5">
        {title}
      </Title>
      <TextInput id="admin-name" label={w('secret.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
      <Group gap="xs">
        <Button onClick={submit} data-testid="admin-issue">
          {action}
        </Button>
        <Button variant="subtle" onClick={onCancel}>
          {w('form.cancel')}
        </Button>
      </Group>
      {children}
    </Stack>
  );
}
