import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { useLocation } from 'react-router';

interface FlashMessage {
  text: string;
  path: string;
  variant: 'success' | 'info' | 'warning';
  id: number;
}

interface FlashApi {
  /** Shows a confirmation on `path` (the current page by default), e.g. just before navigating there. */
  show: (text: string, opts?: { path?: string; variant?: FlashMessage['variant'] }) => void;
  clear: () => void;
  message: FlashMessage | null;
}

const FlashContext = createContext<FlashApi | null>(null);

export function FlashProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<FlashMessage | null>(null);
  const show = useCallback<FlashApi['show']>((text, opts) => {
    setMessage({ text, path: opts?.path ?? window.location.pathname, variant: opts?.variant ?? 'success', id: Date.now() });
  }, []);
  const clear = useCallback(() => setMessage(null), []);
  const value = useMemo(() => ({ show, clear, message }), [show, clear, message]);
  return <FlashContext.Provider value={value}>{children}</FlashContext.Provider>;
}

export function useFlash(): FlashApi {
  const ctx = useContext(FlashContext);
  if (!ctx) throw new Error('useFlash outside FlashProvider');
  return ctx;
}

/**
 * A live region that stays mounted across pages, so confirmations ("Salvato") are announced;
 * the message is shown only on the page it was meant for.
 */
export function FlashRegion() {
  const { message } = useFlash();
  const { pathname } = useLocation();
  const visible = message && message.path === pathname ? message : null;
  return (
    <div role="status" aria-live="polite" aria-atomic="true">
      {visible && (
        <div key={visible.id} className={`alert alert-${visible.variant}`}>
          {visible.text}
        </div>
      )}
    </div>
  );
}
