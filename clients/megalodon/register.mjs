// Registers an app with megalodon, as a Mastodon app does before sending its user to the browser.
// Usage: node register.mjs <base-url>
// Prints one JSON line: the kind of server megalodon detected, the app's keys and the authorize URL.
import megalodon from "megalodon";

const generator = megalodon.default;
const { detector } = megalodon;

const [url] = process.argv.slice(2);

async function main() {
  const sns = await detector(url);
  const client = generator(sns, url);
  const app = await client.registerApp("megalodon check", {
    scopes: ["read", "write", "follow"],
    redirect_uris: "urn:ietf:wg:oauth:2.0:oob",
  });
  console.log(JSON.stringify({
    sns,
    clientId: app.client_id,
    clientSecret: app.client_secret,
    authorizeUrl: app.url,
  }));
}

main().catch((e) => {
  console.error(`megalodon failed: ${e?.constructor?.name}: ${e?.message} ${e?.response?.status ?? ""} ${JSON.stringify(e?.response?.data ?? {})}`);
  process.exit(1);
});
