package org.hallway.search.lucene;

import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;
import org.hallway.search.PersonDoc;
import org.hallway.search.PostDoc;

/** The index's fields, and how posts and people become Lucene documents. */
final class Documents {
    static final String TYPE = "type";
    static final String KEY = "key";
    static final String ID = "id";
    static final String NETWORK = "network";
    static final String AUTHOR = "author";
    static final String HANDLE = "handle";
    static final String DEPARTMENT = "department";
    static final String DEPARTMENT_SHOWN = "department_shown";
    static final String VISIBILITY = "visibility";
    /** On company-wide posts: the network whose colleagues may all read the post (one term for the audience filter). */
    static final String READERS = "readers";

    static final String MENTION = "mention";
    static final String GROUP = "group";
    static final String TEXT = "text";
    static final String TAG = "tag";
    static final String NETWORK_TAG = "ntag";
    static final String HAS = "has";
    static final String CREATED = "created";
    static final String LIKED_BY = "liked_by";
    static final String REPOSTED_BY = "reposted_by";
    static final String NAME = "name";
    static final String PROFILE = "profile";
    static final String SKILL = "skill";
    static final String SKILLS = "skills";
    // Doc-value columns of posts under names of their own: Lucene keeps one schema per field name, and
    // the stored fields above (and people's "id") have none.
    static final String ID_COLUMN = "id_dv";
    static final String AUTHOR_COLUMN = "author_dv";
    static final String DEPARTMENT_COLUMN = "department_dv";
    static final String LIKED_BY_COLUMN = "liked_by_dv";
    static final String REPOSTED_BY_COLUMN = "reposted_by_dv";

    static final String POST = "post";
    static final String PERSON = "person";

    /**
     * The order of the index's documents: posts newest first, then people (who have no time). A search
     * in this order reads each segment only as far as its newest matches (ADR 0069).
     */
    static final Sort NEWEST_FIRST = new Sort(new SortField(CREATED, SortField.Type.LONG, true, Long.MIN_VALUE));

    private Documents() {}

    static Term postKey(long id) {
        return new Term(KEY, "p" + id);
    }

    static Term personKey(long id) {
        return new Term(KEY, "a" + id);
    }

    static String lower(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }

    static Document post(PostDoc p) {
        var d = new Document();
        d.add(new StringField(TYPE, POST, Field.Store.NO));
        d.add(new StringField(KEY, "p" + p.id(), Field.Store.NO));
        d.add(new StoredField(ID, p.id()));
        // What ranking reads of every candidate is in doc values too: column-wise, no stored-field blocks
        // to decompress per hit (schema 3).
        d.add(new NumericDocValuesField(ID_COLUMN, p.id()));
        d.add(new StringField(NETWORK, Long.toString(p.networkId()), Field.Store.NO));
        d.add(new StringField(AUTHOR, Long.toString(p.authorId()), Field.Store.YES));
        d.add(new NumericDocValuesField(AUTHOR_COLUMN, p.authorId()));
        d.add(new StringField(HANDLE, lower(p.authorHandle()), Field.Store.NO));
        d.add(new StringField(DEPARTMENT, lower(p.authorDepartment()), Field.Store.NO));
        d.add(new StoredField(DEPARTMENT_SHOWN, p.authorDepartment()));
        d.add(new SortedDocValuesField(DEPARTMENT_COLUMN, new BytesRef(p.authorDepartment())));
        d.add(new StringField(VISIBILITY, p.visibility(), Field.Store.NO));
        for (var m : p.mentionIds()) d.add(new StringField(MENTION, Long.toString(m), Field.Store.NO));
        if (p.groupId() != null) d.add(new StringField(GROUP, Long.toString(p.groupId()), Field.Store.NO));
        d.add(new TextField(TEXT, p.text(), Field.Store.NO));
        boolean companyWide = p.visibility().equals("public") || p.visibility().equals("unlisted");
        if (companyWide) d.add(new StringField(READERS, Long.toString(p.networkId()), Field.Store.NO));
        for (var t : p.tags()) {
            d.add(new StringField(TAG, lower(t), Field.Store.NO));
            // Hashtag suggestions list only tags of company-wide posts: a followers-only post must not
            // reveal its hashtags to everyone.
            if (companyWide) d.add(new StringField(NETWORK_TAG, p.networkId() + ":" + lower(t), Field.Store.NO));
        }
        if (p.hasLink()) d.add(new StringField(HAS, "link", Field.Store.NO));
        long created = p.createdAt().toEpochMilli();
        d.add(new LongPoint(CREATED, created));
        d.add(new NumericDocValuesField(CREATED, created));
        d.add(new StoredField(CREATED, created));
        for (var id : p.likedBy()) {
            d.add(new StoredField(LIKED_BY, id));
            d.add(new SortedNumericDocValuesField(LIKED_BY_COLUMN, id));
        }
        for (var id : p.repostedBy()) {
            d.add(new StoredField(REPOSTED_BY, id));
            d.add(new SortedNumericDocValuesField(REPOSTED_BY_COLUMN, id));
        }
        return d;
    }

    static Document person(PersonDoc a) {
        var d = new Document();
        d.add(new StringField(TYPE, PERSON, Field.Store.NO));
        d.add(new StringField(KEY, "a" + a.id(), Field.Store.NO));
        d.add(new StoredField(ID, a.id()));
        d.add(new StringField(NETWORK, Long.toString(a.networkId()), Field.Store.NO));
        d.add(new StringField(HANDLE, lower(a.username()), Field.Store.NO));
        d.add(new StringField(DEPARTMENT, lower(a.department()), Field.Store.NO));
        d.add(new TextField(NAME, a.displayName() + " " + a.username(), Field.Store.NO));
        // No words, but a norm: with every document holding one, the text's norms are stored densely and
        // scoring a post reads its norm directly instead of searching a sparse list for it.
        d.add(new TextField(TEXT, "", Field.Store.NO));
        d.add(new TextField(
                PROFILE, String.join(" ", a.title(), a.department(), a.location(), a.bio()), Field.Store.NO));
        for (var skill : a.skills()) {
            // Exact for #skill, and as words for a typed topic: machine_learning is "machine learning".
            d.add(new StringField(SKILL, lower(skill), Field.Store.YES));
            d.add(new TextField(SKILLS, skill.replace('_', ' '), Field.Store.NO));
        }
        return d;
    }
}
