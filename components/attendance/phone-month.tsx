'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

export type PhoneDay = { short: string; title: string; marked: boolean; disputed: boolean; away: boolean };
export type PhonePerson = {
  postingId: number;
  name: string;
  role: string;
  /** 在村 / 住宿 / 异常标记 this month, and the leader's days line if any. */
  summary: string;
  start: string;
  end: string;
  cells: Record<string, PhoneDay>;
};

const ENTRY_FORM = 'entry';

/** Writes the chosen person and days into the page's one entry form (DayEntryForm), which sends them. */
function fillEntryForm(postingId: number, from: string, to: string) {
  const form = document.getElementById(ENTRY_FORM);
  if (!(form instanceof HTMLFormElement)) return;
  const set = (name: string, value: string) => {
    const field = form.elements.namedItem(name);
    if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value;
  };
  set('postingId', String(postingId));
  set('from', from);
  set('to', to);
}

/**
 * The month grid on a phone: one person at a time, a calendar of weeks with thumb-sized days. Tapping days
 * chooses them here, without a trip to the server (a second tap after the first makes a run of days); the
 * entry form below then saves the run in one go.
 */
export function PhoneMonth({
  people,
  dates,
  today,
  mayEdit,
  preset,
}: {
  people: PhonePerson[];
  dates: string[];
  today: string;
  mayEdit: boolean;
  preset: { postingId?: number; day: string };
}) {
  const t = useTranslations('attendance');
  const [postingId, setPostingId] = useState(
    (people.find((p) => p.postingId === preset.postingId) ?? people[0])?.postingId ?? 0,
  );
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const person = people.find((p) => p.postingId === postingId) ?? people[0];

  // The person picked in the entry form shows here too.
  useEffect(() => {
    const form = document.getElementById(ENTRY_FORM);
    const follow = (event: Event) => {
      const target = event.target as HTMLSelectElement;
      if (target.name === 'postingId') {
        setPostingId(Number(target.value));
        setRange(null);
      }
    };
    form?.addEventListener('change', follow);
    return () => form?.removeEventListener('change', follow);
  }, []);

  if (!person) return null;
  const choosePerson = (id: number) => {
    setPostingId(id);
    setRange(null);
    if (mayEdit) fillEntryForm(id, preset.day, preset.day);
  };
  const tap = (date: string) => {
    const next =
      range && range.from === range.to && date > range.from ? { from: range.from, to: date } : { from: date, to: date };
    setRange(next);
    fillEntryForm(person.postingId, next.from, next.to);
  };
  // Monday first: blanks before the 1st.
  const lead = (new Date(`${dates[0]}T00:00:00Z`).getUTCDay() + 6) % 7;
  const weekdays = t('weekdays').split(',');
  return (
    <div className="space-y-3">
      <fieldset>
        <legend className="mb-1 text-sm text-slate-600">{t('person')}</legend>
        <div className="flex flex-wrap gap-2">
          {people.map((p) => (
            <button
              key={p.postingId}
              type="button"
              aria-pressed={p.postingId === person.postingId}
              onClick={() => choosePerson(p.postingId)}
              className={`min-h-11 rounded-md border px-3 text-sm ${p.postingId === person.postingId ? 'border-brand-600 bg-brand-50 font-semibold text-brand-800' : 'border-slate-300 bg-white'}`}
            >
              {p.name}
            </button>
          ))}
        </div>
      </fieldset>
      <p className="text-sm" data-testid="phone-month-summary">
        <span className="font-medium">{person.name}</span>（{person.role}）{person.summary}
      </p>
      <div className="grid grid-cols-7 gap-1 text-center" data-testid="phone-month" data-posting={person.postingId}>
        {weekdays.map((day) => (
          <div key={day} className="text-xs text-slate-500" aria-hidden>
            {day}
          </div>
        ))}
        {Array.from({ length: lead }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: blanks before the first day have nothing else to key on
          <div key={`blank-${i}`} aria-hidden />
        ))}
        {dates.map((date) => {
          const cell = person.cells[date];
          const posted = date >= person.start && date <= person.end && date <= today;
          const chosen = range !== null && date >= range.from && date <= range.to;
          // The day and its mark for the eye; the date and the kind in words for a screen reader.
          const body = (
            <>
              <span
                aria-hidden
                className={`block text-xs ${date === today ? 'font-bold text-brand-700' : 'text-slate-600'}`}
              >
                {Number(date.slice(8))}
              </span>
              <span aria-hidden className={`block text-sm ${cell?.away ? 'text-amber-800' : ''}`}>
                {cell?.short ?? ''}
              </span>
              <span className="sr-only">{cell?.title ?? date}</span>
            </>
          );
          const frame = `min-h-12 rounded-md border ${chosen ? 'border-brand-600 bg-brand-100' : cell?.disputed ? 'border-red-300 bg-red-100 text-red-800' : 'border-slate-200'} ${cell?.marked ? 'outline outline-2 -outline-offset-2 outline-red-500' : ''} ${posted ? '' : 'bg-slate-100 text-slate-600'}`;
          return mayEdit && posted ? (
            <button
              key={date}
              type="button"
              data-day={date}
              aria-pressed={chosen}
              onClick={() => tap(date)}
              className={frame}
            >
              {body}
            </button>
          ) : (
            <div key={date} data-day={date} className={frame}>
              {body}
            </div>
          );
        })}
      </div>
      {mayEdit && (
        <p className="text-sm text-slate-600" aria-live="polite">
          {range ? (
            <a href={`#${ENTRY_FORM}`} className="text-brand-700 underline">
              {t('phoneChosen', { from: range.from, to: range.to })}
            </a>
          ) : (
            t('phoneHint')
          )}
        </p>
      )}
    </div>
  );
}
