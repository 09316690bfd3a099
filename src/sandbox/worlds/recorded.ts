// The "recorded" world: the organization the shared recordings (test/fixtures/recordings) were made
// in, with the ids, names, roles, timestamps and public keys they show. Secrets are our own
// (sk-lf-demo-…), chosen so that their last four characters match the recorded displaySecretKey.
// Ids and timestamps the recordings never show (production and analytics key ids, user createdAt
// values) are invented in the same style. Dated as of RECORDED_AS_OF, just after the recording
// session's seed; a sandbox whose clock starts there serves the recorded timestamps unchanged.
export const RECORDED_AS_OF = '2026-11-28T10:55:00.000Z';

export const RECORDED_WORLD_YAML = `
asOf: "${RECORDED_AS_OF}"
organization:
  id: org-acme
  name: Acme Corp
  plan: team
serverVersion: 4.16.0
adminApiKey: scratch-admin-api-key-0123456789
users:
  - { id: cmx0aibz80000pv7dn9k8t0km, email: engineering-lead@acme.com, name: Engineering Lead, createdAt: "2026-11-28T10:51:18.500Z" }
  - { id: cmx0aibzo0002pv7d5r7z8g25, email: senior-dev@acme.com, name: Senior Dev, createdAt: "2026-11-28T10:51:18.520Z" }
  - { id: cmx0aic030004pv7dp9t6z3c6, email: developer@acme.com, name: Developer, createdAt: "2026-11-28T10:51:18.540Z" }
  - { id: cmx0aic0e0006pv7deb3hq77h, email: data-lead@acme.com, name: Data Lead, createdAt: "2026-11-28T10:51:18.560Z" }
  - { id: cmx0aic0l0008pv7do6kwyuf6, email: analyst@acme.com, name: Analyst, createdAt: "2026-11-28T10:51:18.580Z" }
  - { id: user-outsider, email: outsider@example.com, name: Outsider (no org membership), createdAt: "2026-11-28T10:54:04.577Z" }
organizationMemberships:
  - { userId: cmx0aibz80000pv7dn9k8t0km, role: OWNER }
  - { userId: cmx0aibzo0002pv7d5r7z8g25, role: ADMIN }
  - { userId: cmx0aic030004pv7dp9t6z3c6, role: MEMBER }
  - { userId: cmx0aic0e0006pv7deb3hq77h, role: MEMBER }
  - { userId: cmx0aic0l0008pv7do6kwyuf6, role: VIEWER }
projects:
  - { id: proj-production-chatbot, name: production-chatbot, metadata: null, createdAt: "2026-11-28T10:51:18.752Z", updatedAt: "2026-11-28T10:51:18.752Z" }
  - { id: proj-staging-chatbot, name: staging-chatbot, metadata: null, createdAt: "2026-11-28T10:51:18.760Z", updatedAt: "2026-11-28T10:51:18.760Z" }
  - { id: proj-analytics-readonly, name: analytics-readonly, metadata: null, createdAt: "2026-11-28T10:51:18.770Z", updatedAt: "2026-11-28T10:51:18.770Z" }
projectMemberships:
  - { projectId: proj-analytics-readonly, userId: cmx0aic0e0006pv7deb3hq77h, role: ADMIN }
  - { projectId: proj-analytics-readonly, userId: cmx0aic0l0008pv7do6kwyuf6, role: MEMBER }
  - { projectId: proj-production-chatbot, userId: cmx0aic030004pv7dp9t6z3c6, role: VIEWER }
apiKeys:
  - id: cmx0aic8z000apv7dq4m1n2b3
    scope: PROJECT
    projectId: proj-production-chatbot
    publicKey: pk-lf-15d63fc5-f45e-40cf-b627-5a90a4f85b1b
    secretKey: sk-lf-demo-15d63fc5-f45e-40cf-b627-5a90a4f8e1a7
    note: seed key production-chatbot
    createdAt: "2026-11-28T10:51:19.020Z"
  - id: cmx0aicc3000bpv7dkrja5c0i
    scope: PROJECT
    projectId: proj-staging-chatbot
    publicKey: pk-lf-26dc523c-1347-4467-91b7-f0a2d2f639ac
    secretKey: sk-lf-demo-26dc523c-1347-4467-91b7-f0a2d2f636ca
    note: seed key staging-chatbot
    createdAt: "2026-11-28T10:51:19.155Z"
  - id: cmx0aicfa000cpv7d7b8c9d0e
    scope: PROJECT
    projectId: proj-analytics-readonly
    publicKey: pk-lf-c5f08ac3-4f54-462d-8f93-b7113a1855e1
    secretKey: sk-lf-demo-c5f08ac3-4f54-462d-8f93-b7113a18a3c9
    note: seed key analytics-readonly
    createdAt: "2026-11-28T10:51:19.330Z"
  - id: cmx0aicml000dpv7d2rl20j4d
    scope: ORGANIZATION
    publicKey: pk-lf-545fc0e7-9e86-4c6e-a67d-28c62385d515
    secretKey: sk-lf-demo-545fc0e7-9e86-4c6e-a67d-28c623851ff4
    note: seed org key
    createdAt: "2026-11-28T10:51:19.533Z"
`;
