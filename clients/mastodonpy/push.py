"""Subscribes to Web Push with Mastodon.py and reads a push as a device would.

Usage: python3 push.py <base-url> <email> <password> <token-of-a-colleague>
Runs a small HTTP endpoint on 127.0.0.1 as the push service, subscribes with keys from
push_subscription_generate_keys, reads and changes the subscription, has the colleague mention the
user, decrypts the push that arrives, unsubscribes. Prints one JSON line with what it saw.
"""
import base64
import hashlib
import hmac
import json
import queue
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from mastodon import Mastodon, MastodonNotFoundError
from mastodon.compat import IMPL_HAS_ECE

OOB = "urn:ietf:wg:oauth:2.0:oob"
SCOPES = ["read", "write", "follow", "push"]
WAIT_S = 20

pushes = queue.Queue()


class PushService(BaseHTTPRequestHandler):
    """Keeps each message posted to it, with its headers, and answers 201 as push services do."""

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        pushes.put((dict(self.headers), body))
        self.send_response(201)
        self.end_headers()

    def log_message(self, *args):
        pass


def b64(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def hkdf_block(key, data):
    return hmac.new(key, data, hashlib.sha256).digest()


def decrypt_aesgcm(body, private, encryption, crypto_key):
    """The 'aesgcm' decryption Mastodon.py delegates to http_ece, for machines without that package."""
    salt = b64(encryption.split("salt=")[1].split(";")[0].strip())
    dh = b64(crypto_key.split("dh=")[1].split(";")[0].strip())
    key = ec.derive_private_key(private["privkey"], ec.SECP256R1())
    receiver = key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    secret = key.exchange(ec.ECDH(), ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), dh))
    prk = hkdf_block(salt, hkdf_block(hkdf_block(private["auth"], secret), b"Content-Encoding: auth\x00\x01"))
    context = b"P-256\x00" + len(receiver).to_bytes(2, "big") + receiver + len(dh).to_bytes(2, "big") + dh
    cek = hkdf_block(prk, b"Content-Encoding: aesgcm\x00" + context + b"\x01")[:16]
    nonce = hkdf_block(prk, b"Content-Encoding: nonce\x00" + context + b"\x01")[:12]
    plain = AESGCM(cek).decrypt(nonce, body, None)
    return json.loads(plain[2 + int.from_bytes(plain[:2], "big"):])


def main(url, email, password, colleague_token):
    service = HTTPServer(("127.0.0.1", 0), PushService)
    threading.Thread(target=service.serve_forever, daemon=True).start()
    endpoint = f"http://127.0.0.1:{service.server_port}/device"

    client_id, client_secret = Mastodon.create_app(
        "Mastodon.py push check", api_base_url=url, scopes=SCOPES, redirect_uris=OOB)
    api = Mastodon(client_id=client_id, client_secret=client_secret, api_base_url=url)
    api.log_in(username=email, password=password, scopes=SCOPES)
    me = api.account_verify_credentials()

    private, public = api.push_subscription_generate_keys()
    created = api.push_subscription_set(endpoint, public, mention_events=True, follow_events=False)
    shown = api.push_subscription()
    updated = api.push_subscription_update(mention_events=True, favourite_events=True)

    colleague = Mastodon(access_token=colleague_token, api_base_url=url)
    mention = colleague.status_post(f"@{me['username']} the push check is on its way")
    headers, body = pushes.get(timeout=WAIT_S)
    if IMPL_HAS_ECE:
        push = api.push_subscription_decrypt_push(body, private, headers["Encryption"], headers["Crypto-Key"])
        decrypted_by = "Mastodon.py"
    else:
        push = decrypt_aesgcm(body, private, headers["Encryption"], headers["Crypto-Key"])
        decrypted_by = "push.py"

    api.push_subscription_delete()
    try:
        api.push_subscription()
        gone = False
    except MastodonNotFoundError:
        gone = True
    service.shutdown()

    print(json.dumps({
        "endpoint": created["endpoint"],
        "serverKey": created["server_key"],
        "shownId": str(shown["id"]),
        "createdId": str(created["id"]),
        "mentionAlert": created["alerts"]["mention"],
        "favouriteBefore": created["alerts"]["favourite"],
        "favouriteAfter": updated["alerts"]["favourite"],
        "contentEncoding": headers.get("Content-Encoding"),
        "authorization": headers.get("Authorization", "").split(" ")[0],
        "decryptedBy": decrypted_by,
        "title": push["title"],
        "body": push["body"],
        "type": push["notification_type"],
        "notificationId": str(push["notification_id"]),
        "locale": push["preferred_locale"],
        "mentionId": str(mention["id"]),
        "gone": gone,
    }))


if __name__ == "__main__":
    main(*sys.argv[1:])
