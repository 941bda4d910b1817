import type { ReactNode } from 'react';

interface AlertProps {
  variant?: 'info' | 'success' | 'warning' | 'danger';
  title?: string;
  children?: ReactNode;
  /** "alert" interrupts screen readers: use it only for errors that appear after an action. */
  role?: 'alert' | 'status';
  className?: string;
}

export function Alert({ variant = 'info', title, children, role, className }: AlertProps) {
  return (
    <div className={`alert alert-${variant} ${className ?? ''}`} role={role}>
      {title && <h2 className="h5 alert-heading">{title}</h2>}
      {children}
    </div>
  );
}
