import { useCallback, useEffect, useRef, useState } from 'react';
import type { TicketSummary, WorklistFilter, WorklistPage } from '../../../shared/contract/tickets';
import type { WorkListKind } from '../../../shared/domain/work-list';
import { useCall } from '../api/use-call';
import { useLinkState, useWorkstation } from '../shell/api-context';

/** Rows asked of the core at a time: a screen of the list and a few screens around it. */
export const queuePageSize = 100;
/** Changes arrive in bursts while sync pulls: one refresh for each burst, this long after its first change. */
const refreshAfterMs = 200;

export interface QueueWindow {
  /** How many tickets match (all pages); null until the first answer. */
  total: number | null;
  counts: WorklistPage['counts'] | null;
  /** The row at a position, once its page is loaded. */
  row(index: number): TicketSummary | undefined;
  /** The position of a loaded ticket, or -1. */
  indexOf(id: string): number;
  /** The rows in view changed: their pages are loaded (again, when tickets changed since). */
  view(first: number, last: number): void;
}

interface Loaded {
  key: string;
  pages: ReadonlyMap<number, TicketSummary[]>;
  total: number | null;
  counts: WorklistPage['counts'] | null;
}

/**
 * One work list as a scrolling window over the core's queue: only the pages in view are asked for,
 * by position, so a list of 100,000 tickets costs what a screen of it costs. When tickets change,
 * the pages in view are asked again and the rest is asked when scrolled to.
 */
export function useWorkQueue(kind: WorkListKind, filter: WorklistFilter, query: string): QueueWindow {
  const { api, on } = useWorkstation();
  const link = useLinkState();
  const run = useCall();
  const key = JSON.stringify([kind, filter, query]);
  const [loaded, setLoaded] = useState<Loaded>({ key, pages: new Map(), total: null, counts: null });
  const current = useRef(key);
  const inView = useRef<[number, number]>([0, queuePageSize]);
  // The generation each page was last asked at; a change of tickets starts a new generation.
  const asked = useRef(new Map<number, number>());
  const generation = useRef(0);

  const ask = useCallback(
    (page: number) => {
      if (asked.current.get(page) === generation.current) return;
      asked.current.set(page, generation.current);
      const askedFor = key;
      void run(() => api.tickets.worklist({ kind, filter, query, offset: page * queuePageSize, limit: queuePageSize }), {
        failure: 'loadWorkList',
        background: true,
      }).then((answer) => {
        if (!answer) {
          asked.current.delete(page);
          return;
        }
        if (current.current !== askedFor) return;
        setLoaded((before) => {
          const pages = new Map(before.key === askedFor ? before.pages : []);
          pages.set(page, answer.rows);
          return { key: askedFor, pages, total: answer.total, counts: answer.counts };
        });
      });
    },
    [api, run, key, kind, filter, query],
  );

  const askInView = useCallback(() => {
    const [first, last] = inView.current;
    for (let page = Math.floor(first / queuePageSize); page <= Math.floor(Math.max(first, last - 1) / queuePageSize); page++) ask(page);
  }, [ask]);

  useEffect(() => {
    if (link !== 'open') return;
    current.current = key;
    asked.current.clear();
    generation.current++;
    inView.current = [0, queuePageSize];
    askInView();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = on.tickets.changed(() => {
      timer ??= setTimeout(() => {
        timer = undefined;
        generation.current++;
        askInView();
      }, refreshAfterMs);
    });
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [on, link, key, askInView]);

  const view = useCallback(
    (first: number, last: number) => {
      inView.current = [first, last];
      askInView();
    },
    [askInView],
  );

  const pages = loaded.key === key ? loaded.pages : null;
  return {
    total: loaded.key === key ? loaded.total : null,
    counts: loaded.counts,
    row: (index) => pages?.get(Math.floor(index / queuePageSize))?.[index % queuePageSize],
    indexOf: (id) => {
      for (const [page, rows] of pages ?? []) {
        const at = rows.findIndex((r) => r.id === id);
        if (at >= 0) return page * queuePageSize + at;
      }
      return -1;
    },
    view,
  };
}
