'use client';

/**
 * A `<datalist>` of suggestions. A client component so the labels reach the browser as one array: a server
 * component's hundreds of `<option>` elements would each be streamed as a separate piece (React's server
 * payload defers every element past a row's first 3 KB), which cost a county's household list a fifth of its time.
 */
export function OptionList({ id, values }: { id: string; values: readonly string[] }) {
  return (
    <datalist id={id}>
      {values.map((value) => (
        <option key={value} value={value} />
      ))}
    </datalist>
  );
}
