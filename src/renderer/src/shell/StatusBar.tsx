import { Badge, Group, Progress, Text } from '@mantine/core';
import { memo, useCallback, useEffect, useState } from 'react';
import type { PresenceView } from '../../../shared/contract/presence';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/contract/sync';
import { useLinkState, useWorkstation } from './api-context';
import { PresenceBadges } from './PresenceBadges';
import { useAuth } from './use-auth';
import { useNotices } from './use-notices';
import { usePushedState } from './use-pushed-state';
import { useSyncStatus } from './use-sync-status';

const connectionColor: Record<SyncStatus['connection'], string> = {
  not_configured: 'gray',
  online: 'green',
  syncing: 'blue',
  unreachable: 'orange',
  signed_out: 'yellow',
};

/** Connection state, outbox size and last sync: what an agent must be able to trust at a glance. */
export const StatusBar = memo(function StatusBar() {
  const { t, i18n } = useTranslation();
  const { api } = useWorkstation();
  const link = useLinkState();
  const status = useSyncStatus();
  const user = useAuth();
  const [code, setCode] = useState<string | null>(null);
  const { on } = useWorkstation();
  // Read again when a session begins: the core answers nobody's presence while nobody is signed in.
  const signedIn = user?.sessionLive === true;
  const loadPresence = useCallback(() => (signedIn ? api.presence.current() : Promise.resolve(null)), [api, signedIn]);
  const presence = usePushedState<PresenceView | null>(loadPresence, on.presence.changed, null);
  // The newest notice in force shows; the others wait behind it until it expires or is withdrawn.
  const [notice, ...older] = useNotices();

  useEffect(() => {
    if (link !== 'open') return;
    api.app.info().then(
      (info) => setCode(info.workstationCode),
      () => setCode(null),
    );
  }, [api, link]);

  const until = (n: { expiresAt: string }) => new Date(n.expiresAt).toLocaleString(i18n.language);
  const lastSync = status?.lastSyncAt ? new Date(status.lastSyncAt).toLocaleString(i18n.language) : t('status.never');

  return (
    <Group h="100%" px="md" gap="lg" justify="space-between" wrap="nowrap" role="status" aria-live="polite">
      <Group gap="lg" wrap="nowrap">
        {link === 'open' ? (
          status && (
            <Badge color={connectionColor[status.connection]} variant="light" data-testid="connection-state">
              {t(`status.connection.${status.connection}`)}
            </Badge>
          )
        ) : (
          <Badge color="red" variant="filled" data-testid="link-state">
            {t(`status.link.${link}`)}
          </Badge>
        )}
        <Text size="sm" data-testid="outbox-size">
          {t('status.outbox', { count: status?.outboxSize ?? 0 })}
        </Text>
        {status && status.rejected > 0 && (
          <Badge color="red" variant="light" data-testid="rejected-count">
            {t('status.rejected', { count: status.rejected })}
          </Badge>
        )}
        {status?.bootstrap && (
          // A new workstation filling its cache: how far it has got, so the agent knows why history is thin.
          <Group gap="xs" wrap="nowrap" data-testid="bootstrap-progress">
            <Text size="sm">
              {t('status.bootstrap', {
                loaded: status.bootstrap.loaded.toLocaleString(i18n.language),
                total: status.bootstrap.total.toLocaleString(i18n.language),
              })}
            </Text>
            <Progress
              w={140}
              value={status.bootstrap.total === 0 ? 0 : (100 * status.bootstrap.loaded) / status.bootstrap.total}
              aria-label={t('status.bootstrapLabel')}
            />
          </Group>
        )}
        <Text size="sm" c="dimmed" data-testid="last-sync">
          {t('status.lastSync', { time: lastSync })}
        </Text>
      </Group>
      {notice && (
        <Group gap={4} wrap="nowrap" style={{ maxWidth: '40%' }}>
          <Badge
            color="grape"
            variant="filled"
            size="lg"
            tt="none"
            data-testid="notice"
            title={t('status.noticeUntil', { time: until(notice) })}
          >
            {t('status.notice', notice)}
          </Badge>
          {older.length > 0 && (
            <Badge
              color="grape"
              variant="light"
              tt="none"
              data-testid="notice-more"
              title={older.map((n) => t('status.notice', n)).join('\n')}
            >
              {t('status.moreNotices', { count: older.length })}
            </Badge>
          )}
        </Group>
      )}
      <Group gap="lg" wrap="nowrap">
        {user && presence && status?.connection !== 'not_configured' && <PresenceBadges presence={presence} />}
        {user && (
          <Text size="sm" data-testid="signed-in-user">
            {t('auth.signedInAs', { name: user.displayName, role: t(`auth.roles.${user.role}`) })}
          </Text>
        )}
        {code && (
          <Text size="sm" c="dimmed">
            {t('status.workstation', { code })}
          </Text>
        )}
      </Group>
    </Group>
  );
});
