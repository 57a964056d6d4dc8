import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The moment in the lead's language: the time alone today, the date too before today. */
function moment(iso: string, language: string): string {
  const at = new Date(iso);
  return at.toDateString() === new Date().toDateString()
    ? at.toLocaleTimeString(language, { hour12: false })
    : at.toLocaleString(language, { hour12: false });
}

/** Says the figures below are not live, and since when, while the monitor cannot update them. */
export function StaleFigures({ since }: { since: string | null }) {
  const { t, i18n } = useTranslation();
  if (!since) return null;
  return (
    <Alert color="yellow" py={6} data-testid="monitor-stale">
      {t('monitor.staleSince', { time: moment(since, i18n.language) })}
    </Alert>
  );
}
