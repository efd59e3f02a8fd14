import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { uuidv7 } from '../../shared/domain/ids';
import {
  PROTOCOL_VERSION,
  pullResponseSchema,
  pushResponseSchema,
  type IncomingChange,
  type Json,
  type OutgoingChange,
} from '../../shared/sync/protocol';

/**
 * One simulated laptop for the load benchmark: a plain HTTP client speaking the shared sync
 * protocol (every answer checked against the shared schemas), holding its cases and the
 * versions it has seen in memory. Not a full core with an encrypted store: a hundred of those,
 * each with its own SQLite file, would measure this machine's two cores, not the service.
 */
export interface LoadStats {
  pushMs: number[];
  pullMs: number[];
  /** Answers with Retry-After that the laptop waited out before asking again. */
  rateLimited: number;
  rateLimitedWaitMs: number;
  /** Anything else that went wrong: other statuses, no answer, an answer not in the protocol's form. */
  errors: Map<string, number>;
  outcomes: Map<string, number>;
  /** Why this laptop's own edits became conflicts, as it heard when pulling. */
  conflictReasons: Map<string, number>;
}

export const newStats = (): LoadStats => ({
  pushMs: [],
  pullMs: [],
  rateLimited: 0,
  rateLimitedWaitMs: 0,
  errors: new Map(),
  outcomes: new Map(),
  conflictReasons: new Map(),
});

const bump = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);

export interface Acknowledged {
  mutationId: string;
  value: Json;
}

