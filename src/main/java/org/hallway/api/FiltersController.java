package org.hallway.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.hallway.filters.DeleteFilter;
import org.hallway.filters.Filter;
import org.hallway.filters.FilterStore;
import org.hallway.filters.SaveFilter;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/** Mastodon's filters: v2 (a filter with keywords and an action) and the older v1 view of its keywords. */
@RestController
class FiltersController {
    private static final Pattern INDEXED = Pattern.compile("^keywords_attributes\\[(\\d+)]\\[[a-z_]+]$");

    private final FilterStore filters;
    private final SaveFilter saveFilter;
    private final DeleteFilter deleteFilter;

    FiltersController(FilterStore filters, SaveFilter saveFilter, DeleteFilter deleteFilter) {
        this.filters = filters;
        this.saveFilter = saveFilter;
        this.deleteFilter = deleteFilter;
    }

    @GetMapping("/api/v2/filters")
    List<Map<String, Object>> index(Viewer viewer) {
        return filters.ofAccount(viewer.accountId()).stream()
                .map(FiltersController::entity)
                .toList();
    }

    @GetMapping("/api/v2/filters/{id}")
    Map<String, Object> show(Viewer viewer, @PathVariable String id) {
        return entity(require(viewer, id));
    }

    @PostMapping("/api/v2/filters")
    Map<String, Object> create(Viewer viewer, Params params) {
        return entity(saveFilter.create(viewer, command(params)));
    }

    @PutMapping("/api/v2/filters/{id}")
    Map<String, Object> update(Viewer viewer, @PathVariable String id, Params params) {
        return entity(saveFilter.update(viewer, Ids.parse(id), command(params)));
    }

    @DeleteMapping("/api/v2/filters/{id}")
    Map<String, Object> delete(Viewer viewer, @PathVariable String id) {
        deleteFilter.handle(viewer, Ids.parse(id));
        return Map.of();
    }

    @GetMapping("/api/v2/filters/{id}/keywords")
    List<Map<String, Object>> keywords(Viewer viewer, @PathVariable String id) {
        return require(viewer, id).keywords().stream()
                .map(FiltersController::keyword)
                .toList();
    }

    @PostMapping("/api/v2/filters/{id}/keywords")
    Map<String, Object> addKeyword(Viewer viewer, @PathVariable String id, Params params) {
        var change =
                new SaveFilter.KeywordChange(null, params.required("keyword"), params.boolOrNull("whole_word"), false);
        var saved = saveFilter.update(
                viewer, Ids.parse(id), new SaveFilter.Command(null, null, null, null, false, List.of(change)));
        return keyword(saved.keywords().getLast());
    }

    /** Compat(mastodon): v1 filters are the keywords of v2 filters, one v1 filter per keyword. */
    @GetMapping("/api/v1/filters")
    List<Map<String, Object>> v1(Viewer viewer) {
        var list = new ArrayList<Map<String, Object>>();
        for (var f : filters.ofAccount(viewer.accountId())) {
            for (var k : f.keywords()) {
                var body = new LinkedHashMap<String, Object>();
                body.put("id", Long.toString(k.id()));
                body.put("phrase", k.keyword());
                body.put("context", f.contexts());
                body.put("whole_word", k.wholeWord());
                body.put("expires_at", Presenter.time(f.expiresAt()));
                body.put("irreversible", f.action().equals("hide"));
                list.add(body);
            }
        }
        return list;
    }

    private Filter require(Viewer viewer, String id) {
        return filters.find(viewer.accountId(), Ids.parse(id)).orElseThrow(NotFoundException::record);
    }

    private static SaveFilter.Command command(Params params) {
        var expiresIn = params.string("expires_in");
        Long seconds = null;
        if (expiresIn != null && !expiresIn.isBlank()) {
            try {
                seconds = Long.parseLong(expiresIn.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("expires_in", "expires_in must be a number of seconds");
            }
        }
        var contexts = params.list("context");
        return new SaveFilter.Command(
                params.string("title"),
                contexts.isEmpty() ? null : contexts,
                params.string("filter_action"),
                seconds,
                expiresIn != null && expiresIn.isBlank(),
                keywordChanges(params));
    }

    /**
     * Keywords as apps send them: {@code keywords_attributes[][keyword]} in forms, {@code
     * keywords_attributes[0][keyword]} with indexes, or a JSON array of objects.
     */
    private static List<SaveFilter.KeywordChange> keywordChanges(Params params) {
        var changes = new ArrayList<SaveFilter.KeywordChange>();
        var indexes = new TreeSet<Integer>();
        for (var name : params.names()) {
            var m = INDEXED.matcher(name);
            if (m.matches()) indexes.add(Integer.parseInt(m.group(1)));
        }
        for (int i : indexes) {
            var base = "keywords_attributes[" + i + "]";
            changes.add(change(
                    params.string(base + "[id]"),
                    params.string(base + "[keyword]"),
                    params.string(base + "[whole_word]"),
                    params.string(base + "[_destroy]")));
        }
        if (!indexes.isEmpty()) return changes;
        for (var base : List.of("keywords_attributes[]", "keywords_attributes")) {
            var ids = params.list(base + "[id]");
            var words = params.list(base + "[keyword]");
            var whole = params.list(base + "[whole_word]");
            var destroy = params.list(base + "[_destroy]");
            for (int i = 0; i < Math.max(ids.size(), words.size()); i++) {
                changes.add(change(at(ids, i), at(words, i), at(whole, i), at(destroy, i)));
            }
        }
        return changes;
    }

    private static SaveFilter.KeywordChange change(
            @Nullable String id, @Nullable String keyword, @Nullable String wholeWord, @Nullable String destroy) {
        Long parsedId = null;
        if (id != null && !id.isBlank()) {
            try {
                parsedId = Long.parseLong(id.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("keywords_attributes", "Validation failed: unknown keyword");
            }
        }
        return new SaveFilter.KeywordChange(
                parsedId,
                keyword,
                wholeWord == null || wholeWord.isBlank() ? null : truthy(wholeWord),
                destroy != null && truthy(destroy));
    }

    private static boolean truthy(String v) {
        return switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "on", "yes" -> true;
            default -> false;
        };
    }

    private static @Nullable String at(List<String> list, int i) {
        return i < list.size() ? list.get(i) : null;
    }

    /** Mastodon's Filter entity (v2). */
    static Map<String, Object> entity(Filter f) {
        var body = new LinkedHashMap<String, Object>();
        body.put("id", Long.toString(f.id()));
        body.put("title", f.title());
        body.put("context", f.contexts());
        body.put("expires_at", Presenter.time(f.expiresAt()));
        body.put("filter_action", f.action());
        body.put(
                "keywords",
                f.keywords().stream().map(FiltersController::keyword).toList());
        body.put("statuses", List.of());
        return body;
    }

    private static Map<String, Object> keyword(Filter.Keyword k) {
        var body = new LinkedHashMap<String, Object>();
        body.put("id", Long.toString(k.id()));
        body.put("keyword", k.keyword());
        body.put("whole_word", k.wholeWord());
        return body;
    }
}
