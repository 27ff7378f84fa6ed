"""Drives a Hallway server with Mastodon.py (Debian's python3-mastodon), as a script would.

Usage: python3 check.py <base-url> <email> <password> <acct-to-follow> <image-path>
Prints one JSON line with what it saw; exits non-zero on the first failure.
"""
import json
import queue
import sys
import time

from mastodon import Mastodon, StreamListener

OOB = "urn:ietf:wg:oauth:2.0:oob"
SCOPES = ["read", "write", "follow"]
WAIT_S = 10


class Updates(StreamListener):
    """Keeps the statuses the user stream delivers, for the main thread to wait on."""

    def __init__(self):
        super().__init__()
        self.statuses = queue.Queue()

    def on_update(self, status):
        self.statuses.put(status)


def streamed(updates, status_id):
    """The status with this id once it arrives on the stream; fails after WAIT_S seconds."""
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        try:
            status = updates.statuses.get(timeout=max(0.1, deadline - time.monotonic()))
        except queue.Empty:
            break
        if status["id"] == status_id:
            return status
    raise AssertionError(f"status {status_id} did not arrive on the user stream within {WAIT_S} s")


def main(url, email, password, follow_acct, image):
    client_id, client_secret = Mastodon.create_app(
        "Mastodon.py check", api_base_url=url, scopes=SCOPES, redirect_uris=OOB)
    api = Mastodon(client_id=client_id, client_secret=client_secret, api_base_url=url)
    api.log_in(username=email, password=password, scopes=SCOPES)

    me = api.account_verify_credentials()
    updates = Updates()
    stream = api.stream_user(updates, run_async=True, reconnect_async=False)
    # The stream answers its headers before any event; give it a moment to be listening.
    time.sleep(1)

    media = api.media_post(image, mime_type="image/png", description="A small red square")
    posted = api.status_post("Hello from Mastodon.py #clients", media_ids=[media])
    arrived = streamed(updates, posted["id"])
    # Compat(mastodon): a status carries media or a poll, not both.
    polled = api.status_post("Tea or coffee?", poll=api.make_poll(["Tea", "Coffee"], expires_in=3600))
    stream.close()
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
        "streamedId": str(arrived["id"]),
        "mediaDescription": posted["media_attachments"][0]["description"],
        "mediaWidth": posted["media_attachments"][0]["meta"]["original"]["width"],
        "pollOptions": [o["title"] for o in polled["poll"]["options"]],
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
