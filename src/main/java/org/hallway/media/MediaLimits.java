package org.hallway.media;

import jakarta.servlet.MultipartConfigElement;
import java.util.List;
import org.hallway.media.internal.ImageProcessing;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * What an upload may be: its types, bytes and pixels, how many per post, how long its alt text. The
 * instance entity reports these to apps, and the servlet's multipart limits follow the byte limit
 * (one setting, {@code HALLWAY_MEDIA_MAX_BYTES}, for both).
 */
@Configuration(proxyBeanMethods = false)
public class MediaLimits {
    public static final int MAX_PER_POST = 4;
    public static final int MAX_DESCRIPTION = 1500;
    /** Room in a request beyond the file for the other form fields. */
    private static final long REQUEST_SLACK = 4L * 1024 * 1024;

    private final long maxBytes;

    MediaLimits(@Value("${hallway.media.max-bytes:16777216}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public long maxPixels() {
        return ImageProcessing.MAX_PIXELS;
    }

    public List<String> supportedTypes() {
        return ImageProcessing.SUPPORTED_TYPES;
    }

    /** "16 MB", for messages. */
    public String maxBytesText() {
        return maxBytes % (1024 * 1024) == 0 ? maxBytes / (1024 * 1024) + " MB" : maxBytes / 1024 + " KB";
    }

    // A file over the limit is refused while the request is parsed (MaxUploadSizeExceededException),
    // before any controller runs; the API and the web UI turn that into their usual error answers.
    @Bean
    MultipartConfigElement multipartConfigElement() {
        var factory = new MultipartConfigFactory();
        factory.setMaxFileSize(DataSize.ofBytes(maxBytes));
        factory.setMaxRequestSize(DataSize.ofBytes(maxBytes + REQUEST_SLACK));
        return factory.createMultipartConfig();
    }
}
