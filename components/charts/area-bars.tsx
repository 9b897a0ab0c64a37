'use client';
import { useRouter } from 'next/navigation';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { SizedChart } from './sized-chart';

export type AreaBarSeries = { key: string; label: string; color: string; stack?: string };
export type AreaBarDatum = { code: string; name: string } & Record<string, number | string>;

/** One horizontal bar per area of the next level down; a click on a bar drills into that area. */
/** `max`: the axis end (100 for coverage rates); else it follows the data. */
export function AreaBars({
  data,
  series,
  unit,
  max,
  label,
  drillBase,
}: {
  data: AreaBarDatum[];
  /** An area's own page is this plus its code. */
  drillBase: string;
  series: AreaBarSeries[];
  unit?: string;
  max?: number;
  label: string;
}) {
  const router = useRouter();
  const height = Math.max(160, data.length * 22 + 60);
  return (
    <SizedChart
      label={label}
      height={height}
      printWidth={900}
      chart={(size) => (
        <BarChart {...size} data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" unit={unit} tick={{ fontSize: 11 }} domain={[0, max ?? 'auto']} />
          <YAxis type="category" dataKey="name" width={84} tick={{ fontSize: 12 }} interval={0} />
          <Tooltip formatter={(value) => `${Number(value).toLocaleString('zh-CN')}${unit ?? ''}`} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              fill={s.color}
              stackId={s.stack}
              cursor="pointer"
              isAnimationActive={false}
              onClick={(entry) => {
                const code = (entry as { payload?: AreaBarDatum }).payload?.code;
                if (code) router.push(drillBase + code);
              }}
            />
          ))}
        </BarChart>
      )}
    />
  );
}
