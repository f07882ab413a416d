package org.splitinfer.cli;

/** How a command prints data: {@code --format table|json|csv}. */
public enum OutputFormat {
    /** Aligned columns for people. */
    TABLE,
    /** JSON for programs. */
    JSON,
    /** Comma-separated values (RFC 4180 quoting) for spreadsheets. */
    CSV
}
