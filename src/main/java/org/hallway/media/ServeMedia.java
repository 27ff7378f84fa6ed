package org.hallway.media;

import java.nio.file.Path;
import java.util.Optional;
import org.hallway.audience.Visibility;
import org.hallway.identity.AccountStore;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;

/**
 * Which file a media path stands for, if its reader may have it: the signature must be the one made
 * for that reader, the reader still active, and then an unattached upload goes only to its uploader
 * and an attached one only to those who may see its post now; a video or audio still processing has no
 * file yet. Everything else is "no file", answered
 * exactly like a path that never existed.
 */
@Service
public class ServeMedia {
    public record File(Path path, String contentType, long mediaId) {}

    private final MediaStore store;
    private final MediaFiles files;
    private final MediaUrls urls;
    private final AccountStore accounts;
    private final Visibility audience;

    ServeMedia(MediaStore store, MediaFiles files, MediaUrls urls, AccountStore accounts, Visibility audience) {
        this.store = store;
        this.files = files;
        this.urls = urls;
        this.accounts = accounts;
        this.audience = audience;
    }

    public Optional<File> handle(long mediaId, long readerId, String signature, MediaFiles.Variant variant) {
        var found = store.find(mediaId);
        if (found.isEmpty()) return Optional.empty();
        var media = found.get();
        if (!urls.valid(mediaId, readerId, media.networkId(), signature)) return Optional.empty();
        var reader = accounts.find(media.networkId(), readerId);
        if (reader.isEmpty() || !reader.get().active()) return Optional.empty();
        boolean allowed = media.postId() == null
                ? media.accountId() == readerId
                : audience.canSee(new Viewer(readerId, media.networkId(), false), media.postId());
        if (!allowed || !media.ready()) return Optional.empty();
        var extension = variant == MediaFiles.Variant.ORIGINAL ? media.extension() : media.smallExtension();
        var type = variant == MediaFiles.Variant.ORIGINAL ? media.contentType() : media.smallContentType();
        if (extension == null || type == null) return Optional.empty();
        return files.find(mediaId, MediaFiles.name(variant, extension)).map(p -> new File(p, type, mediaId));
    }
}
