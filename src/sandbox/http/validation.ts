import type * as z from '../../core/zod';

/**
 * Langfuse answers body-validation errors with zod v4's issue list. zod/mini carries no English
 * messages, so the two issue kinds the management routes produce are worded here as zod words them.
 */
export function zodIssues(error: z.core.$ZodError, input: unknown): Record<string, unknown>[] {
  return error.issues.map(issue => {
    const path = issue.path as PropertyKey[];
    if (issue.code === 'invalid_value') {
      const values = (issue as { values: unknown[] }).values;
      return { code: 'invalid_value', values, path, message: `Invalid option: expected one of ${values.map(v => JSON.stringify(v)).join('|')}` };
    }
    if (issue.code === 'invalid_type') {
      const expected = (issue as { expected: string }).expected;
      return { expected, code: 'invalid_type', path, message: `Invalid input: expected ${expected}, received ${typeName(valueAt(input, path))}` };
    }
    return { code: issue.code, path, message: issue.message };
  });
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let v = input;
  for (const p of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number' && Number.isNaN(v)) return 'NaN';
  return typeof v;
}
