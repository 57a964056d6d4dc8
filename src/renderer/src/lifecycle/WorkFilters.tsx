import { Button, Checkbox, Group, SegmentedControl, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorklistFilter } from '../../../shared/contract/tickets';
import type { WorkListKind } from '../../../shared/domain/work-list';
import { RefSelect } from '../call-screen/RefSelect';
import { useReference } from '../call-screen/use-reference';

/** The statuses a list holds, when it holds more than one (extension requests come while the unit works). */
const statusesOf: Partial<Record<WorkListKind, readonly ('accepted' | 'in_progress')[]>> = { extension: ['accepted', 'in_progress'] };

/** Search and filters of a work list: the search is always there, the filters one button away. */
export function WorkFilters({
  kind,
  query,
  onQuery,
  filter,
  onFilter,
}: {
  kind: WorkListKind;
  query: string;
  onQuery: (query: string) => void;
  filter: WorklistFilter;
  onFilter: (filter: WorklistFilter) => void;
}) {
  const { t } = useTranslation();
  const reference = useReference();
  const [open, setOpen] = useState(false);
  const set = (change: Partial<WorklistFilter>) => onFilter({ ...filter, ...change });
  const active = Object.values(filter).filter((v) => v !== undefined).length;
  const statuses = statusesOf[kind];

  return (
    <Stack gap="xs" mb="xs">
      <Group gap="xs" wrap="nowrap" align="flex-end">
        <TextInput
          style={{ flex: 1 }}
          size="xs"
          aria-label={t('queue.search')}
          placeholder={t('queue.search')}
          value={query}
          onChange={(e) => onQuery(e.currentTarget.value)}
          data-testid="work-search"
        />
        <Button
          size="xs"
          variant={active ? 'filled' : 'default'}
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
          data-testid="work-filters-toggle"
        >
          {active ? t('queue.filtersOn', { count: active }) : t('queue.filters')}
        </Button>
      </Group>
      {open && (
        <Stack gap="xs" data-testid="work-filters">
          <SimpleGrid cols={2} spacing="xs">
            <RefSelect
              id="work-filter-category"
              testId="work-filter-category"
              label={t('queue.category')}
              items={reference.allCategories}
              value={filter.category ?? ''}
              onChange={(category) => set({ category: category || undefined })}
            />
            <RefSelect
              id="work-filter-district"
              testId="work-filter-district"
              label={t('queue.district')}
              items={reference.districts}
              value={filter.districtCode ?? ''}
              onChange={(districtCode) => set({ districtCode: districtCode || undefined })}
            />
            <RefSelect
              id="work-filter-unit"
              testId="work-filter-unit"
              label={t('queue.unit')}
              items={reference.allUnits}
              value={filter.unitCode ?? ''}
              onChange={(unitCode) => set({ unitCode: unitCode || undefined })}
            />
            {statuses && (
              <Select
                label={t('queue.status')}
                clearable
                data={statuses.map((s) => ({ value: s, label: t(`ticket.status.${s}`) }))}
                value={filter.status ?? null}
                onChange={(status) => set({ status: statuses.find((s) => s === status) })}
                data-testid="work-filter-status"
              />
            )}
          </SimpleGrid>
          <Group gap="xs" justify="space-between">
            <SegmentedControl
              size="xs"
              aria-label={t('queue.clock')}
              value={filter.clock ?? 'all'}
              onChange={(clock) => set({ clock: clock === 'overdue' || clock === 'at_risk' ? clock : undefined })}
              data={(['all', 'overdue', 'at_risk'] as const).map((c) => ({ value: c, label: t(`queue.clocks.${c}`) }))}
              data-testid="work-filter-clock"
            />
            <Checkbox
              size="xs"
              label={t('queue.mine')}
              checked={filter.mine ?? false}
              onChange={(e) => set({ mine: e.currentTarget.checked || undefined })}
              data-testid="work-filter-mine"
            />
            {active > 0 && (
              <Button size="xs" variant="subtle" onClick={() => onFilter({})}>
                {t('queue.clear')}
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
