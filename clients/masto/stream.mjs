// Streams from a Hallway server with masto.js's WebSocket client, as a Mastodon app would: the token
// travels as the WebSocket subprotocol, streams are subscribed by message over one socket.
// Usage: node stream.mjs <base-url> <email> <password>
// Prints one JSON line with what it saw; exits non-zero on the first failure.
import { createOAuthAPIClient, createRestAPIClient, createStreamingAPIClient } from "masto";

const [url, email, password] = process.argv.slice(2);
const WAIT_MS = 3000;
const ATTEMPTS = 10;

async function signIn() {
  const anonymous = createRestAPIClient({ url });
  const app = await anonymous.v1.apps.create({
    clientName: "masto stream check",
    redirectUris: "urn:ietf:wg:oauth:2.0:oob",
    scopes: "read write",
  });
  const token = await createOAuthAPIClient({ url }).token.create({
    grantType: "password",
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    redirectUri: "urn:ietf:wg:oauth:2.0:oob",
    username: email,
    password,
    scope: "read write",
  });
  return token.accessToken;
}

// Keeps every event of a subscription as it arrives.
function collect(subscription) {
  const events = [];
  (async () => {
    for await (const event of subscription) events.push(event);
  })().catch(() => {});
  return events;
}

// The first collected event matching the predicate, or null after ms.
async function waitFor(events, matching, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const found = events.find(matching);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  return null;
}

async function main() {
  const accessToken = await signIn();
  const rest = createRestAPIClient({ url, accessToken });
  const instance = await rest.v2.instance.fetch();
  const health = await (await fetch(new URL("/api/v1/streaming/health", url))).text();
  const streaming = createStreamingAPIClient({ streamingApiUrl: instance.configuration.urls.streaming, accessToken });
  const user = collect(streaming.user.subscribe());
  const tagged = collect(streaming.hashtag.subscribe({ tag: "mastostream" }));

  // The subscribe messages race the first post; a post made before the server handled them is not
  // streamed (as with Mastodon), so post again until one arrives.
  const posted = [];
  const isPosted = (e) => e.event === "update" && posted.includes(e.payload.id);
  let update = null;
  for (let i = 0; i < ATTEMPTS && !update; i++) {
    const status = await rest.v1.statuses.create({ status: `Streaming with masto.js #mastostream (${i})` });
    posted.push(status.id);
    update = await waitFor(user, isPosted, WAIT_MS);
  }
  const tagUpdate = await waitFor(tagged, isPosted, WAIT_MS);
  if (!update) throw new Error("no update arrived on the user stream");
  const edited = await rest.v1.statuses.$select(update.payload.id).update({ status: "Edited while streaming" });
  const statusUpdate = await waitFor(user, (e) => e.event === "status.update" && e.payload.id === edited.id, 10000);
  await rest.v1.statuses.$select(update.payload.id).remove();
  const deleted = await waitFor(user, (e) => e.event === "delete" && e.payload === update.payload.id, 10000);
  streaming.close();
  console.log(JSON.stringify({
    health,
    streamingUrl: instance.configuration.urls.streaming,
    posted,
    updateId: update.payload.id,
    updateStream: update.stream,
    updateContent: update.payload.content,
    updateAuthor: update.payload.account.username,
    tagUpdateStream: tagUpdate?.stream ?? null,
    statusUpdateContent: statusUpdate?.payload?.content ?? null,
    deletedId: deleted?.payload ?? null,
  }));
  process.exit(0);
}

main().catch((e) => {
  console.error(`masto streaming failed: ${e?.constructor?.name}: ${e?.message}`);
  process.exit(1);
});
