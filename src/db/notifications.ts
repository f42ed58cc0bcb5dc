// Postgres LISTEN on a connection of its own, for caches that other processes must be able to
// invalidate (API keys). While the connection is down nothing is known about what others changed,
// so `listening()` is false and callers must not trust their caches; every (re)connect calls
// `onReset`, since notifications sent while it was down are lost.
import pg from 'pg';

export interface NotificationHandler {
  onMessage(payload: string): void;
  onReset(): void;
}

export interface Subscription {
  /** True while notifications are being received. */
  listening(): boolean;
  close(): Promise<void>;
}

const RECONNECT_MS = 1_000;

export function listenPostgres(connectionString: string, channel: string, handler: NotificationHandler): Subscription {
  let client: pg.Client | null = null;
  let listening = false;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;

  const connect = async () => {
    if (closed) return;
    const current = new pg.Client({ connectionString, application_name: 'news-annotations-listen' });
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
      if (message.channel === channel) handler.onMessage(message.payload ?? '');
    });
    try {
      await current.connect();
      await current.query(`LISTEN "${channel.replace(/"/g, '')}"`);
      if (client !== current) return;
      listening = true;
      handler.onReset();
    } catch {
      lost();
    }
  };
  void connect();
  return {
    listening: () => listening,
    async close() {
      closed = true;
      clearTimeout(timer);
      listening = false;
      const current = client;
      client = null;
      await current?.end().catch(() => {});
    },
  };
}

/** One process owns an embedded database (src/db/pglite.ts): there is nobody else to hear from. */
export const singleProcess: Subscription = { listening: () => true, close: async () => {} };
