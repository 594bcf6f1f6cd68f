/** The digest use cases: subscribe, list, pause, preview, and run a subscription (compose, record, deliver). */
import type { Logger } from 'pino';
import type { Core } from '../src/create-core.js';
import type { ReportUnderstanding } from '../src/understand/understand-report.js';
import { ANALYSIS_VERSION } from '../src/corpus/prepare-report.js';
import { composeDigest, type DigestReport, type FullReport } from './compose-digest.js';
import { readsLead } from './compose/significance.js';
import { checkSchedule, DEFAULT_CRON, DEFAULT_TIMEZONE, nextRunAfter } from './cron-schedule.js';
import { deliverRun, type DeliveryOutcome } from './deliver-run.js';
import type { Digest } from './digest.js';
import type { MessageSink } from './message-sink.js';
import { createOutboxStore, type OutboxStore } from './outbox-store.js';
import { UnknownPlatformError, type DigestPlatform } from './digest-platform.js';
import { DIGEST_CHART_DAYS, type ChartMaker } from './picture.js';
import type { Alert } from './alert.js';
import { evaluateAlert, type AlertEvaluation } from './alert-check.js';
import { ALERT_CRON, DEFAULT_K, MAX_ALERT_K } from './spike-detector.js';
import { createSubscriptionStore, type Destination, type Platform, type Subscription, type SubscriptionKind, type SubscriptionStore } from './subscription-store.js';

const DAY_MS = 86_400_000;

/** Stories in a digest unless the subscription says otherwise. */
export const DEFAULT_ITEM_CAP = 30;
/** What `/digest` previews in a chat with no subscription: a day of reports. */
export const PREVIEW_WITHOUT_SUBSCRIPTION_MS = 86_400_000;


/** A subscription request that cannot be honoured; the message says why and what to do. */
export class SubscriptionError extends Error {
  override readonly name = 'SubscriptionError';
}

export interface SubscribeInput {
  readonly destination: Destination;
  /** 'alert': spike alerts on the filter (which is then required), checked on `cron` (default hourly). Default 'digest'. */
  readonly kind?: SubscriptionKind;
  /** Alerts: standard deviations above the daily mean that fire (default DEFAULT_K, at most MAX_ALERT_K). */
  readonly alertK?: number;
  readonly cron?: string;
  readonly timezone?: string;
  readonly filter?: string | null;
  readonly itemCap?: number;
  readonly sendEmpty?: boolean;
  /** Carry every report, not only on-topic ones (default false). */
  readonly includeOffTopic?: boolean;
  /** Open each digest with the week's timeline of its filter (default false; needs a chart maker, see DigestServiceDeps). */
  readonly withChart?: boolean;
  /** Cover the reports that arrived within this many milliseconds before now (default: start from now). */
  readonly backfillMs?: number | null;
  readonly label?: string | null;
  readonly createdBy?: string | null;
}

export interface DigestServiceDeps {
  readonly core: Core;
  /** The platforms digests can be rendered for (bin/platforms.ts registers them). */
  readonly platforms: readonly DigestPlatform[];
  readonly sinks: Partial<Record<Platform, MessageSink>>;
  /**
   * Draws the timeline a `withChart` subscription's digest and every alert open with. Without one they
   * go out as words only, and each `withChart` run says so in a log line.
   */
  readonly chartMaker?: ChartMaker;
  readonly logger: Logger;
  readonly notifyAdmins: (message: string) => void;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly onSent?: (runId: number, seq: number) => void;
}

export type RunOutcome =
  | { readonly kind: 'paused' | 'busy' | 'nothing_new' }
  | { readonly kind: DeliveryOutcome; readonly runId: number; readonly messages: number; readonly resumed: boolean; readonly alert?: AlertEvaluation }
  /** An alert checked that sent nothing: quiet, still firing, fallen back, or too little history yet. */
  | { readonly kind: 'alert_checked'; readonly alert: AlertEvaluation };