interface Rec {
  entity: string;
  id: string;
  caseId: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class SimLaptop {
  /** Cases this laptop's user holds, as the laptop last heard. */
  readonly held = new Set<string>();
  /** Edits the service answered `applied` to: they must all be on the service at the end. */
  readonly acknowledged: Acknowledged[] = [];
  private readonly records = new Map<string, Rec[]>();
  private readonly versions = new Map<string, number>();
  private pending: OutgoingChange[] = [];
  private cursor = 0;
  private tick = 0;
  private made = 0;
  private lastStatus = 0;

  constructor(
    readonly name: string,
    private readonly deviceId: string,
    private readonly url: string,
    private readonly token: string,
    private readonly stats: LoadStats,
    private readonly random: () => number,
  ) {}

  private hlc(): string {
    return `${String(Date.now()).padStart(15, '0')}-${String(this.tick++ % 100000).padStart(5, '0')}-${this.name}`;
  }

  private change(rec: Rec, field: string, value: Json): void {
    const base = this.versions.get(`${rec.entity}/${rec.id}/${field}`) ?? 0;
    this.pending.push({
      mutationId: uuidv7(),
      entity: rec.entity,
      entityId: rec.id,
      caseId: rec.caseId,
      field,
      value,
      baseVersion: base,
      hlc: this.hlc(),
    });
  }

  private remember(rec: Rec): void {
    const list = this.records.get(rec.caseId) ?? [];
    if (!list.some((r) => r.entity === rec.entity && r.id === rec.id)) list.push(rec);
    this.records.set(rec.caseId, list);
  }

  /** A new case as the laptop writes one: its referral (whose id is the case id), the person and a first note. */
  newCase(): void {
    const caseId = uuidv7();
    const n = ++this.made;
    const referral = { entity: 'referral', id: caseId, caseId };
    const person = { entity: 'person', id: uuidv7(), caseId };
    this.held.add(caseId);
    [referral, person].forEach((r) => this.remember(r));
    this.change(person, 'first_name', `Load${n}`);
    this.change(person, 'last_name', `Person ${this.name}`);
    this.change(person, 'date_of_birth', '2012-04-01');
    this.change(referral, 'reference', `LOAD-${this.name}-${n}`);
    this.change(referral, 'person_id', person.id);
    this.change(referral, 'status', 'open');
    this.newNote(caseId);
  }

  private newNote(caseId: string): void {
    const note = { entity: 'note', id: uuidv7(), caseId };
    this.remember(note);
    this.change(note, 'case_id', caseId);
    this.change(note, 'title', `Visit ${this.tick}`);
    this.change(note, 'body', {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: `Load test visit note ${this.tick}: placement review discussed.` }],
        },
      ],
    });
  }

  /** What an advocate does between syncs: a new note, an edited note or a changed status. */
  edit(): void {
    const cases = [...this.held];
    if (!cases.length) return this.newCase();
    for (let i = 0, n = 1 + Math.floor(this.random() * 3); i < n; i++) {
      const caseId = cases[Math.floor(this.random() * cases.length)]!;
      const recs = this.records.get(caseId) ?? [];
      const notes = recs.filter((r) => r.entity === 'note');
      const roll = this.random();
      if (roll < 0.3 || !notes.length) this.newNote(caseId);
      else if (roll < 0.85) {
        const note = notes[Math.floor(this.random() * notes.length)]!;
        this.change(note, 'body', {
          type: 'doc',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: `Edited at ${this.tick} by ${this.name}.` }] },
          ],
        });
      } else {
        const referral = recs.find((r) => r.entity === 'referral');
        if (referral) this.change(referral, 'status', roll < 0.93 ? 'open' : 'allocated');
      }
    }
  }

  /** One POST, with Retry-After obeyed on 429; returns the parsed body, or null after an error. */
  private async post(path: string, body: unknown, latencies: number[]): Promise<unknown> {
    for (;;) {
      const t0 = performance.now();
      let res: Response;
      try {
        res = await fetch(`${this.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
          body: JSON.stringify(body),
        });
      } catch (e) {
        this.lastStatus = 0;
        bump(this.stats.errors, `${path} no answer (${e instanceof Error ? e.message : 'unknown'})`);
        return null;
      }
      this.lastStatus = res.status;
      const text = await res.text();
      if (res.status === 429) {
        const wait = retryAfterMs(res.headers.get('retry-after'));
        this.stats.rateLimited++;
        this.stats.rateLimitedWaitMs += wait;
        await sleep(wait);
        continue;
      }
      const ms = performance.now() - t0;
      if (res.status !== 200) {
        bump(this.stats.errors, `${path} ${res.status} ${errorCode(text)}`);
        return null;
      }
      latencies.push(ms);
      try {
        return JSON.parse(text) as unknown;
      } catch {
        bump(this.stats.errors, `${path} answer not JSON`);
        return null;
      }
    }
  }

  async push(): Promise<void> {
    if (!this.pending.length) return;
    const batch = this.pending.splice(0, 1000);
    const raw = await this.post('/v1/push', { v: PROTOCOL_VERSION, changes: batch }, this.stats.pushMs);
    if (raw === null) {
      // Not acknowledged: sent again next time, as the laptop's outbox would, unless the service
      // refused the request itself (sending it again would be refused again; it is counted).
      if (this.lastStatus === 0 || this.lastStatus >= 500) this.pending.unshift(...batch);
      return;
    }
    const parsed = pushResponseSchema.safeParse(raw);
    if (!parsed.success) return void bump(this.stats.errors, '/v1/push answer not in the protocol');
    const sent = new Map(batch.map((c) => [c.mutationId, c]));
    for (const r of parsed.data.results) {
      bump(this.stats.outcomes, r.outcome);
      const c = sent.get(r.mutationId);
      if (r.outcome === 'applied' && c && !r.duplicate)
        this.acknowledged.push({ mutationId: c.mutationId, value: c.value });
    }
  }

  async pull(): Promise<void> {
    for (let pages = 0; pages < 50; pages++) {
      const raw = await this.post(
        '/v1/pull',
        {
          v: PROTOCOL_VERSION,
          after: this.cursor,
          limit: 1000,
          applied: this.cursor,
          sentAt: new Date().toISOString(),
        },
        this.stats.pullMs,
      );
      if (raw === null) return;
      const parsed = pullResponseSchema.safeParse(raw);
      if (!parsed.success) return void bump(this.stats.errors, '/v1/pull answer not in the protocol');
      for (const c of parsed.data.changes) this.apply(c);
      this.cursor = parsed.data.cursor;
      if (!parsed.data.more) return;
    }
  }

  private apply(c: IncomingChange): void {
    if (c.kind === 'conflict' && c.conflict && c.conflict.edit.deviceId === this.deviceId)
      bump(this.stats.conflictReasons, c.conflict.reason);
    if (c.kind === 'allocated' && c.caseId) this.held.add(c.caseId);
    else if ((c.kind === 'purge' || c.kind === 'erased') && c.caseId) {
      this.held.delete(c.caseId);
      this.records.delete(c.caseId);
      // Edits still waiting for a case that is no longer this user's are left to the service to refuse.
    } else if (c.entity && c.entityId && c.field && c.version !== null && c.caseId && this.held.has(c.caseId)) {
      this.remember({ entity: c.entity, id: c.entityId, caseId: c.caseId });
      const k = `${c.entity}/${c.entityId}/${c.field}`;
      if ((this.versions.get(k) ?? 0) < c.version) this.versions.set(k, c.version);
    }
  }

  /** Edit, push and pull every `everyMs` (jittered so the hundred do not march in step) until `until`. */
  async run(until: number, everyMs: number): Promise<void> {
    await sleep(this.random() * everyMs);
    while (Date.now() < until) {
      const started = Date.now();
      if (this.random() < 0.8) this.edit();
      await this.push();
      await this.pull();
      await sleep(Math.max(0, everyMs * (0.5 + this.random()) - (Date.now() - started)));
    }
  }

  /** What is left to send, then everything to hear, so the check at the end sees a quiet service. */
  async settle(): Promise<void> {
    while (this.pending.length) {
      const before = this.pending.length;
      await this.push();
      if (this.pending.length >= before) break;
    }
    await this.pull();
  }

  get unsent(): number {
    return this.pending.length;
  }
}

/** Retry-After in seconds or as an HTTP date; a missing or unreadable one waits a second. */
export function retryAfterMs(header: string | null): number {
  if (!header) return 1000;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, 120_000);
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, Math.min(at - Date.now(), 120_000)) : 1000;
}

function errorCode(text: string): string {
  try {
    return (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? '';
  } catch {
    return '';
  }
}

export const valuesEqual = (a: unknown, b: unknown): boolean => isDeepStrictEqual(a, b);
