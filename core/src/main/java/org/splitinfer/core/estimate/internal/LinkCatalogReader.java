package org.splitinfer.core.estimate.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.splitinfer.core.estimate.KvLink;
import org.splitinfer.core.estimate.LinkCatalog;
import org.splitinfer.core.input.StructuredText;

/** Reads the shipped KV link catalog, strictly. */
public final class LinkCatalogReader {
    private static final String RESOURCE = "org/splitinfer/core/estimate/kv-links.yaml";

    private LinkCatalogReader() {
    }

    private record File(@JsonProperty(value = "default", required = true) String defaultId,
                        @JsonProperty(required = true) List<Entry> links) {
    }

    private record Entry(@JsonProperty(required = true) String id, @JsonProperty(required = true) String description,
                         @JsonProperty(required = true) double bytesPerSecond,
                         @JsonProperty(required = true) double latencySeconds,
                         @JsonProperty(required = true) String source) {
    }

    /** @return the shipped catalog */
    public static LinkCatalog builtIn() {
        ObjectReader yaml = StructuredText.yaml().readerFor(File.class)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = LinkCatalogReader.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from splitinfer-core; rebuild it");
            }
            File file = yaml.readValue(in);
            List<KvLink> links = new ArrayList<>();
            for (Entry entry : file.links()) {
                links.add(new KvLink(entry.id(), entry.description(), entry.bytesPerSecond(), entry.latencySeconds(),
                        entry.source()));
            }
            return new LinkCatalog(links, file.defaultId());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
