// The load test through Discord: its plan, its judgement of each interaction, and a small run of the real bot over
// the seed corpus (in-process, so the file stays fast) in which every interaction must be answered in time.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  DEADLINE_MS,
  judge,
  materialFrom,
  MIX,
  parseLoadArgs,
  planLoad,
  runLoad,
  type InteractionKind,
  type Tracked,
} from '../../bench/load-discord.js';
import type { RecordedRequest } from '../helpers/fake-discord.js';
import { makeArticle } from '../helpers/articles.js';

const fixture = [
  makeArticle({
    id: '2023-05-02-dam.md',
    title: 'Valley dam spillway opened',
    date: '2023-05-02',
    body: 'Engineers opened the spillway of the valley dam on Tuesday. Water minister Petra Holm said the reservoir was full.\n\n"We had no choice," said Petra Holm. Farmers downstream moved their cattle, according to Jonas Berg of the farmers union.',
  }),
  makeArticle({
    id: '2023-06-11-dam-inquiry.md',
    title: 'Inquiry into the dam release',
    date: '2023-06-11',
    body: 'An inquiry into the dam release began in June. Jonas Berg told the inquiry that warnings came late.',
  }),
];

describe('planLoad', () => {
  const material = materialFrom(fixture);
  const options = { interactions: 200, users: 20, durationMs: 5_000, seed: 3 };

  it('is the same plan for the same seed, and another for another seed', () => {
    expect(planLoad(options, material)).toEqual(planLoad(options, material));
    expect(planLoad({ ...options, seed: 4 }, material)).not.toEqual(planLoad(options, material));
  });

  it('spreads the interactions in order over the duration, an equal share per user', () => {
    const plan = planLoad(options, material);
    expect(plan).toHaveLength(200);
    const times = plan.map((p) => p.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...times)).toBeLessThan(5_000);
    const perUser = new Map<number, number>();
    for (const p of plan) perUser.set(p.user, (perUser.get(p.user) ?? 0) + 1);
    expect([...perUser.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(new Set(perUser.values())).toEqual(new Set([10]));
  });

  it('sends every kind of the mix, with options drawn from the corpus', () => {
    const plan = planLoad({ ...options, interactions: 500 }, material);
    expect(new Set(plan.map((p) => p.kind))).toEqual(new Set(Object.keys(MIX) as InteractionKind[]));
    const asks = plan.filter((p) => p.kind === 'ask').map((p) => p.options.question!);
    expect(new Set(asks).size).toBeGreaterThan(20);
    for (const q of asks) expect(q.length).toBeLessThanOrEqual(300);
    const names = plan.filter((p) => p.kind === 'who-name').map((p) => p.options.name);
    expect(names.every((n) => material.names.includes(n!))).toBe(true);
    expect(material.names).toEqual(expect.arrayContaining(['Petra Holm', 'Jonas Berg']));
    const ranges = plan.filter((p) => p.options.from);
    expect(ranges.length).toBeGreaterThan(0);
    for (const p of ranges) expect(['2023-05', '2023-06']).toEqual(expect.arrayContaining([p.options.from, p.options.to]));
    const typed = plan.filter((p) => p.focused).map((p) => p.focused!);
    expect(typed.length).toBeGreaterThan(0);
    for (const f of typed) expect(['name', 'person', 'speaker']).toContain(f.name);
  });

  it('names the bad input when asked for no interactions or no users', () => {
    expect(() => planLoad({ ...options, interactions: 0 }, material)).toThrow(/interactions ≥ 1.*got 0/);
    expect(() => planLoad({ ...options, users: 0 }, material)).toThrow(/users ≥ 1.*got 200, 0/);
  });
});

describe('judge', () => {
  const request = (route: string, at: number, body: unknown, status = 204, method = 'POST'): RecordedRequest => ({
    method,
    path: '',
    route,
    params: {},
    query: new URLSearchParams(),
    body,
    status,
    at,
  });
  const callback = (at: number, body: unknown, status = 204) => request('POST /interactions/{interaction_id}/{interaction_token}/callback', at, body, status);
  const edit = (at: number, content?: string) =>
    request('PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original', at, { content, embeds: [] }, 200, 'PATCH');
  const tracked = (cb: RecordedRequest | null, final: RecordedRequest | null = null): Tracked => ({
    planned: { kind: 'ask' },
    sent: { dispatchedAt: 1_000 },
    sendLagMs: 0,
    callback: cb,
    final,
  });

  it('times a deferred answer from the deferral and from its edit', () => {
    const r = judge(tracked(callback(1_040, { type: 5 }), edit(1_300)));
    expect(r).toMatchObject({ outcome: 'answer', firstMs: 40, finalMs: 300, callbackType: 5 });
  });

  it('counts a deferral whose answer never came as unfinished, and no callback as unanswered', () => {
    expect(judge(tracked(callback(1_040, { type: 5 }))).outcome).toBe('unfinished');
    expect(judge(tracked(null)).outcome).toBe('unanswered');
  });

  it('counts a callback past the deadline, or refused by Discord, as late', () => {
    expect(judge(tracked(callback(1_000 + DEADLINE_MS + 1, { type: 8, data: { choices: [] } }))).outcome).toBe('late');
    expect(judge(tracked(callback(2_000, { type: 5 }, 404))).outcome).toBe('late');
    expect(judge(tracked(callback(1_000 + DEADLINE_MS, { type: 8, data: { choices: [] } }))).outcome).toBe('answer');
  });

  it('tells the cooldown notice and the error notice from an answer', () => {
    const notice = (content: string) => callback(1_010, { type: 4, data: { content, flags: 64 } });
    expect(judge(tracked(notice("You're asking quickly: try again in 7 s."))).outcome).toBe('cooldown');
    expect(judge(tracked(callback(1_010, { type: 5 }), edit(1_500, 'Sorry, something went wrong while answering.'))).outcome).toBe('error-reply');
  });
});

describe('parseLoadArgs', () => {
  it('reads every option', () => {
    const { options, json } = parseLoadArgs(['--interactions', '40', '--users', '5', '--seconds', '1.5', '--cooldown', '10/5', '--in-process', '--json']);
    expect(json).toBe(true);
    expect(options).toMatchObject({ interactions: 40, users: 5, durationMs: 1_500, cooldown: { windowSeconds: 10, burst: 5 }, bot: 'in-process' });
  });

  it('names a bad value or an unknown option', () => {
    expect(() => parseLoadArgs(['--users', 'many'])).toThrow('load: --users takes a number ≥ 1; got many');
    expect(() => parseLoadArgs(['--cooldown', 'soon'])).toThrow('--cooldown takes SECONDS or SECONDS/BURST, e.g. 10/5; got soon');
    expect(() => parseLoadArgs(['--fast'])).toThrow('load: unknown option --fast');
  });
});

describe('runLoad (smoke: the real bot on the seed corpus)', () => {
  it('answers 40 interactions from 5 users over 1 s, every one within the deadline', async () => {
    const f = await runLoad({
      interactions: 40,
      users: 5,
      durationMs: 1_000,
      bot: 'in-process',
      corpusDir: fileURLToPath(new URL('../../corpus/', import.meta.url)),
      settleMs: 5_000,
      timeoutMs: 15_000,
    });
    expect(f.errors.samples).toEqual([]);
    expect(f).toMatchObject({ sent: 40, answered: 40, late: 0, unanswered: 0, unfinished: 0, cooldown: 0, ok: true });
    expect(f.errors.total).toBe(0);
    expect(f.errors.invalidBodies).toBe(0);
    expect(f.firstResponse!.n).toBe(40);
    expect(f.firstResponse!.max).toBeLessThanOrEqual(DEADLINE_MS);
    expect(f.finalAnswer!.n).toBe(40);
    expect(f.finalAnswer!.p50).toBeGreaterThanOrEqual(f.firstResponse!.p50);
    expect(Object.keys(f.byKind).length).toBeGreaterThanOrEqual(6);
  }, 20_000);
});
