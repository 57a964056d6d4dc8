import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../api/use-call';
import { useWorkstation } from './api-context';
import { BreakDialog } from './BreakDialog';
import type { BreakReason } from './use-break-reasons';

/**
 * The agent's own state from the keyboard: Alt+B asks why and goes on a break (or comes back),
 * Alt+H raises or lowers a hand for a lead; a lead's Alt+Shift+H answers the hand raised longest ago.
 */
export function useAgentState(): { toggleBreak: () => void; raiseHand: () => void; answerHand: () => void; dialogs: ReactNode } {
  const { t } = useTranslation();
  const { api } = useWorkstation();
  const call = useCall();
  const [asking, setAsking] = useState<BreakReason[] | null>(null);

  const toggleBreak = () => {
    void call(() => api.presence.current({}), { failure: 'takeBreak' }).then((presence) => {
      if (!presence) return;
      if (presence.state === 'break') void call(() => api.presence.set({ state: 'available' }), { failure: 'takeBreak', detail: true });
      // The centre's list as it is now: an administrator may have changed it since the last break.
      else void call(() => api.presence.breakReasons({}), { failure: 'takeBreak' }).then((reasons) => reasons && setAsking(reasons));
    });
  };
  const takeBreak = (reason: string) => {
    void call(() => api.presence.set({ state: 'break', reason }), { failure: 'takeBreak', detail: true });
  };
  const raiseHand = () => {
    void call(() => api.presence.current({}), { failure: 'raiseHand' }).then((presence) => {
      if (presence)
        void call(() => api.presence.raiseHand({ raised: presence.helpSince === null }), { failure: 'raiseHand', detail: true });
    });
  };
  const answerHand = () => {
    void call(() => api.monitor.answerHand({}), {
      failure: 'answerHand',
      detail: true,
      done: (answered) => t('agentState.answered', { name: answered.displayName }),
    });
  };
  return {
    toggleBreak,
    raiseHand,
    answerHand,
    dialogs: <BreakDialog reasons={asking ?? []} opened={asking !== null} onPick={takeBreak} onClose={() => setAsking(null)} />,
  };
}
