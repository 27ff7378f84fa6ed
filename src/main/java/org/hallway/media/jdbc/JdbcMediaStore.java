package org.hallway.media.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hallway.media.Media;
import org.hallway.media.MediaStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcMediaStore implements MediaStore {
    private final JdbcClient jdbc;

    JdbcMediaStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Media m) {
        jdbc.sql(
                        """
            insert into media_attachments (id, network_id, account_id, post_id, position, type, content_type,
              description, focus_x, focus_y, width, height, size, small_width, small_height, small_size,
              blurhash, created_at, status, error, small_content_type, duration, frame_rate, bitrate)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        m.id(),
                        m.networkId(),
                        m.accountId(),
                        m.postId(),
                        m.position(),
                        m.type(),
                        m.contentType(),
                        m.description(),
                        m.focusX(),
                        m.focusY(),
                        m.width(),
                        m.height(),
                        m.size(),
                        m.smallWidth(),
                        m.smallHeight(),
                        m.smallSize(),
                        m.blurhash(),
                        Timestamp.from(m.createdAt()),
                        m.status(),
                        m.error(),
                        m.smallContentType(),
                        m.duration(),
                        m.frameRate(),
                        m.bitrate())
                .update();
    }

    @Override
    public boolean finish(Media m) {
        return jdbc.sql(
                                """
            update media_attachments set status = 'ready', error = null, content_type = ?, width = ?, height = ?,
              size = ?, small_content_type = ?, small_width = ?, small_height = ?, small_size = ?, blurhash = ?,
              duration = ?, frame_rate = ?, bitrate = ?
            where id = ? and status = 'processing'""")
                        .params(
                                m.contentType(),
                                m.width(),
                                m.height(),
                                m.size(),
                                m.smallContentType(),
                                m.smallWidth(),
                                m.smallHeight(),
                                m.smallSize(),
                                m.blurhash(),
                                m.duration(),
                                m.frameRate(),
                                m.bitrate(),
                                m.id())
                        .update()
                == 1;
    }

    @Override
    public boolean fail(long id, String error) {
        return jdbc.sql(
                                "update media_attachments set status = 'failed', error = ? where id = ? and status = 'processing'")
                        .params(error, id)
                        .update()
                == 1;
    }

    @Override
    public List<Media> processing() {
        return jdbc.sql("select * from media_attachments where status = 'processing' order by created_at")
                .query(JdbcMediaStore::map)
                .list();
    }

    @Override
    public Optional<Media> find(long networkId, long id) {
        return jdbc.sql("select * from media_attachments where network_id = ? and id = ?")
                .params(networkId, id)
                .query(JdbcMediaStore::map)
                .optional();
    }

    @Override
    public Optional<Media> find(long id) {
        return jdbc.sql("select * from media_attachments where id = ?")
                .params(id)
                .query(JdbcMediaStore::map)
                .optional();
    }

    @Override
    public List<Media> lockAll(long networkId, Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbc.sql("select * from media_attachments where network_id = :network and id = any(:ids) for update")
                .param("network", networkId)
                .param("ids", ids.toArray(Long[]::new))
                .query(JdbcMediaStore::map)
                .list();
    }

    @Override
    public Map<Long, List<Media>> forPosts(long networkId, Collection<Long> postIds) {
        if (postIds.isEmpty()) return Map.of();
        var result = new LinkedHashMap<Long, List<Media>>();
        jdbc.sql("select * from media_attachments where network_id = :network and post_id = any(:posts)"
                        + " and not dropped order by post_id, position")
                .param("network", networkId)
                .param("posts", postIds.toArray(Long[]::new))
                .query(JdbcMediaStore::map)
                .list()
                .forEach(m -> result.computeIfAbsent(m.postId(), k -> new ArrayList<>())
                        .add(m));
        return result;
    }

    @Override
    public void updateDescription(Media m) {
        jdbc.sql("update media_attachments set description = ?, focus_x = ?, focus_y = ? where id = ?")
                .params(m.description(), m.focusX(), m.focusY(), m.id())
                .update();
    }

    @Override
    public void attach(long postId, List<Long> orderedIds) {
        jdbc.sql("update media_attachments set dropped = true where post_id = :post and not (id = any(:ids))")
                .param("post", postId)
                .param("ids", orderedIds.toArray(Long[]::new))
                .update();
        for (int i = 0; i < orderedIds.size(); i++) {
            jdbc.sql("update media_attachments set post_id = ?, position = ?, dropped = false where id = ?")
                    .params(postId, i, orderedIds.get(i))
                    .update();
        }
    }

    @Override
    public List<Media> unattachedBefore(Instant before, int limit) {
        return jdbc.sql("select * from media_attachments where post_id is null and scheduled_post_id is null"
                        + " and created_at < ? order by created_at"
                        + " limit ?")
                .params(Timestamp.from(before), limit)
                .query(JdbcMediaStore::map)
                .list();
    }

    @Override
    public List<Long> deleteUnattached(Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbc.sql("delete from media_attachments where id = any(:ids) and post_id is null"
                        + " and scheduled_post_id is null returning id")
                .param("ids", ids.toArray(Long[]::new))
                .query(Long.class)
                .list();
    }

    @Override
    public List<Media> ofPost(long networkId, long postId, List<Long> ids) {
        return ordered(
                ids,
                jdbc.sql("select * from media_attachments where network_id = :network and post_id = :post"
                                + " and id = any(:ids)")
                        .param("network", networkId)
                        .param("post", postId)
                        .param("ids", ids.toArray(Long[]::new))
                        .query(JdbcMediaStore::map)
                        .list());
    }

    @Override
    public List<Media> heldFor(long networkId, long scheduledPostId, List<Long> ids) {
        return ordered(
                ids,
                jdbc.sql("select * from media_attachments where network_id = :network and scheduled_post_id = :held"
                                + " and id = any(:ids)")
                        .param("network", networkId)
                        .param("held", scheduledPostId)
                        .param("ids", ids.toArray(Long[]::new))
                        .query(JdbcMediaStore::map)
                        .list());
    }

    @Override
    public Set<Long> held(Collection<Long> ids) {
        if (ids.isEmpty()) return Set.of();
        return new HashSet<>(
                jdbc.sql("select id from media_attachments where id = any(:ids)" + " and scheduled_post_id is not null")
                        .param("ids", ids.toArray(Long[]::new))
                        .query(Long.class)
                        .list());
    }

    @Override
    public void hold(long scheduledPostId, List<Long> ids) {
        if (ids.isEmpty()) return;
        jdbc.sql("update media_attachments set scheduled_post_id = :held where id = any(:ids)")
                .param("held", scheduledPostId)
                .param("ids", ids.toArray(Long[]::new))
                .update();
    }

    @Override
    public void release(long scheduledPostId) {
        jdbc.sql("update media_attachments set scheduled_post_id = null where scheduled_post_id = ?")
                .param(scheduledPostId)
                .update();
    }

    /** The rows in the order of the ids (ids without a row are left out). */
    private static List<Media> ordered(List<Long> ids, List<Media> rows) {
        var byId = new java.util.HashMap<Long, Media>();
        for (var m : rows) byId.put(m.id(), m);
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    private static Media map(ResultSet rs, int row) throws SQLException {
        long post = rs.getLong("post_id");
        Long postId = rs.wasNull() ? null : post;
        return new Media(
                rs.getLong("id"),
                rs.getLong("network_id"),
                rs.getLong("account_id"),
                postId,
                rs.getInt("position"),
                rs.getString("type"),
                rs.getString("content_type"),
                rs.getString("description"),
                rs.getFloat("focus_x"),
                rs.getFloat("focus_y"),
                rs.getInt("width"),
                rs.getInt("height"),
                rs.getLong("size"),
                rs.getInt("small_width"),
                rs.getInt("small_height"),
                rs.getLong("small_size"),
                rs.getString("blurhash"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("status"),
                rs.getString("error"),
                rs.getString("small_content_type"),
                rs.getObject("duration", Double.class),
                rs.getString("frame_rate"),
                rs.getObject("bitrate", Long.class));
    }
}
