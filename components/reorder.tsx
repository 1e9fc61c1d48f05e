"use client";

import { createContext, useActionState, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import type { FormState } from "@/lib/form";
import type { Direction } from "@/lib/taxonomy";

// Keyboard-operable reordering of a list (parties, issues): "Move … up" / "Move … down"
// buttons per row. After a move the list re-renders in its new order; focus stays on the moved
// row's button and one status line, shared by the list, says where it went.

type Announce = (message: { text: string; error: boolean }) => void;
const AnnounceContext = createContext<Announce>(() => {});

/** The list's status line (a live region that is always there, so a change is announced). */
export function ReorderStatus({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState({ text: "", error: false });
  return (
    <AnnounceContext.Provider value={setMessage}>
      <p role="status" className={message.text ? (message.error ? "form-error" : "notice") : "visually-hidden"}>
        {message.text}
      </p>
      {children}
    </AnnounceContext.Provider>
  );
}

export function MoveButtons({
  action,
  name,
  version,
  position,
  total,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  name: string;
  version: number;
  /** 1-based place in the list as shown. */
  position: number;
  total: number;
}) {
  const [state, formAction] = useActionState(action, {});
  const announce = useContext(AnnounceContext);
  const pressed = useRef<Direction | null>(null);
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  const first = position === 1;
  const last = position === total;

  useEffect(() => {
    if (!pressed.current) return;
    announce({ text: state.status ?? state.formError ?? "", error: !state.status });
    // The row may have moved in the page: focus its button again, or the other one once it
    // reached the end of the list (a disabled button cannot hold focus).
    const again = pressed.current === "up" ? (first ? down : up) : last ? up : down;
    again.current?.focus();
    // Runs once per answer from the server (a new state object), with the list as re-rendered.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  return (
    <form action={formAction} className="inline-form move-form">
      <input type="hidden" name="version" value={String(version)} readOnly />
      <button ref={up} type="submit" name="direction" value="up" className="button small" disabled={first} onClick={() => (pressed.current = "up")}>
        Move<span className="visually-hidden"> <bdi>{name}</bdi></span> up
      </button>
      <button ref={down} type="submit" name="direction" value="down" className="button small" disabled={last} onClick={() => (pressed.current = "down")}>
        Move<span className="visually-hidden"> <bdi>{name}</bdi></span> down
      </button>
    </form>
  );
}
