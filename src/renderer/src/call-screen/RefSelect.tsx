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
  /** What the form holds as typed-but-unmatched for this field: shown in it, so the agent sees what to fix. */
  unmatched?: string | undefined;
}

/**
 * A picker for reference data made for typing: Chinese, pinyin or initials filter the list
 * (`cy` → 朝阳区), the best match is highlighted as you type, and Enter or Tab takes it.
 */
export function RefSelect({ label, items, value, onChange, error, testId, id, required, onUnmatched, unmatched }: RefSelectProps) {
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
  // Select empties its search on every blur (back to the chosen option's label, or nothing). Text that
  // matched nothing lives in the form instead, shown while the field is left and put back on return:
  // otherwise the next blur would read the emptied search as "cleared" and drop the error.
  const [focused, setFocused] = useState(false);
  const current = data.find((d) => d.value === value);
  const takeBestMatch = () => {
    setFocused(false);
    const typed = search.trim();
    if (typed === '' || search === current?.label) return onUnmatched?.(null);
    const best = rankMatches(data, search, (o) => byCode.get(o.value) ?? { zh: o.label }, 1)[0];
    if (best) onChange(best.value);
    onUnmatched?.(best ? null : typed);
  };
  // Out of the accessibility tree as Mantine has it (the field's own keys clear it); tests press it by its id.
  const clearButtonProps = { 'data-testid': `${testId}-clear`, 'aria-hidden': true };
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
      // Clearing empties the field on purpose, typed text and all.
      onClear={() => onUnmatched?.(null)}
      clearButtonProps={clearButtonProps}
      selectFirstOptionOnChange
      searchValue={!focused && unmatched ? unmatched : search}
      onSearchChange={setSearch}
      onFocus={() => {
        setFocused(true);
        if (unmatched) setSearch(unmatched);
      }}
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
