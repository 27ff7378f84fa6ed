package org.hallway.web.admin;

import java.util.List;
import org.hallway.admin.Report;
import org.hallway.identity.Account;
import org.hallway.web.Card;

/** An open report as the administration page lists it: who reported whom, why, and the posts named. */
public record ReportRow(Report report, Account reporter, Account target, List<Card> posts, int hiddenPosts) {}
