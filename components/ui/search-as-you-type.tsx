'use client';
import { useEffect, useRef } from 'react';

/**
 * Placed inside a search form: the list follows what is typed in the field `name`, once the typing pauses,
 * without a tap on 查询. With next/form the form navigates on the client, so the field keeps its focus.
 */
export function SearchAsYouType({ name, delay = 400 }: { name: string; delay?: number }) {
  const marker = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const form = marker.current?.closest('form');
    if (!form) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onInput = (event: Event) => {
      if ((event.target as HTMLInputElement | null)?.name !== name) return;
      clearTimeout(timer);
      timer = setTimeout(() => form.requestSubmit(), delay);
    };
    form.addEventListener('input', onInput);
    return () => {
      clearTimeout(timer);
      form.removeEventListener('input', onInput);
    };
  }, [name, delay]);
  return <span ref={marker} hidden />;
}
