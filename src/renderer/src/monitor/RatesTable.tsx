import { Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NameOf } from './names';
import { periodNames, useRates } from './use-rates';

const pct = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** Response, resolution and satisfaction rates per unit or district, with the counts behind each. */
export function RatesTable({ name }: { name: NameOf }) {
  const { t } = useTranslation();
  const { period, setPeriod, by, setBy, rows, show, exportCsv } = useRates();
  return (
    <Stack gap="xs">
      <Group>
        <SegmentedControl
          value={period}
          onChange={setPeriod}
          data={periodNames.map((p) => ({ value: p, label: t(`monitor.period.${p}`) }))}
        />
        <SegmentedControl
          value={by}
          onChange={setBy}
          data={(['unit', 'district'] as const).map((b) => ({ value: b, label: t(`monitor.rateBy.${b}`) }))}
        />
        <Button onClick={show} data-testid="rates-show">
          {t('monitor.tabs.rates')}
        </Button>
        <Button variant="light" onClick={() => void exportCsv()} data-testid="rates-export">
          {t('monitor.exportCsv')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed" data-testid="rates-definitions">
        {t('monitor.definitions')}
      </Text>
      {rows && (
        <Table striped data-testid="rates">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('monitor.rates.key')}</Table.Th>
              <Table.Th>{t('monitor.rates.response')}</Table.Th>
              <Table.Th>{t('monitor.rates.resolution')}</Table.Th>
              <Table.Th>{t('monitor.rates.satisfaction')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td>{name(r.key)}</Table.Td>
                <Table.Td>
                  {pct(r.responseRate)} ({r.accepted}/{r.dispatched})
                </Table.Td>
                <Table.Td>
                  {pct(r.resolutionRate)} ({r.resolved}/{r.reportedBack})
                </Table.Td>
                <Table.Td>
                  {pct(r.satisfactionRate)} ({r.satisfied}/{r.callbacks})
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
