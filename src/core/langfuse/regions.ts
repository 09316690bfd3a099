// Langfuse Cloud regions (LF web/src/features/organizations/cloudRegions.ts). Keys are per region:
// a key from one region is unknown to the others.
export const CLOUD_REGIONS = [
  { id: 'EU', label: 'Langfuse Cloud EU', baseUrl: 'https://cloud.langfuse.com' },
  { id: 'US', label: 'Langfuse Cloud US', baseUrl: 'https://us.cloud.langfuse.com' },
  { id: 'JP', label: 'Langfuse Cloud JP', baseUrl: 'https://jp.cloud.langfuse.com' },
  { id: 'HIPAA', label: 'Langfuse Cloud HIPAA (US)', baseUrl: 'https://hipaa.cloud.langfuse.com' },
] as const;

export type CloudRegionId = (typeof CLOUD_REGIONS)[number]['id'];
export type CloudRegion = (typeof CLOUD_REGIONS)[number];

/** The region a base URL points at, or undefined for self-hosted instances. */
export function cloudRegionOf(baseUrl: string): CloudRegion | undefined {
  let origin: string;
  try { origin = new URL(baseUrl).origin; } catch { return undefined; }
  return CLOUD_REGIONS.find(r => r.baseUrl === origin);
}
