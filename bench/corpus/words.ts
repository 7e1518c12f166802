/** The vocabulary the corpus draws from: industries, places, segments, tools, names, metrics. */

// biome-ignore format: a word list reads better packed
export const INDUSTRIES = [
  'B2B SaaS', 'Vertical SaaS', 'Fintech', 'E-commerce', 'Specialty retail', 'Logistics', 'Freight forwarding',
  'Discrete manufacturing', 'Process manufacturing', 'Healthcare providers', 'Insurance', 'Regional banking',
  'Wealth management', 'Telecommunications', 'Media and publishing', 'Higher education', 'Hospitality',
  'Energy utilities', 'Renewable energy', 'Construction', 'Commercial real estate', 'Professional services',
  'Legal services', 'Automotive suppliers', 'Pharmaceuticals', 'Medical devices', 'Food and beverage',
  'Agritech', 'Travel technology', 'Gaming', 'Cybersecurity', 'Online marketplaces', 'Staffing agencies',
  'Facilities management', 'Clinical research', 'Payments', 'Proptech', 'Edtech', 'Martech', 'Insurtech',
] as const;

// biome-ignore format: a word list reads better packed
export const EXCLUDED_INDUSTRIES = [
  'Government', 'Non-profit', 'Defence', 'Gambling', 'Tobacco', 'Public education',
] as const;

// biome-ignore format: a word list reads better packed
export const REGIONS = [
  'North America', 'Europe', 'United Kingdom and Ireland', 'DACH', 'Nordics', 'Benelux', 'Southern Europe',
  'Latin America', 'Australia and New Zealand', 'Southeast Asia', 'Middle East', 'India', 'Japan',
  'Central Europe',
] as const;

// biome-ignore format: a word list reads better packed
export const COUNTRIES = [
  'United States', 'Canada', 'United Kingdom', 'Germany', 'France', 'Netherlands', 'Sweden', 'Spain', 'Italy',
  'Australia', 'Singapore', 'Brazil', 'Mexico', 'Japan', 'India', 'Ireland', 'Denmark', 'Switzerland',
  'Poland', 'Austria',
] as const;

// biome-ignore format: a word list reads better packed
export const CITIES = [
  'Austin', 'Boston', 'Chicago', 'Denver', 'Toronto', 'London', 'Manchester', 'Dublin', 'Berlin', 'Munich',
  'Hamburg', 'Amsterdam', 'Rotterdam', 'Stockholm', 'Copenhagen', 'Oslo', 'Madrid', 'Barcelona', 'Milan',
  'Paris', 'Lyon', 'Zurich', 'Vienna', 'Warsaw', 'Sydney', 'Melbourne', 'Auckland', 'Singapore', 'Sao Paulo',
  'Mexico City', 'Bangalore', 'Tokyo', 'Dubai', 'Seattle', 'Atlanta', 'New York', 'San Francisco', 'Raleigh',
  'Helsinki', 'Lisbon',
] as const;

/** Customer segments with their typical employee and revenue (million USD) bands. */
export const SEGMENTS = [
  { name: 'Small business', slug: 'smb', employees: [20, 200], revenue: [2, 25] },
  { name: 'Scale-ups', slug: 'scaleup', employees: [80, 600], revenue: [10, 80] },
  { name: 'Mid-market', slug: 'midmarket', employees: [200, 2000], revenue: [20, 300] },
  { name: 'Upper mid-market', slug: 'upper-midmarket', employees: [1000, 5000], revenue: [150, 900] },
  { name: 'Enterprise', slug: 'enterprise', employees: [5000, 50000], revenue: [800, 12000] },
  { name: 'Strategic accounts', slug: 'strategic', employees: [20000, 200000], revenue: [5000, 60000] },
] as const;

export type Segment = (typeof SEGMENTS)[number];

export const STAGES = ['startup', 'growth', 'mid-market', 'enterprise'] as const;

// biome-ignore format: a word list reads better packed
export const TECH = [
  'Salesforce', 'HubSpot', 'Microsoft Dynamics', 'Pipedrive', 'Zendesk', 'Intercom', 'Stripe', 'Chargebee',
  'Zuora', 'NetSuite', 'SAP S/4HANA', 'Oracle Fusion', 'Workday', 'Snowflake', 'BigQuery', 'Databricks',
  'Redshift', 'dbt', 'Fivetran', 'Airbyte', 'Looker', 'Tableau', 'Power BI', 'Segment', 'Marketo', 'Outreach',
  'Salesloft', 'Gong', 'Slack', 'Microsoft Teams', 'Jira', 'Shopify', 'Magento', 'Okta', 'AWS', 'Azure',
  'Google Cloud', 'Epic', 'Cerner', 'Guidewire', 'ServiceNow', 'Kubernetes', 'Twilio', 'DocuSign', 'Coupa',
  'Anaplan', 'Adaptive Planning', 'Metabase',
] as const;

