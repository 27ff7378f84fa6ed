/**
 * Media attachments: images a colleague uploads (checked, re-encoded without their metadata, with a
 * thumbnail and a blurhash, while the upload waits), and video, audio and animated GIFs (probed at
 * once, converted by ffmpeg in the background by {@link org.hallway.media.ProcessMedia}), each attached
 * to one post and served only to the readers of that post. Owns {@code media_attachments} and the files
 * under {@code <data dir>/media}. Offers {@link org.hallway.media.AttachMedia} to the posts module
 * (called inside the post's transaction) and {@link org.hallway.media.PostMedia} to the read paths (a
 * page's attachments in one query). Asks {@link org.hallway.audience.Visibility} before serving a file.
 * Publishes and consumes no events.
 */
package org.hallway.media;
