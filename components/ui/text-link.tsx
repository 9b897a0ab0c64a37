import Link from 'next/link';
import type { ComponentProps } from 'react';

/**
 * A link in running text or a table: the brand colour, underlined under the pointer. `className` adds to it
 * (weight, size, spacing), e.g. `font-medium` for the name that opens a record.
 */
export function TextLink({ className, ...props }: ComponentProps<typeof Link>) {
  return (
    <Link
      className={className ? `${className} text-brand-700 hover:underline` : 'text-brand-700 hover:underline'}
      {...props}
    />
  );
}
