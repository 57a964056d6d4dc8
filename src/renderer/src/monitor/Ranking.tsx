import { Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RankedRow, RecurringProblem } from '../../../shared/server-api/monitor';
import type { NameOf } from './names';
import { pct, RateCells, RateHeaders } from './RateCells';
import { recentMonths, useRanking } from './use-ranking';

function RankedTable({ rows, name, testId }: { rows: readonly RankedRow[]; name: NameOf; testId: string }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Text c="dimmed">{t('monitor.noRates')}</Text>;
  return (
    <Table striped data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('monitor.ranking.rank')}</Table.Th>
          <Table.Th>{t('monitor.rates.key')}</Table.Th>
          <Table.Th>{t('monitor.ranking.score')}</Table.Th>
          <RateHeaders />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key} data-key={r.key}>
            <Table.Td>{r.rank ?? '—'}</Table.Td>
            <Table.Td>{name(r.key)}</Table.Td>
            <Table.Td fw={600}>{pct(r.score)}</Table.Td>
            <RateCells row={r} />
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Problems({ problems, name }: { problems: readonly RecurringProblem[]; name: NameOf }) {
  const { t } = useTranslation();
  if (problems.length === 0) return <Text c="dimmed">{t('monitor.ranking.noProblems')}</Text>;
  return (
    <Table striped data-testid="ranking-problems">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('monitor.columns.category')}</Table.Th>
          <Table.Th>{t('monitor.ranking.street')}</Table.Th>
          <Table.Th>{t('monitor.columns.district')}</Table.Th>
          <Table.Th>{t('monitor.ranking.tickets')}</Table.Th>
          <Table.Th>{t('monitor.ranking.weeks')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {problems.map((p) => (
          <Table.Tr key={`${p.category}|${p.streetCode}`}>
            <Table.Td>{name(p.category)}</Table.Td>
            <Table.Td>{name(p.streetCode)}</Table.Td>
            <Table.Td>{name(p.districtCode)}</Table.Td>
            <Table.Td>{p.tickets}</Table.Td>
            <Table.Td>{p.weeks}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The monthly ranking (考核) of units and districts, exportable, and the month's recurring problems. */
export function Ranking({ name }: { name: NameOf }) {
  const { t } = useTranslation();
  const { month, setMonth, ranking, exportCsv } = useRanking();
  return (
    <Stack gap="xs" data-testid="ranking">
      <Title order={4}>{t('monitor.ranking.title')}</Title>
      <Group align="end">
        <Select
          size="xs"
          label={t('monitor.ranking.month')}
          data={recentMonths()}
          value={month}
          onChange={(value) => value && setMonth(value)}
          allowDeselect={false}
          data-testid="ranking-month"
        />
        <Button variant="light" onClick={() => void exportCsv()} data-testid="ranking-export">
          {t('monitor.ranking.export')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {t('monitor.ranking.scoreNote')}
      </Text>
      {!ranking ? (
        <Text c="dimmed">{t('monitor.loading')}</Text>
      ) : (
        <>
          <Text size="sm" fw={600}>
            {t('monitor.ranking.units')}
          </Text>
          <RankedTable rows={ranking.units} name={name} testId="ranking-units" />
          <Text size="sm" fw={600}>
            {t('monitor.ranking.districts')}
          </Text>
          <RankedTable rows={ranking.districts} name={name} testId="ranking-districts" />
          <Text size="sm" fw={600}>
            {t('monitor.ranking.problems')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('monitor.ranking.problemsNote')}
          </Text>
          <Problems problems={ranking.problems} name={name} />
        </>
      )}
    </Stack>
  );
}
