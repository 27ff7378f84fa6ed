"""Drives a Hallway server with Mastodon.py (Debian's python3-mastodon), as a script would.

Usage: python3 check.py <base-url> <email> <password> <acct-to-follow>
Prints one JSON line with what it saw; exits non-zero on the first failure.
"""
import json
import sys
import time

from mastodon import Mastodon

OOB = "urn:ietf:wg:oauth:2.0:oob"
SCOPES = ["read", "write", "follow"]


def main(url, email, password, follow_acct):
    client_id, client_secret = Mastodon.create_app(
        "Mastodon.py check", api_base_url=url, scopes=SCOPES, redirect_uris=OOB)
    api = Mastodon(client_id=client_id, client_secret=client_secret, api_base_url=url)
    api.log_in(username=email, password=password, scopes=SCOPES)

    me = api.account_verify_credentials()
    posted = api.status_post("Hello from Mastodon.py #clients")
    reply = api.status_reply(posted, "a reply from Mastodon.py")
    favourited = api.status_favourite(posted["id"])
    bookmarked = api.status_bookmark(posted["id"])
    home = []
    for _ in range(50):
        home = api.timeline_home(limit=20)
        if any(s["id"] == posted["id"] for s in home):
            break
        time.sleep(0.2)
    context = api.status_context(posted["id"])

    target = api.account_lookup(follow_acct)
    relationship = api.account_follow(target["id"])
    found = api.search_v2(follow_acct, result_type="accounts")
    notifications = api.notifications(limit=20)

    print(json.dumps({
        "username": me["username"],
        "postedId": str(posted["id"]),
        "postedContent": posted["content"],
        "replyTo": str(reply["in_reply_to_id"]),
        "replyId": str(reply["id"]),
        "replyIds": [str(s["id"]) for s in context["descendants"]],
        "favourited": favourited["favourited"],
        "bookmarked": bookmarked["bookmarked"],
        "homeIds": [str(s["id"]) for s in home],
        "following": relationship["following"],
        "foundAccounts": [a["acct"] for a in found["accounts"]],
        "notificationTypes": [n["type"] for n in notifications],
    }))


if __name__ == "__main__":
    try:
        main(*sys.argv[1:])
    except Exception as e:  # report the client's failure on one line for the test's assertion message
        print(f"Mastodon.py failed: {type(e).__name__}: {e}", file=sys.stderr)
        sys.exit(1)
