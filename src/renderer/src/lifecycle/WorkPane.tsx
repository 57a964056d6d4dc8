import { Grid, Paper, Text } from '@mantine/core';
import { memo, type Ref, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOpenTicket } from '../ticket/open-ticket';
import { TicketDetail } from './TicketDetail';
import type { StepHandle } from './use-ticket-step';
import { type WorkListKind, WorkList } from './WorkList';

export interface WorkHandle {
  /** Alt+Enter: the selected ticket's next step (dispatch, record the callback, approve the extension). */
  confirm(): void;
  /** Opens a ticket (e.g. the one just registered at intake) and puts the cursor in the pane. */
  open(ticketId: string | null): void;
}

/**
 * The hotline's side of every work order after intake: what waits for dispatch (with the rule
 * matrix's proposal and its reason), what units returned, which callbacks are due and which
 * extension requests wait — each ticket with its deadline and timeline. Alt+Enter takes the next step.
 */
export const WorkPane = memo(function WorkPane({ handleRef }: { handleRef: Ref<WorkHandle> }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<WorkListKind>('undispatched');
  const [selected, setSelected] = useState<string | null>(null);
  const detail = useRef<StepHandle>(null);
  const openTicket = useOpenTicket();

  useImperativeHandle(handleRef, () => ({
    confirm: () => detail.current?.confirm(),
    open: (id) => {
      if (id) {
        setKind('undispatched');
        setSelected(id);
      }
      // The cursor goes to the opened ticket's row, or to the list; focusing never changes the selection.
      setTimeout(() => {
        const list = document.getElementById('work-list');
        (list?.querySelector<HTMLElement>('[aria-selected="true"]') ?? list)?.focus();
      }, 0);
    },
  }));

  return (
    <Grid data-testid="pane-routing">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <WorkList kind={kind} onKind={setKind} selected={selected} onSelect={setSelected} onOpen={openTicket ?? undefined} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        {selected ? (
          <TicketDetail key={selected} ticketId={selected} handleRef={detail} />
        ) : (
          <Paper withBorder p="md">
            <Text c="dimmed">{t('work.pick')}</Text>
          </Paper>
        )}
      </Grid.Col>
    </Grid>
  );
});
