import { Alert, Button, Group, Modal, Table, Text } from '@mantine/core';
import { useDialogProps } from '../shell/dialog-props';
import type { RefObject } from 'react';
import { type CsvTransfer, lineOf } from './use-csv-transfer';
import { useAdminWords } from './use-admin-words';

/** The server's check of a CSV before anything is written: Enter imports it all, Esc leaves it. */
export function ImportDialog({
  transfer,
  fileInput,
}: {
  transfer: Omit<CsvTransfer, 'fileInput'>;
  fileInput: RefObject<HTMLInputElement | null>;
}) {
  const { w } = useAdminWords();
  const dialog = useDialogProps();
  const { check } = transfer;
  return (
    <>
      <input
        ref={fileInput}
        type="file"
        accept=".csv,text/csv"
        hidden
        data-testid="admin-import-file"
        onChange={(e) => {
          transfer.onFile(e.currentTarget.files?.[0]);
          e.currentTarget.value = '';
        }}
      />
      <Modal
        opened={check !== null}
        onClose={transfer.close}
        title={w('import.title', { file: check?.fileName ?? '' })}
        size="lg"
        {...dialog}
      >
        {check?.result ? (
          <>
            <Text data-testid="admin-import-summary">
              {w('import.summary', {
                rows: check.result.rows,
                created: check.result.created,
                changed: check.result.changed,
                unchanged: check.result.unchanged,
              })}
            </Text>
            <Group mt="md">
              <Button data-autofocus onClick={() => void transfer.apply()} loading={check.applying} data-testid="admin-import-apply">
                {w('import.apply')}
              </Button>
              <Button variant="subtle" onClick={transfer.close}>
                {w('form.cancel')}
              </Button>
            </Group>
          </>
        ) : check ? (
          <>
            <Alert color="red" mb="sm">
              {w('import.refused')}
            </Alert>
            {check.issues.length > 0 ? (
              <Table withTableBorder striped data-testid="admin-import-issues">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{w('import.line')}</Table.Th>
                    <Table.Th>{w('import.problem')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {check.issues.map((issue, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{lineOf(issue) ?? '—'}</Table.Td>
                      <Table.Td>
                        {issue.message}
                        {issue.path && lineOf(issue) === null ? ` (${issue.path})` : ''}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : (
              <Text size="sm">{check.message}</Text>
            )}
            <Button mt="md" data-autofocus variant="light" onClick={transfer.close}>
              {w('import.close')}
            </Button>
          </>
        ) : null}
      </Modal>
    </>
  );
}
