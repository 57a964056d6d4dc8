import { Button, Checkbox, Group, NativeSelect, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { type RefObject, useCallback, useEffect, useImperativeHandle, useState } from 'react';
import { type Role, roles, type User } from '../../../shared/server-api/auth';
import { useCall } from '../api/use-call';
import { useWorkstation } from '../shell/api-context';
import type { FormHandle } from './EntryForm';
import { formKeys } from './form-keys';
import { PlainSection } from './PlainSection';
import { useLoaded } from './use-loaded';
import { useAdminWords } from './use-admin-words';

interface Props {
  listRef: RefObject<HTMLDivElement | null>;
  formRef: RefObject<FormHandle | null>;
}

/** A new user, or a change to one: role, unit, disabled (which signs them out everywhere). */
function UserForm({
  user,
  onDone,
  onCancel,
  formRef,
}: {
  user: User | null;
  onDone: () => void;
  onCancel: () => void;
  formRef: Props['formRef'];
}) {
  const { w } = useAdminWords();
  const { api } = useWorkstation();
  const call = useCall();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>(user?.role ?? 'agent');
  const [unitCode, setUnitCode] = useState(user?.unitCode ?? '');
  const [disabled, setDisabled] = useState(false);
  const save = async () => {
    const unit = unitCode.trim() || null;
    const done = user
      ? await call(
          () =>
            api.admin.changeUser({
              id: user.id,
              change: {
                ...(role !== user.role ? { role } : {}),
                ...(unit !== user.unitCode ? { unitCode: unit } : {}),
                ...(disabled ? { disabled } : {}),
              },
            }),
          { failure: 'saveUser', detail: true, done: (r) => w('users.changed', { name: r.user.username, count: r.revoked }) },
        )
      : await call(
          () => api.admin.createUser({ username: username.trim(), displayName: displayName.trim(), role, unitCode: unit, password }),
          {
            failure: 'saveUser',
            detail: true,
            done: (r) => w('users.created', { name: r.username }),
          },
        );
    if (done) onDone();
  };
  useImperativeHandle(formRef, () => ({ save: () => void save() }));
  useEffect(() => document.getElementById(user ? 'admin-user-role' : 'admin-user-username')?.focus(), [user]);
  return (
    <Stack gap="xs" onKeyDown={formKeys(() => void save(), onCancel)} data-testid="admin-user-form">
      <Title order={3} size="h5">
        {user ? w('form.editing', { code: user.username }) : w('users.new')}
      </Title>
      {!user && (
        <>
          <TextInput
            id="admin-user-username"
            label={w('users.username')}
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            required
          />
          <TextInput label={w('users.displayName')} value={displayName} onChange={(e) => setDisplayName(e.currentTarget.value)} required />
          <PasswordInput
            label={w('users.password')}
            description={w('users.passwordHint')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            required
          />
        </>
      )}
      <NativeSelect
        id="admin-user-role"
        label={w('users.role')}
        value={role}
        onChange={(e) => setRole(e.currentTarget.value as Role)}
        data={roles.map((r) => ({ value: r, label: w(`roles.${r}`) }))}
      />
      <TextInput
        label={w('users.unit')}
        description={w('users.unitHint')}
        value={unitCode}
        onChange={(e) => setUnitCode(e.currentTarget.value)}
      />
      {user && <Checkbox label={w('users.disable')} checked={disabled} onChange={(e) => setDisabled(e.currentTarget.checked)} />}
      <Group gap="xs">
        <Button onClick={() => void save()}>{w('form.save')}</Button>
        <Button variant="subtle" onClick={onCancel}>
          {w('form.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The users: list, create, change role or unit, disable. */
export function UsersSection({ listRef, formRef }: Props) {
  const { w } = useAdminWords();
  const { api } = useWorkstation();
  const load = useCallback(() => api.admin.users(), [api]);
  const { value, reload } = useLoaded(load, 'loadAdmin');
  const [opened, setOpened] = useState<{ id: string | null; n: number } | null>(null);
  const open = (id: string | null) => setOpened((o) => ({ id, n: (o?.n ?? 0) + 1 }));
  const users = value?.users ?? [];
  const user = opened?.id ? (users.find((u) => u.id === opened.id) ?? null) : null;
  const close = () => {
    setOpened(null);
    listRef.current?.focus();
  };
  return (
    <PlainSection
      title={w('kinds.users')}
      rows={users.map((u) => ({
        id: u.id,
        label: `${u.username} ${u.displayName}`,
        detail: [w(`roles.${u.role}`), u.unitCode].filter(Boolean).join(' · '),
        search: `${u.username} ${u.displayName} ${u.role} ${u.unitCode ?? ''}`.toLowerCase(),
      }))}
      openId={opened?.id ?? null}
      onOpen={open}
      onNew={() => open(null)}
      listRef={listRef}
    >
      {opened && (opened.id === null || user) ? (
        <UserForm
          key={`${opened.id ?? 'new'}:${opened.n}`}
          user={user}
          formRef={formRef}
          onCancel={close}
          onDone={() => void reload().then(close)}
        />
      ) : null}
    </PlainSection>
  );
}
