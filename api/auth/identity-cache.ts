/**
 * The accounts, sessions and API tokens requests are signed with, kept between requests so that knowing
 * who asks costs no database round trip. Every change to them empties it: this instance's own
 * writes (the server clears it after each mutation) and, on PostgreSQL, other instances' and the
 * command line's (a trigger notifies `identity_changed`; see the server). While that notification
 * channel is down nothing is served from memory.
 */
export class IdentityCache<U, T, S = unknown> {
  private readonly users = new Map<number, { value: U; at: number }>();
  private readonly tokens = new Map<number, { value: T; at: number }>();
  private readonly sessions = new Map<number, { value: S; at: number }>();
  /** Bumped by every clear: a read begun before a change does not store what it read. */
  private generation = 0;
  private live: boolean;

  constructor(
    /** False until the change notifications are known to arrive (PostgreSQL's listener connected). */
    live: boolean,
    private readonly maxAgeMs = 5 * 60_000,
    private readonly maxEntries = 10_000,
  ) {
    this.live = live;
  }

  user(id: number, load: () => Promise<U>): Promise<U> {
    return this.cached(this.users, id, load);
  }

  token(id: number, load: () => Promise<T>): Promise<T> {
    return this.cached(this.tokens, id, load);
  }

  /** A signed-in session: whether it is open, and when it was last used. */
  session(id: number, load: () => Promise<S>): Promise<S> {
    return this.cached(this.sessions, id, load);
  }

  clear(): void {
    this.generation++;
    this.users.clear();
    this.tokens.clear();
    this.sessions.clear();
  }

  /** The notifications arrive (again): start from empty. */
  connected(): void {
    this.clear();
    this.live = true;
  }

  /** The notifications may be missed: serve nothing from memory until they arrive again. */
  disconnected(): void {
    this.live = false;
    this.clear();
  }

  private async cached<V>(map: Map<number, { value: V; at: number }>, id: number, load: () => Promise<V>): Promise<V> {
    const now = Date.now();
    const hit = this.live ? map.get(id) : undefined;
    if (hit && now - hit.at < this.maxAgeMs) return hit.value;
    const generation = this.generation;
    const value = await load();
    if (this.live && generation === this.generation) {
      if (map.size >= this.maxEntries) map.clear();
      map.set(id, { value, at: now });
    }
    return value;
  }
}
