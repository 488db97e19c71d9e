// XML text escaping for GraphML and GEXF: paper titles carry every character there is.
export function xmlText(value: unknown): string {
  return String(value ?? '')
    // Characters XML 1.0 cannot carry at all (control codes from PDF extraction).
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
