import { Group, Kbd, Radio, Text } from '@mantine/core';
import { type KeyboardEvent, type Ref, useId, useImperativeHandle, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface ChoiceHandle {
  /** Puts the cursor on the choice (the one made, else the first), e.g. after a step was refused for want of one. */
  focus(): void;
}

/**
 * A choice the agent must make herself: radio buttons with nothing chosen at first, each labelled
 * with the digit that picks it (arrows and Space work too). A step that needs the choice refuses
 * to go on without it, so nothing is ever recorded that the agent did not pick.
 */
export function ChoiceGroup<V extends string>({
  label,
  options,
  value,
  onChange,
  error,
  testId,
  handleRef,
}: {
  label: string;
  options: readonly { value: V; label: string }[];
  value: V | null;
  onChange: (value: V) => void;
  error?: string | null;
  testId: string;
  handleRef: Ref<ChoiceHandle>;
}) {
  const { t } = useTranslation();
  const name = useId();
  const group = useRef<HTMLDivElement>(null);
  const radio = (v: V | null) => group.current?.querySelector<HTMLInputElement>(`input[value="${v ?? options[0]!.value}"]`);
  useImperativeHandle(handleRef, () => ({ focus: () => radio(value)?.focus() }));

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const option = options[Number(event.key) - 1];
    if (!/^[1-9]$/.test(event.key) || !option) return;
    event.preventDefault();
    onChange(option.value);
    radio(option.value)?.focus();
  };

  return (
    <Radio.Group
      ref={group}
      name={name}
      label={label}
      description={t('step.choiceKeys', { last: options.length })}
      value={value}
      onChange={(v) => onChange(v as V)}
      onKeyDown={onKeyDown}
      data-testid={testId}
    >
      <Group gap="md" mt={4}>
        {options.map((option, index) => (
          <Radio
            key={option.value}
            value={option.value}
            data-testid={`${testId}-${option.value}`}
            label={
              <Group gap={4} wrap="nowrap">
                <Kbd size="xs">{index + 1}</Kbd>
                <Text size="sm" span>
                  {option.label}
                </Text>
              </Group>
            }
          />
        ))}
      </Group>
      {error && (
        <Text size="sm" c="red" role="alert" mt={4} data-testid={`${testId}-missing`}>
          {error}
        </Text>
      )}
    </Radio.Group>
  );
}
