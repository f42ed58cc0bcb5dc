// Postgres LISTEN on a connection of its own, for caches that other processes must be able to
// invalidate (API keys). While the connection is down nothing is known about what others changed,
// so `listening()` is false and callers must not trust their caches; every (re)connect calls
// `onReset`, since notifications sent while it was down are lost.
//
// A notification reaching the sender back does not mean the others have acted on it: each
// listening backend forwards it to its process when it gets to it, and that process reads its
// socket when its event loop does. So every process acknowledges each notification, once its
// handler has run, on `<channel>_heard` (and acknowledges everything once after each reset, which
// forgets all), and a sender that must know may wait for the acknowledgement of every process
// that listens on the database (`expect`).
import pg from 'pg';

export interface NotificationHandler {
  onMessage(payload: string): void;
  onReset(): void;
}

/** What became of a notification's acknowledgements (see `Subscription.expect`). */
export interface Hearing {
  /**
   * Resolves once every process listening on the database when the notification was sent has
   * acknowledged it, or after `timeoutMs`. The processes that had not by then lose their listening
   * connection (so they stop trusting their caches) and are returned, by backend pid.
   */
  everyone(timeoutMs: number): Promise<number[]>;
  /** Stops waiting (always call it, in a finally). */
  cancel(): void;
}

export interface Subscription {
  /** True while notifications are being received. */
  listening(): boolean;
  /**
   * Starts watching for the acknowledgements of a notification with this payload. Call it before
   * the transaction that sends it commits; payloads sent by concurrent callers must differ.
   */
  expect(payload: string): Hearing;
  close(): Promise<void>;
}

const RECONNECT_MS = 1_000;
/** The listening connections' application_name: how a sender finds every process that listens. */
export const LISTENER_APPLICATION_NAME = 'news-annotations-listen';
/** The acknowledgement of a reset, which counts for every notification sent before it. */
const RESET_ACK = '*';

interface Waiter {
  /** Our own notification has come back: acknowledgements after it are answers to it. */
  armed: boolean;
  acknowledged: Set<number>;
  pending: Set<number> | null;
  done: (() => void) | null;
}

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '')}"`;

export function listenPostgres(connectionString: string, channel: string, handler: NotificationHandler): Subscription {
  const ackChannel = `${channel}_heard`;
  let client: pg.Client | null = null;
  let listening = false;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  const waiters = new Map<string, Waiter>();

  const settle = (waiter: Waiter) => {
    if (waiter.pending && waiter.pending.size === 0) waiter.done?.();
  };

  const onAcknowledgement = (pid: number, payload: string) => {
    for (const [expected, waiter] of waiters) {
      if (!waiter.armed || (payload !== expected && payload !== RESET_ACK)) continue;
      waiter.acknowledged.add(pid);
      waiter.pending?.delete(pid);
      settle(waiter);
    }
  };

  const acknowledge = (current: pg.Client, payload: string) => {
    current.query('SELECT pg_notify($1, $2)', [ackChannel, payload]).catch(() => {});
  };

  const connect = async () => {
    if (closed) return;
    // application_name is set by statement: one in the connection string would win over the option.
    const current = new pg.Client({ connectionString });
    client = current;
    const lost = () => {
      if (client !== current) return;
      listening = false;
      client = null;
      handler.onReset();
      current.end().catch(() => {});
      if (!closed) timer = setTimeout(() => void connect(), RECONNECT_MS).unref();
    };
    current.on('error', lost);
    current.on('end', lost);
    current.on('notification', (message) => {
      const payload = message.payload ?? '';
      if (message.channel === channel) {
        handler.onMessage(payload);
        const waiter = waiters.get(payload);
        if (waiter) waiter.armed = true;
        acknowledge(current, payload);
      } else if (message.channel === ackChannel) {
        onAcknowledgement(message.processId, payload);
      }
    });
    try {
      await current.connect();
      await current.query(`SET application_name = '${LISTENER_APPLICATION_NAME}'`);
      await current.query(`LISTEN ${quoteIdent(channel)}; LISTEN ${quoteIdent(ackChannel)}`);
      if (client !== current) return;
      listening = true;
      handler.onReset();
      acknowledge(current, RESET_ACK);
    } catch {
      lost();
    }
  };
  void connect();

  return {
    listening: () => listening,
    expect(payload) {
      const waiter: Waiter = { armed: false, acknowledged: new Set(), pending: null, done: null };
      waiters.set(payload, waiter);
      return {
        async everyone(timeoutMs) {
          const current = client;
          if (!current || !listening) return [];
          // Listed after the commit: a process that listened before it got the notification, one
          // that began after it acknowledges its reset; either way an acknowledgement comes.
          let listeners: number[];
          try {
            const { rows } = await current.query<{ pid: number }>(
              `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
              [LISTENER_APPLICATION_NAME],
            );
            listeners = rows.map((row) => row.pid);
          } catch {
            // The listening connection failed: this process stops trusting its cache (onReset), and
            // the change itself has committed, so there is nothing left to wait for here.
            return [];
          }
          waiter.pending = new Set(listeners.filter((pid) => !waiter.acknowledged.has(pid)));
          if (waiter.pending.size > 0) {
            let timeout: NodeJS.Timeout | undefined;
            await new Promise<void>((resolve) => {
              waiter.done = resolve;
              timeout = setTimeout(resolve, timeoutMs);
            });
            clearTimeout(timeout);
          }
          const late = [...waiter.pending];
          if (late.length > 0 && client === current) {
            // A process that did not answer may still serve from its cache: cutting its listening
            // connection makes it stop trusting the cache as soon as it notices.
            await current.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [late]).catch(() => {});
          }
          return late;
        },
        cancel() {
          if (waiters.get(payload) === waiter) waiters.delete(payload);
          waiter.done?.();
        },
      };
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      listening = false;
      const current = client;
      client = null;
      for (const waiter of waiters.values()) waiter.done?.();
      await current?.end().catch(() => {});
    },
  };
}

/** One process owns an embedded database (src/db/pglite.ts): there is nobody else to hear from. */
export const singleProcess: Subscription = {
  listening: () => true,
  expect: () => ({ everyone: async () => [], cancel: () => {} }),
  close: async () => {},
};
