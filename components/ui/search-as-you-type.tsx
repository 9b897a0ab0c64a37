'use client';
import { useEffect, useRef } from 'react';

/**
 * Placed inside a search form (next/form, so it navigates on the client and the box keeps its focus): the
 * list follows what is typed in the field `name` once the typing pauses, without a tap on 查询.
 * It never takes the user anywhere they did not ask for: a pending search is dropped when the form is sent
 * (Enter, 查询), when the box has lost the focus (a result was opened) and when the page goes away.
 */
export function SearchAsYouType({ name, delay = 400 }: { name: string; delay?: number }) {
  const marker = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const form = marker.current?.closest('form');
    const field = form?.elements.namedItem(name);
    if (!form || !(field instanceof HTMLInputElement)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const cancel = () => clearTimeout(timer);
    const schedule = () => {
      cancel();
      timer = setTimeout(() => {
        if (document.activeElement === field) form.requestSubmit();
      }, delay);
    };
    const onInput = (event: Event) => {
      if (event.target === field) schedule();
    };
    form.addEventListener('input', onInput);
    form.addEventListener('submit', cancel);
    field.addEventListener('blur', cancel);
    // Typed before the page came alive (a slow phone): search for it now.
    if (field.value !== field.defaultValue) schedule();
    return () => {
      cancel();
      form.removeEventListener('input', onInput);
      form.removeEventListener('submit', cancel);
      field.removeEventListener('blur', cancel);
    };
  }, [name, delay]);
  return <span ref={marker} hidden />;
}
