/**
 * The peer for measure 7: a CouchDB-protocol server (express-pouchdb, as pouchdb-server runs it)
 * in its own process, keeping its databases in memory (the fastest store it has, no disk at all).
 * Prints `listening <port>` when ready.
 */
import express from 'express';
import expressPouchDb from 'express-pouchdb';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import http from 'pouchdb-adapter-http';
import mapreduce from 'pouchdb-mapreduce';
import replication from 'pouchdb-replication';

const InMemory = PouchDB.plugin(memory).plugin(http).plugin(mapreduce).plugin(replication).defaults({ adapter: 'memory' });
const app = express();
app.use('/', expressPouchDb(InMemory, { mode: 'minimumForPouchDB', inMemoryConfig: true, logPath: '/dev/null' }));
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : ''}`);
});
