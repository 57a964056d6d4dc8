import { type Core, databaseFile, ownerOnlyCacheKey } from '../../src/main/core';
import { openDatabase } from '../../src/main/store/database';
import { rememberVerifier } from '../../src/main/store/credential-store';
import type { User } from '../../src/shared/server-api/auth';

/** The agent the tests of a workstation without a server sign in as. */
export const testAgent: User = {
  id: '01900000-0000-7000-8000-00000000a9e1',
  username: 'agent.test',
  displayName: '测试坐席',
  role: 'agent',
  unitCode: null,
};
export const testPassword = 'test-password-1';

/**
 * Signs an agent in as the agent does, through `auth.signIn`. With no server configured, that is
 * the offline sign-in against the verifier the server left on an earlier shift, so the verifier is
 * put in the cache first, as that earlier sign-in would have.
 */
export async function signInHere(core: Core, user: User = testAgent, password = testPassword): Promise<User> {
  if (!core.sync) await rememberVerifier(core.db, user, password, new Date());
  const result = await core.dispatch('auth.signIn', { username: user.username, password });
  if (!result.ok) throw new Error(`auth.signIn as ${user.username}: ${result.error.code} ${result.error.message}`);
  return user;
}

/** For a core in another process: the verifier of an earlier sign-in, put in the cache before it starts. */
export async function rememberedIn(
  dataDir: string,
  user: User = testAgent,
  password = testPassword,
): Promise<{ username: string; password: string }> {
  const db = openDatabase(databaseFile(dataDir), ownerOnlyCacheKey(dataDir));
  try {
    await rememberVerifier(db, user, password, new Date());
  } finally {
    db.close();
  }
  return { username: user.username, password };
}
