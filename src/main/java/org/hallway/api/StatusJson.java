package org.hallway.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.github.benmanes.caffeine.cache.Cache;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.hallway.api.entity.Account;
import org.hallway.api.entity.Status;
import org.hallway.shared.Caches;
import org.hallway.shared.HeapShare;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.jsonFormatVisitors.JsonFormatVisitorWrapper;
import tools.jackson.databind.jsontype.TypeSerializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.PropertyWriter;
import tools.jackson.databind.ser.ValueSerializerModifier;
import tools.jackson.databind.util.NameTransformer;

/**
 * Writes a {@link Status} from JSON made once per post (ADR 0044): the part of a status that is the
 * same for every reader who gets the same {@code Status} values — ids, links, the author's card,
 * content, mentions, tags, counts, link card — is serialized once by Jackson's own serializer and kept
 * as text; what depends on the reader (media paths, the reblogged original, the poll with its vote,
 * favourited, reblogged, muted, bookmarked, pinned, filtered) is written per status between those
 * pieces.
 *
 * <p>The cache is keyed by the reader-independent values themselves (the status with its
 * reader-dependent fields emptied), not by a post id: a status whose content, counts, author card or
 * anything else changed is a different key, so nothing needs forgetting and nothing stale can be
 * written; and because those fields are the whole key, one reader's view (e.g. a card presented for a
 * guest) can only ever be written for a status carrying exactly that card (the very same instance,
 * see {@link Key}). The output is byte for byte
 * what Jackson writes for the status ({@code StatusJsonTest}).
 */
@Component
class StatusJson extends SimpleModule {
    /** 5% of the heap: 32 MiB with the run line's 640 MiB, the statuses' text without their authors' cards. */
    private static final long MAX_WEIGHT = HeapShare.percent(5);

    private static final String ACCOUNT = "\"account\":null";
    private static final String MEDIA = "\"media_attachments\":[]";
    private static final String REBLOG = "\"reblog\":null";
    private static final String POLL = "\"poll\":null";
    private static final String MARKS =
            "\"favourited\":false,\"reblogged\":false,\"muted\":false,\"bookmarked\":false,\"pinned\":false,\"filtered\":[]";

    private static final SerializedString EMPTY_LIST = new SerializedString("[]");
    private static final SerializedString NULL = new SerializedString("null");

    /**
     * A status's fixed text around the reader-dependent values, as UTF-8 bytes ({@link RawUtf8}), or
     * none when it could not be split.
     */
    private record Template(
            @Nullable RawUtf8 head,
            @Nullable SerializableString author,
            @Nullable RawUtf8 afterAuthor,
            @Nullable RawUtf8 afterMedia,
            @Nullable RawUtf8 afterReblog,
            @Nullable RawUtf8 afterPoll,
            @Nullable RawUtf8 tail) {
        static final Template NONE = new Template(null, null, null, null, null, null, null);

        /**
         * The bytes held, and the key's status and the entry (its strings are the post's, shared); the
         * author's card is the author's other statuses' too ({@link #cards}), held once.
         */
        int weight() {
            return head == null
                    ? 64
                    : 512
                            + head.byteLength()
                            + afterAuthor.byteLength()
                            + afterMedia.byteLength()
                            + afterReblog.byteLength()
                            + afterPoll.byteLength()
                            + tail.byteLength();
        }
    }

