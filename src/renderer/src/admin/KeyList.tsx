import { Group, ScrollArea, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { type KeyboardEvent, type RefObject, useState } from 'react';
import { useAdminWords } from './use-admin-words';

export interface KeyRow {
  id: string;
  label: string;
  detail?: string;
  /** Lower-case text the filter matches (the label is matched too). */
  search?: string;
  /** Greyed: retired, a draft, a revoked key. */
  dim?: boolean;
}

export interface KeyListProps {
  label: string;
  rows: KeyRow[];
  /** The row open in the form, marked as current. */
  openId: string | null;
  onOpen: (id: string) => void;
  /** Plain letters that act on the list while it has focus (N new, E export, I import). */
  letters?: Partial<Record<string, () => void>>;
  listRef: RefObject<HTMLDivElement | null>;
  testId: string;
  hint: string;
  /** The rows are still being read: the list takes the cursor (and N) already. */
  loading?: boolean;
}

const isLetter = (event: KeyboardEvent) => event.key.length === 1 && !event.ctrlKey && !event.altKey && !event.metaKey;

/**
 * A filterable list for the keyboard: on the list, ↑/↓ move, Enter opens, the given letters act
 * and any other character starts the filter; in the filter, ↑/↓ and Enter work the same and Esc
 * clears it and goes back to the list.
 */
export function KeyList({ label, rows, openId, onOpen, letters = {}, listRef, testId, hint, loading = false }: KeyListProps) {
  const { w } = useAdminWords();
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState(0);
  const needle = filter.trim().toLowerCase();
  const shown = needle ? rows.filter((row) => `${row.label.toLowerCase()} ${row.search ?? ''}`.includes(needle)) : rows;
  // The cursor follows the row opened (or saved) from elsewhere, so Enter opens that one again.
  const [followed, setFollowed] = useState(openId);
  const openIndex = shown.findIndex((row) => row.id === openId);
  if (openId !== followed && (openId === null || openIndex >= 0)) {
    setFollowed(openId);
    if (openIndex >= 0) setActive(openIndex);
  }
  const at = Math.min(active, Math.max(0, shown.length - 1));
  const filterId = `${testId}-filter`;

  const move = (event: KeyboardEvent): boolean => {
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };
    if (event.key in steps) setActive(Math.max(0, Math.min(shown.length - 1, at + steps[event.key]!)));
    else if (event.key === 'Home') setActive(0);
    else if (event.key === 'End') setActive(shown.length - 1);
    else if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      const row = shown[at];
      if (row) onOpen(row.id);
    } else return false;
    event.preventDefault();
    return true;
  };
  const onListKey = (event: KeyboardEvent) => {
    if (move(event) || !isLetter(event)) return;
    const act = letters[event.key.toLowerCase()];
    event.preventDefault();
    if (act) return act();
    if (event.key === ' ') return;
    setFilter((f) => f + event.key);
    setActive(0);
    document.getElementById(filterId)?.focus();
  };
  const onFilterKey = (event: KeyboardEvent) => {
    if (move(event)) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      setFilter('');
      listRef.current?.focus();
    }
  };

  return (
    <Stack gap={6}>
      <TextInput
        id={filterId}
        size="xs"
        aria-label={w('list.filter', { label })}
        placeholder={w('list.filter', { label })}
        value={filter}
        onChange={(e) => {
          setFilter(e.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onFilterKey}
        data-testid={filterId}
      />
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
      <ScrollArea.Autosize mah="calc(100vh - 260px)">
        <Stack
          gap={2}
          role="listbox"
          tabIndex={0}
          aria-label={label}
          aria-activedescendant={shown[at] ? `${testId}-row-${at}` : undefined}
          ref={listRef}
          onKeyDown={onListKey}
          data-testid={testId}
          style={{ outlineOffset: 2 }}
        >
          {shown.length === 0 && (
            <Text size="sm" c="dimmed">
              {loading ? w('list.loading') : rows.length === 0 ? w('list.none') : w('list.noMatch')}
            </Text>
          )}
          {shown.map((row, index) => (
            <UnstyledButton
              key={row.id}
              id={`${testId}-row-${index}`}
              role="option"
              aria-selected={index === at}
              aria-current={row.id === openId ? 'true' : undefined}
              tabIndex={-1}
              onClick={() => {
                setActive(index);
                onOpen(row.id);
              }}
              px="xs"
              py={4}
              data-testid={`${testId}-row`}
              style={{
                borderRadius: 4,
                background: index === at ? 'var(--mantine-primary-color-light)' : undefined,
                borderLeft: row.id === openId ? '3px solid var(--mantine-primary-color-filled)' : '3px solid transparent',
              }}
            >
              <Group gap={6} wrap="nowrap">
                <Text size="sm" c={row.dim ? 'dimmed' : undefined} truncate>
                  {row.label}
                </Text>
              </Group>
              {row.detail && (
                <Text size="xs" c="dimmed" truncate>
                  {row.detail}
                </Text>
              )}
            </UnstyledButton>
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Stack>
  );
}
