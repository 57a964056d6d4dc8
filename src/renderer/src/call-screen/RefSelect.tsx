import { type ComboboxItem, type OptionsFilter, Select } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rankMatches } from '../../../shared/domain/reference-match';
import type { RefItem } from './use-reference';

export interface RefSelectProps {
  label: string;
  items: RefItem[];
  value: string;
  onChange: (code: string) => void;
  error?: string | undefined;
  testId: string;
  id: string;
  required?: boolean;
  /** Told on leaving the field what was typed when it matched nothing, and null when it did or nothing was typed. */
  onUnmatched?: (typed: string | null) => void;
}

/**
 * A picker for reference data made for typing: Chinese, pinyin or initials filter the list
 * (`cy` → 朝阳区), the best match is highlighted as you type, and Enter or Tab takes it.
 */
export function RefSelect({ label, items, value, onChange, error, testId, id, required, onUnmatched }: RefSelectProps) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const byCode = useMemo(() => new Map(items.map((i) => [i.code, i])), [items]);
  const data = useMemo(() => items.map((i) => ({ value: i.code, label: en ? `${i.en} · ${i.zh}` : i.zh })), [items, en]);
  const filter: OptionsFilter = ({ options, search, limit }) =>
    rankMatches(
      options.filter((o): o is ComboboxItem => 'value' in o),
      search,
      (o) => byCode.get(o.value) ?? { zh: o.label },
      limit,
    );
  // Tab after typing takes the best match, decided here from what was typed — not from whichever
  // option the dropdown had highlighted when the key arrived, which races fast typists.
  const [search, setSearch] = useState('');
  const current = data.find((d) => d.value === value);
  const takeBestMatch = () => {
    if (search.trim() === '' || search === current?.label) return onUnmatched?.(null);
    const best = rankMatches(data, search, (o) => byCode.get(o.value) ?? { zh: o.label }, 1)[0];
    if (best) onChange(best.value);
    onUnmatched?.(best ? null : search.trim());
  };
  return (
    <Select
      id={id}
      label={label}
      description={t('intake.pickHint')}
      data={data}
      value={value || null}
      onChange={(code) => onChange(code ?? '')}
      searchable
      clearable
      selectFirstOptionOnChange
      searchValue={search}
      onSearchChange={setSearch}
      onBlur={takeBestMatch}
      filter={filter}
      limit={30}
      nothingFoundMessage={t('intake.nothingFound')}
      error={error}
      required={required}
      data-testid={testId}
      comboboxProps={{ transitionProps: { duration: 0 } }}
    />
  );
}
