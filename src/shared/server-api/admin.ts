import { z } from 'zod';
import { plainText } from '../domain/plain-text';

/** An Open311 client an administrator issues a key for (`POST /api/admin/open311-keys`). */
export const newOpen311KeySchema = z.strictObject({ name: plainText(64).min(1) });
