/** The glossary's vocabulary: well-known go-to-market terms, then made-up ones for large corpora. */

export interface BaseTerm {
  term: string;
  abbr?: string;
  aliases?: string[];
  /** The tooltip text. */
  short: string;
}

export const BASE_TERMS: readonly BaseTerm[] = [
  {
    term: 'Annual recurring revenue',
    abbr: 'ARR',
    short: 'The yearly value of all active subscription contracts, excluding one-off fees.',
  },
  {
    term: 'Monthly recurring revenue',
    abbr: 'MRR',
    short: 'The monthly value of all active subscription contracts.',
  },
  {
    term: 'Net revenue retention',
    abbr: 'NRR',
    aliases: ['net dollar retention'],
    short:
      'Recurring revenue kept from a cohort of customers after a year, ' +
      'including expansion, contraction and churn.',
  },
  {
    term: 'Gross revenue retention',
    abbr: 'GRR',
    short: 'Recurring revenue kept from a cohort after a year, counting losses but not expansion.',
  },
  {
    term: 'Customer acquisition cost',
    abbr: 'CAC',
    short: 'Sales and marketing spend divided by the number of new customers won in the same period.',
  },
  {
    term: 'Customer lifetime value',
    abbr: 'LTV',
    aliases: ['lifetime value'],
    short: 'The gross margin a customer is expected to bring over the whole relationship.',
  },
  {
    term: 'Ideal customer profile',
    short:
      'A description of the companies that get the most value from the product and are most valuable to us.',
  },
  {
    term: 'Total addressable market',
    abbr: 'TAM',
    short: 'Total revenue opportunity if every possible customer bought the product.',
  },
  {
    term: 'Serviceable addressable market',
    abbr: 'SAM',
    short: 'The part of the total market our product and channels can actually reach.',
  },
  {
    term: 'Serviceable obtainable market',
    abbr: 'SOM',
    short: 'The share of the serviceable market we can realistically win in the planning period.',
  },
  {
    term: 'Decision-making unit',
    abbr: 'DMU',
    aliases: ['buying committee'],
    short: 'Everyone who shapes a purchase decision: users, influencers, buyers, approvers and gatekeepers.',
  },
  {
    term: 'Economic buyer',
    short: 'The person who owns the budget and gives final approval for the purchase.',
  },
  {
    term: 'Champion',
    short: 'An insider who wants the deal to happen and sells on our behalf when we are not in the room.',
  },
  {
    term: 'Technical buyer',
    short: 'The person who judges whether the product fits the existing systems, security and architecture.',
  },
  {
    term: 'Account-based marketing',
    abbr: 'ABM',
    short: 'Marketing aimed at a named list of target accounts rather than at a broad audience.',
  },
  {
    term: 'Marketing qualified lead',
    abbr: 'MQL',
    short: 'A lead whose engagement suggests they are worth handing to sales.',
  },
  {
    term: 'Sales qualified lead',
    short: 'A lead that sales has accepted as a real opportunity after a first conversation.',
  },
  {
    term: 'Product qualified lead',
    abbr: 'PQL',
    short: 'A user or account whose product usage shows buying intent.',
  },
  {
    term: 'Intent signal',
    aliases: ['buying signal'],
    short: 'Observable behaviour suggesting an account is researching a purchase.',
  },
  { term: 'Pipeline coverage', short: 'Open pipeline value divided by the remaining quota for the period.' },
  { term: 'Win rate', short: 'Closed-won opportunities divided by all closed opportunities in a period.' },
  {
    term: 'Sales cycle length',
    aliases: ['sales cycle'],
    short: 'Median days from opportunity creation to close.',
  },
  { term: 'Average contract value', abbr: 'ACV', short: 'The average yearly value of a customer contract.' },
  { term: 'Churn rate', short: 'The share of customers or revenue lost in a period.' },
  {
    term: 'Payback period',
    aliases: ['CAC payback'],
    short: 'Months of gross margin needed to recover the cost of acquiring a customer.',
  },
  {
    term: 'Expansion revenue',
    short: 'New recurring revenue from existing customers through upsell and cross-sell.',
  },
  { term: 'Land and expand', short: 'Winning a small first deal and growing the account over time.' },
  {
    term: 'Go-to-market',
    abbr: 'GTM',
    short: 'The plan for reaching target customers: segments, messages, channels, pricing and sales motion.',
  },
  {
    term: 'Revenue operations',
    abbr: 'RevOps',
    short: 'The team that runs the systems, data and processes behind sales, marketing and success.',
  },
  {
    term: 'Service level agreement',
    abbr: 'SLA',
    short: 'A committed level of service, such as uptime or response time.',
  },
  {
    term: 'Request for proposal',
    abbr: 'RFP',
    short: 'A formal document in which a buyer asks vendors for proposals against stated requirements.',
  },
  {
    term: 'Proof of concept',
    abbr: 'POC',
    short: 'A short, scoped trial that shows the product solves a specific problem on customer data.',
  },
  {
    term: 'Mutual action plan',
    short: 'A shared plan of the steps, owners and dates that lead to a signed contract.',
  },
  {
    term: 'Total cost of ownership',
    abbr: 'TCO',
    short: 'All costs of a solution over its life: licences, implementation, operation and staff time.',
  },
  { term: 'Return on investment', abbr: 'ROI', short: 'The gain from an investment relative to its cost.' },
  {
    term: 'Net promoter score',
    abbr: 'NPS',
    short: 'A loyalty measure from the question of how likely a customer is to recommend us.',
  },
  {
    term: 'Time to value',
    abbr: 'TTV',
    short: 'How long a new customer takes to get the first meaningful result from the product.',
  },
  { term: 'Firmographics', short: 'Company attributes such as industry, size, revenue and location.' },
  { term: 'Technographics', short: 'The technologies a company uses, as signals of fit and readiness.' },
  {
    term: 'Lead scoring',
    short: 'Ranking leads by fit and engagement so that sellers work the best ones first.',
  },
  {
    term: 'Buyer journey',
    short: 'The stages a buyer moves through, from first awareness of a problem to purchase.',
  },
  {
    term: 'Value proposition',
    short: 'The specific outcome we promise a customer, and why we deliver it better than the alternatives.',
  },
  { term: 'Battle card', short: 'A one-page sales aid with positioning, objections and competitor facts.' },
  { term: 'Objection handling', short: 'Answering a buyer concern in a way that keeps the deal moving.' },
  {
    term: 'Discovery call',
    short: 'An early conversation that qualifies the account and uncovers pains and priorities.',
  },
  { term: 'Forecast accuracy', short: 'How close forecast bookings came to actual bookings.' },
  { term: 'Quota attainment', short: 'The share of quota a seller or team closed in a period.' },
  {
    term: 'Data processing agreement',
    abbr: 'DPA',
    short: 'The contract that governs how a vendor handles personal data on the customer side.',
  },
  {
    term: 'Single sign-on',
    abbr: 'SSO',
    short: 'Signing in to many applications with one identity provider account.',
  },
  {
    term: 'Multi-threading',
    short: 'Building relationships with several people in the buying committee, not only the champion.',
  },
  {
    term: 'Win-loss analysis',
    short: 'A structured review of why deals were won or lost, based on buyer interviews.',
  },
  {
    term: 'Product-led growth',
    abbr: 'PLG',
    short: 'A motion in which product usage drives acquisition, conversion and expansion.',
  },
  {
    term: 'Customer health score',
    short: 'A composite of usage, support and relationship signals that predicts renewal.',
  },
];

/** Made-up terms are qualifier + noun + suffix: "Regional win rate benchmark". */
// biome-ignore format: a word list reads better packed
export const TERM_QUALIFIERS = [
  'Regional', 'Segment', 'Cohort', 'Blended', 'Weighted', 'Quarterly', 'Trailing', 'Forward', 'Adjusted',
  'Channel', 'Partner-sourced', 'Inbound', 'Outbound', 'Self-serve', 'Field', 'Renewal', 'Named-account',
  'Territory', 'Rolling', 'Committed',
] as const;

// biome-ignore format: a word list reads better packed
export const TERM_NOUNS = [
  'pipeline coverage', 'win rate', 'churn rate', 'deal velocity', 'lead velocity', 'conversion rate',
  'quota capacity', 'bookings', 'renewal rate', 'discount rate', 'forecast category', 'territory plan',
  'account tier', 'ramp time', 'sales capacity', 'attach rate', 'activation rate', 'usage score',
  'engagement score', 'opportunity aging', 'stage conversion', 'contract value', 'seat expansion',
  'meeting rate', 'reply rate',
] as const;

export const TERM_SUFFIXES = ['', ' benchmark', ' target', ' index', ' threshold'] as const;
