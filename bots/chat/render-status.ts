/** The service status as plain lines, for `rasid status` and the operators' `/status` in Telegram and Discord. */
import type { Core } from '../../src/create-core.js';
import { configuredPlatforms } from '../../src/config/load-config.js';
import type { ServiceStatus } from '../../src/status/service-status.js';

/** An instant as the clock on the wall of `zone` shows it: `2026-11-22 08:00 Asia/Damascus`. */
export function inZone(iso: string, zone: string): string {
  const local = new Intl.DateTimeFormat('sv-SE', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
  return `${local} ${zone}`;
}

const mib = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MiB`;

export function renderStatusText(s: ServiceStatus): string {
  const svc = s.service;
  const service =
    svc.state === 'running'
      ? `running (pid ${svc.pid}, since ${svc.startedAt}, last heartbeat ${svc.lastHeartbeatAt})`
      : svc.state === 'stopped'
        ? `stopped (cleanly, last heartbeat ${svc.lastHeartbeatAt})`
        : svc.state === 'gone'
          ? `NOT RESPONDING (last heartbeat ${svc.lastHeartbeatAt}: it died or hangs; see its log)`
          : 'never started with this database';
  const f = s.feeds;
  const lines = [
    `Rasid status at ${s.at}: ${s.healthy ? 'healthy' : 'NEEDS ATTENTION'}`,
    `service: ${service}`,
    `platforms: ${Object.entries(s.platforms).map(([name, state]) => `${name} ${state}`).join(' · ')}`,
    `reports: ${s.reports.total} · ${s.reports.addedLast24h} added in the last 24 h · last ingest ${s.reports.lastIngestAt ?? 'never'}`,
    `feeds: ${f.active} active${f.failing ? ` (${f.failing} failing)` : ''} · ${f.paused} paused${f.nextPollAt ? ` · next poll ${f.nextPollAt}` : ''}`,
    `subscriptions: ${s.subscriptions.length}`,
    ...s.subscriptions.map((sub) =>
      [
        `  #${sub.id} ${sub.name}`,
        sub.paused ? 'PAUSED' : `next ${inZone(sub.nextRunAt, sub.timezone)}`,
        `last delivery ${sub.lastDeliveredAt ?? 'never'}`,
        ...(sub.openRuns ? [`${sub.openRuns} open run(s)${sub.lastError ? `, last error: ${sub.lastError}` : ''}`] : []),
      ].join(' · '),
    ),
    `database: ${s.database.path} (${mib(s.database.bytes)}) · quick_check ${s.database.quickCheck}`,
  ];
  return lines.join('\n');
}

/** The status now, as the operators' `/status` shows it in a chat; the asking bot knows its own platform is connected. */
export function currentStatusText(core: Core, asking: string): string {
  const c = core.config;
  const status = core.status(configuredPlatforms(c));
  return renderStatusText({ ...status, platforms: { ...status.platforms, [asking]: 'connected' } });
}
