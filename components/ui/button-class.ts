// Button styles, usable from server and client components alike.
export const BUTTON_VARIANTS = {
  primary: 'bg-brand-700 text-white hover:bg-brand-800 disabled:bg-brand-700/60',
  secondary: 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 disabled:opacity-60',
  danger: 'border border-red-300 bg-white text-red-700 hover:bg-red-50 disabled:opacity-60',
} as const;

export function buttonClass(variant: keyof typeof BUTTON_VARIANTS = 'primary') {
  return `inline-flex min-h-11 items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-medium shadow-sm transition ${BUTTON_VARIANTS[variant]}`;
}
