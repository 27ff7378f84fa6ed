// Drives a Hallway server with the masto.js client, as a Mastodon app would.
// Usage: node check.mjs <base-url> <email> <password>
// Prints one JSON line with what it saw; exits non-zero on the first failure.
import { createOAuthAPIClient, createRestAPIClient } from "masto";

const [url, email, password] = process.argv.slice(2);

async function main() {
  const anonymous = createRestAPIClient({ url });
  const instance = await anonymous.v2.instance.fetch();
  const app = await anonymous.v1.apps.create({
    clientName: "masto check",
    redirectUris: "urn:ietf:wg:oauth:2.0:oob",
    scopes: "read write follow",
  });
  const oauth = createOAuthAPIClient({ url });
  const token = await oauth.token.create({
    grantType: "password",
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    redirectUri: "urn:ietf:wg:oauth:2.0:oob",
    username: email,
    password,
    scope: "read write follow",
  });
  const masto = createRestAPIClient({ url, accessToken: token.accessToken });
  const me = await masto.v1.accounts.verifyCredentials();
  const posted = await masto.v1.statuses.create({
    status: "Hello from **masto.js** #clients",
    poll: { options: ["Tea", "Coffee"], expiresIn: 3600 },
  });
  let home = [];
  for (let i = 0; i < 50 && !home.some((s) => s.id === posted.id); i++) {
    home = await masto.v1.timelines.home.list({ limit: 20 });
    if (!home.some((s) => s.id === posted.id)) await new Promise((r) => setTimeout(r, 200));
  }
  const favourited = await masto.v1.statuses.$select(posted.id).favourite();
  const favourites = await masto.v1.favourites.list();
  const fetched = await masto.v1.statuses.$select(posted.id).fetch();
  console.log(JSON.stringify({
    instanceVersion: instance.version,
    username: me.username,
    sourcePrivacy: me.source?.privacy ?? null,
    postedId: posted.id,
    postedContent: posted.content,
    pollOptions: posted.poll?.options.map((o) => o.title) ?? null,
    homeIds: home.map((s) => s.id),
    favourited: favourited.favourited,
    favouritesCount: fetched.favouritesCount,
    favouriteIds: favourites.map((s) => s.id),
  }));
}

main().catch((e) => {
  console.error(`masto failed: ${e?.constructor?.name}: ${e?.message} ${e?.statusCode ?? ""} ${JSON.stringify(e?.additionalProperties ?? {})}`);
  process.exit(1);
});
