import type { Segment } from '../../../../common/contract';

/** A snippet as text, the words that matched the query in <mark>. Never parsed as HTML. */
export function Snippet({ segments, id }: { segments: readonly Segment[]; id?: string }) {
  return (
    <p className="snippet" id={id}>
      {segments.map((segment, index) =>
        segment.hit ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>,
      )}
    </p>
  );
}
