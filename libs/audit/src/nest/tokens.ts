/** The platform's audit signing key (AuditSigningKey). */
export const AUDIT_SIGNING_KEY = Symbol.for('kom.AuditSigningKey');
