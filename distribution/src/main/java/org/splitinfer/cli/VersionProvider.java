package org.splitinfer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.splitinfer.spi.SpiVersion;
import picocli.CommandLine;

/** Prints the tool's version and the SPI version plugins must be built for. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return new String[] {"splitinfer " + properties.getProperty("version", "unknown")
                + " (plugin SPI " + SpiVersion.current() + ")"};
    }
}
