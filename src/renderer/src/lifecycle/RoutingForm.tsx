import { Alert, Badge, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { type Ref, useEffect, useImperativeHandle, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteProposalView } from '../../../shared/contract/tickets';
import type { Ticket } from '../../../shared/domain/ticket';
import { callErrorText } from '../api/use-call';
import { RefSelect } from '../call-screen/RefSelect';
import { offeredWith, refName, useReference } from '../call-screen/use-reference';
import { useWorkstation } from '../shell/api-context';
import { ConfirmHint } from './ConfirmHint';
import { type StepHandle, useTicketStep } from './use-ticket-step';

/**
 * Dispatch of a ticket waiting for it (new or returned): the rule matrix's proposal and its reason as
 * the starting point, more units and the lead unit by choice.
 */
export function RoutingForm({ ticket, handleRef }: { ticket: Ticket; handleRef: Ref<StepHandle> }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { api } = useWorkstation();
  const reference = useReference();
  const run = useTicketStep();
  const [proposal, setProposal] = useState<RouteProposalView | null>(null);
  // The error itself, not its text: a language switch translates it again.
  const [proposalError, setProposalError] = useState<unknown>(null);
  const [units, setUnits] = useState<string[]>([]);
  const [lead, setLead] = useState<string>('');
  const [noUnit, setNoUnit] = useState(false);

  const category = ticket.fields.category;
  useEffect(() => {
    api.tickets.proposeRoute({ id: ticket.id }).then(
      (p) => {
        setProposal(p);
        setProposalError(null);
        setUnits([p.unitCode]);
        setLead(p.unitCode);
      },
      (error: unknown) => {
        setProposal(null);
        setProposalError(error);
      },
    );
  }, [api, ticket.id, category]);

  // Exactly the units and the lead on screen: with none (no proposal yet, or none possible) nothing is sent.
  const confirm = () => {
    if (units.length === 0 || !units.includes(lead)) {
      setNoUnit(true);
      document.getElementById('work-add-unit')?.focus();
      return;
    }
    void run(() => api.tickets.dispatch({ id: ticket.id, unitCodes: units, leadUnitCode: lead }), 'work.dispatched');
  };
  useImperativeHandle(handleRef, () => ({ confirm }));

  const reason = proposal
    ? `${refName(reference, 'district', ticket.fields.districtCode, locale) || '—'} / ${refName(reference, 'street', ticket.fields.streetCode, locale) || '—'} + ${refName(reference, 'category', ticket.fields.category, locale) || t('work.noCategory')} → ${locale === 'en' ? proposal.name.en : proposal.name.zh}（${t(`work.why.${proposal.why}`)}${proposal.rule ? `，${t('work.rule')} ${proposal.rule}` : ''}）`
    : '';

  return (
    <Stack gap="xs" mb="md" data-testid="routing-form" data-step-form>
      {ticket.returnReason && <Alert color="red">{t('work.returnedBecause', { reason: ticket.returnReason })}</Alert>}
      <RefSelect
        id="work-category"
        label={t('intake.category')}
        items={offeredWith(reference.categories, reference.allCategories, ticket.fields.category)}
        value={ticket.fields.category ?? ''}
        onChange={(code) =>
          code &&
          code !== ticket.fields.category &&
          void run(() => api.tickets.update({ id: ticket.id, changes: { category: code } }), 'work.recategorised')
        }
        testId="work-category"
      />
      {proposalError !== null ? (
        <Alert color="orange">{callErrorText(t, proposalError, true)}</Alert>
      ) : (
        <Text size="sm" data-testid="route-reason">
          {reason}
        </Text>
      )}
      <Group gap="xs">
        {units.map((code) => (
          <Badge key={code} variant={code === lead ? 'filled' : 'light'} data-testid="dispatch-unit">
            {code === lead ? `${t('work.lead')} · ` : ''}
            {refName(reference, 'unit', code, locale)}
          </Badge>
        ))}
      </Group>
      <RefSelect
        id="work-add-unit"
        label={t('work.addUnit')}
        items={reference.units}
        value=""
        onChange={(code) => {
          if (!code || units.includes(code)) return;
          setUnits([...units, code]);
          if (units.length === 0) setLead(code);
          setNoUnit(false);
        }}
        error={noUnit ? t('step.noUnit') : undefined}
        testId="work-add-unit"
      />
      {/* There from the first unit on, so the Tab that adds a second one (taken as the field is left) lands on the lead choice. */}
      {units.length > 0 && (
        <SegmentedControl
          size="xs"
          value={lead}
          onChange={setLead}
          data={units.map((code) => ({ value: code, label: refName(reference, 'unit', code, locale) }))}
          aria-label={t('work.lead')}
        />
      )}
      <Group>
        <Button onClick={confirm} disabled={units.length === 0} rightSection={<ConfirmHint />} data-testid="dispatch">
          {t('work.dispatch')}
        </Button>
        {units.length > 1 && (
          <Button
            variant="subtle"
            onClick={() => {
              setUnits(units.slice(0, 1));
              setLead(units[0]!);
            }}
          >
            {t('work.resetUnits')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
