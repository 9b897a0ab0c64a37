'use client';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
// The import page's working part: choose a file → it is uploaded and checked (progress) → the report
// → confirm → the same file goes up again with the report's hash and is imported (progress) → result.
// The server answers in NDJSON lines as it works; XMLHttpRequest gives both the upload's progress and
// the answer's lines as they arrive (fetch gives no upload progress).
import { useRef, useState } from 'react';
import { buttonClass } from '@/components/ui/button-class';
import { Card } from '@/components/ui/card';
import { HeadRow, Row, Table, Td, Th } from '@/components/ui/table';
import type { RosterPhase, RosterReport } from '@/lib/roster/data';
import { RosterIssues } from './roster-issues';

type Phase = RosterPhase | 'upload';
type Progress = { phase: Phase; done: number; total: number };
type ServerLine =
  | ({ type: 'progress' } & Progress)
  | { type: 'report'; report: RosterReport }
  | { type: 'error'; status: number; message: string };

type Stage =
  | { kind: 'idle' }
  | { kind: 'working'; mode: 'check' | 'import'; fileName: string; progress: Progress | null }
  | { kind: 'failed'; message: string }
  | { kind: 'checked'; report: RosterReport }
  | { kind: 'imported'; report: RosterReport };

/** Posts the file; calls `onLine` for each line of the answer; resolves with the last line. */
function postRoster(
  file: File,
  confirmHash: string | null,
  onLine: (line: ServerLine) => void,
): Promise<ServerLine | null> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/roster/import${confirmHash ? `?confirm=${confirmHash}` : ''}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    let read = 0;
    let last: ServerLine | null = null;
    const drain = () => {
      const text = xhr.responseText;
      for (let end = text.indexOf('\n', read); end >= 0; end = text.indexOf('\n', read)) {
        const raw = text.slice(read, end).trim();
        read = end + 1;
        if (!raw) continue;
        try {
          last = JSON.parse(raw) as ServerLine;
          onLine(last);
        } catch {
          // not ours (a proxy's error page): the final check below reports it
        }
      }
    };
    xhr.upload.onprogress = (event) =>
      onLine({ type: 'progress', phase: 'upload', done: event.loaded, total: event.total || file.size });
    xhr.onprogress = drain;
    xhr.onload = () => {
      drain();
      resolve(last);
    };
    xhr.onerror = () => reject(new Error('network'));
    xhr.onabort = () => reject(new Error('aborted'));
    xhr.send(file);
  });
}

export function RosterImport({ maxMegabytes }: { maxMegabytes: number }) {
  const t = useTranslations('roster');
  const format = useFormatter();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [file, setFile] = useState<File | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const working = stage.kind === 'working';

  async function run(chosen: File, mode: 'check' | 'import', hash: string | null) {
    setStage({ kind: 'working', mode, fileName: chosen.name, progress: null });
    try {
      const last = await postRoster(chosen, hash, (line) => {
        if (line.type === 'progress') setStage((s) => (s.kind === 'working' ? { ...s, progress: line } : s));
      });
      if (last?.type === 'report') setStage({ kind: mode === 'check' ? 'checked' : 'imported', report: last.report });
      else setStage({ kind: 'failed', message: last?.type === 'error' ? last.message : t('failed') });
    } catch {
      setStage({ kind: 'failed', message: t('failed') });
    }
  }

  function choose(chosen: File | undefined) {
    if (!chosen) return;
    setFile(chosen);
    // .xls and .ods cannot be read here: say how to convert them before uploading anything.
    if (/\.(xls|et)$/i.test(chosen.name)) return setStage({ kind: 'failed', message: t('convertXls') });
    if (/\.ods$/i.test(chosen.name)) return setStage({ kind: 'failed', message: t('convertOds') });
    if (!/\.(xlsx|xlsm|csv|txt)$/i.test(chosen.name)) return setStage({ kind: 'failed', message: t('notXlsx') });
    if (chosen.size > maxMegabytes * 1024 * 1024)
      return setStage({ kind: 'failed', message: t('tooLarge', { max: maxMegabytes }) });
    void run(chosen, 'check', null);
  }

  const report = stage.kind === 'checked' || stage.kind === 'imported' ? stage.report : null;
  return (
    <>
      <Card title={t('chooseTitle')}>
        <div className="space-y-3">
          <p className="text-sm text-slate-600">{t('chooseHint', { max: maxMegabytes })}</p>
          <div className="flex flex-wrap items-center gap-3">
            <label htmlFor="roster-file" className="sr-only">
              {t('fileLabel')}
            </label>
            <input
              ref={input}
              id="roster-file"
              type="file"
              accept=".xlsx,.csv,.xls,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              disabled={working}
              className="block text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-2 file:text-sm file:font-medium hover:file:bg-slate-50"
              onChange={(event) => {
                choose(event.target.files?.[0]);
                event.target.value = ''; // choosing the same (corrected) file again fires a change
              }}
            />
            {report && !working && (
              <button type="button" className={buttonClass('secondary')} onClick={() => input.current?.click()}>
                {t('chooseAgain')}
              </button>
            )}
          </div>
          {stage.kind === 'working' && <RosterProgress fileName={stage.fileName} progress={stage.progress} />}
          {stage.kind === 'failed' && (
            <div
              role="alert"
              className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
              data-form-error
            >
              {stage.message}
            </div>
          )}
        </div>
      </Card>

      {report && <RosterReportView report={report} />}

      {stage.kind === 'checked' && file && (
        <Card title={t('confirmTitle')}>
          {stage.report.counts.newRows > 0 ? (
            <div className="space-y-2">
              <button
                type="button"
                className={buttonClass()}
                onClick={() => run(file, 'import', stage.report.fileHash)}
              >
                {t('confirm', {
                  households: format.number(stage.report.counts.newHouseholds),
                  rows: format.number(stage.report.counts.newRows),
                })}
              </button>
              <p className="text-xs text-slate-500">{t('confirmHint')}</p>
            </div>
          ) : (
            <p className="text-sm text-slate-600">{t('nothingToImport')}</p>
          )}
        </Card>
      )}

      {stage.kind === 'imported' && (
        <div
          role="status"
          className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-green-200 bg-green-50 px-4 py-3 text-sm text-green-800"
        >
          <span>
            {stage.report.counts.newRows > 0
              ? t('done', {
                  households: format.number(stage.report.counts.newHouseholds),
                  rows: format.number(stage.report.counts.newRows),
                })
              : t('doneNothing')}
          </span>
          <Link href="/households" className={buttonClass('secondary')}>
            {t('viewHouseholds')}
          </Link>
        </div>
      )}
    </>
  );
}

