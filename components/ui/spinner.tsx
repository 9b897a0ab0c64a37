/** The turning ring shown while something is on its way; takes the colour of the text around it unless `muted`. */
export function Spinner({ size = 'sm', muted = false }: { size?: 'sm' | 'md'; muted?: boolean }) {
  return (
    <span
      className={`${size === 'sm' ? 'h-4 w-4' : 'h-5 w-5'} animate-spin rounded-full border-2 ${muted ? 'border-slate-400' : 'border-current'} border-t-transparent`}
      aria-hidden
    />
  );
}
