import { Button, Group, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NameOf } from './names';
import { Ranking } from './Ranking';
import { RateCells, RateHeaders } from './RateCells';
import { RatesChart } from './RatesChart';
import { type Period, periodNames, useRates } from './use-rates';

/** The five rates per unit or district for a period, read as the tab opens; a ranked chart; the month's ranking. */
export function RatesTable({ name }: { name: NameOf }) {
  const { t } = useTranslation();
  const { period, setPeriod, custom, setCustom, by, setBy, answer, exportCsv } = useRates();
  const label: NameOf = (code) => (code === 'unknown' ? t('monitor.noDistrict') : name(code));
  return (
    <Stack gap="xs">
      <Group align="end">
        <SegmentedControl
          value={period}
          onChange={(value) => setPeriod(value as Period)}
          data={periodNames.map((p) => ({ value: p, label: t(`monitor.period.${p}`) }))}
          data-testid="rates-period"
        />
        {period === 'custom' && (
          <>
            <TextInput
              type="date"
              size="xs"
              label={t('monitor.periodFrom')}
              value={custom.from}
              onChange={(e) => setCustom({ ...custom, from: e.currentTarget.value })}
              data-testid="rates-from"
            />
            <TextInput
              type="date"
              size="xs"
              label={t('monitor.periodTo')}
              value={custom.to}
              onChange={(e) => setCustom({ ...custom, to: e.currentTarget.value })}
              data-testid="rates-to"
            />
          </>
        )}
        <SegmentedControl
          value={by}
          onChange={(value) => setBy(value as typeof by)}
          data={(['unit', 'district'] as const).map((b) => ({ value: b, label: t(`monitor.rateBy.${b}`) }))}
          data-testid="rates-by"
        />
        <Button variant="light" onClick={() => void exportCsv()} data-testid="rates-export">
          {t('monitor.exportCsv')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed" data-testid="rates-definitions" style={{ whiteSpace: 'pre-line' }}>
        {t('monitor.definitions')}
      </Text>
      {!answer ? (
        <Text c="dimmed">{t('monitor.loading')}</Text>
      ) : (
        <>
          <Table striped data-testid="rates" data-from={answer.from} data-to={answer.to} data-by={answer.by}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('monitor.rates.key')}</Table.Th>
                <RateHeaders />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {answer.rows.map((r) => (
                <Table.Tr key={r.key} data-key={r.key}>
                  <Table.Td>{label(r.key)}</Table.Td>
                  <RateCells row={r} />
                </Table.Tr>
              ))}
              <Table.Tr data-key="total" fw={600}>
                <Table.Td>{t('monitor.rates.total')}</Table.Td>
                <RateCells row={answer.total} />
              </Table.Tr>
            </Table.Tbody>
          </Table>
          <RatesChart rows={answer.rows} name={label} />
        </>
      )}
      <Ranking name={label} />
    </Stack>
  );
}
