package org.hallway.search.lucene;

import java.time.Clock;
import org.hallway.config.HallwayProperties;
import org.hallway.search.SearchSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The index lives in {@code <data-dir>/index}; {@code hallway.search.rebuild-at-start} forces a rebuild. */
@Configuration(proxyBeanMethods = false)
class LuceneConfig {
    @Bean(destroyMethod = "close")
    LuceneSearchIndex searchIndex(
            HallwayProperties properties,
            SearchSource source,
            Clock clock,
            @Value("${hallway.search.rebuild-at-start:false}") boolean rebuildAtStart) {
        var index = new LuceneSearchIndex(properties.dataDir().resolve("index"), source, clock);
        if (rebuildAtStart) index.rebuild();
        return index;
    }
}
