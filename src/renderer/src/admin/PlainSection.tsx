import { Grid, Text, Title } from '@mantine/core';
import type { ReactNode, RefObject } from 'react';
import { KeyList, type KeyRow } from './KeyList';
import { useAdminWords } from './use-admin-words';

/**
 * The two columns of a section that is no reference kind (users, switches, keys): its keyboard
 * list (N new) and, beside it, what is open, or a word on how to open something.
 */
export function PlainSection({
  title,
  rows,
  openId,
  onOpen,
  onNew,
  listRef,
  children,
}: {
  title: string;
  rows: KeyRow[];
  openId: string | null;
  onOpen: (id: string) => void;
  onNew: () => void;
  listRef: RefObject<HTMLDivElement | null>;
  /** The open form or view; nothing when none is open. */
  children: ReactNode;
}) {
  const { w } = useAdminWords();
  return (
    <>
      <Grid.Col span={4}>
        <Title order={3} size="h5" mb={4}>
          {title}
        </Title>
        <KeyList
          label={title}
          rows={rows}
          openId={openId}
          onOpen={onOpen}
          letters={{ n: onNew }}
          listRef={listRef}
          testId="admin-items"
          hint={w('list.hintPlain')}
        />
      </Grid.Col>
      <Grid.Col span={5}>
        {children ?? (
          <Text c="dimmed" size="sm">
            {w('form.nothingOpen')}
          </Text>
        )}
      </Grid.Col>
    </>
  );
}
