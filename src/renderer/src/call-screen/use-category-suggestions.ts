import { useEffect, useState } from 'react';
import { useCall } from '../api/use-call';
import { useLinkState, useWorkstation } from '../shell/api-context';

/** confidence null: matched by the keywords an administrator gave a category the classifier has not learned yet. */
export type Suggestion = { category: string; confidence: number | null };

/** The core's classifier reads this much of the description (its limit for the call). */
const classifiedChars = 4000;

/** Learned suggestions: the three likeliest categories for what the caller said, offline too. */
export function useCategorySuggestions(description: string): Suggestion[] {
  const { api } = useWorkstation();
  const link = useLinkState();
  const call = useCall();
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);

  useEffect(() => {
    if (link !== 'open') return;
    const text = description.slice(0, classifiedChars);
    void call(() => api.tickets.suggestCategories({ text }), { failure: 'suggestCategories', background: true }).then((found) =>
      setSuggestions(found ?? []),
    );
  }, [api, call, link, description]);

  return description.trim().length >= 2 ? suggestions : [];
}
