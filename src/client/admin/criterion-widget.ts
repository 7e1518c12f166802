/**
 * The `criterion` widget of the browser editor: a list of must-haves, deal-breakers or scoring rules, each
 * edited as a plain sentence or as a rule (label, attribute, operator, values, and weight for scoring
 * rules), and written in exactly the shape of DESIGN §2.2 (criterion.ts does the conversion). It edits the
 * whole list because Decap's list widget cannot hold items that are a string here and an object there.
 *
 * Decap CMS renders widgets with React; its bundle exposes `h` (React.createElement) and `createClass`
 * for code without a React build step, which is what this file uses. Values reach the page as React
 * props and text, never as markup.
 */
import {
  type CriterionOptions,
  type Draft,
  describe,
  fromDrafts,
  operatorsFor,
  toDraft,
  toDrafts,
  withField,
} from './criterion.ts';

/** The few React and Decap shapes this widget touches. */
type Node = unknown;
type H = (type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]) => Node;
interface ImmutableLike {
  toJS(): unknown;
}
interface ControlProps {
  value: unknown;
  field: ImmutableLike;
  forID: string;
  classNameWrapper: string;
  onChange: (value: unknown) => void;
  setActiveStyle: () => void;
  setInactiveStyle: () => void;
}
interface Item {
  key: number;
  draft: Draft;
}
interface ControlThis {
  props: ControlProps;
  state: { items: Item[] };
  setState(state: { items: Item[] }): void;
  options(): CriterionOptions & { label?: string };
  commit(items: Item[]): void;
  renderItem(item: Item, index: number, count: number): Node;
}
export interface DecapGlobals {
  h: H;
  createClass: (spec: Record<string, unknown>) => unknown;
}

const plain = (value: unknown) =>
  value && typeof (value as ImmutableLike).toJS === 'function' ? (value as ImmutableLike).toJS() : value;

const OPERATOR_WORDS: Record<string, string> = {
  in: 'is one of',
  not_in: 'is none of',
  between: 'is between',
  min: 'is at least',
  max: 'is at most',
  includes_any: 'includes any of',
  includes_all: 'includes all of',
};

const STYLE = {
  item: { border: '1px solid #dfdfe3', borderRadius: '5px', padding: '12px', margin: '0 0 12px' },
  label: { display: 'block', fontSize: '12px', fontWeight: 600, margin: '0 0 4px' },
  row: { margin: '0 0 10px' },
  tools: { display: 'flex', gap: '8px', justifyContent: 'flex-end' },
  button: { padding: '4px 10px', border: '1px solid #798291', borderRadius: '3px', background: '#fff' },
};
const NUMBER = { type: 'number', inputMode: 'decimal', step: 'any' };

let nextKey = 0;
const itemsOf = (drafts: Draft[]): Item[] => drafts.map((draft) => ({ key: nextKey++, draft }));

