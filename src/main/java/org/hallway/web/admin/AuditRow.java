package org.hallway.web.admin;

import org.hallway.admin.AuditEntry;

/** One row of the audit log as the page shows it: the entry with the names of who acted and on whom. */
public record AuditRow(AuditEntry entry, String actor, String subject) {}