export interface DigestService {
  readonly subscriptions: SubscriptionStore;
  readonly outbox: OutboxStore;
  subscribe(input: SubscribeInput): Subscription;
  /** What the subscription's next digest would be now, recording nothing. */
  preview(options: { filter?: string | null; sinceReportId?: number; itemCap?: number; timezone?: string; includeOffTopic?: boolean }): Digest;
  /**
   * A chat's `/digest`: what the subscription's next digest would be now (the platform renders it);
   * for a chat without a subscription, the reports of the last PREVIEW_WITHOUT_SUBSCRIPTION_MS.
   */
  previewNext(subscription: Subscription | undefined): Digest;
  /** The platform messages a digest renders to. */
  render(digest: Digest, platform: Platform): unknown[];
  /** The platform messages an alert renders to. */
  renderAlert(alert: Alert, platform: Platform): unknown[];
  /** What an alert subscription's check would decide now, recording nothing (`rasid alerts check --dry-run`). */
  evaluateAlert(subscriptionId: number): AlertEvaluation;
  /**
   * Runs one subscription now: resumes its open run, else composes, records and delivers a new one. An
   * alert subscription is checked: when it fires, its state and its run are recorded in one transaction,
   * then delivered; otherwise its state is recorded and nothing sent.
   */
  run(subscriptionId: number): Promise<RunOutcome>;
  /** Resumes every run left open (by a crash or a failed send), oldest first. */
  resumeOpenRuns(): Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createDigestService(deps: DigestServiceDeps): DigestService {
  const { core } = deps;
  const subscriptions = core.stores.open(createSubscriptionStore);
  const outbox = core.stores.open(createOutboxStore);
  const now = () => core.clock.now();
  const inFlight = new Set<number>();
  const deliverDeps = {
    outbox,
    sinks: deps.sinks,
    now,
    sleep: deps.sleep ?? realSleep,
    logger: deps.logger,
    notifyAdmins: deps.notifyAdmins,
    ...(deps.onSent ? { onSent: deps.onSent } : {}),
  };
  /**
   * The reports as composing reads them: no body unless it is needed (casualties to find in the
   * lead of a report analyzed before event records, see readsLead, or no story fingerprint stored for the current analysis: a report stored before schema
   * step 7 or analyzed by another version, whose fingerprint is computed from the text), and of
   * the understanding only what ranking and merging read.
   */
  const loadReports = (ids: readonly number[]): DigestReport[] => {
    const rows = core.store.digestRows(ids).map((r) => {
      const understanding = r.understanding as ReportUnderstanding;
      const story = r.analysisVersion === ANALYSIS_VERSION ? r.story : null;
      return { row: r, understanding, story, needsBody: story === null || readsLead(understanding) };
    });
    const bodies = core.store.bodies(rows.filter((r) => r.needsBody).map((r) => r.row.id));
    return rows.map(({ row, understanding, story }) => ({
      id: row.id,
      title: row.title,
      body: bodies.get(row.id) ?? null,
      source: row.source,
      url: row.url,
      publishedAt: row.publishedAt,
      ingestedAt: row.ingestedAt,
      understanding,
      story,
    }));
  };
  /** The stories shown: whole, for their summary sentence. */
  const fullReports = (ids: readonly number[]): Map<number, FullReport> =>
    new Map(core.store.getMany(ids).map((r) => [r.id, { body: r.body, understanding: r.understanding as ReportUnderstanding }]));

  /** The reports a digest carries: on-topic ones only, unless everything is asked for. */
  const carried = (ids: readonly number[], includeOffTopic: boolean): number[] =>
    includeOffTopic || ids.length === 0 ? [...ids] : core.store.onTopicIds(ids);

  const compose = (ids: readonly number[], from: string | null, timezone: string, itemCap: number): Digest =>
    composeDigest(loadReports(ids), { period: { from, to: now().toISOString() }, timezone, itemCap, full: fullReports, bodyLengths: core.store.bodyLengths });

  const platformNamed = (platform: Platform): DigestPlatform => {
    const known = deps.platforms.find((p) => p.name === platform);
    if (known === undefined) throw new UnknownPlatformError(`no platform "${platform}" is registered (known: ${deps.platforms.map((p) => p.name).join(', ')})`);
    return known;
  };
  const render = (digest: Digest, platform: Platform): unknown[] => platformNamed(platform).renderDigest(digest);

  /**
   * The messages of the chart a digest (`withChart`) or an alert opens with: the events matching the
   * subscription's filter day by day over the `days` before now. None when there is no chart maker,
   * the platform shows no pictures, or the chart maker has nothing to draw or fails: a digest or an
   * alert never waits on its picture.
   */
  async function chartMessages(sub: Subscription, days: number, what: 'digest' | 'alert'): Promise<unknown[]> {
    const log = { subscription: sub.id, platform: sub.platform };
    if (deps.chartMaker === undefined) {
      if (what === 'digest') deps.logger.warn(log, 'this subscription asks for a chart (--with-chart), but this service has no chart maker: the digest goes out without its picture');
      return [];
    }
    const platform = platformNamed(sub.platform);
    if (platform.renderPicture === undefined) {
      deps.logger.warn(log, `the ${sub.platform} platform shows no pictures: the ${what} goes out without its chart`);
      return [];
    }
    const to = now();
    try {
      const chart = await deps.chartMaker({
        filter: sub.filter, lang: 'ar', timezone: sub.timezone,
        period: { from: new Date(to.getTime() - days * DAY_MS).toISOString(), to: to.toISOString() },
      });
      if (chart === null) {
        deps.logger.info(log, `nothing to chart for this ${what}: it goes out without a picture`);
        return [];
      }
      return platform.renderPicture({ png: chart.png, caption: chart.caption, alt: chart.alt ?? chart.caption, name: `${what}-chart` });
    } catch (err) {
      deps.logger.warn({ ...log, err }, `the chart could not be made: the ${what} goes out without its picture`);
      return [];
    }
  }

  const renderAlert = (alert: Alert, platform: Platform): unknown[] => platformNamed(platform).renderAlert(alert);

  async function runAlert(sub: Subscription): Promise<RunOutcome> {
    const open = outbox.openRun(sub.id);
    if (open !== undefined) {
      const outcome = await deliverRun(open, sub, deliverDeps);
      return { kind: outcome, runId: open.id, messages: outbox.messages(open.id).length, resumed: true };
    }
    const evaluation = evaluateAlert(core, sub, now());
    subscriptions.setNextRun(sub.id, sub.nextRunAt, now().toISOString());
    if (evaluation.alert === null) {
      subscriptions.setAlertState(sub.id, evaluation.state);
      return { kind: 'alert_checked', alert: evaluation };
    }
    // The timeline: the 28 days the usual level is measured on, and the window that rose above it.
    const payloads = [...(await chartMessages(sub, evaluation.alert.historyDays + 1, 'alert')), ...renderAlert(evaluation.alert, sub.platform)];
    // The state (firing, since now) and the run are one transaction: a crash leaves both or neither.
    const run = outbox.createAlertRun({ subscriptionId: sub.id, toReportId: evaluation.upToReportId }, { ...evaluation.state, since: evaluation.state.since! }, payloads, now());
    if (run === undefined) {
      // Another check fired this burst meanwhile (a second process): it sends the alert, this one nothing.
      return { kind: 'alert_checked', alert: { ...evaluation, decision: 'still_firing', alert: null } };
    }
    const outcome = await deliverRun(run, sub, deliverDeps);
    return { kind: outcome, runId: run.id, messages: payloads.length, resumed: false, alert: evaluation };
  }

  const preview = (options: { filter?: string | null; sinceReportId?: number; itemCap?: number; timezone?: string; includeOffTopic?: boolean }): Digest => {
    const matching = core.reportsMatching(options.filter ?? null, { afterId: options.sinceReportId ?? 0, upToId: core.lastReportId() });
    const ids = carried(matching, options.includeOffTopic === true);
    return compose(ids, null, options.timezone ?? DEFAULT_TIMEZONE, options.itemCap ?? DEFAULT_ITEM_CAP);
  };

  async function runFresh(sub: Subscription): Promise<RunOutcome> {
    const open = outbox.openRun(sub.id);
    if (open !== undefined) {
      const outcome = await deliverRun(open, sub, deliverDeps);
      return { kind: outcome, runId: open.id, messages: outbox.messages(open.id).length, resumed: true };
    }
    const upTo = core.lastReportId();
    const ids = carried(core.reportsMatching(sub.filter, { afterId: sub.watermark, upToId: upTo }), sub.includeOffTopic);
    if (ids.length === 0 && !sub.sendEmpty) {
      // Nothing to say: the reports up to here are covered all the same.
      subscriptions.advanceWatermark(sub.id, upTo);
      subscriptions.setNextRun(sub.id, sub.nextRunAt, now().toISOString());
      return { kind: 'nothing_new' };
    }
    const digest = compose(ids, sub.lastRunAt ?? sub.createdAt, sub.timezone, sub.itemCap);
    subscriptions.setNextRun(sub.id, sub.nextRunAt, now().toISOString());
    // The chart first, then the digest's words: all recorded in one transaction before anything is sent.
    const payloads = [...(sub.withChart && ids.length > 0 ? await chartMessages(sub, DIGEST_CHART_DAYS, 'digest') : []), ...render(digest, sub.platform)];
    const run = outbox.createRun({ subscriptionId: sub.id, fromReportId: sub.watermark, toReportId: upTo }, payloads, now());
    const outcome = await deliverRun(run, sub, deliverDeps);
    return { kind: outcome, runId: run.id, messages: payloads.length, resumed: false };
  }

  return {
    subscriptions,
    outbox,
    subscribe(input) {
      const kind = input.kind ?? 'digest';
      const cron = input.cron?.trim() || (kind === 'alert' ? ALERT_CRON : DEFAULT_CRON);
      const timezone = input.timezone?.trim() || DEFAULT_TIMEZONE;
      checkSchedule(cron, timezone);
      const filter = input.filter?.trim() || null;
      const alertK = kind === 'alert' ? (input.alertK ?? DEFAULT_K) : null;
      if (kind === 'alert') {
        if (filter === null) throw new SubscriptionError('an alert needs a filter: what to watch, e.g. "Deir ez-Zor", "car bombs Raqqa" or "داعش الحسكة"');
        if (!Number.isFinite(alertK) || alertK! <= 0 || alertK! > MAX_ALERT_K) {
          throw new SubscriptionError(`k must be a number above 0 and at most ${MAX_ALERT_K} (standard deviations above the usual daily level; default ${DEFAULT_K})`);
        }
      }
      if (filter !== null) {
        const i = core.interpret(filter);
        const understood = i.places.length + i.events.length + i.actors.length + i.terms.length + i.phrases.length;
        if (understood === 0) {
          throw new SubscriptionError(
            `the filter "${filter}" names no place, event, actor or Arabic word Rasid knows${i.ignored.length ? ` (ignored: ${i.ignored.join(', ')})` : ''}; try e.g. "Raqqa", "car bombs Deir ez-Zor" or "داعش الحسكة"`,
          );
        }
      }
      const itemCap = input.itemCap ?? DEFAULT_ITEM_CAP;
      const sendEmpty = input.sendEmpty ?? false;
      // The same digest twice to one place is a mistake (a command run twice), never a wish.
      const here = subscriptions.list(input.destination).filter((s) => s.threadId === (input.destination.threadId ?? null) && s.kind === kind);
      if (kind === 'alert') {
        const alert = here.find((s) => s.filter === filter);
        if (alert !== undefined) throw new SubscriptionError(`subscription #${alert.id} already alerts this destination on the same filter; remove #${alert.id} first to change its k or schedule`);
      }
      const same = here.find((s) => s.cron === cron && s.timezone === timezone && s.filter === filter && s.itemCap === itemCap && s.sendEmpty === sendEmpty && s.withChart === (input.withChart ?? false));
      if (same !== undefined) {
        throw new SubscriptionError(`subscription #${same.id} already sends this destination the same digest (same schedule, time zone, filter and options); change one of them, or remove #${same.id} first`);
      }
      if (!Number.isInteger(itemCap) || itemCap < 1 || itemCap > 200) throw new SubscriptionError('the item cap must be a whole number from 1 to 200');
      const at = now();
      // A new subscription starts from now: only reports arriving later are new to it, unless a backfill asks for more.
      const watermark = input.backfillMs
        ? core.lastReportId(new Date(at.getTime() - input.backfillMs))
        : core.lastReportId();
      return subscriptions.add(
        {
          ...input.destination,
          kind,
          alertK,
          label: input.label ?? null,
          cron,
          timezone,
          filter,
          itemCap,
          sendEmpty,
          includeOffTopic: input.includeOffTopic ?? false,
          withChart: input.withChart ?? false,
          watermark,
          nextRunAt: nextRunAfter(cron, timezone, at).toISOString(),
          createdBy: input.createdBy ?? null,
        },
        at,
      );
    },
    preview,
    render,
    renderAlert,
    evaluateAlert(subscriptionId) {
      const sub = subscriptions.get(subscriptionId);
      if (sub === undefined || sub.kind !== 'alert') throw new SubscriptionError(`there is no alert subscription #${subscriptionId}`);
      return evaluateAlert(core, sub, now());
    },
    previewNext(sub) {
      const sinceReportId = sub?.watermark ?? core.lastReportId(new Date(now().getTime() - PREVIEW_WITHOUT_SUBSCRIPTION_MS));
      const options = sub
        ? { filter: sub.filter, sinceReportId, itemCap: sub.itemCap, timezone: sub.timezone, includeOffTopic: sub.includeOffTopic }
        : { sinceReportId };
      return preview(options);
    },
    async run(subscriptionId) {
      const sub = subscriptions.get(subscriptionId);
      if (sub === undefined) throw new SubscriptionError(`there is no subscription #${subscriptionId}`);
      if (sub.paused) return { kind: 'paused' };
      // One run of a subscription at a time: a slow delivery must not overlap the next tick.
      if (inFlight.has(sub.id)) return { kind: 'busy' };
      inFlight.add(sub.id);
      try {
        return await (sub.kind === 'alert' ? runAlert(sub) : runFresh(sub));
      } finally {
        inFlight.delete(sub.id);
      }
    },
    async resumeOpenRuns() {
      for (const run of outbox.openRuns()) {
        const sub = subscriptions.get(run.subscriptionId);
        if (sub === undefined || sub.paused || inFlight.has(sub.id)) continue;
        inFlight.add(sub.id);
        try {
          await deliverRun(run, sub, deliverDeps);
        } finally {
          inFlight.delete(sub.id);
        }
      }
    },
  };
}
