import { Alert, Grid, Stack, Title } from '@mantine/core';
import { type RefObject, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../shell/use-auth';
import { type AdminSection, isReferenceSection } from './admin-kinds';
import type { FormHandle } from './EntryForm';
import { KindNav } from './KindNav';
import { Open311Section } from './Open311Section';
import { ReferenceSection } from './ReferenceSection';
import { SwitchesSection } from './SwitchesSection';
import { UsersSection } from './UsersSection';
import { useAdminWords } from './use-admin-words';

export interface AdminHandle {
  /** Saves the form that is open (Alt+Enter from anywhere on the pane). */
  save(): void;
}

/**
 * The administrator's console: what to edit on the left, its items in the middle, the item's form
 * on the right. Everything is read from and written to the server; the server checks the role too.
 */
export function AdminPane({ handleRef, active }: { handleRef: RefObject<AdminHandle | null>; active: boolean }) {
  const { t } = useTranslation();
  const { w } = useAdminWords();
  const user = useAuth();
  const [section, setSection] = useState<AdminSection>('category');
  const nav = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const form = useRef<FormHandle>(null);
  useImperativeHandle(handleRef, () => ({ save: () => form.current?.save() }));
  // Brought forward (Alt+5, the palette), the pane puts the cursor on the kinds.
  const isAdmin = user?.role === 'admin';
  useEffect(() => {
    if (active && isAdmin) nav.current?.focus();
  }, [active, isAdmin]);

  if (!isAdmin)
    return (
      <Alert color="gray" data-testid="admin-only">
        {w('adminsOnly')}
      </Alert>
    );
  const common = { listRef: list, formRef: form };
  return (
    <Stack gap="sm" data-testid="pane-admin">
      <Title order={2}>{t('panes.admin.title')}</Title>
      {/* ← on a list goes back to the kinds. */}
      <Grid
        onKeyDown={(event) => {
          if (event.key === 'ArrowLeft' && event.target === list.current) nav.current?.focus();
        }}
      >
        <Grid.Col span={3}>
          <KindNav section={section} onSection={setSection} onEnter={() => list.current?.focus()} navRef={nav} />
        </Grid.Col>
        {isReferenceSection(section) ? (
          <ReferenceSection key={section} kind={section} {...common} />
        ) : section === 'users' ? (
          <UsersSection {...common} />
        ) : section === 'switches' ? (
          <SwitchesSection {...common} />
        ) : (
          <Open311Section {...common} />
        )}
      </Grid>
    </Stack>
  );
}