// biome-ignore format: a word list reads better packed
export const LEGACY_TECH = [
  'Custom-built billing on a mainframe ERP', 'Spreadsheet-only reporting',
  'An in-house data warehouse on bare metal', 'A frozen on-premise CRM', 'Homegrown forecasting macros',
  'A single-vendor suite contract with exclusivity terms',
] as const;

// biome-ignore format: a word list reads better packed
export const FIRST_NAMES = [
  'Alex', 'Amara', 'Anika', 'Ben', 'Bianca', 'Carlos', 'Chen', 'Chloe', 'Dana', 'Daniel', 'Dev', 'Diego',
  'Elena', 'Elif', 'Emeka', 'Emma', 'Farah', 'Felix', 'Fatima', 'Freya', 'Gabriel', 'Grace', 'Hana', 'Hannah',
  'Henrik', 'Hugo', 'Ingrid', 'Isabel', 'Ivan', 'Jamal', 'Jana', 'Jonas', 'Julia', 'Kai', 'Kalani', 'Kenji',
  'Kofi', 'Lars', 'Laura', 'Leila', 'Liam', 'Lina', 'Lucas', 'Maya', 'Malik', 'Marco', 'Marta', 'Mateo',
  'Mei', 'Mila', 'Nadia', 'Nate', 'Nia', 'Nikolai', 'Noah', 'Nora', 'Olivia', 'Omar', 'Oskar', 'Paula',
  'Pedro', 'Priya', 'Quinn', 'Rafael', 'Rania', 'Rita', 'Rohan', 'Rosa', 'Sam', 'Sana', 'Sara', 'Sebastian',
  'Sofia', 'Soren', 'Tariq', 'Tessa', 'Theo', 'Tomas', 'Uma', 'Valentina', 'Victor', 'Wen', 'Yara', 'Yusuf',
  'Zara', 'Zoe', 'Aiko', 'Arjun', 'Beatrice', 'Camille', 'Dmitri', 'Esther', 'Fiona', 'Goran', 'Helga',
  'Ines', 'Joaquin', 'Katja', 'Lorenzo', 'Magnus', 'Noor', 'Olga',
] as const;

// biome-ignore format: a word list reads better packed
export const METRICS = [
  'days to close', 'forecast accuracy', 'pipeline coverage', 'win rate', 'net revenue retention',
  'gross margin', 'churn', 'ramp time for new sellers', 'cost per lead', 'time to first value',
  'renewal rate', 'days sales outstanding', 'report turnaround', 'quota attainment', 'onboarding time',
  'ticket backlog', 'audit findings', 'analyst hours per month', 'discount depth', 'lead response time',
  'expansion bookings', 'cash conversion', 'data freshness', 'deal slippage',
] as const;

// biome-ignore format: a word list reads better packed
export const PERIODS = [
  'the next quarter', 'the end of the fiscal year', 'the next board meeting', 'two quarters',
  'the renewal window', 'the planning cycle', 'the next audit',
] as const;

export const TEAM_PAINS = [
  'rebuild the same numbers in spreadsheets every month',
  'reconcile three systems before anyone trusts a report',
  'wait days for answers the data team cannot prioritise',
  'argue over whose pipeline number is right',
  'lose deals because quotes and contracts take too long',
  'explain variances they cannot trace back to a source',
  'chase approvals through email threads and chat messages',
  'keep a shadow copy of the CRM in personal workbooks',
  'miss renewals because usage data arrives too late',
  'spend the last week of each quarter cleaning records',
] as const;

// biome-ignore format: a word list reads better packed
export const CHANNELS = [
  'LinkedIn', 'Peer referrals', 'Industry dinners', 'Webinars', 'Email', 'Analyst briefings', 'Podcasts',
  'Slack communities', 'Trade shows', 'Partner introductions', 'Customer advisory boards', 'Newsletters',
] as const;

// biome-ignore format: a word list reads better packed
export const CONTENT = [
  'Case studies with numbers', 'ROI models', 'Benchmark reports', 'One-page executive briefs',
  'Technical documentation', 'Architecture diagrams', 'Short product videos', 'Security questionnaires',
  'Implementation plans', 'Peer reviews', 'Templates and checklists', 'Live demos',
] as const;

// biome-ignore format: a word list reads better packed
export const SOURCES = [
  'Win/loss interviews', 'Customer advisory board notes', 'Customer survey', 'Sales call recordings',
  'Support ticket review', 'Churn interviews', 'Partner feedback sessions', 'Product usage analysis',
] as const;

// biome-ignore format: a word list reads better packed
export const EDUCATION = [
  'MBA', 'Chartered accountant', 'Computer science degree', 'Economics degree', 'Engineering degree',
  'Law degree', 'Business degree', 'Statistics degree',
] as const;
