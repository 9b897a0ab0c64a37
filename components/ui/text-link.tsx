import Link from 'next/link';
import type { ComponentProps } from 'react';

// Underlined as well as blue, so a link in a sentence is told from its text without colour (a light line,
// full strength under the pointer).
const LINK = 'text-brand-700 underline decoration-brand-200 underline-offset-4 hover:decoration-current';

/**
 * A link in running text or a table. `className` adds to it (weight, size, spacing), e.g. `font-medium` for
 * the name that opens a record.
 */
export function TextLink({ className, ...props }: ComponentProps<typeof Link>) {
  return <Link className={className ? `${className} ${LINK}` : LINK} {...props} />;
}
