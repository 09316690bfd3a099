// The "acme" world: the fixed demo data every test, the README and `npm start` use. Kept as YAML text
// in a module so the CLI bundle carries it (esbuild has no YAML loader); it is parsed and validated
// like any world file. Effective project roles (the demo's tree) come from org roles plus overrides:
//   production-chatbot: OWNER engineering-lead, ADMIN senior-dev, MEMBER developer
//   staging-chatbot:    ADMIN senior-dev, MEMBER developer            (engineering-lead overridden NONE)
//   analytics-readonly: ADMIN data-lead, VIEWER analyst              (others overridden NONE)
// data-lead and analyst have org role NONE, so they see only what a project role gives them.
// contractor@example.com exists on the instance but belongs to no organization.
// Dated as of ACME_AS_OF and moved to the sandbox's start (see asOf in world/schema.ts): the production
// key is always 180 days old (over the 90-day policy), the organization key 88, analytics 69, staging 44.
export const ACME_AS_OF = '2026-11-28T12:00:00.000Z';

export const ACME_WORLD_YAML = `
asOf: "${ACME_AS_OF}"
organization:
  id: org-acme
  name: Acme Corp
  plan: team
serverVersion: 4.16.0
adminApiKey: sandbox-admin-api-key-demo-0001
users:
  - { id: user-engineering-lead, email: engineering-lead@acme.com, name: Erin Lead, createdAt: "2026-05-01T09:00:00.000Z" }
  - { id: user-senior-dev, email: senior-dev@acme.com, name: Sam Senior, createdAt: "2026-05-01T09:01:00.000Z" }
  - { id: user-developer, email: developer@acme.com, name: Dana Developer, createdAt: "2026-05-01T09:02:00.000Z" }
  - { id: user-data-lead, email: data-lead@acme.com, name: Dora Data, createdAt: "2026-05-01T09:03:00.000Z" }
  - { id: user-analyst, email: analyst@acme.com, name: Alex Analyst, createdAt: "2026-05-01T09:04:00.000Z" }
  - { id: user-contractor, email: contractor@example.com, name: Casey Contractor, createdAt: "2026-05-01T09:05:00.000Z" }
organizationMemberships:
  - { userId: user-engineering-lead, role: OWNER }
  - { userId: user-senior-dev, role: ADMIN }
  - { userId: user-developer, role: MEMBER }
  - { userId: user-data-lead, role: NONE }
  - { userId: user-analyst, role: NONE }
projects:
  - { id: proj-production-chatbot, name: production-chatbot, metadata: null, createdAt: "2026-05-01T10:00:00.000Z", updatedAt: "2026-05-01T10:00:00.000Z" }
  - { id: proj-staging-chatbot, name: staging-chatbot, metadata: null, createdAt: "2026-05-01T10:01:00.000Z", updatedAt: "2026-05-01T10:01:00.000Z" }
  - { id: proj-analytics-readonly, name: analytics-readonly, metadata: null, createdAt: "2026-05-01T10:02:00.000Z", updatedAt: "2026-05-01T10:02:00.000Z" }
projectMemberships:
  - { projectId: proj-staging-chatbot, userId: user-engineering-lead, role: NONE }
  - { projectId: proj-analytics-readonly, userId: user-engineering-lead, role: NONE }
  - { projectId: proj-analytics-readonly, userId: user-senior-dev, role: NONE }
  - { projectId: proj-analytics-readonly, userId: user-developer, role: NONE }
  - { projectId: proj-analytics-readonly, userId: user-data-lead, role: ADMIN }
  - { projectId: proj-analytics-readonly, userId: user-analyst, role: VIEWER }
apiKeys:
  - id: key-acme-admin
    scope: ORGANIZATION
    publicKey: pk-lf-a0000000-0000-4000-8000-000000000001
    secretKey: sk-lf-demo-a0000000-0000-4000-8000-000000000001
    note: acme-admin
    createdAt: "2026-09-01T09:00:00.000Z"
  - id: key-production-chatbot
    scope: PROJECT
    projectId: proj-production-chatbot
    publicKey: pk-lf-b1000000-0000-4000-8000-000000000001
    secretKey: sk-lf-demo-b1000000-0000-4000-8000-000000000001
    note: chatbot-production
    createdAt: "2026-06-01T09:00:00.000Z"
  - id: key-staging-chatbot
    scope: PROJECT
    projectId: proj-staging-chatbot
    publicKey: pk-lf-c2000000-0000-4000-8000-000000000001
    secretKey: sk-lf-demo-c2000000-0000-4000-8000-000000000001
    note: chatbot-staging
    createdAt: "2026-10-15T09:00:00.000Z"
  - id: key-analytics-readonly
    scope: PROJECT
    projectId: proj-analytics-readonly
    publicKey: pk-lf-d3000000-0000-4000-8000-000000000001
    secretKey: sk-lf-demo-d3000000-0000-4000-8000-000000000001
    note: dashboard-analytics
    createdAt: "2026-09-20T09:00:00.000Z"
`;
