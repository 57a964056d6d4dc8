import type { ServerConfig } from '../config';
import type { Database } from '../db/database';
import type { LiveHub } from '../live/live-hub';
import type { PublicAnswerCache } from '../open311/answer-cache';
import type { Metrics } from '../plugins/metrics';

/** What route plugins are given: passed in, so tests build servers side by side. */
export interface RouteContext {
  db: Database;
  config: ServerConfig;
  metrics: Metrics;
  live: LiveHub;
  /** This server's computed public Open311 answers: one per server, never shared with another. */
  publicAnswers: PublicAnswerCache;
}
