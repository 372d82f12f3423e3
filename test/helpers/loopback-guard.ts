import { Socket } from 'node:net';

/**
 * Fails any test that opens a TCP connection to a non-loopback address: network traffic in
 * tests goes only to 127.0.0.1 / ::1.
 */
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost|::ffff:127\.\d+\.\d+\.\d+)$/;
const original = Socket.prototype.connect;

function hostOf(args: unknown[]): string | undefined {
  const first = args[0];
  if (Array.isArray(first)) return hostOf(first);
  if (typeof first === 'object' && first !== null) {
    const o = first as { host?: string; path?: string };
    if (o.path) return undefined; // unix socket
    return o.host ?? 'localhost';
  }
  if (typeof first === 'number') return typeof args[1] === 'string' ? args[1] : 'localhost';
  return undefined;
}

Socket.prototype.connect = function guardedConnect(this: Socket, ...args: unknown[]) {
  const host = hostOf(args);
  if (host !== undefined && !LOOPBACK.test(host)) {
    throw new Error(`test tried to connect to non-loopback host ${host}`);
  }
  return (original as (...a: unknown[]) => Socket).apply(this, args);
} as typeof Socket.prototype.connect;
