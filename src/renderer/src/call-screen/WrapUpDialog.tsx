import { useTranslation } from 'react-i18next';
import { numberedItems, PickDialog } from './PickDialog';
import type { WrapUp } from './use-wrap-up';

/** Alt+U: the centre's wrap-up codes, numbered in their order, the cursor on the proposed one. */
export function WrapUpDialog({ wrapUp, opened, onClose }: { wrapUp: WrapUp; opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <PickDialog
      key={opened ? 'open' : 'closed'}
      opened={opened}
      title={t('actions.wrapUp.label')}
      items={numberedItems(wrapUp.choices, en)}
      initial={Math.max(
        0,
        wrapUp.choices.findIndex((c) => c.code === wrapUp.proposed),
      )}
      onPick={(item) => {
        onClose();
        void wrapUp.pick(item.id);
      }}
      onClose={onClose}
      testId="picker-wrapup"
    />
  );
}
