import { useEffect, useRef } from 'react';
import { Outlet, ScrollRestoration, useLocation } from 'react-router';
import { useSession } from '../modules/auth/api.ts';
import { FlashRegion } from '../ui/Flash.tsx';
import { Footer } from './Footer.tsx';
import { Header } from './Header.tsx';
import { SkipLinks } from './SkipLinks.tsx';

/** After a navigation, focus moves to the new page's h1 (or to main), so screen readers start there. */
function useFocusOnNavigate() {
  const { pathname } = useLocation();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every change of page, which pathname marks
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const id = requestAnimationFrame(() => {
      const target = document.querySelector<HTMLElement>('#main-content h1') ?? document.getElementById('main-content');
      target?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(id);
  }, [pathname]);
}

export function Layout() {
  const session = useSession();
  useFocusOnNavigate();
  return (
    <>
      <SkipLinks hasMenu={!!session.data?.me} />
      <Header />
      <main id="main-content" tabIndex={-1} className="container pt-3 pb-5">
        <FlashRegion />
        <Outlet />
      </main>
      <Footer />
      <ScrollRestoration />
    </>
  );
}
