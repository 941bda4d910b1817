/** The Mosaico mark: four tiles. Decorative; the brand text names the link. */
export function Logo({ className }: { className?: string }) {
  return (
    <svg className={`icon mosaico-logo ${className ?? ''}`} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect x="2" y="2" width="13" height="13" rx="2" fill="currentColor" />
      <rect x="17" y="2" width="13" height="13" rx="2" fill="currentColor" opacity="0.6" />
      <rect x="2" y="17" width="13" height="13" rx="2" fill="currentColor" opacity="0.6" />
      <rect x="17" y="17" width="13" height="13" rx="2" fill="currentColor" />
    </svg>
  );
}
