import { unsafeConstructsIn } from '../mdx-safety.ts';
import { defineRule } from '../rule.ts';

export const rule = defineRule({
  id: 'unsafe-mdx',
  severity: 'error',
  description:
    'Anything a content body may not contain: imports and exports, `{…}` expressions, `<script>`, ' +
    '`<style>`, `<iframe>` and similar elements, `on*` attributes, `javascript:` / `data:` URLs, and ' +
    'components that are not allow-listed.',
  docs:
    'Content comes from pull requests by people who are not engineers, and CI holds secrets. MDX is a ' +
    'programming language: compiled, its imports, exports and `{…}` expressions run as JavaScript. ' +
    'Playbook never compiles content; it parses it and refuses whatever could run code or change the page ' +
    'around it. Bodies may use Markdown, GFM (tables, task lists, footnotes), lowercase HTML elements such ' +
    'as `<div>`, `<details>` or `<img>`, and the components listed in `mdx.components` in playbook.yaml. ' +
    'Each finding names the construct and the safe way to write the same thing.',
  messages: {
    esm:
      'The body has an "{{keyword}}" statement. Pages are content, not code, so MDX imports and exports ' +
      'are not allowed.',
    expression:
      'The body has a "{…}" expression ({{code}}). Expressions are JavaScript that would run when the site ' +
      'is built, so content may not use them.',
    comment:
      'The body has an MDX comment ({{code}}). Comments are written as "{…}" expressions, which content ' +
      'may not use.',
    element: 'The body uses a <{{name}}> element, which can run code or change the page around it.',
    component: 'The body uses the component <{{name}}>, which is not in the list of allowed components.',
    eventHandler:
      'The <{{element}}> element has an "{{name}}" attribute: event handlers run JavaScript in the ' +
      "reader's browser.",
    spread: 'The <{{element}}> element takes attributes from an expression ({{code}}), which is JavaScript.',
    attributeExpression:
      'The "{{name}}" attribute of <{{element}}> is an expression ({{code}}), which is JavaScript.',
    url: 'The {{where}} uses a "{{scheme}}:" address, which can run code or smuggle content into the page.',
    html: 'The body contains raw HTML that cannot be checked ({{code}}).',
  },
  hints: {
    esm:
      'Delete the line. To use a component, write it as a tag (e.g. <Callout>…</Callout>); engineers add ' +
      'components to mdx.components in playbook.yaml.',
    expression: 'Write the text itself. For literal braces, escape them: \\{ and \\}.',
    comment: 'Delete the comment; leave notes for reviewers in the pull request instead.',
    element: '{{advice}}',
    component:
      '{{suggestion}}Allowed components: {{allowed}}. To allow another one, ask an engineer to add it to ' +
      'mdx.components in playbook.yaml.',
    eventHandler: 'Remove the attribute: pages cannot run scripts.',
    spread: 'Write each attribute out as name="value".',
    attributeExpression: 'Write the value as text in quotes: {{name}}="…".',
    url:
      'Link to an https:// address or a playbook page such as /personas/<id>/; for images, link to a file ' +
      'by its path or https:// address.',
    html: 'Rewrite it in Markdown or with plain lowercase HTML elements.',
  },
  check({ graph, config, report }) {
    for (const found of unsafeConstructsIn(graph.entries, config.mdx.components)) report(found);
  },
});
