// A paper's text with its concept mentions marked: the text between spans becomes
// text nodes, each span a button-role element that selects its concept. Spans are UTF-16 offsets,
// the unit of JavaScript strings, so they slice the text directly.
import type { Field, PaperConcept } from '../../../src/graph/model.ts';
import { h } from '../dom.ts';

interface Mark {
  start: number;
  end: number;
  concept: PaperConcept;
}

export function markedText(text: string, field: Field, concepts: PaperConcept[], onConcept: (id: string) => void): DocumentFragment {
  const marks: Mark[] = [];
  for (const concept of concepts) {
    for (const span of concept.spans) {
      if (span.field === field && span.start >= 0 && span.end <= text.length && span.end > span.start) marks.push({ start: span.start, end: span.end, concept });
    }
  }
  // Earliest first, longest first at one start: a nested mention ("plasticity"
  // inside "synaptic plasticity") yields to the phrase that contains it.
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  const fragment = document.createDocumentFragment();
  let cursor = 0;
  for (const mark of marks) {
    if (mark.start < cursor) continue;
    if (mark.start > cursor) fragment.append(document.createTextNode(text.slice(cursor, mark.start)));
    const id = mark.concept.id;
    // A span with a button role, not a <button>: buttons are inline blocks, and a
    // multi-word mention must wrap with the sentence around it.
    fragment.append(
      h(
        'span',
        {
          className: 'mention',
          attrs: { role: 'button', tabindex: 0, title: `Concept: ${mark.concept.label}`, 'data-concept': id },
          on: {
            click: () => onConcept(id),
            keydown: (event) => {
              if (event.key !== 'Enter' && event.key !== ' ') return;
              event.preventDefault();
              onConcept(id);
            },
          },
        },
        text.slice(mark.start, mark.end),
      ),
    );
    cursor = mark.end;
  }
  if (cursor < text.length) fragment.append(document.createTextNode(text.slice(cursor)));
  return fragment;
}
