/**
 * A TCP proxy between the browser host's workstation core and the central server, for E2E tests
 * that take the server away: `POST /down` on the control port closes the listener and every
 * connection (the core then sees exactly what a stopped server looks like: connection refused),
 * `POST /up` listens again. `GET /` answers 200 so Playwright knows it is ready.
 *   PROXY_PORT → SERVER_PORT on 127.0.0.1; CONTROL_PORT for the switch.
 */
import http from 'node:http';
import net from 'node:net';

const proxyPort = Number(process.env.PROXY_PORT);
const serverPort = Number(process.env.SERVER_PORT);
const controlPort = Number(process.env.CONTROL_PORT);

const sockets = new Set<net.Socket>();
let listener: net.Server | null = null;

function up(): Promise<void> {
  if (listener) return Promise.resolve();
  const server = net.createServer((client) => {
    const upstream = net.connect(serverPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {});
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  listener = server;
  return new Promise((resolve) => server.listen(proxyPort, '127.0.0.1', resolve));
}

function down(): Promise<void> {
  const server = listener;
  listener = null;
  for (const socket of sockets) socket.destroy();
  return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
}

await up();
http
  .createServer((request, response) => {
    const action =
      request.method === 'POST' && request.url === '/down'
        ? down()
        : request.method === 'POST' && request.url === '/up'
          ? up()
          : Promise.resolve();
    void action.then(() => response.end(listener ? 'up' : 'down'));
  })
  .listen(controlPort, '127.0.0.1');
console.log(`proxy 127.0.0.1:${proxyPort} → ${serverPort}; control on ${controlPort}`);