function RosterProgress({ fileName, progress }: { fileName: string; progress: Progress | null }) {
  const t = useTranslations('roster');
  const format = useFormatter();
  const phase = progress?.phase ?? 'upload';
  const fraction = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
  const percent = Math.round(fraction * 100);
  const n = (value: number) => format.number(value);
  const detail = !progress
    ? ''
    : phase === 'upload'
      ? t('progressBytes', { done: (progress.done / 1048576).toFixed(1), total: (progress.total / 1048576).toFixed(1) })
      : phase === 'write'
        ? t('progressPeople', { done: n(progress.done), total: n(progress.total) })
        : t('progressRows', { done: n(progress.done), total: n(progress.total) });
  return (
    <div className="space-y-1" aria-live="polite">
      <div className="flex flex-wrap justify-between gap-2 text-sm text-slate-700">
        <span>
          {t('working', { file: fileName })} · {t(`phases.${phase}`)}
        </span>
        <span className="tabular-nums text-slate-500">{detail}</span>
      </div>
      <div
        role="progressbar"
        aria-label={`${t('progressLabel')}：${t(`phases.${phase}`)}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className="h-full rounded-full bg-brand-600 transition-[width] duration-150"
          style={{ width: `${percent}%` }}
        />
      </div>
    </div>
  );
}

function RosterReportView({ report }: { report: RosterReport }) {
  const t = useTranslations('roster');
  const format = useFormatter();
  const c = report.counts;
  const stats: [string, number, string?][] = [
    [t('counts.rows'), c.rows],
    [t('counts.households'), c.households],
    [t('counts.validRows'), c.validRows],
    [t('counts.errorRows'), c.errorRows, c.errorRows > 0 ? 'text-red-700' : undefined],
    [t('counts.existingRows'), c.existingRows],
    [report.imported ? t('counts.importedHouseholds') : t('counts.newHouseholds'), c.newHouseholds, 'text-green-800'],
    [report.imported ? t('counts.importedRows') : t('counts.newRows'), c.newRows, 'text-green-800'],
  ];
  return (
    <Card title={report.imported ? t('importedTitle') : t('reportTitle')}>
      <div className="space-y-4">
        <p className="text-sm text-slate-600">{t('reportFile', { file: report.fileName })}</p>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7" data-roster-counts>
          {stats.map(([label, value, tone]) => (
            <div key={label} className="rounded-md border border-slate-200 p-3">
              <dt className="text-xs text-slate-500">{label}</dt>
              <dd className={`mt-1 text-xl font-semibold tabular-nums ${tone ?? 'text-slate-900'}`}>
                {format.number(value)}
              </dd>
            </div>
          ))}
        </dl>
        {c.errorHouseholds > 0 && (
          <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {t('skippedNote', { households: format.number(c.errorHouseholds), blocked: format.number(c.blockedRows) })}
          </p>
        )}
        {c.existingRows > 0 && (
          <p className="text-sm text-slate-600">
            {t('existingNote', {
              rows: format.number(c.existingRows),
              households: format.number(c.existingHouseholds),
            })}
          </p>
        )}
        <RosterSheets report={report} />
        <RosterDefaults report={report} />
        <RosterSkippedColumns report={report} />
        <RosterIssues report={report} />
      </div>
    </Card>
  );
}

/** Every sheet of the file and what became of it: read (rows, header rows), hidden, without a header. */
function RosterSheets({ report }: { report: RosterReport }) {
  const t = useTranslations('roster');
  const format = useFormatter();
  return (
    <section className="space-y-1" aria-labelledby="roster-sheets-title">
      <h3 id="roster-sheets-title" className="text-sm font-semibold text-slate-800">
        {t('sheetsTitle')}
      </h3>
      <ul className="space-y-1 text-sm" data-roster-sheets>
        {report.sheets.map((sheet, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: sheets keep their tab order; two may share a name in a CSV
          <li key={index} className="flex flex-wrap gap-x-2">
            <span className={`font-medium ${sheet.status === 'read' ? 'text-slate-900' : 'text-slate-500'}`}>
              {sheet.name}
            </span>
            <span className={sheet.status === 'read' ? 'text-green-800' : 'text-amber-800'}>
              {sheet.status === 'read'
                ? sheet.headerRows === 2
                  ? t('sheetReadTwoRows', {
                      rows: format.number(sheet.rows),
                      row: sheet.headerRow ?? 1,
                      next: (sheet.headerRow ?? 1) + 1,
                    })
                  : t('sheetRead', { rows: format.number(sheet.rows), row: sheet.headerRow ?? 1 })
                : sheet.status === 'hidden'
                  ? t('sheetHidden')
                  : t('sheetNoHeader')}
            </span>
          </li>
        ))}
      </ul>
      {report.encoding && (
        <p className="text-xs text-slate-500">{t('encoding', { encoding: report.encoding.toUpperCase() })}</p>
      )}
    </section>
  );
}

/** The defaults applied to blank cells or missing columns, per column and value, with counts. */
function RosterDefaults({ report }: { report: RosterReport }) {
  const t = useTranslations('roster');
  const format = useFormatter();
  return (
    <section className="space-y-1" aria-labelledby="roster-defaults-title">
      <h3 id="roster-defaults-title" className="text-sm font-semibold text-slate-800">
        {t('defaultsTitle', { count: format.number(report.defaults.length) })}
      </h3>
      {report.defaults.length === 0 ? (
        <p className="text-sm text-slate-600">{t('defaultsNone')}</p>
      ) : (
        <ul className="list-disc space-y-0.5 pl-5 text-sm text-slate-700" data-roster-defaults>
          {report.defaults.map((d) => (
            <li
              key={`${d.column}-${d.value}-${d.absent}-${d.unit}`}
              className={d.absent ? 'text-amber-900' : undefined}
            >
              {t(d.rounded ? 'defaultRounded' : d.absent ? 'defaultAbsent' : 'defaultBlank', {
                column: d.column,
                value: d.value,
                count: format.number(d.count),
                unit: d.unit,
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The file's columns that were not read, with the sheet, the column letter and why. */
function RosterSkippedColumns({ report }: { report: RosterReport }) {
  const t = useTranslations('roster');
  const format = useFormatter();
  return (
    <section className="space-y-1" aria-labelledby="roster-skipped-title">
      <h3 id="roster-skipped-title" className="text-sm font-semibold text-slate-800">
        {t('skippedTitle', { count: format.number(report.skippedColumns.length) })}
      </h3>
      {report.skippedColumns.length === 0 ? (
        <p className="text-sm text-slate-600">{t('skippedNone')}</p>
      ) : (
        <div className="max-h-64 overflow-y-auto rounded-md border border-slate-200">
          <Table minWidth="32rem">
            <HeadRow>
              <Th className="pl-3">{t('skippedSheet')}</Th>
              <Th className="w-12">{t('skippedColumn')}</Th>
              <Th>{t('skippedHeader')}</Th>
              <Th>{t('skippedWhy')}</Th>
            </HeadRow>
            <tbody data-roster-skipped>
              {report.skippedColumns.map((c) => (
                <Row top key={`${c.sheet}-${c.column}`}>
                  <Td className="pl-3">{c.sheet}</Td>
                  <Td>{c.column}</Td>
                  <Td className="font-medium">{c.header}</Td>
                  <Td className="text-slate-600">{c.reason}</Td>
                </Row>
              ))}
            </tbody>
          </Table>
        </div>
      )}
    </section>
  );
}
