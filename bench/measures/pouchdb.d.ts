// The few parts of PouchDB and express-pouchdb the peer measure uses (their @types packages pull
// in global declarations that break this project's Node types).
declare module 'pouchdb-core' {
  interface PouchDatabase {
    bulkDocs(docs: object[]): Promise<unknown[]>;
    replicate: { to(target: string, options?: { batch_size?: number }): Promise<{ ok: boolean; docs_written: number }> };
    destroy(): Promise<void>;
  }
  interface PouchConstructor {
    new (name: string, options?: { adapter?: string }): PouchDatabase;
    plugin(plugin: unknown): PouchConstructor;
    defaults(options: { adapter: string }): PouchConstructor;
  }
  const PouchDB: PouchConstructor;
  export default PouchDB;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-mapreduce' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
declare module 'express-pouchdb' {
  import type { RequestHandler } from 'express';
  export default function expressPouchDb(
    pouch: unknown,
    options: { mode: string; inMemoryConfig: boolean; logPath: string },
  ): RequestHandler;
}
