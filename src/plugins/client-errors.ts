import type { Socket } from 'node:net';
import { problemCatalogue, problemType, type ProblemCode } from '../errors.js';

/**
 * Node's HTTP parser refuses some requests before any route runs: a request line or headers over
 * the size limit (431), broken framing (400). They get a problem+json answer like every other
 * error, and the connection is closed.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy(error);
    return;
  }
  const code: ProblemCode = error.code === 'HPE_HEADER_OVERFLOW' ? 'headers-too-large' : 'bad-request';
  const { status, title } = problemCatalogue[code];
  const detail =
    code === 'headers-too-large' ? 'The request line or its headers are over the size limit (16 KB); shorten the URL or the headers.' : 'The request could not be parsed as HTTP.';
  const body = JSON.stringify({ type: problemType(code), title, status, detail });
  socket.end(
    `HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
