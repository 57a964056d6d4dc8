import { AppShell, Button, Group, Kbd, NavLink, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { spotlight } from '@mantine/spotlight';
import { useCallback, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { UiSettings } from '../../../shared/contract/settings';
import { type IntakeHandle, IntakePane } from '../call-screen/IntakePane';
import { useCurrentCall } from '../call-screen/use-calls';
import { HistoryPane } from '../history/HistoryPane';
import { type WorkHandle, WorkPane } from '../lifecycle/WorkPane';
import type { StepHandle } from '../lifecycle/use-ticket-step';
import { MonitorPane } from '../monitor/MonitorPane';
import { OpenTicketContext } from '../ticket/open-ticket';
import { TicketPane } from '../ticket/TicketPane';
import { useTicketView } from '../ticket/use-ticket-view';
import { type PaneId, paneIds, paneShownTo } from './panes';
import { type AdminHandle, AdminPane } from '../admin/AdminPane';
import { type ActionHandlers, type ActionId, actions, formatHotkey, hotkeyOf } from './actions';
import { CommandPalette } from './CommandPalette';
import { ShortcutHelp } from './ShortcutHelp';
import { useWorkstation } from './api-context';
import { RejectionsDialog } from './RejectionsDialog';
import { LockScreen } from './LockScreen';
import { SignInDialog } from './SignInDialog';
import { StatusBar } from './StatusBar';
import { useAgentState } from './use-agent-state';
import { useAuth } from './use-auth';
import { useIdleLock } from './use-idle-lock';
import { useSyncStatus } from './use-sync-status';
import { focusStepForm } from '../lifecycle/use-ticket-step';
import { WallScreen } from '../wallboard/WallScreen';
import { useWallMode } from '../wallboard/use-wall-mode';

const paneAction: Record<PaneId, ActionId> = {
  intake: 'goIntake',
  history: 'goHistory',
  routing: 'goRouting',
  monitor: 'goMonitor',
  admin: 'goAdmin',
};

const headerActions: ActionId[] = ['toggleLanguage', 'toggleTheme', 'openPalette'];

export interface AppProps {
  settings: UiSettings;
  updateSettings: (changes: Partial<UiSettings>) => void;
}

/** The workstation shell: panes, palette, hotkeys, help and status bar. */
export function App({ settings, updateSettings }: AppProps) {
  const { t } = useTranslation();
  const [pane, setPane] = useState<PaneId>('intake');
  const [helpOpen, setHelpOpen] = useState(false);
  const [rejectionsOpen, setRejectionsOpen] = useState(false);
  const { api } = useWorkstation();
  const user = useAuth();
  const connection = useSyncStatus()?.connection;
  const signedIn = user?.sessionLive === true;
  // Nobody's session is live: ask at once (shift start, expired session; with no server, against
  // the password kept from an earlier sign-in). Esc puts it off until the agent asks (Alt+I) or a sign-in succeeds.
  const [signInAsked, setSignInAsked] = useState(false);
  const [signInPutOff, setSignInPutOff] = useState(false);
  const signInOpen =
    signInAsked || ((connection === 'signed_out' || (connection === 'not_configured' && user !== undefined && !signedIn)) && !signInPutOff);
  // The core answers nothing about citizens without a live session, so the panes are drawn only for
  // a known user, and drawn afresh each time a session begins: what they read while nobody was
  // signed in was refused. They stay mounted while a session lapses, so what is being typed stays.
  const [sessions, setSessions] = useState({ live: false, count: 0 });
  if (signedIn !== sessions.live) setSessions({ live: signedIn, count: sessions.count + (signedIn ? 1 : 0) });
  const panesKey = `${user?.username ?? ''}:${sessions.count}`;
  const { call, live: callIsLive } = useCurrentCall(signedIn);
  const intake = useRef<IntakeHandle>(null);
  const callBack = useCallback((phone: string) => {
    setPane('intake');
    intake.current?.startWith(phone);
  }, []);
  const search = useRef<HTMLInputElement>(null);
  const work = useRef<WorkHandle>(null);
  // One ticket view over whichever pane the agent opened a ticket from; that pane stays as it was beneath.
  const ticketView = useTicketView(pane);
  const ticketStep = useRef<StepHandle>(null);
  // A ref, not state: the hotkeys are bound once, so they must read the latest value at the time.
  const lastCreated = useRef<string | null>(null);
  const wall = useWallMode();
  const admin = useRef<AdminHandle>(null);
  const isAdmin = user?.role === 'admin';
  // Someone else signed in here: a pane their role does not see is left for the intake.
  if (user && !paneShownTo(pane, user.role)) setPane('intake');
  const agentState = useAgentState();

  // The intake's own hotkeys bring the intake forward first, from whatever pane the agent is on.
  // The pane is rendered at once (flushSync) so the search box has the cursor before the next key
  // arrives: keys typed right after the hotkey must land in it, however fast they come.
  function showSearch() {
    flushSync(() => setPane('history'));
    search.current?.focus();
  }

  function withIntake(run: (handle: IntakeHandle) => void) {
    flushSync(() => setPane('intake'));
    if (intake.current) run(intake.current);
  }
  // A popped call brings the intake forward.
  const [poppedCall, setPoppedCall] = useState<string | null>(null);
  if (callIsLive && call?.state === 'answered' && call.id !== poppedCall) {
    setPoppedCall(call.id);
    setPane('intake');
  }

  const lockScreen = useCallback(() => {
    api.auth.lock().catch(() => undefined); // nobody signed in: nothing to lock
  }, [api]);
  useIdleLock(user?.lockAfterMinutes ?? 0, !!user && !user.locked && !(callIsLive && call?.state === 'answered'), lockScreen);

  const handlers: ActionHandlers = {
    goIntake: () => setPane('intake'),
    goHistory: () => showSearch(),
    // From intake, one key: the ticket just registered, with the proposed unit.
    goRouting: () => {
      setPane('routing');
      work.current?.open(lastCreated.current);
    },
    goMonitor: () => setPane('monitor'),
    goAdmin: () => {
      if (isAdmin) setPane('admin');
    },
    openWallScreen: wall.enter,
    openPalette: () => spotlight.open(),
    openHelp: () => setHelpOpen(true),
    toggleLanguage: () => updateSettings({ locale: settings.locale === 'zh-CN' ? 'en' : 'zh-CN' }),
    toggleTheme: () => updateSettings({ colorScheme: settings.colorScheme === 'light' ? 'dark' : 'light' }),
    signIn: () => setSignInAsked(true),
    signOut: () => void api.auth.signOut(),
    lockScreen,
    toggleBreak: agentState.toggleBreak,
    raiseHand: agentState.raiseHand,
    answerHand: agentState.answerHand,
    openRejections: () => setRejectionsOpen(true),
    submitTicket: () => withIntake((h) => h.submit()),
    newIntake: () => withIntake((h) => h.reset()),
    openDrafts: () => withIntake((h) => h.drafts()),
    followUp: () => withIntake((h) => h.followUp()),
    linkDuplicate: () => withIntake((h) => h.linkDuplicate()),
    quickPhrase: () => withIntake((h) => h.quickPhrase()),
    knowledgeBase: () => withIntake((h) => h.knowledgeBase()),
    acceptSuggestion: () => withIntake((h) => h.acceptSuggestion()),
    takeCallerDetails: () => withIntake((h) => h.takeCallerDetails()),
    wrapUp: () => withIntake((h) => h.wrapUp()),
    // Only the step the agent sees: from another pane the key brings the work pane forward and takes nothing.
    confirmStep: () => {
      if (ticketView.current) return ticketStep.current?.confirm();
      if (pane === 'admin') return admin.current?.save();
      if (pane === 'routing') return work.current?.confirm();
      setPane('routing');
    },
    focusStep: () => {
      // An open ticket view has its own step form; going to another pane would close it.
      if (!ticketView.current) flushSync(() => setPane('routing'));
      focusStepForm();
    },
    goBack: () => ticketView.back(),
    focusSearch: () => showSearch(),
  };
  // Empty ignore list: the shortcuts use modifiers, so they must work while the agent types in a field.
  useHotkeys(
    actions.map((action) => [action.hotkey, handlers[action.id]]),
    [],
  );

  if (user?.locked) return <LockScreen user={user} />;
  // A wall screen in the lead's room: the browser host at /#wallboard shows the wall layout alone.
  if (window.location.hash === '#wallboard') {
    return (
      <>
        {user && <WallScreen key={panesKey} />}
        <SignInDialog
          opened={signInOpen}
          user={user ?? null}
          onClose={() => setSignInPutOff(true)}
          onSignedIn={() => setSignInPutOff(false)}
        />
      </>
    );
  }

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 0 }} footer={{ height: 36 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={1} size="h4">
            {t('app.title')}
          </Title>
          <Group gap="xs">
            {headerActions.map((id) => (
              <Button
                key={id}
                variant="subtle"
                size="compact-sm"
                onClick={handlers[id]}
                rightSection={<Kbd size="xs">{formatHotkey(hotkeyOf(id))}</Kbd>}
              >
                {t(`actions.${id}.label`)}
              </Button>
            ))}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('app.title')}>
        {paneIds
          .filter((id) => paneShownTo(id, user?.role))
          .map((id) => (
            <NavLink
              key={id}
              active={pane === id}
              label={t(`panes.${id}.title`)}
              rightSection={<Kbd size="xs">{formatHotkey(hotkeyOf(paneAction[id]))}</Kbd>}
              onClick={() => setPane(id)}
              aria-current={pane === id ? 'page' : undefined}
            />
          ))}
      </AppShell.Navbar>
      <AppShell.Main>
        {/* Panes stay mounted, so switching away never loses what the agent was typing. The hidden ones
            are memoised (and get stable props): every call event re-renders the shell, and redrawing
            them all was half of a screen-pop's 200 ms on the bench machine. */}
        {user ? (
          <OpenTicketContext.Provider value={ticketView.open} key={panesKey}>
            {ticketView.current && (
              <TicketPane ticketId={ticketView.current} depth={ticketView.depth} onBack={ticketView.back} stepRef={ticketStep} />
            )}
            <div hidden={pane !== 'intake' || ticketView.current !== null}>
              <IntakePane call={call} popOnAnswer={callIsLive} handleRef={intake} onCreated={(id) => (lastCreated.current = id)} />
            </div>
            <div hidden={pane !== 'history' || ticketView.current !== null}>
              <HistoryPane searchRef={search} onCallBack={callBack} />
            </div>
            <div hidden={pane !== 'routing' || ticketView.current !== null}>
              <WorkPane handleRef={work} />
            </div>
            {isAdmin && (
              <div hidden={pane !== 'admin' || ticketView.current !== null}>
                <AdminPane handleRef={admin} active={pane === 'admin' && ticketView.current === null} />
              </div>
            )}
            {pane === 'monitor' && (
              <div hidden={ticketView.current !== null}>
                <MonitorPane />
              </div>
            )}
          </OpenTicketContext.Provider>
        ) : (
          <Text c="dimmed" data-testid="signed-out">
            {t('auth.signInFirst')}
          </Text>
        )}
      </AppShell.Main>
      <AppShell.Footer>
        <StatusBar />
      </AppShell.Footer>
      {wall.open && user && <WallScreen key={panesKey} hint={t('monitor.wall.leave')} />}
      {agentState.dialogs}
      <CommandPalette handlers={handlers} hidden={isAdmin ? [] : ['goAdmin']} />
      <ShortcutHelp opened={helpOpen} onClose={() => setHelpOpen(false)} />
      <RejectionsDialog opened={rejectionsOpen} onClose={() => setRejectionsOpen(false)} />
      <SignInDialog
        opened={signInOpen}
        user={user ?? null}
        onClose={() => {
          setSignInAsked(false);
          setSignInPutOff(true);
        }}
        onSignedIn={() => {
          setSignInAsked(false);
          setSignInPutOff(false);
        }}
      />
    </AppShell>
  );
}
