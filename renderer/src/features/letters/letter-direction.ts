import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { isolatedRuns, paragraphDirection } from '../../../../shared/templates/direction';

/*
 * The same direction rule on screen as in the PDF (shared/templates/direction.ts): each paragraph
 * gets dir="ltr" or dir="rtl" from its own text, and a right-to-left stretch inside an English
 * paragraph is wrapped in an element with dir="rtl", which browsers isolate. The browser's own
 * guess (first strong letter) would turn an English sentence that starts with an Arabic name around.
 */

/** A paragraph's text with one character per document position (a line break is "\n"). */
function positionText(block: PmNode): string {
  let text = '';
  block.forEach((child) => {
    text += child.isText ? (child.text ?? '') : child.type.name === 'hardBreak' ? '\n' : '\uFFFC';
  });
  return text;
}

function decorate(doc: PmNode): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const text = positionText(node);
    decorations.push(Decoration.node(pos, pos + node.nodeSize, { dir: paragraphDirection(text) }));
    for (const run of isolatedRuns(text)) {
      decorations.push(
        Decoration.inline(pos + 1 + run.start, pos + 1 + run.end, { dir: 'rtl', class: 'heard-isolate' }),
      );
    }
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

const key = new PluginKey('heardLetterDirection');

export const LetterDirection = Extension.create({
  name: 'letterDirection',
  addProseMirrorPlugins() {
    const cache = new WeakMap<PmNode, DecorationSet>();
    return [
      new Plugin({
        key,
        props: {
          decorations(state) {
            let set = cache.get(state.doc);
            if (!set) cache.set(state.doc, (set = decorate(state.doc)));
            return set;
          },
        },
      }),
    ];
  },
});
