import { describe, expect, it } from 'vitest';
import { en } from '../../src/renderer/src/i18n/en';
import { zhCN } from '../../src/renderer/src/i18n/zh-CN';
import { demoUsers } from '../../src/server/seed/seed';

describe('the demo users', () => {
  it('carry names alone: the status bar adds the role, so a role in the name would show twice', () => {
    for (const user of demoUsers) {
      for (const roles of [zhCN.auth.roles, en.auth.roles])
        expect(user.displayName, user.username).not.toMatch(new RegExp(`[（(]\\s*${roles[user.role]}\\s*[）)]`, 'i'));
    }
    expect(demoUsers.find((u) => u.username === 'lead1')?.displayName).toBe('赵磊');
  });
});
