import { Button, Grid, Group, Text, Title } from '@mantine/core';
import { type RefObject, useState } from 'react';
import type { AdminReferenceItem } from '../../../shared/server-api/reference-admin';
import type { ReferenceSection as Kind } from './admin-kinds';
import { EntryForm, type FormHandle } from './EntryForm';
import { ImportDialog } from './ImportDialog';
import { itemLabel, itemSearchText } from './item-label';
import { KeyList, type KeyRow } from './KeyList';
import { useAdminList } from './use-admin-list';
import { useCsvTransfer } from './use-csv-transfer';
import { useAdminWords } from './use-admin-words';

/** What the form shows: an item by code, or a new one (null); `focus` puts the cursor in it as it opens. */
interface Opened {
  code: string | null;
  focus: boolean;
  /** Counts openings, so opening the same item again starts its form afresh. */
  n: number;
}

/** The words a row is written with, in the admin's language. */
interface RowWords {
  retired: string;
  draft: string;
  cityWide: string;
  changed: (by: string, version: number) => string;
}

function rowOf(item: AdminReferenceItem, en: boolean, words: RowWords): KeyRow {
  const body = item.entry.body as { active?: boolean; status?: string };
  const retired = body.active === false;
  const draft = item.entry.kind === 'article' && body.status === 'draft';
  const marks = [retired && words.retired, draft && words.draft, item.changedBy && words.changed(item.changedBy, item.version)];
  return {
    id: item.entry.code,
    label: itemLabel(item.entry, en, words),
    detail: marks.filter(Boolean).join(' · '),
    search: itemSearchText(item.entry),
    dim: retired || draft,
  };
}

/** The list of one kind's items and the form of the one opened, with its CSV import and export. */
export function ReferenceSection({
  kind,
  listRef,
  formRef,
}: {
  kind: Kind;
  listRef: RefObject<HTMLDivElement | null>;
  formRef: RefObject<FormHandle | null>;
}) {
  const { w, i18n } = useAdminWords();
  const list = useAdminList(kind);
  const { fileInput, ...transfer } = useCsvTransfer(kind, () => void list.reload());
  const [opened, setOpened] = useState<Opened | null>(null);
  const open = (code: string | null, focus = true) => setOpened((o) => ({ code, focus, n: (o?.n ?? 0) + 1 }));
  const items = list.items ?? [];
  const item = opened?.code ? (items.find((i) => i.entry.code === opened.code) ?? null) : null;
  const words: RowWords = {
    retired: w('list.retired'),
    draft: w('choices.draft'),
    cityWide: w('list.cityWide'),
    changed: (by, version) => w('list.changed', { by, version }),
  };
  const rows = items.map((i) => rowOf(i, i18n.language === 'en', words));
  const backToList = () => listRef.current?.focus();

  return (
    <>
      <Grid.Col span={4}>
        <Group justify="space-between" mb={4}>
          <Title order={3} size="h5">
            {w(`kinds.${kind}`)}
          </Title>
          <Group gap={4}>
            <Button size="compact-xs" variant="subtle" onClick={() => open(null)} data-testid="admin-new">
              {w('list.new')}
            </Button>
            <Button size="compact-xs" variant="subtle" onClick={() => void transfer.exportCsv()} data-testid="admin-export">
              {w('list.export')}
            </Button>
            <Button size="compact-xs" variant="subtle" onClick={transfer.pickFile} data-testid="admin-import">
              {w('list.import')}
            </Button>
          </Group>
        </Group>
        <KeyList
          label={w(`kinds.${kind}`)}
          rows={rows}
          loading={list.items === null}
          openId={opened?.code ?? null}
          onOpen={(code) => open(code)}
          letters={{ n: () => open(null), e: () => void transfer.exportCsv(), i: transfer.pickFile }}
          listRef={listRef}
          testId="admin-items"
          hint={w('list.hint')}
        />
        <ImportDialog transfer={transfer} fileInput={fileInput} />
      </Grid.Col>
      <Grid.Col span={5}>
        {opened && (opened.code === null || item) ? (
          <EntryForm
            key={`${kind}:${opened.code ?? 'new'}:${item?.version ?? 0}:${opened.n}`}
            kind={kind}
            item={item}
            focusFirst={opened.focus}
            handleRef={formRef}
            onSaved={(saved) => {
              // The list is read again with the saved version; the form shows it and the cursor goes back to the list.
              void list.reload().then(() => {
                open(saved.entry.code, false);
                backToList();
              });
            }}
            onCancel={() => {
              setOpened(null);
              backToList();
            }}
            onReload={(code) => void list.reload().then(() => open(code))}
          />
        ) : (
          <Text c="dimmed" size="sm" data-testid="admin-form-empty">
            {w('form.nothingOpen')}
          </Text>
        )}
      </Grid.Col>
    </>
  );
}
