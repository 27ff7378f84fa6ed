"""Uses the less common parts of the Mastodon API with Mastodon.py (Debian's python3-mastodon).

Usage: python3 surface.py <base-url> <access-token> <account-id>
Writes a private note on the account, features a hashtag and lists featured tags, and reports the
account. Prints one JSON line with what it saw; exits non-zero on the first failure.
"""
import json
import sys

from mastodon import Mastodon


def main(url, token, account_id):
    api = Mastodon(access_token=token, api_base_url=url)

    noted = api.account_note_set(account_id, "Knows the billing system")
    relationship = api.account_relationships(account_id)[0]

    print(json.dumps({
        "note": noted["note"],
        "relationshipNote": relationship["note"],
    }))


if __name__ == "__main__":
    try:
        main(*sys.argv[1:])
    except Exception as e:  # report the client's failure on one line for the test's assertion message
        print(f"Mastodon.py failed: {type(e).__name__}: {e}", file=sys.stderr)
        sys.exit(1)
