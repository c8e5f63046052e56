import { AsyncLocalStorage } from 'node:async_hooks';
import { systemParameters } from '../../drizzle/schema';
import { config } from '../config';
import type { Db } from '../db';
import { PARAMETERS, type ParameterKey } from './registry';

// How a changed figure reaches every rule at once without changing how rules read it: each
// request runs with its server's overrides in scope, and the `config` fields of the parameters
// answer the override in scope, else their default (the environment's). Outside a request (the
// seed, the command line) the defaults apply.

export type Overrides = ReadonlyMap<string, number>;

const scope = new AsyncLocalStorage<Overrides>();

/** The environment's value of each parameter, as the server started with it (tests may set it). */
const defaults = new Map<ParameterKey, number>();
/** How many times a default was set after start (tests): part of `parametersKey`, so kept SQL follows. */
let defaultsSet = 0;

for (const [key, p] of Object.entries(PARAMETERS) as [ParameterKey, (typeof PARAMETERS)[ParameterKey]][]) {
  defaults.set(key, config[p.configKey]);
  Object.defineProperty(config, p.configKey, {
    enumerable: true,
    configurable: true,
    get: () => scope.getStore()?.get(key) ?? defaults.get(key),
    set: (value: number) => {
      defaults.set(key, value);
      defaultsSet++;
    },
  });
}

/** A parameter's default: what applies when no override is stored. */
export const parameterDefault = (key: ParameterKey): number => defaults.get(key)!;

/** Runs `fn` with these overrides in force (the request's, or a job's). */
export function withParameters<T>(overrides: Overrides, fn: () => T): T {
  return scope.run(overrides, fn);
}

/**
 * Names the overrides in force: SQL compiled once and kept (a query document's select list binds
 * the figures it reads) is kept per these, so a changed figure is never served from an old one.
 */
export function parametersKey(): string {
  const overrides = scope.getStore();
  const set = overrides?.size ? [...overrides].map(([k, v]) => `${k}=${v}`).join(',') : '';
  return defaultsSet ? `${defaultsSet}:${set}` : set;
}

/** The overrides in force now (to carry them into work that outlives the request). */
export const currentOverrides = (): Overrides => scope.getStore() ?? new Map();

/**
 * One server's copy of the stored overrides, read again after any change: this instance's own
 * writes clear it before their answer leaves, other instances' reach it as a database notice. While
 * the notices may be missed (PostgreSQL's listener not connected) every request reads them afresh.
 */
const RETRY_AFTER_FAILURE_MS = 5000;

export class ParameterCache {
  private value: Overrides | undefined;
  private at = 0;
  private generation = 0;
  private live: boolean;
  /** The last overrides read, and when a read last failed: while the database is away, those serve. */
  private last: Overrides = new Map();
  private failedAt = 0;

  constructor(
    private readonly db: Db,
    live: boolean,
    private readonly maxAgeMs = 5 * 60_000,
  ) {
    this.live = live;
  }

  async current(): Promise<Overrides> {
    const now = Date.now();
    if (this.live && this.value && now - this.at < this.maxAgeMs) return this.value;
    const generation = this.generation;
    // In key order: the overrides name the kept compiled reads (parametersKey), the same each time.
    const rows = await this.db.select({ key: systemParameters.key, value: systemParameters.value }).from(systemParameters).orderBy(systemParameters.key);
    const value = new Map(rows.map((r) => [r.key, r.value]));
    if (this.live && generation === this.generation) {
      this.value = value;
      this.at = now;
    }
    return value;
  }

  /**
   * The overrides, or while the database does not answer the last ones read: the request goes on
   * and meets the outage where it reads its own data. A failed read is not tried again for a few
   * seconds, so each request of an outage waits for the database once, not twice.
   */
  async safe(): Promise<Overrides> {
    if (Date.now() - this.failedAt < RETRY_AFTER_FAILURE_MS) return this.last;
    try {
      this.last = await this.current();
      return this.last;
    } catch {
      this.failedAt = Date.now();
      return this.last;
    }
  }

  clear(): void {
    this.generation++;
    this.value = undefined;
  }

  connected(): void {
    this.clear();
    this.live = true;
  }

  disconnected(): void {
    this.live = false;
    this.clear();
  }
}
