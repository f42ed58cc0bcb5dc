import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** How long a connection keeps reading, and dropping, a body it answered early before it closes. */
export const LINGER_MS = 2_000;

/**
 * Lingering close, as nginx and Apache do it. When the service answers before it has read the
 * body (a 413 for a declared length over the limit, a 401 or 415 before parsing), Node closes the
 * connection as soon as the answer is written. Body bytes still arriving then make the kernel
 * reset the connection, and a reset throws away the answer the client has not read yet: a client
 * that sends its whole body before reading (many do) sees EPIPE or ECONNRESET instead of the
 * problem+json. So such a connection sends its FIN, goes on reading (and dropping) for at most
 * `LINGER_MS`, and is destroyed when the client closes its side or when that time is up.
 */
function lingerOnClose(socket: Socket, body: IncomingMessage): void {
  socket.destroySoon = function lingeringDestroySoon(this: Socket) {
    if (this.writable) this.end();
    const timer = setTimeout(() => this.destroy(), LINGER_MS);
    timer.unref();
    this.once('close', () => clearTimeout(timer));
    // Without allowHalfOpen the client's FIN ends it; with it, Node leaves that to us.
    this.once('end', () => this.destroy());
    // Whatever was reading the body has stopped; dropped bytes must still be read off the wire.
    body.unpipe();
    body.removeAllListeners('data');
    body.resume();
    this.resume();
  };
}

export const lingeringClose = fp(
  async (app: FastifyInstance) => {
    // A callback hook, not an async one: it runs on every answer and has nothing to wait for,
    // and an async hook costs a promise and a microtask turn per answer.
    app.addHook('onSend', (request, _reply, _payload, done) => {
      const socket = request.raw.socket as Socket | null;
      if (!request.raw.complete && socket && !socket.destroyed) lingerOnClose(socket, request.raw);
      done();
    });
  },
  { name: 'lingering-close' },
);
