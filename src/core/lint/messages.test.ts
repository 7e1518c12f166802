import { describe, expect, test } from 'vitest';
import { RULES } from './rules/index.ts';

interface Templates {
  messages: Record<string, string>;
  hints: Record<string, string>;
}

/**
 * Every message and hint template of every rule in the registry, word for word, by rule id and
 * message id. Rule tests assert message ids and positions; wording lives here, so a change to it
 * shows up in review. Adding, removing or rewording a template means changing this table too.
 */
const TEMPLATES: Record<string, Templates> = {
  'yaml-syntax': {
    messages: {
      problem: '{{message}}',
    },
    hints: {
      problem: '{{hint}}',
    },
  },
  schema: {
    messages: {
      problem: '{{message}}',
    },
    hints: {
      problem: '{{hint}}',
    },
  },
  'invalid-id': {
    messages: {
      notKebab:
        'The file name "{{file}}" is not a valid id: ids are lowercase kebab-case (a-z, 0-9 and ' +
        'single hyphens).',
      caseClash: '{{label}} id "{{id}}" differs from {{others}} only in letter case.',
    },
    hints: {
      notKebab: 'Rename the file to {{suggestion}} and update every reference to it.',
      caseClash:
        'Rename or merge the files so each {{type}} has its own lowercase id: on macOS and ' +
        'Windows these names are one file.',
    },
  },
  'unknown-reference': {
    messages: {
      missingIcp: 'Persona "{{id}}" names ICP "{{target}}", which does not exist.',
      missingRelated: 'Glossary term "{{id}}" lists related term "{{target}}", which does not exist.',
      missingTyped: 'The link {{raw}} points to {{label}} "{{target}}", which does not exist.',
      missingUntyped:
        'The link {{raw}} points to "{{target}}", but no ICP, persona, glossary term or ' +
        'guide has that id.',
      unknownType: 'The link {{raw}} uses the type "{{kind}}", which is not a content type.',
      ambiguous: 'The link {{raw}} is ambiguous: "{{target}}" is {{candidates}}.',
    },
    hints: {
      missingIcp: '{{advice}}',
      missingRelated: '{{advice}}',
      missingTyped: '{{advice}}',
      missingUntyped: '{{advice}}',
      unknownType: '{{advice}}',
      ambiguous: 'Say which one you mean: {{choices}}.',
    },
  },
  'orphan-persona': {
    messages: {
      empty: 'Persona "{{id}}" belongs to no ICP: its "icps" list is empty.',
      unresolved: 'Persona "{{id}}" belongs to no existing ICP: {{names}} {{verb}} not exist.',
    },
    hints: {
      empty: 'Add the id of at least one ICP from icps/ to "icps", e.g. icps: [{{example}}].',
      unresolved: 'Point "icps" at an ICP file in icps/ (existing ids: {{known}}).',
    },
  },
  'retired-reference': {
    messages: {
      allRetired: 'Persona "{{id}}" is {{status}}, but every ICP it belongs to is retired: {{icps}}.',
    },
    hints: {
      allRetired: 'Set "status: retired" on the persona, or add an active ICP to its "icps".',
    },
  },
  'icp-without-personas': {
    messages: {
      none: 'ICP "{{id}}" is active, but no active persona belongs to it.',
      onlyInactive:
        'ICP "{{id}}" is active, but every persona that belongs to it is {{inactive}}: ' + '{{names}}.',
    },
    hints: {
      none: 'Add a persona with "icps: [{{id}}]" (npm run new -- persona "Name" --icp {{id}}).',
      onlyInactive:
        'Set "status: active" on one of them once it is ready, or add a new persona with ' +
        '"icps: [{{id}}]".',
    },
  },
  'personas-per-icp': {
    messages: {
      none: 'ICP "{{id}}" has no personas; the playbook expects {{range}}.',
      tooFew: 'ICP "{{id}}" has {{personas}} ({{names}}); the playbook expects {{range}}.',
      tooMany: 'ICP "{{id}}" has {{personas}} ({{names}}); the playbook expects {{range}}.',
    },
    hints: {
      none:
        'Add personas for the people in the buying decision with "icps: [{{id}}]", starting with the ' +
        'economic buyer.',
      tooFew:
        'Add personas for the other people in the buying decision (economic buyer, champion, ' +
        'technical buyer, end user), or change lint.personas_per_icp in playbook.yaml.',
      tooMany:
        'Merge personas that play the same role, move some to a better-fitting ICP, or change ' +
        'lint.personas_per_icp in playbook.yaml.',
    },
  },
  'dmu-coverage': {
    messages: {
      missing: 'ICP "{{id}}" has no persona in the {{roles}} {{role}} (required by the playbook).',
    },
    hints: {
      missing:
        'Add a persona with dmu_roles: [{{first}}] and icps: [{{id}}], or add the role to an ' +
        'existing persona of this ICP if that person really plays it.',
    },
  },
  'icp-filters': {
    messages: {
      mustHaves: 'ICP "{{id}}" lists {{count}} {{criteria}}; at least {{min}} are recommended.',
      dealBreakers: 'ICP "{{id}}" lists {{count}} {{criteria}}; at least {{min}} are recommended.',
    },
    hints: {
      mustHaves:
        'Add firmographic criteria every good-fit account meets (size, industry, region, growth ' +
        'stage), as rules such as { label: "200–1,500 employees", field: employees, between: [200, 1500] } ' +
        'or as plain sentences.',
      dealBreakers:
        'Add what rules an account out (e.g. public sector, on-premise only, below a size), as ' +
        'rules such as { label: "Public sector", field: industry, in: [Government] } or as plain sentences.',
    },
  },
  'range-order': {
    messages: {
      minAboveMax: '{{where}} has min {{min}} above max {{max}}, so nothing can fall inside the range.',
      betweenReversed:
        '{{where}} has between: [{{first}}, {{second}}] with the larger number first, so no ' +
        'account can match it.',
    },
    hints: {
      minAboveMax:
        'Swap the two values (min is the lower bound, max the upper bound), or correct the one ' +
        'that is wrong.',
      betweenReversed: 'Write the lower bound first: between: [{{second}}, {{first}}].',
    },
  },
  'market-sizing': {
    messages: {
      larger:
        '{{inner}} {{measure}} ({{innerFigure}}) is larger than {{outer}} {{measure}} ' +
        '({{outerFigure}}): the {{innerShort}} is part of the {{outerShort}}, so it cannot be bigger.',
    },
    hints: {
      larger:
        'Check both figures against your source{{source}}: look for a missing zero or a different ' +
        'unit. The order must be SOM ≤ SAM ≤ TAM for accounts and for value.',
    },
  },
  'stale-review': {
    messages: {
      stale:
        'This {{label}} was last reviewed {{age}} days ago ({{date}}); a review was due on {{due}} ' +
        '(every {{cadence}} days).',
      veryStale:
        'This {{label}} was last reviewed {{age}} days ago ({{date}}), more than {{factor}} times its ' +
        '{{cadence}}-day review cadence; the review was due on {{due}}.',
    },
    hints: {
      stale:
        'Check the page with its owners against what you hear from customers today, then set ' +
        'last_reviewed to the date of that review. The cadence comes from {{source}}.',
      veryStale:
        'Check the page with its owners against what you hear from customers today, then set ' +
        'last_reviewed to the date of that review. If the page is no longer used, set status: retired. The ' +
        'cadence comes from {{source}}, the error threshold from lint.stale_error_factor in playbook.yaml.',
    },
  },
  'future-date': {
    messages: {
      future:
        '"{{field}}" is {{date}}, {{days}} after today ({{today}}), but it records {{what}}, which ' +
        'cannot be in the future.',
    },
    hints: {
      future:
        'Write the date it actually happened, today at the latest, as YYYY-MM-DD (check the year and ' +
        'the month). To schedule the next review, set review_every_days instead.',
    },
  },
  'placeholder-text': {
    messages: {
      field: 'The field "{{field}}" still holds the placeholder "{{found}}".',
      fieldNotApplicable: 'The field "{{field}}" is "{{found}}" (not applicable).',
      body: 'The text still holds the placeholder "{{found}}".',
    },
    hints: {
      field:
        'Replace it with the real content, or remove the item or field until it is known: ' +
        'placeholders are published as they are.',
      fieldNotApplicable:
        'Remove the field or item instead: optional fields that do not apply are simply ' + 'left out.',
      body:
        'Replace it with the real content, or remove the sentence until it is known: placeholders are ' +
        'published as they are.',
    },
  },
  'thin-evidence': {
    messages: {
      few: 'Persona "{{id}}" rests on {{interviews}}, fewer than the {{min}} the playbook asks for.',
      none: 'Persona "{{id}}" has no interviews recorded, so nothing shows it describes real buyers.',
    },
    hints: {
      few:
        'Talk to more people in this role and update evidence.interviews. Until then, treat the persona ' +
        'as a hypothesis. (The minimum is lint.min_interviews in playbook.yaml.)',
      none:
        'After talking to at least {{min}} people in this role, add "evidence: { interviews: <number>, ' +
        'last_interview: YYYY-MM-DD }". (The minimum is lint.min_interviews in playbook.yaml.)',
    },
  },
  'unsafe-mdx': {
    messages: {
      esm:
        'The body has an "{{keyword}}" statement. Pages are content, not code, so MDX imports and ' +
        'exports are not allowed.',
      expression:
        'The body has a "{…}" expression ({{code}}). Expressions are JavaScript that would run ' +
        'when the site is built, so content may not use them.',
      comment:
        'The body has an MDX comment ({{code}}). Comments are written as "{…}" expressions, which ' +
        'content may not use.',
      element: 'The body uses a <{{name}}> element, which can run code or change the page around it.',
      component: 'The body uses the component <{{name}}>, which is not in the list of allowed components.',
      eventHandler:
        'The <{{element}}> element has an "{{name}}" attribute: event handlers run JavaScript ' +
        "in the reader's browser.",
      spread:
        'The <{{element}}> element takes attributes from an expression ({{code}}), which is ' + 'JavaScript.',
      attributeExpression:
        'The "{{name}}" attribute of <{{element}}> is an expression ({{code}}), which ' + 'is JavaScript.',
      url: 'The {{where}} uses a "{{scheme}}:" address, which can run code or smuggle content into the page.',
      html: 'The body contains raw HTML that cannot be checked ({{code}}).',
    },
    hints: {
      esm:
        'Delete the line. To use a component, write it as a tag (e.g. <Callout>…</Callout>); engineers ' +
        'add components to mdx.components in playbook.yaml.',
      expression: 'Write the text itself. For literal braces, escape them: \\{ and \\}.',
      comment: 'Delete the comment; leave notes for reviewers in the pull request instead.',
      element: '{{advice}}',
      component:
        '{{suggestion}}Allowed components: {{allowed}}. To allow another one, ask an engineer to ' +
        'add it to mdx.components in playbook.yaml.',
      eventHandler: 'Remove the attribute: pages cannot run scripts.',
      spread: 'Write each attribute out as name="value".',
      attributeExpression: 'Write the value as text in quotes: {{name}}="…".',
      url:
        'Link to an https:// address or a playbook page such as /personas/<id>/; for images, link to a ' +
        'file by its path or https:// address.',
      html: 'Rewrite it in Markdown or with plain lowercase HTML elements.',
    },
  },
  'mdx-syntax': {
    messages: {
      problem: '{{message}}',
    },
    hints: {
      problem: '{{hint}}',
    },
  },
  'broken-link': {
    messages: {
      page:
        'The link "{{url}}" points at {{what}}, which does not exist, so readers would land on the ' +
        '"not found" page.',
      term: 'The link "{{url}}" points at the glossary term "{{id}}", which does not exist.',
      file: 'The link "{{url}}" points at the file "{{path}}", which is not in the content folder.',
      outside: 'The link "{{url}}" climbs out of the content folder, so it cannot reach a playbook page.',
      empty: 'A link has no address, so it leads nowhere.',
    },
    hints: {
      page: '{{suggestion}}',
      term: '{{suggestion}}',
      file: '{{suggestion}}',
      outside:
        'Link to a content file by its path from this file, e.g. ../personas/<id>.mdx, or to a page ' +
        'such as /personas/<id>/.',
      empty:
        'Put the address between the parentheses, e.g. [Pricing guide](/guides/pricing/), or remove ' +
        'the link.',
    },
  },
  'glossary-collision': {
    messages: {
      collision: 'The {{kind}} "{{value}}" of glossary term "{{id}}" is also used by {{others}}.',
    },
    hints: {
      collision:
        'Each term, abbreviation and alias may belong to one glossary entry only: remove ' +
        '"{{value}}" from one of them, or merge the entries.',
    },
  },
};

const rules = RULES.map((r) => [r.id, r] as const);

describe('message templates', () => {
  test('the table covers every rule of the registry, in its order', () => {
    expect(Object.keys(TEMPLATES)).toEqual(RULES.map((r) => r.id));
  });

  test.each(rules)('%s has exactly the messages and hints of the table', (id, rule) => {
    expect(rule.messages).toStrictEqual(TEMPLATES[id]!.messages);
    expect(rule.hints ?? {}).toStrictEqual(TEMPLATES[id]!.hints);
  });

  test.each(rules)('%s keys every hint by one of its message ids', (_id, rule) => {
    const messageIds = Object.keys(rule.messages);
    for (const messageId of Object.keys(rule.hints ?? {})) expect(messageIds).toContain(messageId);
  });
});