    /**
     * A status's fixed part as the key of its text: the author's card by identity, the rest by value.
     * Cards are presented once and shared, one instance per value ({@code AuthorCards}), so an author's
     * posts carry the same instance, and comparing a card by value cost more than the JSON it saves. Identity
     * implies equal values, so a hit is still exactly what Jackson would write; a fresh card is a miss.
     */
    private record Key(Status rest, Account author) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.author == author && k.rest.equals(rest);
        }

        /**
         * The post's id, its counts and the card tell nearly any two keys apart, and equal keys agree on
         * them; hashing the whole status (its lists, its link card) cost more than the lookup it served.
         */
        @Override
        public int hashCode() {
            int h = rest.id().hashCode();
            h = 31 * h + rest.favouritesCount();
            h = 31 * h + rest.reblogsCount();
            h = 31 * h + rest.repliesCount();
            return 31 * h + System.identityHashCode(author);
        }
    }

    private final Cache<Key, Template> templates = Caches.newBuilder()
            .maximumWeight(MAX_WEIGHT)
            .weigher((Key key, Template t) -> t.weight())
            .expireAfterAccess(Duration.ofMinutes(30))
            .build();

    /**
     * The JSON of an author's card, shared by the kept text of all their statuses: a card is about half
     * of a status's text. Keyed by the card instance, as {@link Key} is (weak keys compare by
     * identity), so a card presented anew is a new entry, and a dropped card frees its text.
     */
    private final Cache<Account, RawUtf8> cards =
            Caches.newBuilder().weakKeys().maximumSize(20_000).build();

    StatusJson() {
        super("hallway-status-json");
        setSerializerModifier(new ValueSerializerModifier() {
            @Override
            @SuppressWarnings("unchecked")
            public ValueSerializer<?> modifySerializer(
                    SerializationConfig config, BeanDescription.Supplier bean, ValueSerializer<?> serializer) {
                return bean.getBeanClass() == Status.class
                        ? new Writer((ValueSerializer<Object>) serializer)
                        : serializer;
            }
        });
    }

    /** How many statuses are held as text (not those that could not be split), for tests. */
    long heldAsText() {
        return templates.asMap().values().stream().filter(t -> t.head() != null).count();
    }

    /** How many authors' cards are held as text, for tests. */
    long heldCards() {
        return cards.asMap().size();
    }

    /**
     * The status with everything that depends on its reader emptied and without its author's card,
     * which {@link Key} holds by identity and the kept text holds once per author.
     */
    private static Status fixedPart(Status s) {
        return new Status(
                s.id(),
                s.uri(),
                s.url(),
                s.createdAt(),
                null,
                s.content(),
                s.visibility(),
                s.sensitive(),
                s.spoilerText(),
                List.of(),
                s.application(),
                s.mentions(),
                s.tags(),
                s.emojis(),
                s.reblogsCount(),
                s.favouritesCount(),
                s.repliesCount(),
                s.inReplyToId(),
                s.inReplyToAccountId(),
                null,
                null,
                s.card(),
                s.language(),
                s.text(),
                s.editedAt(),
                false,
                false,
                false,
                false,
                false,
                List.of(),
                s.groupId());
    }

    /** Jackson's serializer for {@link Status}, writing the fixed text it keeps and the reader's values. */
    private final class Writer extends ValueSerializer<Object> {
        private final ValueSerializer<Object> jackson;

        Writer(ValueSerializer<Object> jackson) {
            this.jackson = jackson;
        }

        @Override
        public void resolve(SerializationContext ctxt) {
            jackson.resolve(ctxt);
        }

        @Override
        @SuppressWarnings("unchecked")
        public ValueSerializer<?> createContextual(SerializationContext ctxt, BeanProperty property) {
            var contextual = (ValueSerializer<Object>) jackson.createContextual(ctxt, property);
            return contextual == jackson ? this : new Writer(contextual);
        }

        @Override
        public Class<?> handledType() {
            return Status.class;
        }

        // A status written inside another object's fields (@JsonUnwrapped, as search results do) or
        // with changed properties is written by Jackson alone: the kept text is a whole object.

        @Override
        public ValueSerializer<Object> unwrappingSerializer(NameTransformer unwrapper) {
            return jackson.unwrappingSerializer(unwrapper);
        }

        @Override
        public ValueSerializer<?> withFilterId(Object filterId) {
            return jackson.withFilterId(filterId);
        }

        @Override
        public ValueSerializer<?> withIgnoredProperties(Set<String> ignoredProperties) {
            return jackson.withIgnoredProperties(ignoredProperties);
        }

        @Override
        public ValueSerializer<?> withFormatOverrides(SerializationConfig config, JsonFormat.Value format) {
            return jackson.withFormatOverrides(config, format);
        }

        @Override
        public Iterator<PropertyWriter> properties() {
            return jackson.properties();
        }

        @Override
        public void serializeWithType(
                Object value, JsonGenerator gen, SerializationContext ctxt, TypeSerializer typeSer) {
            jackson.serializeWithType(value, gen, ctxt, typeSer);
        }

        @Override
        public void acceptJsonFormatVisitor(JsonFormatVisitorWrapper visitor, JavaType type) {
            jackson.acceptJsonFormatVisitor(visitor, type);
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializationContext ctxt) {
            var status = (Status) value;
            var template = template(status, ctxt);
            if (template.head() == null) {
                jackson.serialize(value, gen, ctxt);
                return;
            }
            gen.writeRawValue(template.head());
            writeRest(status, template, gen, ctxt);
        }

        private Template template(Status status, SerializationContext ctxt) {
            var key = new Key(fixedPart(status), status.account());
            return templates.get(key, k -> split(k.rest(), card(k.author(), ctxt), ctxt));
        }

        private SerializableString card(@Nullable Account author, SerializationContext ctxt) {
            return author == null ? NULL : cards.get(author, a -> new RawUtf8(text(a, ctxt)));
        }

        /** The status after its head, the head having been written by the caller. */
        private void writeRest(Status status, Template template, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeRaw(template.author());
            gen.writeRaw(template.afterAuthor());
            gen.writeRaw(
                    status.mediaAttachments().isEmpty()
                            ? EMPTY_LIST
                            : new SerializedString(text(status.mediaAttachments(), ctxt)));
            gen.writeRaw(template.afterMedia());
            var reblog = status.reblog();
            if (reblog == null) gen.writeRaw(NULL);
            else writeInner(reblog, gen, ctxt);
            gen.writeRaw(template.afterReblog());
            gen.writeRaw(status.poll() == null ? NULL : new SerializedString(text(status.poll(), ctxt)));
            gen.writeRaw(template.afterPoll());
            gen.writeRaw(marks(status, ctxt));
            gen.writeRaw(template.tail());
        }

        /** A status inside another (a repost's original): its text written without a value separator. */
        private void writeInner(Status status, JsonGenerator gen, SerializationContext ctxt) {
            var template = template(status, ctxt);
            if (template.head() == null) {
                gen.writeRaw(text(status, ctxt));
                return;
            }
            gen.writeRaw(template.head());
            writeRest(status, template, gen, ctxt);
        }

        private String marks(Status s, SerializationContext ctxt) {
            return s.favourited() + ",\"reblogged\":" + s.reblogged() + ",\"muted\":" + s.muted()
                    + ",\"bookmarked\":" + s.bookmarked() + ",\"pinned\":" + s.pinned() + ",\"filtered\":"
                    + (s.filtered().isEmpty() ? "[]" : text(s.filtered(), ctxt));
        }

        /**
         * The fixed text of a status whose reader-dependent fields and author are empty, cut where those
         * fields' values and the author's card go. Every cut is a key with its empty value, searched in
         * order after the previous one: inside a JSON string a quote is always escaped, so a key's quoted
         * name cannot be found there.
         */
        private Template split(Status rest, SerializableString author, SerializationContext ctxt) {
            var json = text(rest, ctxt);
            int account = json.indexOf(ACCOUNT);
            int media = account < 0 ? -1 : json.indexOf(MEDIA, account + ACCOUNT.length());
            int reblog = media < 0 ? -1 : json.indexOf(REBLOG, media + MEDIA.length());
            int poll = reblog < 0 ? -1 : json.indexOf(POLL, reblog + REBLOG.length());
            int marks = poll < 0 ? -1 : json.indexOf(MARKS, poll + POLL.length());
            if (marks < 0) return Template.NONE;
            int accountValue = account + ACCOUNT.length() - 4;
            int mediaValue = media + MEDIA.length() - 2;
            int reblogValue = reblog + REBLOG.length() - 4;
            int pollValue = poll + POLL.length() - 4;
            int marksValue = marks + "\"favourited\":".length();
            return new Template(
                    new RawUtf8(json.substring(0, accountValue)),
                    author,
                    new RawUtf8(json.substring(accountValue + 4, mediaValue)),
                    new RawUtf8(json.substring(mediaValue + 2, reblogValue)),
                    new RawUtf8(json.substring(reblogValue + 4, pollValue)),
                    new RawUtf8(json.substring(pollValue + 4, marksValue)),
                    new RawUtf8(json.substring(marks + MARKS.length())));
        }

        /** A value as Jackson writes it, with this serializer's configuration. */
        private String text(Object value, SerializationContext ctxt) {
            var out = new StringWriter(value instanceof Status ? 2048 : 128);
            try (var gen = ctxt.tokenStreamFactory().createGenerator(ctxt, out)) {
                if (value instanceof Status s) jackson.serialize(s, gen, ctxt);
                else ctxt.writeValue(gen, value);
            }
            return out.toString();
        }
    }
}
