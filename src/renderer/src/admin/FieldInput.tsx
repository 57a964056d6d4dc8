import { Checkbox, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { RefSelect } from '../call-screen/RefSelect';
import { Markdown } from '../markdown/Markdown';
import type { FieldSpec } from './admin-kinds';
import { useRefChoices } from './use-ref-choices';
import { useAdminWords } from './use-admin-words';

export interface FieldInputProps {
  field: FieldSpec;
  value: string | boolean;
  onChange: (value: string | boolean) => void;
}

const idOf = (key: string) => `admin-field-${key}`;

function RefField({ field, value, onChange }: FieldInputProps & { field: Extract<FieldSpec, { type: 'ref' }> }) {
  const { w } = useAdminWords();
  const choices = useRefChoices(field.ref, field.extra);
  return (
    <RefSelect
      id={idOf(field.key)}
      testId={idOf(field.key)}
      label={w(`fields.${field.key}`)}
      items={choices}
      value={String(value)}
      onChange={onChange}
      required={field.required === true}
    />
  );
}

/** One field of a kind's form, drawn by its type; every one is reached with Tab and typed into. */
export function FieldInput(props: FieldInputProps) {
  const { w } = useAdminWords();
  const { field, value, onChange } = props;
  const label = w(`fields.${field.key}`);
  const common = { id: idOf(field.key), 'data-testid': idOf(field.key), label };
  switch (field.type) {
    case 'ref':
      return <RefField {...props} field={field} />;
    case 'bool':
      return <Checkbox {...common} checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} />;
    case 'choice':
      return (
        <NativeSelect
          {...common}
          value={String(value)}
          onChange={(e) => onChange(e.currentTarget.value)}
          data={[
            ...(field.required ? [] : [{ value: '', label: w('form.none') }]),
            ...field.choices.map((choice) => ({ value: choice, label: w(`choices.${choice as 'draft'}`) })),
          ]}
        />
      );
    case 'markdown':
      return (
        <Stack gap={4}>
          <Textarea
            {...common}
            description={w('form.markdownHint')}
            autosize
            minRows={4}
            maxRows={16}
            value={String(value)}
            onChange={(e) => onChange(e.currentTarget.value)}
            required={field.required === true}
          />
          <Text size="xs" c="dimmed">
            {w('form.preview')}
          </Text>
          <div style={{ border: '1px dashed var(--mantine-color-default-border)', borderRadius: 4, padding: 8 }}>
            <Markdown source={String(value)} testId={`${idOf(field.key)}-preview`} />
          </div>
        </Stack>
      );
    default:
      return (
        <TextInput
          {...common}
          {...(field.type === 'list' ? { description: w('form.listHint') } : {})}
          {...(field.type === 'int' ? { inputMode: 'numeric' as const } : {})}
          value={String(value)}
          onChange={(e) => onChange(e.currentTarget.value)}
          required={field.required === true}
        />
      );
  }
}
