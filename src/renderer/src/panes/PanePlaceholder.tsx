import { Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const paneIds = ['intake', 'history', 'routing', 'monitor'] as const;
export type PaneId = (typeof paneIds)[number];

/** Holds a pane's place in the shell until its feature lands. */
export function PanePlaceholder({ pane }: { pane: PaneId }) {
  const { t } = useTranslation();
  return (
    <Paper p="lg" withBorder data-testid={`pane-${pane}`}>
      <Title order={2} mb="sm">
        {t(`panes.${pane}.title`)}
      </Title>
      <Text>{t(`panes.${pane}.body`)}</Text>
    </Paper>
  );
}
