'use client';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { SizedChart } from './sized-chart';

export type MonthSeries = { key: string; label: string; color: string; axis?: 'left' | 'right' };

/** The months of the year, one line per series; the second axis holds series of another scale. */
export function MonthLines({
  data,
  series,
  label,
  monthNames,
}: {
  data: Record<string, number>[];
  series: MonthSeries[];
  label: string;
  monthNames: string[];
}) {
  const monthLabel = (month: number) => monthNames[month - 1] ?? String(month);
  const hasRight = series.some((s) => s.axis === 'right');
  return (
    // Printed two to a row on A4 landscape.
    <SizedChart
      label={label}
      height={288}
      printWidth={440}
      chart={(size) => (
        <LineChart {...size} data={data} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="month" tickFormatter={monthLabel} tick={{ fontSize: 11 }} />
          <YAxis yAxisId="left" tick={{ fontSize: 11 }} width={56} />
          {hasRight && <YAxis yAxisId="right" orientation="right" tick={{ fontSize: 11 }} width={40} />}
          <Tooltip
            labelFormatter={(m) => monthLabel(Number(m))}
            formatter={(value) => Number(value).toLocaleString('zh-CN')}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map((s) => (
            <Line
              key={s.key}
              yAxisId={s.axis ?? 'left'}
              type="monotone"
              dataKey={s.key}
              name={s.label}
              stroke={s.color}
              strokeWidth={2}
              dot={{ r: 2 }}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      )}
    />
  );
}
