import { v7 } from 'uuid';
import type { User } from '../../shared/server-api/auth';
import type { Queryable } from '../db/database';
import { sql } from '../db/sql';
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

const userColumns = sql`id, username, display_name, role, unit_code, password_hash, disabled`;

const toUser = (row: UserRow): User => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  unitCode: row.unit_code,
});

export async function findUserForLogin(db: Queryable, username: string) {
  const [row] = await db.query<UserRow>(sql`SELECT ${userColumns} FROM users WHERE username = ${username}`);
  return row ? { user: toUser(row), passwordHash: row.password_hash, disabled: row.disabled } : null;
}

export async function createUser(
  db: Queryable,
  input: { username: string; displayName: string; role: User['role']; unitCode: string | null; password: string },
): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  const [row] = await db.query<UserRow>(
    sql`INSERT INTO users (id, username, display_name, role, unit_code, password_hash)
        VALUES (${v7()}, ${input.username}, ${input.displayName}, ${input.role}, ${input.unitCode}, ${passwordHash}) RETURNING ${userColumns}`,
  );
  return toUser(row!);
}

export async function listUsers(db: Queryable): Promise<User[]> {
  const rows = await db.query<UserRow>(sql`SELECT ${userColumns} FROM users ORDER BY username`);
  return rows.map(toUser);
}

/** A user as an administrator sees them: whether they may sign in, too. */
export async function findUserById(db: Queryable, id: string): Promise<{ user: User; disabled: boolean } | null> {
  const [row] = await db.query<UserRow>(sql`SELECT ${userColumns} FROM users WHERE id = ${id} FOR UPDATE`);
  return row ? { user: toUser(row), disabled: row.disabled } : null;
}

export async function updateUser(
  db: Queryable,
  id: string,
  to: { role: User['role']; unitCode: string | null; disabled: boolean },
): Promise<User> {
  const [row] = await db.query<UserRow>(
    sql`UPDATE users SET role = ${to.role}, unit_code = ${to.unitCode}, disabled = ${to.disabled} WHERE id = ${id} RETURNING ${userColumns}`,
  );
  return toUser(row!);
}

/** Whether a user (enabled or not) already has this username. */
export async function usernameTaken(db: Queryable, username: string): Promise<boolean> {
  const rows = await db.query(sql`SELECT 1 FROM users WHERE username = ${username}`);
  return rows.length > 0;
}
