import { envValue } from '../deployment/applyFix';
import type { InsertPoint } from '../deployment/types';
import type { BlockVariable } from './variableBlock';

export interface RenderOptions {
  /** `# …` lines written above the variables. */
  heading: string[];
  eol: string;
  /** The file double-quotes its values (`KEY: "value"`): new values follow suit. */
  quoted: boolean;
  /** Helm: the Kubernetes Secret that holds the client secret. */
  secretName: string;
  /** .env: the client secret itself (only for a git-ignored file the user confirmed). */
  envSecret?: string;
  /** .env: said above an empty secret, so whoever opens the file knows where to put it. */
  emptySecretNote: string;
}

/** A YAML scalar that stays a string: booleans, numbers and special characters are double-quoted. */
function yamlValue(value: string, quoted: boolean): string {
  const needs = quoted || value === '' || /^(true|false|yes|no|on|off|null|~|y|n|[-+]?[0-9.]+(e[-+]?\d+)?)$/i.test(value)
    || /^[\s!&*?|>'"%@`{}[\],#-]/.test(value) || /: |\s#|\s$/.test(value);
  return needs ? JSON.stringify(value) : value;
}

/** `KEY=value` as a list item: the whole item is quoted only when YAML would read it otherwise. */
function listItem(v: BlockVariable): string {
  const item = `${v.name}=${v.secret ? `\${${v.name}}` : v.value}`;
  return /: |\s#|^[\s!&*?|>'"%@`{}[\],#-]|\s$/.test(item) ? JSON.stringify(item) : item;
}

function comments(indent: string, lines: string[], eol: string): string {
  return lines.map(l => `${indent}# ${l}${eol}`).join('');
}

/** The block's text for one insert point, in the file's own style; secrets as references only. */
export function renderBlock(at: InsertPoint, vars: BlockVariable[], o: RenderOptions): string {
  const { eol } = o;
  switch (at.style) {
    case 'compose-map':
      return comments(at.indent, o.heading, eol) + vars.map(v => `${at.indent}${v.name}: ${v.secret ? `\${${v.name}}` : yamlValue(v.value, o.quoted)}${eol}`).join('');
    case 'compose-list':
      return comments(at.indent, o.heading, eol) + vars.map(v => `${at.indent}- ${listItem(v)}${eol}`).join('');
    case 'compose-new-block':
      return `${at.indent}environment:${eol}` + comments(`${at.indent}  `, o.heading, eol)
        + vars.map(v => `${at.indent}  - ${listItem(v)}${eol}`).join('');
    case 'env':
      return comments('', o.heading, eol) + vars.map(v => {
        if (!v.secret) return `${v.name}=${envValue(v.value)}${eol}`;
        if (o.envSecret !== undefined) return `${v.name}=${envValue(o.envSecret)}${eol}`;
        return `# ${o.emptySecretNote}${eol}${v.name}=${eol}`;
      }).join('');
    case 'helm-additional-env': {
      const item = at.createList ? `${at.indent}  ` : at.indent;
      const body = comments(item, o.heading, eol) + vars.map(v => v.secret
        ? `${item}- name: ${v.name}${eol}${item}  valueFrom:${eol}${item}    secretKeyRef:${eol}${item}      name: ${o.secretName}${eol}${item}      key: ${v.name}${eol}`
        : `${item}- name: ${v.name}${eol}${item}  value: ${yamlValue(v.value, o.quoted || /^(true|false)$/.test(v.value))}${eol}`).join('');
      return at.createList ? `${at.indent}additionalEnv:${eol}${body}` : body;
    }
  }
}
