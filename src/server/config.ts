import path from 'node:path';
import { z } from 'zod';
import { defaultTimeZone, isTimeZone } from '../shared/domain/working-calendar';

const envSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(12346),
  /** PostgreSQL connection string; without it the server runs on embedded PGlite in DATA_DIR. */
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default(path.join('data', 'server')),
  /** Sessions last one shift by default. */
  SESSION_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  /** Official numbers carry the acceptance date in the centre's time zone. */
  TIMEZONE: z.string().default(defaultTimeZone),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Seed demo users, reference data and tickets into an empty database on start. */
  SEED_DEMO: z.enum(['auto', 'yes', 'no']).default('auto'),
  /** How many tickets the demo seed makes: about half still open, the rest closed history. */
  SEED_TICKETS: z.coerce.number().int().min(0).max(1_000_000).default(12_000),
  /** The share of them already closed; less history starts faster with the same open work (the E2E run). Unset: a real centre's mix. */
  SEED_CLOSED_SHARE: z.coerce.number().min(0).max(0.95).optional(),
  /** `skip`: no category model trained on the seeded history (a run that needs no suggestions starts faster). */
  SEED_MODEL: z.enum(['train', 'skip']).default('train'),
  /** Browser origins allowed to call the API (comma-separated); programs send none and need no entry. */
  ALLOWED_ORIGINS: z.string().default(''),
  /** Public Open311 reads one client address may make in a minute (in a burst, or spread out). */
  OPEN311_READS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120),
  /** Demo handling units that accept and report back on dispatched tickets (off in production). */
  SIMULATE_UNITS: z.enum(['on', 'off']).default('off'),
  SIMULATE_UNITS_ACCEPT_SECONDS: z.coerce.number().min(0).max(86_400).default(120),
  SIMULATE_UNITS_FEEDBACK_SECONDS: z.coerce.number().min(0).max(86_400).default(600),
  /** When the category model retrains each night (HH:MM, centre's time zone), or `off`. */
  TRAIN_AT: z
    .string()
    .regex(/^(off|([01]\d|2[0-3]):[0-5]\d)$/, 'HH:MM (24-hour clock, e.g. 02:30) or off')
    .default('02:30'),
  /** The service level counts calls answered within this many seconds (a caller who hangs up sooner is left out). */
  SERVICE_LEVEL_SECONDS: z.coerce.number().int().min(1).max(3600).default(15),
});

export interface ServerConfig {
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  sessionHours: number;
  timeZone: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  seedDemo: 'auto' | 'yes' | 'no';
  seedTickets: number;
  seedClosedShare: number | undefined;
  seedModel: 'train' | 'skip';
  allowedOrigins: string[];
  open311ReadsPerMinute: number;
  /** Simulated units, or null when off. */
  simulateUnits: { acceptAfterMs: number; feedbackAfterMs: number } | null;
  /** HH:MM of the nightly model training, or null when off. */
  trainAt: string | null;
  serviceLevelSeconds: number;
}

/** Reads the environment, failing with the variable's name on a bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Server configuration is not valid: ${problems}`);
  }
  const e = parsed.data;
  if (!isTimeZone(e.TIMEZONE)) throw new Error(`TIMEZONE "${e.TIMEZONE}" is not a time zone name such as Asia/Shanghai.`);
  return {
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL || undefined,
    dataDir: path.resolve(e.DATA_DIR),
    sessionHours: e.SESSION_HOURS,
    timeZone: e.TIMEZONE,
    logLevel: e.LOG_LEVEL,
    seedDemo: e.SEED_DEMO,
    seedTickets: e.SEED_TICKETS,
    seedClosedShare: e.SEED_CLOSED_SHARE,
    seedModel: e.SEED_MODEL,
    allowedOrigins: e.ALLOWED_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    open311ReadsPerMinute: e.OPEN311_READS_PER_MINUTE,
    simulateUnits:
      e.SIMULATE_UNITS === 'on'
        ? { acceptAfterMs: e.SIMULATE_UNITS_ACCEPT_SECONDS * 1000, feedbackAfterMs: e.SIMULATE_UNITS_FEEDBACK_SECONDS * 1000 }
        : null,
    trainAt: e.TRAIN_AT === 'off' ? null : e.TRAIN_AT,
    serviceLevelSeconds: e.SERVICE_LEVEL_SECONDS,
  };
}
