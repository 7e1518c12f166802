/** The job roles personas take, grouped by their place in an ICP's decision-making unit (DMU). */

export type Seniority = 'ic' | 'manager' | 'director' | 'vp' | 'c-level' | 'owner';

export interface RoleTemplate {
  role: string;
  /** A short name for the role, the first word of a persona's name: "CFO Ingrid". */
  label: string;
  seniority: Seniority;
  department: string;
  /** The team the role leads or works in, as it reads in a sentence: "the RevOps team". */
  team: string;
}

function role(name: string, label: string, seniority: Seniority, department: string, team: string) {
  return { role: name, label, seniority, department, team };
}

/** Role templates by DMU slot: economic buyer, champion, technical buyer, other. */
export const ROLES: readonly (readonly RoleTemplate[])[] = [
  [
    role('Chief Financial Officer', 'CFO', 'c-level', 'Finance', 'finance'),
    role('Chief Operating Officer', 'COO', 'c-level', 'Operations', 'operations'),
    role('Chief Revenue Officer', 'CRO', 'c-level', 'Sales', 'revenue'),
    role('VP of Finance', 'Finance VP', 'vp', 'Finance', 'finance'),
    role('Chief Information Officer', 'CIO', 'c-level', 'IT', 'IT'),
    role('Chief Marketing Officer', 'CMO', 'c-level', 'Marketing', 'marketing'),
    role('Founder and CEO', 'Founder', 'owner', 'Executive', 'leadership'),
    role('VP of Operations', 'Ops VP', 'vp', 'Operations', 'operations'),
  ],
  [
    role('Head of Revenue Operations', 'RevOps', 'director', 'Revenue Operations', 'RevOps'),
    role('Director of FP&A', 'FP&A', 'director', 'Finance', 'planning'),
    role('Head of Data', 'Data', 'director', 'Data', 'data'),
    role('Marketing Operations Manager', 'MOps', 'manager', 'Marketing', 'marketing operations'),
    role('Director of Sales Operations', 'SalesOps', 'director', 'Sales', 'sales operations'),
    role('Head of Customer Success', 'Success', 'director', 'Customer Success', 'customer success'),
    role('Director of Business Systems', 'Systems', 'director', 'IT', 'business systems'),
    role('Growth Lead', 'Growth', 'manager', 'Marketing', 'growth'),
  ],
  [
    role('Data Engineering Lead', 'Data Engineer', 'manager', 'Data', 'data engineering'),
    role('Head of IT', 'IT', 'director', 'IT', 'IT'),
    role('Security Architect', 'Security', 'ic', 'Security', 'security'),
    role('Enterprise Architect', 'Architect', 'ic', 'IT', 'architecture'),
    role('Director of Engineering', 'Engineering', 'director', 'Engineering', 'engineering'),
    role('Analytics Engineer', 'Analytics', 'ic', 'Data', 'analytics'),
    role('Chief Information Security Officer', 'CISO', 'c-level', 'Security', 'security'),
  ],
  [
    role('Financial Analyst', 'Analyst', 'ic', 'Finance', 'finance'),
    role('Account Executive', 'Seller', 'ic', 'Sales', 'sales'),
    role('Regional Sales Manager', 'Sales Manager', 'manager', 'Sales', 'sales'),
    role('Procurement Manager', 'Procurement', 'manager', 'Procurement', 'procurement'),
    role('Customer Success Manager', 'CSM', 'ic', 'Customer Success', 'customer success'),
    role('Senior Legal Counsel', 'Legal', 'ic', 'Legal', 'legal'),
    role('Corporate Controller', 'Controller', 'director', 'Finance', 'accounting'),
    role('VP of Sales', 'Sales VP', 'vp', 'Sales', 'sales'),
  ],
];

/** The DMU role of each role in the last slot, by label. */
export const OTHER_ROLE_DMU: Record<string, 'end-user' | 'influencer' | 'procurement'> = {
  Analyst: 'end-user',
  Seller: 'end-user',
  'Sales Manager': 'end-user',
  Procurement: 'procurement',
  CSM: 'end-user',
  Legal: 'influencer',
  Controller: 'influencer',
  'Sales VP': 'influencer',
};
