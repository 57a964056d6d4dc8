/**
 * `npm run simulate-calls -- [--server URL] [--agents agent1,agent2] [--calls N] [--interval S]
 * [--speed X] [--seed N] [--admin NAME --password PW]`: realistic calls for demos and tests.
 */
import { parseArgs } from 'node:util';
import { demoPassword } from '../seed/demo-password';
import { issueSimulatorToken, knownCallerNumbers, simulateCalls } from './call-simulator';

const { values } = parseArgs({
  options: {
    server: { type: 'string', default: process.env.HOTLINE_SERVER_URL ?? 'http://127.0.0.1:12346/' },
    agents: { type: 'string', default: 'agent1,agent2,agent3' },
    calls: { type: 'string', default: '20' },
    interval: { type: 'string', default: '15' },
    speed: { type: 'string', default: '1' },
    seed: { type: 'string', default: String(Date.now() % 100000) },
    admin: { type: 'string', default: 'admin' },
    password: { type: 'string', default: demoPassword },
  },
});
const number = (name: keyof typeof values, min: number) => {
  const value = Number(values[name]);
  if (!Number.isFinite(value) || value < min) {
    console.error(`--${name} must be a number of at least ${min}`);
    process.exit(2);
  }
  return value;
};

const { token, authorization } = await issueSimulatorToken(values.server, values.admin, values.password);
const result = await simulateCalls({
  serverUrl: values.server,
  token,
  agents: values.agents
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean),
  calls: number('calls', 1),
  intervalSeconds: number('interval', 0),
  speed: number('speed', 0.01),
  seed: number('seed', 0),
  knownCallers: await knownCallerNumbers(values.server, authorization),
  log: (line) => console.log(`${new Date().toISOString()} ${line}`),
});
console.log(`Done: ${result.answered} answered, ${result.abandoned} abandoned.`);
