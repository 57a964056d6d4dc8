/**
 * One Content-Security-Policy for the renderer wherever it runs: the Electron window (as a meta tag,
 * since file: responses carry no headers) and the browser host (as a header).
 */
const directives: [string, string][] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  // Mantine writes its CSS variables into a <style> element at run time.
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self' data:"],
  // 'self' covers the browser host's own WebSocket (ws: on the same host and port).
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
];

const join = (list: [string, string][]) => list.map(([name, value]) => `${name} ${value}`).join('; ');

/** For the HTTP header; adds what only a header may carry. */
export const cspHeader = join([...directives, ['frame-ancestors', "'none'"]]);

/** For `<meta http-equiv>`; browsers ignore frame-ancestors there. */
export const cspMeta = join(directives);
