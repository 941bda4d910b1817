import sprite from 'bootstrap-italia/dist/svg/sprites.svg?url';

interface IconProps {
  /** Bootstrap Italia icon name without the "it-" prefix, e.g. "close". */
  name: string;
  size?: 'xs' | 'sm' | 'lg' | 'xl';
  color?: 'primary' | 'white' | 'secondary' | 'success' | 'warning' | 'danger';
  className?: string;
}

/** A decorative Bootstrap Italia icon: always hidden from assistive technology, so give its control a text name. */
export function Icon({ name, size, color, className }: IconProps) {
  const classes = ['icon', size && `icon-${size}`, color && `icon-${color}`, className].filter(Boolean).join(' ');
  return (
    <svg className={classes} aria-hidden="true" focusable="false">
      <use href={`${sprite}#it-${name}`} />
    </svg>
  );
}
