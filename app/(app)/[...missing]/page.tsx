import { notFound } from 'next/navigation';

// An address no page answers: inside the signed-in frame, so the menus lead on (the (app) layout signs in first).
// Here and not in the root not-found, which Next renders into every page's payload: with the frame, twice more.
export default function MissingPage() {
  notFound();
}
