import { v7 } from 'uuid';
import type { User } from '../../shared/server-api/auth';
import type { Queryable } from '../db/database';
import { hashPassword } from './password';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: User['role'];
  unit_code: string | null;
  password_hash: string;
  disabled: boolean;
}

const toUser = (row: UserRow): User => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  unitCode: row.unit_code,
});

export async function findUserForLogin(db: Queryable, username: string) {
  const [row] = await db.query<UserRow>(
    `SELECT id, username, display_name, role, unit_code, password_hash, disabled FROM users WHERE username = $1`,
    [username],
  );
  return row ? { user: toUser(row), passwordHash: row.password_hash, disabled: row.disabled } : null;
}

export async function createUser(
  db: Queryable,
  input: { username: string; displayName: string; role: User['role']; unitCode: string | null; password: string },
): Promise<User> {
  const [row] = await db.query<UserRow>(
    `INSERT INTO users (id, username, display_name, role, unit_code, password_hash)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, username, display_name, role, unit_code, password_hash, disabled`,
    [v7(), input.username, input.displayName, input.role, input.unitCode, await hashPassword(input.password)],
  );
  return toUser(row!);
}

export async function listUsers(db: Queryable): Promise<User[]> {
  const rows = await db.query<UserRow>(
    `SELECT id, username, display_name, role, unit_code, password_hash, disabled FROM users ORDER BY username`,
  );
  return rows.map(toUser);
}

/** A user as an administrator sees them: whether they may sign in, too. */
export async function findUserById(db: Queryable, id: string): Promise<{ user: User; disabled: boolean } | null> {
  const [row] = await db.query<UserRow>(
    `SELECT id, username, display_name, role, unit_code, password_hash, disabled FROM users WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return row ? { user: toUser(row), disabled: row.disabled } : null;
}

export async function updateUser(db: Queryable, id: string, to: { role: User['role']; unitCode: string | null; disabled: boolean }): Promise<User> {
  const [row] = await db.query<UserRow>(
    `UPDATE users SET role = $2, unit_code = $3, disabled = $4 WHERE id = $1
     RETURNING id, username, display_name, role, unit_code, password_hash, disabled`,
    [id, to.role, to.unitCode, to.disabled],
  );
  return toUser(row!);
}
