import type { ReferenceEntry } from '../../src/shared/domain/reference';
import type { Envelope } from '../../src/shared/result';
import type { AdminReferenceItem, ReferenceVersion } from '../../src/shared/server-api/reference-admin';
import type { Transport } from '../../src/renderer/src/api/transport';

interface Stored {
  item: AdminReferenceItem;
  versions: ReferenceVersion[];
}

const admin = { username: 'admin.test', displayName: '管理员', role: 'admin', sessionLive: true, locked: false, lockAfterMinutes: 0 };

/**
 * The core's admin calls answered as the central server's routes are specified (versions, refusals
 * as conflict, import checks with line numbers), for the pane's keyboard flow in jsdom. The
 * end-to-end spec runs the same pane against the real server.
 */
export function fakeAdminServer() {
  const store = new Map<string, Stored>();
  const key = (kind: string, code: string) => `${kind}:${code}`;
  const calls: { call: string; input: unknown }[] = [];
  const users = new Map<string, { id: string; username: string; displayName: string; role: string; unitCode: string | null }>();
  const keys = new Map<string, { id: string; name: string; createdAt: string; revokedAt: string | null; apiKey: string }>();
  const ok = <T>(value: T): Envelope<T> => ({ ok: true, value });
  const write = (entry: ReferenceEntry, by: string, action: ReferenceVersion['action']) => {
    const previous = store.get(key(entry.kind, entry.code));
    const version = (previous?.item.version ?? 0) + 1;
    const changedAt = new Date(Date.UTC(2026, 11, 1, 8, version)).toISOString();
    const item = { entry, version, changedBy: by, changedAt };
    store.set(key(entry.kind, entry.code), {
      item,
      versions: [{ version, action, entry, changedBy: by, changedAt }, ...(previous?.versions ?? [])],
    });
    return item;
  };
  const answer = (call: string, input: Record<string, unknown>): Envelope<unknown> => {
    switch (call) {
      case 'auth.current':
        return ok(admin);
      case 'sync.status':
        return ok({ connection: 'online', outboxSize: 0, rejected: 0, lastSyncAt: null, bootstrap: null });
      case 'admin.list':
        return ok({ items: [...store.values()].filter((s) => s.item.entry.kind === input.kind).map((s) => s.item) });
      case 'admin.save': {
        const entry = input.entry as ReferenceEntry;
        const current = store.get(key(entry.kind, entry.code))?.item.version ?? null;
        if (current !== input.expectedVersion)
          return {
            ok: false,
            error: { code: 'conflict', message: `${entry.code} was saved by someone else since version ${String(input.expectedVersion)}.` },
          };
        const action =
          current === null ? 'created' : entry.kind === 'article' && entry.body.status === 'published' ? 'published' : 'changed';
        return ok(write(entry, admin.username, action));
      }
      case 'admin.history':
        return ok({ versions: store.get(key(String(input.kind), String(input.code)))?.versions ?? [] });
      case 'admin.routingPreview':
        return ok({
          leadUnitCode: 'u-chaoyang-water',
          unitCodes: ['u-chaoyang-water', 'u-gas'],
          source: 'rule',
          ruleCode: 'r-water',
          share: null,
        });
      case 'admin.importCsv': {
        const lines = String(input.csv).split('\n').slice(1).filter(Boolean);
        const bad = lines.flatMap((line, i) => (line.includes(',,') ? [{ path: `line ${i + 2}`, message: 'zh: a name is required' }] : []));
        if (bad.length)
          return { ok: false, error: { code: 'invalid_input', message: 'Some rows are not valid; nothing was imported.', issues: bad } };
        return ok({ rows: lines.length, created: lines.length, changed: 0, unchanged: 0, applied: input.apply === true });
      }
      case 'admin.users':
        return ok({ users: [...users.values()] });
      case 'admin.createUser': {
        const { password: _secret, ...fields } = input as {
          username: string;
          displayName: string;
          role: string;
          unitCode: string | null;
          password: string;
        };
        const user = { id: `00000000-0000-4000-8000-00000000000${users.size + 1}`, ...fields };
        users.set(user.id, user);
        return ok(user);
      }
      case 'admin.changeUser': {
        const user = users.get(String(input.id))!;
        const change = input.change as { role?: string; unitCode?: string | null; disabled?: boolean };
        Object.assign(user, {
          ...(change.role ? { role: change.role } : {}),
          ...('unitCode' in change ? { unitCode: change.unitCode } : {}),
        });
        return ok({ user, disabled: change.disabled === true, revoked: change.disabled ? 2 : 0 });
      }
      case 'admin.open311Keys':
        return ok({ keys: [...keys.values()].map(({ apiKey: _shownOnce, ...key }) => key) });
      case 'admin.issueOpen311Key': {
        const id = `key-${keys.size + 1}`;
        const key = {
          id,
          name: String(input.name),
          createdAt: new Date().toISOString(),
          revokedAt: null as string | null,
          apiKey: `o311_${id}_secret`,
        };
        keys.set(id, key);
        return ok({ id, name: key.name, apiKey: key.apiKey });
      }
      case 'admin.revokeOpen311Key': {
        const key = keys.get(String(input.id));
        if (key) key.revokedAt = new Date().toISOString();
        return ok({ revoked: key !== undefined });
      }
      default:
        return { ok: false, error: { code: 'unavailable', message: 'not answered here' } };
    }
  };
  const transport: Transport = {
    invoke: async (call, input) => {
      calls.push({ call, input });
      return structuredClone(answer(call, (input ?? {}) as Record<string, unknown>));
    },
    subscribe: () => () => {},
    linkState: () => 'open',
    onLinkState: () => () => {},
  };
  return {
    transport,
    calls,
    /** Someone else saves an item, as another admin's console would. */
    saveElsewhere: (entry: ReferenceEntry) => write(entry, 'other.admin', 'changed'),
    get: (kind: string, code: string) => store.get(key(kind, code))?.item,
    users,
  };
}
