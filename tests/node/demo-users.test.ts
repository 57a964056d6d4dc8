import { describe, expect, it } from 'vitest';
import { demoUsers } from '../../src/server/seed/seed';

describe('the demo users', () => {
  it('carry names alone: the status bar adds the role in brackets, so a bracketed role in the name would show twice', () => {
    for (const user of demoUsers) expect(user.displayName, user.username).not.toMatch(/[（(][^）)]*[）)]\s*$/);
    expect(demoUsers.find((u) => u.username === 'lead1')?.displayName).toBe('赵磊');
  });
});
