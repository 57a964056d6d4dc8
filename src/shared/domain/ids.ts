import { v7 } from 'uuid';
import { z } from 'zod';

/** Event and ticket ids are UUIDv7: made on the workstation, time-ordered, the idempotency key. */
export const newId = (): string => v7();

export const idSchema = z.uuid({ version: 'v7', message: 'must be a UUIDv7' });
