package org.splitinfer.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * A version of this SPI: {@code major} changes break plugins, {@code minor} changes only add
 * {@code default} methods and new well-known constants.
 *
 * <p>Two values matter when the host loads a plugin:
 * <ul>
 *   <li>what the plugin was compiled against: a plugin returns
 *       {@code new SpiVersion(SpiVersion.MAJOR, SpiVersion.MINOR)} from
 *       {@link AcceleratorProvider#spiVersion()}. {@link #MAJOR} and {@link #MINOR} are compile-time
 *       constants on purpose: javac copies them into the plugin's class file, so the plugin keeps
 *       reporting the version it was built with whatever SPI jar it later runs on;</li>
 *   <li>what the host runs: {@link #current()}, which the SPI computes at run time from a resource of
 *       the SPI jar actually loaded, so the host is never fooled by a value inlined into some other
 *       class file.</li>
 * </ul>
 * A plugin is compatible when {@link #canRunOn(SpiVersion)} holds: same major, and a minor no newer
 * than the host's.
 *
 * @param major breaking generation, {@code >= 1}
 * @param minor additive revision within the major, {@code >= 0}
 * @since 0.1
 */
public record SpiVersion(int major, int minor) implements Comparable<SpiVersion> {

    /** Major version of the SPI source this class file was compiled from. @since 0.1 */
    public static final int MAJOR = 1;

    /** Minor version of the SPI source this class file was compiled from. @since 0.1 */
    public static final int MINOR = 1;

    private static final String RESOURCE = "spi-version.properties";

    /** Validates the numbers. */
    public SpiVersion {
        Names.requirePositive("major", major);
        if (minor < 0) {
            throw new IllegalArgumentException("minor must be >= 0, got " + minor);
        }
    }

    /**
     * The version of the SPI jar loaded in this JVM, read at run time from the jar's
     * {@code org/splitinfer/spi/spi-version.properties}.
     *
     * @return the running SPI's version, never {@code null}
     * @throws IllegalStateException if the SPI jar lacks its version resource (a broken build)
     * @since 0.1
     */
    public static SpiVersion current() {
        return Holder.CURRENT;
    }

    /**
     * Whether a plugin compiled against this version can run on {@code host}.
     *
     * @param host the running SPI's version, from {@link #current()}
     * @return true when the majors are equal and this minor is at most the host's
     * @since 0.1
     */
    public boolean canRunOn(SpiVersion host) {
        return major == host.major && minor <= host.minor;
    }

    @Override
    public int compareTo(SpiVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }

    private static final class Holder {
        static final SpiVersion CURRENT = read();

        private static SpiVersion read() {
            try (InputStream in = SpiVersion.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the SPI jar has no org/splitinfer/spi/" + RESOURCE
                            + "; rebuild splitinfer-spi");
                }
                Properties properties = new Properties();
                properties.load(in);
                return new SpiVersion(Integer.parseInt(properties.getProperty("spi.major").trim()),
                        Integer.parseInt(properties.getProperty("spi.minor").trim()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read org/splitinfer/spi/" + RESOURCE, e);
            }
        }
    }
}