/** The control and preview components, for `CMS.registerWidget('criterion', control, preview)`. */
export function criterionWidget({ h, createClass }: DecapGlobals): { control: unknown; preview: unknown } {
  const row = (label: string, id: string, input: Node) =>
    h('div', { style: STYLE.row }, h('label', { htmlFor: id, style: STYLE.label }, label), input);
  const button = (text: string, label: string, onClick: () => void, disabled = false) =>
    h('button', { type: 'button', 'aria-label': label, style: STYLE.button, onClick, disabled }, text);

  const control = createClass({
    getInitialState(this: ControlThis) {
      return { items: itemsOf(toDrafts(plain(this.props.value), this.options())) };
    },
    options(this: ControlThis) {
      return plain(this.props.field) as CriterionOptions & { label?: string };
    },
    commit(this: ControlThis, items: Item[]) {
      this.setState({ items });
      this.props.onChange(
        fromDrafts(
          items.map((i) => i.draft),
          this.options(),
        ),
      );
    },
    renderItem(this: ControlThis, item: Item, index: number, count: number) {
      const options = this.options();
      const { draft } = item;
      const { forID, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
      const id = index === 0 ? forID : `${forID}-${index}`;
      const update = (patch: Partial<Draft>) =>
        this.commit(
          this.state.items.map((i) =>
            i.key === item.key ? { key: i.key, draft: { ...i.draft, ...patch } } : i,
          ),
        );
      const focus = { onFocus: setActiveStyle, onBlur: setInactiveStyle };
      const input = (
        inputId: string,
        value: string,
        set: (v: string) => void,
        extra: Record<string, unknown> = {},
      ) =>
        h('input', {
          id: inputId,
          value,
          className: classNameWrapper,
          onChange: (e: { target: { value: string } }) => set(e.target.value),
          ...focus,
          ...extra,
        });
      const select = (
        inputId: string,
        value: string,
        choices: [string, string][],
        set: (v: string) => void,
      ) =>
        h(
          'select',
          {
            id: inputId,
            value,
            className: classNameWrapper,
            onChange: (e: { target: { value: string } }) => set(e.target.value),
            ...focus,
          },
          ...choices.map(([v, text]) => h('option', { key: v, value: v }, text)),
        );
      const parts: Node[] = [];
      if (options.sentence) {
        const kinds: [string, string][] = [
          ['sentence', 'Sentence (shown to readers, not scored)'],
          ['rule', 'Rule on an account attribute (scored)'],
        ];
        parts.push(
          row(
            'Kind',
            id,
            select(id, draft.kind, kinds, (kind) => update({ kind: kind as Draft['kind'] })),
          ),
        );
      }
      if (draft.kind === 'sentence' && options.sentence) {
        parts.push(
          row(
            'Sentence',
            `${id}-sentence`,
            input(`${id}-sentence`, draft.sentence, (sentence) => update({ sentence })),
          ),
        );
      } else {
        const labelId = options.sentence ? `${id}-label` : id;
        parts.push(
          row(
            'Label (what readers see)',
            labelId,
            input(labelId, draft.label, (label) => update({ label })),
          ),
        );
        const attributes = options.attributes.map((a): [string, string] => [a.name, `${a.name} (${a.type})`]);
        parts.push(
          row(
            'Attribute',
            `${id}-field`,
            select(`${id}-field`, draft.field, attributes, (field) =>
              update(withField(draft, field, options)),
            ),
          ),
        );
        const fits = operatorsFor(draft.field, options);
        const operators = fits.map((o): [string, string] => [
          o.name,
          `${OPERATOR_WORDS[o.name] ?? o.name} (${o.name})`,
        ]);
        parts.push(
          row(
            'Operator',
            `${id}-operator`,
            select(`${id}-operator`, draft.operator, operators, (operator) => update({ operator })),
          ),
        );
        const kind = fits.find((o) => o.name === draft.operator)?.value;
        if (kind === 'list') {
          const textarea = h('textarea', {
            id: `${id}-values`,
            value: draft.values,
            rows: Math.max(2, draft.values.split('\n').length),
            className: classNameWrapper,
            onChange: (e: { target: { value: string } }) => update({ values: e.target.value }),
            ...focus,
          });
          parts.push(row('Values, one per line', `${id}-values`, textarea));
        } else if (kind === 'range') {
          parts.push(
            row(
              'From',
              `${id}-low`,
              input(`${id}-low`, draft.low, (low) => update({ low }), NUMBER),
            ),
            row(
              'To',
              `${id}-high`,
              input(`${id}-high`, draft.high, (high) => update({ high }), NUMBER),
            ),
          );
        } else if (kind === 'number') {
          parts.push(
            row(
              'Value',
              `${id}-low`,
              input(`${id}-low`, draft.low, (low) => update({ low }), NUMBER),
            ),
          );
        }
        if (options.weight) {
          const { min, max } = options.weight;
          const weight = input(`${id}-weight`, draft.weight, (w) => update({ weight: w }), {
            ...NUMBER,
            min,
            max,
          });
          parts.push(row(`Weight (${min}–${max})`, `${id}-weight`, weight));
        }
      }
      const items = this.state.items;
      const move = (to: number) => {
        const next = items.slice();
        const [moved] = next.splice(index, 1);
        if (moved) next.splice(to, 0, moved);
        this.commit(next);
      };
      const n = index + 1;
      parts.push(
        h(
          'div',
          { style: STYLE.tools },
          button('↑', `Move item ${n} up`, () => move(index - 1), index === 0),
          button('↓', `Move item ${n} down`, () => move(index + 1), index === count - 1),
          button('Remove', `Remove item ${n}`, () => this.commit(items.filter((i) => i.key !== item.key))),
        ),
      );
      return h(
        'div',
        {
          key: item.key,
          style: STYLE.item,
          'data-criterion': draft.kind === 'sentence' && options.sentence ? 'sentence' : 'rule',
        },
        ...parts,
      );
    },
    render(this: ControlThis) {
      const options = this.options();
      const { items } = this.state;
      const add = () => this.commit([...items, ...itemsOf([toDraft(undefined, options)])]);
      return h(
        'div',
        { 'data-criteria': '' },
        ...items.map((item, index) => this.renderItem(item, index, items.length)),
        button(
          `Add ${options.sentence ? 'criterion' : 'rule'}`,
          `Add ${options.sentence ? 'criterion' : 'rule'}`,
          add,
        ),
      );
    },
  });

  const preview = (props: { value: unknown }) => {
    const value = plain(props.value);
    const list = Array.isArray(value) ? value : [];
    return h('ul', null, ...list.map((item, i) => h('li', { key: i }, describe(item))));
  };
  return { control, preview };
}
