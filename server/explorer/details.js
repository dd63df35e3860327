// details.js: the panel shown when an edge is clicked: for each relation it
// merges, the sentences behind it with their documents, or, for an
// inferred relation, the rule and the chain of facts it was inferred from.
// All text goes in through textContent: names and sentences are data.

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function sourceLine(p) {
  const parts = [];
  if (p.document === 'reference') {
    parts.push(`reference lexicon, ${p.sentence}`);
  } else {
    parts.push(p.document);
  }
  if (p.rule) parts.push(`rule ${p.rule}`);
  if (typeof p.confidence === 'number') parts.push(`confidence ${p.confidence.toFixed(2)}`);
  if (p.hedged) parts.push('hedged');
  if (p.negated) parts.push('negated');
  return parts.join(' · ');
}

// Appends the sentences of `sentences` (provenance records) to `parent`.
function appendSentences(parent, sentences, total) {
  for (const p of sentences) {
    // A lexicon row has no sentence, only its file and line.
    if (p.document !== 'reference') parent.append(element('blockquote', p.sentence, 'sentence'));
    parent.append(element('p', sourceLine(p), 'source'));
  }
  if (total > sentences.length) {
    parent.append(element('p', `${total - sentences.length} more not shown`, 'muted'));
  }
}

function factTitle(fact) {
  const arrow = fact.both ? '↔' : '→';
  return `${fact.source} ${arrow} ${fact.negated ? 'not ' : ''}${fact.relation} ${arrow} ${fact.target}`;
}

// Replaces the contents of `panel` with the facts of `edge` (graph.js).
export function showEdgeDetails(panel, edge) {
  panel.replaceChildren();
  for (const fact of edge.facts) {
    const section = element('section', null, 'fact');
    section.append(element('h3', factTitle(fact)));
    if (fact.inferred) {
      section.append(element('p', `Inferred by the rule ${fact.rule || '(unnamed)'} from:`));
      const chain = element('ol', null, 'premises');
      for (const premise of fact.premises || []) {
        const item = element('li', `${premise.source} ${premise.relation} ${premise.target}`);
        if (premise.sentences && premise.sentences.length > 0) {
          appendSentences(item, premise.sentences.slice(0, 2), premise.sentences.length);
        }
        chain.append(item);
      }
      section.append(chain);
    } else if ((fact.sentences || []).length === 0) {
      section.append(element('p', 'No sentence recorded for this relation.', 'muted'));
    } else {
      appendSentences(section, fact.sentences, fact.supportCount ?? fact.sentences.length);
    }
    panel.append(section);
  }
  panel.scrollIntoView({ block: 'nearest' });
}

export { element };
