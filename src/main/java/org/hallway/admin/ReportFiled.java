package org.hallway.admin;

/** A colleague reported another; the network's administrators are told. */
public record ReportFiled(long reportId, long networkId, long reporterId, long targetId) {}
