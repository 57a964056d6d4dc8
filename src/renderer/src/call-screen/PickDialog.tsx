import { Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { type KeyboardEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDialogProps } from '../shell/dialog-props';

export interface PickItem {
  id: string;
  label: string;
  detail?: ReactNode;
  /** Extra text the filter matches besides the label. */
  search?: string;
}

/**
 * A keyboard list: type to filter, ↑/↓ to move, Enter to pick, Esc to cancel. Used for following
 * up a ticket, linking a duplicate and inserting quick phrases, so all three work the same way.
 */
export function PickDialog({
  title,
  items,
  opened,
  onPick,
  onClose,
  testId,
  onFilter,
  initial = 0,
}: {
  title: string;
  items: PickItem[];
  /** The item the cursor starts on (a proposed choice). */
  initial?: number;
  opened: boolean;
  onPick: (item: PickItem) => void;
  onClose: () => void;
  testId: string;
  /** When given, the caller searches (and ranks) for what is typed: the items are shown as they come. */
  onFilter?: (filter: string) => void;
}) {
  const { t } = useTranslation();
  const dialog = useDialogProps();
  // The parent remounts the dialog (key) for each opening, so it starts with an empty filter.
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState(initial);
  const needle = filter.trim().toLowerCase();
  const shown = needle && !onFilter ? items.filter((i) => `${i.label} ${i.search ?? ''}`.toLowerCase().includes(needle)) : items;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (shown.length === 0 ? 0 : (a + step + shown.length) % shown.length));
    } else if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      const item = shown[Math.min(active, shown.length - 1)];
      if (item) onPick(item);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" {...dialog}>
      <TextInput
        data-autofocus
        aria-label={t('picker.filter')}
        placeholder={t('picker.filter')}
        value={filter}
        onChange={(e) => {
          setFilter(e.currentTarget.value);
          setActive(0);
          onFilter?.(e.currentTarget.value);
        }}
        onKeyDown={onKeyDown}
        mb="sm"
      />
      {shown.length === 0 ? (
        <Text c="dimmed">{t('picker.empty')}</Text>
      ) : (
        <Stack gap={4} role="listbox" aria-label={title} data-testid={testId}>
          {shown.map((item, index) => (
            <UnstyledButton
              key={item.id}
              role="option"
              aria-selected={index === active}
              tabIndex={-1}
              onClick={() => onPick(item)}
              p="xs"
              style={{ borderRadius: 4, background: index === active ? 'var(--mantine-primary-color-light)' : undefined }}
            >
              <Text size="sm" fw={500}>
                {item.label}
              </Text>
              {item.detail && (
                // A div: a detail may be blocks of its own (an article's Markdown), which a paragraph cannot hold.
                <Text component="div" size="xs" c="dimmed">
                  {item.detail}
                </Text>
              )}
            </UnstyledButton>
          ))}
        </Stack>
      )}
    </Modal>
  );
}

/** Choices in the centre's order with their names in both languages, labelled `1 用餐`: the digit filters to one. */
export function numberedItems(choices: readonly { code: string; zh: string; en: string }[], en: boolean): PickItem[] {
  return choices.map((c, i) => ({ id: c.code, label: `${i + 1} ${en ? c.en : c.zh}`, search: c.code }));
}
