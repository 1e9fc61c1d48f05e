"use client";

import { useEffect, useRef } from "react";

/** A heading that takes focus when it appears (a details panel opened from a cell), so keyboard and screen-reader users land in it. */
export function FocusHeading({ id, children, className }: { id: string; children: React.ReactNode; className?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [id]);
  return (
    <h2 id={id} ref={ref} tabIndex={-1} className={className}>
      {children}
    </h2>
  );
}
