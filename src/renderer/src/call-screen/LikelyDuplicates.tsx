import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { HotkeyHint } from './HotkeyHint';
import { ticketNumber } from './TicketList';
import type { Similar } from './use-duplicates';

/** Beside the caller: open tickets that may be the same matter, most similar first. */
export function LikelyDuplicates({ similar }: { similar: Similar[] }) {
  const { t } = useTranslation();
  if (similar.length === 0) return null;
  return (
    <Paper withBorder p="sm" data-testid="likely-duplicates">
      <Group gap="xs" mb="xs">
        <Title order={3} size="h6">
          {t('duplicates.title')}
        </Title>
        <HotkeyHint id="linkDuplicate" />
      </Group>
      <Stack gap={4}>
        {similar.map((s) => (
          <Group key={s.ticket.id} gap="xs" wrap="nowrap">
            <Badge variant="light">{Math.round(s.similarity * 100)}%</Badge>
            <Text size="sm" ff="monospace">
              {ticketNumber(s.ticket)}
            </Text>
            <Text size="sm" lineClamp={1}>
              {s.ticket.description}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
