import { Alert, Code, Text } from '@mantine/core';
import { useAdminWords } from './use-admin-words';

/** A token or key the server shows this once: the admin copies it now, nobody can read it again. */
export function SecretOnce({ label, secret }: { label: string; secret: string }) {
  const { w } = useAdminWords();
  return (
    <Alert color="yellow" title={label} data-testid="admin-secret">
      <Code block id="admin-secret-value" data-testid="admin-secret-value" tabIndex={0}>
        {secret}
      </Code>
      <Text size="xs" mt={4}>
        {w('secret.once')}
      </Text>
    </Alert>
  );
}
