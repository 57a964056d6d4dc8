import { useTranslation } from 'react-i18next';
import { numberedItems, PickDialog } from '../call-screen/PickDialog';
import type { BreakReason } from './use-break-reasons';

/** Alt+B: why the agent takes a break, numbered in the centre's order; Enter takes it. */
export function BreakDialog({
  reasons,
  opened,
  onPick,
  onClose,
}: {
  reasons: BreakReason[];
  opened: boolean;
  onPick: (code: string) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <PickDialog
      key={opened ? 'open' : 'closed'}
      opened={opened}
      title={t('agentState.breakTitle')}
      items={numberedItems(reasons, en)}
      onPick={(item) => {
        onClose();
        onPick(item.id);
      }}
      onClose={onClose}
      testId="picker-break"
    />
  );
}
