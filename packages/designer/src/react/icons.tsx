// Inline SVG icons: they render the same in every browser and in every export (emoji depend on
// the fonts a machine has). Each sits beside a word, never alone (colour and icon are not the only signal).
const paths = {
  lock: 'M5 7V5a3 3 0 0 1 6 0v2h1v7H4V7h1zm2 0h2V5a1 1 0 0 0-2 0v2z',
  warning: 'M8 1l7 13H1L8 1zm-1 5v4h2V6H7zm0 5v2h2v-2H7z',
  error: 'M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1zM5 4L4 5l3 3-3 3 1 1 3-3 3 3 1-1-3-3 3-3-1-1-3 3-3-3z',
  ok: 'M6 11L2.5 7.5 4 6l2 2 6-6 1.5 1.5L6 11z',
  plus: 'M7 2h2v5h5v2H9v5H7V9H2V7h5V2z',
  bolt: 'M9 1L3 9h4l-1 6 6-8H8l1-6z',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, title }: { name: IconName; title?: string }) {
  return (
    <svg className={`pw-icon pw-icon--${name}`} viewBox="0 0 16 16" width="12" height="12" aria-hidden={title ? undefined : true} role={title ? 'img' : undefined} focusable="false">
      {title ? <title>{title}</title> : null}
      <path d={paths[name]} fill="currentColor" />
    </svg>
  );
}
