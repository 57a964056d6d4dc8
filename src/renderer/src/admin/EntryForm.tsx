import { Alert, Badge, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { type KeyboardEvent, type RefObject, useEffect, useImperativeHandle } from 'react';
import { flushSync } from 'react-dom';
import type { AdminReferenceItem } from '../../../shared/server-api/reference-admin';
import { kindFields, type ReferenceSection } from './admin-kinds';
import { FieldInput } from './FieldInput';
import { formKey } from './form-keys';
import { RoutingPreview } from './RoutingPreview';
import { useEntryEditor } from './use-entry-editor';
import { VersionHistory } from './VersionHistory';
import { useAdminWords } from './use-admin-words';

export interface FormHandle {
  save(): void;
}

export interface EntryFormProps {
  kind: ReferenceSection;
  item: AdminReferenceItem | null;
  onSaved: (saved: AdminReferenceItem) => void;
  onCancel: () => void;
  /** Reads the item again, dropping what was typed: after a conflict, the one stored with this code. */
  onReload: (code: string) => void;
  handleRef: RefObject<FormHandle | null>;
  /** Puts the cursor in the form as it opens (not when it is shown again after a save). */
  focusFirst: boolean;
}

/** The form of one item, its fields drawn from its kind's. */
export function EntryForm({ kind, item, onSaved, onCancel, onReload, handleRef, focusFirst }: EntryFormProps) {
  const { w, i18n } = useAdminWords();
  const editor = useEntryEditor(kind, item);
  const fields = kindFields[kind];
  const isArticle = kind === 'article';
  const save = async (changes?: Record<string, string>) => {
    const saved = await editor.save(changes);
    if (saved) onSaved(saved);
    return saved;
  };
  useImperativeHandle(handleRef, () => ({ save: () => void save() }));
  // Opened from the list, the cursor goes to the first thing to type: the code of a new item, else its first field.
  const firstField = item ? `admin-field-${fields[0]!.key}` : 'admin-field-code';
  useEffect(() => {
    if (focusFirst) document.getElementById(firstField)?.focus();
  }, [firstField, focusFirst]);
  const onKeyDown = (event: KeyboardEvent) => {
    const action = formKey(event);
    if (!action || (action === 'publish' && !isArticle)) return;
    // Kept from the shell's keys: Alt+Enter there would take a routing step.
    event.preventDefault();
    event.stopPropagation();
    if (action === 'cancel') return onCancel();
    if (editor.saving) return;
    // The field is left first, as Tab would: a picker takes the match for what was typed in it.
    const field = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    flushSync(() => field?.blur());
    void save(action === 'publish' ? { status: 'published' } : undefined).then((saved) => {
      // Not saved: the cursor goes back where it was, to put right what the form says.
      if (!saved && field?.isConnected) field.focus();
    });
  };
  const status = editor.values.status;

  return (
    <Stack gap="xs" onKeyDown={onKeyDown} data-testid="admin-form" aria-label={w('form.title')} role="form">
      <Group justify="space-between">
        <Title order={3} size="h5">
          {item ? w('form.editing', { code: item.entry.code }) : w('form.creating', { kind: w(`kinds.${kind}`) })}
        </Title>
        <Group gap={4}>
          {item && <Badge variant="light">{w('form.version', { version: item.version })}</Badge>}
          {isArticle && status && (
            <Badge color={status === 'published' ? 'green' : 'gray'} data-testid="admin-article-status">
              {w(`choices.${status === 'published' ? 'published' : 'draft'}`)}
            </Badge>
          )}
        </Group>
      </Group>
      {editor.conflict && (
        <Alert color="orange" data-testid="admin-conflict" title={w('conflict.title')}>
          <Stack gap="xs">
            {editor.conflict.stored && (
              <Text size="sm" data-testid="admin-conflict-who">
                {w('conflict.who', {
                  by: editor.conflict.stored.by ?? '—',
                  at: editor.conflict.stored.at ? new Date(editor.conflict.stored.at).toLocaleString(i18n.language) : '—',
                  version: editor.conflict.stored.version,
                })}
              </Text>
            )}
            <Text size="sm">{item ? w('conflict.text') : w('conflict.exists', { code: editor.conflict.code })}</Text>
            <Button
              size="xs"
              variant="light"
              onClick={() => onReload(editor.conflict!.code)}
              data-autofocus
              data-testid="admin-conflict-reload"
              autoFocus
            >
              {w('conflict.reload')}
            </Button>
          </Stack>
        </Alert>
      )}
      {editor.invalid && (
        <Alert color="red" data-testid="admin-invalid">
          {w('form.invalid', { reason: editor.invalid })}
        </Alert>
      )}
      <TextInput
        id="admin-field-code"
        data-testid="admin-field-code"
        label={kind === 'calendarDay' ? w('fields.date') : w('fields.code')}
        description={item ? w('form.codeFixed') : kind === 'calendarDay' ? w('form.dateHint') : w('form.codeHint')}
        value={String(editor.values.code ?? '')}
        readOnly={item !== null}
        tabIndex={item ? -1 : 0}
        onChange={(e) => editor.set('code', e.currentTarget.value)}
        required
      />
      {fields.map((field) => (
        <FieldInput
          key={field.key}
          field={field}
          value={editor.values[field.key] ?? ''}
          onChange={(value) => editor.set(field.key, value)}
        />
      ))}
      {kind === 'routingRule' && <RoutingPreview values={editor.values} />}
      <Group gap="xs">
        <Button onClick={() => void save()} loading={editor.saving} data-testid="admin-save">
          {w('form.save')}
        </Button>
        {isArticle && status !== 'published' && (
          <Button variant="light" color="green" onClick={() => void save({ status: 'published' })} data-testid="admin-publish">
            {w('form.publish')}
          </Button>
        )}
        <Button variant="subtle" onClick={onCancel} data-testid="admin-cancel">
          {w('form.cancel')}
        </Button>
        {editor.dirty && (
          <Text size="xs" c="dimmed" data-testid="admin-dirty">
            {w('form.unsaved')}
          </Text>
        )}
      </Group>
      {item && <VersionHistory kind={kind} code={item.entry.code} version={item.version} />}
    </Stack>
  );
}
