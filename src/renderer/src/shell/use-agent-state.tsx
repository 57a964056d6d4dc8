import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../api/use-call';
import { useWorkstation } from './api-context';
import { BreakDialog } from './BreakDialog';
import { useBreakReasons } from './use-break-reasons';

/**
 * The agent's own state from the keyboard: Alt+B asks why and goes on a break (or comes back),
 * Alt+H raises or lowers a hand for a lead; a lead's Alt+Shift+H answers the hand raised longest ago.
 */
export function useAgentState(): { toggleBreak: () => void; raiseHand: () => void; answerHand: () => void; dialogs: ReactNode } {
  const { t } = useTranslation();
  const { api } = useWorkstation();
  const call = useCall();
  const { reasons } = useBreakReasons();
  const [asking, setAsking] = useState(false);

  const toggleBreak = () => {
    void call(() => api.presence.current({}), { failure: 'takeBreak' }).then((presence) => {
      if (!presence) return;
      if (presence.state === 'break') void call(() => api.presence.set({ state: 'available' }), { failure: 'takeBreak', detail: true });
      else setAsking(true);
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
    dialogs: <BreakDialog reasons={reasons} opened={asking} onPick={takeBreak} onClose={() => setAsking(false)} />,
  };
}
