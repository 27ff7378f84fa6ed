"""Uses the less common parts of the Mastodon API with Mastodon.py (Debian's python3-mastodon).

Usage: python3 surface.py <base-url> <access-token> <account-id> <status-id> <admin-access-token>
As the token's user: writes a private note on the account, features hashtags and lists them, and
reports the account with the status. As the administrator: lists the open reports and resolves it.
Prints one JSON line with what it saw; exits non-zero on the first failure.
"""
import json
import sys

from mastodon import Mastodon


def main(url, token, account_id, status_id, admin_token):
    api = Mastodon(access_token=token, api_base_url=url)

    noted = api.account_note_set(account_id, "Knows the billing system")
    relationship = api.account_relationships(account_id)[0]

    suggested = api.featured_tag_suggestions()
    featured = api.featured_tag_create("pyclients")
    mine = api.featured_tags()
    theirs = api.account_featured_tags(api.me()["id"])
    api.featured_tag_delete(featured["id"])
    after_delete = api.featured_tags()

    report = api.report(account_id, status_ids=[status_id], comment="Off-topic sales posts", category="spam")

    moderator = Mastodon(access_token=admin_token, api_base_url=url)
    open_reports = moderator.admin_reports()
    resolved = moderator.admin_report_resolve(report["id"])

    print(json.dumps({
        "note": noted["note"],
        "relationshipNote": relationship["note"],
        "suggested": [t["name"] for t in suggested],
        "featuredName": featured["name"],
        "featuredCount": str(featured["statuses_count"]),
        "mine": [t["name"] for t in mine],
        "theirs": [t["name"] for t in theirs],
        "afterDelete": [t["name"] for t in after_delete],
        "reportId": str(report["id"]),
        "reportCategory": report["category"],
        "openReportIds": [str(r["id"]) for r in open_reports],
        "resolved": resolved["action_taken"],
    }))


if __name__ == "__main__":
    try:
        main(*sys.argv[1:])
    except Exception as e:  # report the client's failure on one line for the test's assertion message
        print(f"Mastodon.py failed: {type(e).__name__}: {e}", file=sys.stderr)
        sys.exit(1)
