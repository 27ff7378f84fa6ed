// Drives a Hallway server with the megalodon client, as a Mastodon app would once its user approved it:
// exchanges the authorization code, opens the user stream, uploads an image and posts it with a poll,
// then replies, favourites, bookmarks, reads home, searches, follows and reads notifications.
// Usage: node check.mjs <base-url> <client-id> <client-secret> <code> <acct-to-follow> <image-path>
// Prints one JSON line with what it saw; exits non-zero on the first failure.
import fs from "node:fs";
import megalodon from "megalodon";

const generator = megalodon.default;

const [url, clientId, clientSecret, code, followAcct, image] = process.argv.slice(2);
const OOB = "urn:ietf:wg:oauth:2.0:oob";
const WAIT_MS = 10_000;

// Resolves with the first event of a kind that matches, or rejects after WAIT_MS.
function next(stream, kind, matches) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${kind} event within ${WAIT_MS} ms`)), WAIT_MS);
    stream.on(kind, (payload) => {
      if (!matches(payload)) return;
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

async function main() {
  const token = await generator("mastodon", url).fetchAccessToken(clientId, clientSecret, code, OOB);
  const client = generator("mastodon", url, token.access_token);
  const me = (await client.verifyAccountCredentials()).data;

  const stream = await client.userStreaming();
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the user stream did not connect")), WAIT_MS);
    stream.on("connect", () => { clearTimeout(timer); resolve(); });
    stream.on("error", (e) => { clearTimeout(timer); reject(e); });
  });

  const text = "Hello from megalodon #clients";
  const streamed = next(stream, "update", (status) => status.content.includes("Hello from megalodon"));
  const media = (await client.uploadMedia(fs.createReadStream(image), { description: "A small red square" })).data;
  const posted = (await client.postStatus(text, {
    media_ids: [media.id],
    poll: { options: ["Tea", "Coffee"], expires_in: 3600 },
  })).data;
  const update = await streamed;

  const reply = (await client.postStatus(`@${me.acct} a reply from megalodon`, { in_reply_to_id: posted.id })).data;
  const favourited = (await client.favouriteStatus(posted.id)).data;
  const bookmarked = (await client.bookmarkStatus(posted.id)).data;
  const home = (await client.getHomeTimeline({ limit: 20 })).data;
  const context = (await client.getStatusContext(posted.id)).data;

  const found = (await client.search(followAcct, { type: "accounts" })).data;
  const target = found.accounts.find((a) => a.acct === followAcct);
  if (!target) throw new Error(`search did not find ${followAcct}`);
  const relationship = (await client.followAccount(target.id)).data;
  const notifications = (await client.getNotifications({ limit: 20 })).data;
  stream.stop();

  console.log(JSON.stringify({
    username: me.username,
    postedId: posted.id,
    postedContent: posted.content,
    streamedId: update.id,
    mediaDescription: posted.media_attachments[0].description,
    pollOptions: posted.poll.options.map((o) => o.title),
    replyTo: reply.in_reply_to_id,
    replyIds: context.descendants.map((s) => s.id),
    replyId: reply.id,
    favourited: favourited.favourited,
    bookmarked: bookmarked.bookmarked,
    homeIds: home.map((s) => s.id),
    followed: target.acct,
    following: relationship.following,
    foundAccounts: found.accounts.map((a) => a.acct),
    notificationTypes: notifications.map((n) => n.type),
  }));
  process.exit(0);
}

main().catch((e) => {
  console.error(`megalodon failed: ${e?.constructor?.name}: ${e?.message} ${e?.response?.status ?? ""} ${JSON.stringify(e?.response?.data ?? {})}`);
  process.exit(1);
});
