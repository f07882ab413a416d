package org.splitinfer.core.estimate;

import java.util.ArrayList;
import java.util.List;
import org.splitinfer.core.estimate.internal.LinkCatalogReader;
import org.splitinfer.core.error.internal.Suggestions;

/**
 * The KV link types SplitInfer knows, each with its sourced bandwidth. Immutable.
 */
public final class LinkCatalog {
    private final List<KvLink> links;
    private final String defaultId;

    /**
     * @param links     link types, ids unique
     * @param defaultId the link used when none is named
     */
    public LinkCatalog(List<KvLink> links, String defaultId) {
        this.links = List.copyOf(links);
        this.defaultId = defaultId;
        get(defaultId);
    }

    /** @return the catalog shipped with SplitInfer */
    public static LinkCatalog builtIn() {
        return LinkCatalogReader.builtIn();
    }

    /** @return every link type, in catalog order */
    public List<KvLink> links() {
        return links;
    }

    /** @return the link used when none is named */
    public KvLink defaultLink() {
        return get(defaultId);
    }

    /**
     * @param id link id
     * @return the link
     * @throws EstimateException with a suggestion when unknown
     */
    public KvLink get(String id) {
        List<String> ids = new ArrayList<>();
        for (KvLink link : links) {
            if (link.id().equals(id)) {
                return link;
            }
            ids.add(link.id());
        }
        throw new EstimateException(Suggestions.unknown("link", id, ids), List.of("link"));
    }
}
