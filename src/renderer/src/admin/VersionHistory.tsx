import { Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ReferenceKind } from '../../../shared/domain/reference';
import type { ReferenceVersion } from '../../../shared/server-api/reference-admin';
import { useCall } from '../api/use-call';
import { useWorkstation } from '../shell/api-context';
import { useAdminWords } from './use-admin-words';

/** The fields one version changed from the one before it. */
export function changedFields(version: ReferenceVersion, before: ReferenceVersion | undefined): string[] {
  if (!before) return [];
  const now = version.entry.body as Record<string, unknown>;
  const then = before.entry.body as Record<string, unknown>;
  return [...new Set([...Object.keys(now), ...Object.keys(then)])].filter((key) => JSON.stringify(now[key]) !== JSON.stringify(then[key]));
}

/** Every version of the item, newest first: who did what to it when, and which fields changed. */
export function VersionHistory({ kind, code, version }: { kind: ReferenceKind; code: string; version: number }) {
  const { w, i18n } = useAdminWords();
  const { api } = useWorkstation();
  const call = useCall();
  const [versions, setVersions] = useState<ReferenceVersion[] | null>(null);
  // Read again whenever the item's version moves (a save here or elsewhere).
  useEffect(() => {
    let gone = false;
    void call(() => api.admin.history({ kind, code }), { failure: 'loadAdminHistory', background: true }).then(
      (answer) => !gone && setVersions(answer?.versions ?? null),
    );
    return () => {
      gone = true;
    };
  }, [api, call, kind, code, version]);
  if (!versions) return null;
  const when = (at: string) => new Date(at).toLocaleString(i18n.language);
  return (
    <Stack gap={4} mt="sm">
      <Title order={4} size="h6">
        {w('history.title')}
      </Title>
      {versions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {w('history.none')}
        </Text>
      ) : (
        <Table withTableBorder striped data-testid="admin-history" fz="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{w('history.version')}</Table.Th>
              <Table.Th>{w('history.action')}</Table.Th>
              <Table.Th>{w('history.by')}</Table.Th>
              <Table.Th>{w('history.at')}</Table.Th>
              <Table.Th>{w('history.fields')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.map((v, i) => (
              <Table.Tr key={v.version}>
                <Table.Td>{v.version}</Table.Td>
                <Table.Td>{w(`history.actions.${v.action}`)}</Table.Td>
                <Table.Td>{v.changedBy}</Table.Td>
                <Table.Td>{when(v.changedAt)}</Table.Td>
                <Table.Td>
                  {changedFields(v, versions[i + 1])
                    .map((key) => (i18n.exists(`admin.fields.${key}`) ? w(`fields.${key as 'zh'}`) : key))
                    .join('、')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
