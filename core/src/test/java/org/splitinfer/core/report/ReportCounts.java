package org.splitinfer.core.report;

/** Counts a string's occurrences in rendered output. */
final class ReportCounts {
    private ReportCounts() {
    }

    static int of(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }
}
