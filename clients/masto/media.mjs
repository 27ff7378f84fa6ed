// Attaches an image with the masto.js client, as a Mastodon app would: upload, describe, post, load.
// Usage: node media.mjs <base-url> <email> <password>
// Prints one JSON line with what it saw; exits non-zero on the first failure.
import { createOAuthAPIClient, createRestAPIClient } from "masto";

const [url, email, password] = process.argv.slice(2);
// A 4×3 PNG.
const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAFElEQVR4nGOUqzjBAANMDEgAhQMAMogBZGgQu3YAAAAASUVORK5CYII=";

async function main() {
  const anonymous = createRestAPIClient({ url });
  const app = await anonymous.v1.apps.create({
    clientName: "masto media check",
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
  const masto = createRestAPIClient({ url, accessToken: token.accessToken });
  const file = new Blob([Buffer.from(PNG, "base64")], { type: "image/png" });
  const uploaded = await masto.v2.media.create({ file, description: "A blue rectangle" });
  const updated = await masto.v1.media.$select(uploaded.id).update({ description: "A small blue rectangle" });
  const posted = await masto.v1.statuses.create({ status: "With a picture from masto.js", mediaIds: [uploaded.id] });
  // Apps load images without their token.
  const image = await fetch(posted.mediaAttachments[0].url);
  console.log(JSON.stringify({
    uploadedId: uploaded.id,
    uploadedUrl: uploaded.url,
    width: uploaded.meta?.original?.width ?? null,
    blurhash: uploaded.blurhash,
    description: updated.description,
    postedId: posted.id,
    attachedIds: posted.mediaAttachments.map((m) => m.id),
    imageStatus: image.status,
    imageType: image.headers.get("content-type"),
  }));
}

main().catch((e) => {
  console.error(`masto failed: ${e?.constructor?.name}: ${e?.message} ${e?.statusCode ?? ""} ${JSON.stringify(e?.additionalProperties ?? {})}`);
  process.exit(1);
});
