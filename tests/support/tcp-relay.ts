import net from 'node:net';
import { z } from 'zod';

/**
 * A loopback TCP relay in front of a server: the network between a client and it. `cut()` breaks
 * every connection as a dropped link does; while `silent`, bytes are swallowed both ways and
 * connections stay open, as when a network goes away without a word.
 */
export async function tcpRelay(targetPort: number) {
  const pairs = new Set<{ end(): void }>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    const pair = {
      end() {
        client.destroy();
        upstream.destroy();
        pairs.delete(pair);
      },
    };
    pairs.add(pair);
    const forward = (from: net.Socket, to: net.Socket) => {
      from.on('data', (chunk) => {
        if (!relay.silent) to.write(chunk);
      });
      from.on('close', () => pair.end());
      from.on('error', () => pair.end());
    };
    forward(client, upstream);
    forward(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = z.object({ port: z.number() }).parse(server.address());
  const relay = {
    port,
    silent: false,
    connections: () => pairs.size,
    cut: () => {
      for (const pair of [...pairs]) pair.end();
    },
    close: () =>
      new Promise<void>((resolve) => {
        relay.cut();
        server.close(() => resolve());
      }),
  };
  return relay;
}
