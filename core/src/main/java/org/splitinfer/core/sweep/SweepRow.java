package org.splitinfer.core.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One point's row: a value for each of {@link SweepColumn#ALL}, in order, each a {@link String}, {@link Long},
 * {@link Double} or null (empty text is null, so that CSV, Parquet and Spark hold the same rows).
 *
 * @param values the values, in the columns' order
 * @since 0.1
 */
public record SweepRow(List<Object> values) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Checks each value against its column's type, and makes empty text null. */
    public SweepRow {
        if (values.size() != SweepColumn.ALL.size()) {
            throw new IllegalArgumentException("a row has " + SweepColumn.ALL.size() + " values, got "
                    + values.size());
        }
        List<Object> copy = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value instanceof String text && text.isEmpty()) {
                value = null;
            }
            SweepColumn column = SweepColumn.ALL.get(i);
            Class<?> expected = switch (column.type()) {
                case TEXT -> String.class;
                case INTEGER -> Long.class;
                case REAL -> Double.class;
            };
            if (value != null && !expected.isInstance(value)) {
                throw new IllegalArgumentException("column " + column.name() + " holds " + expected.getSimpleName()
                        + ", got " + value.getClass().getSimpleName());
            }
            copy.add(value);
        }
        // an unmodifiable view of an ArrayList: it keeps nulls and is serializable
        values = Collections.unmodifiableList(copy);
    }

    /**
     * @param column a column's name
     * @return its value, or null
     */
    public Object get(String column) {
        int at = SweepColumn.names().indexOf(column);
        if (at < 0) {
            throw new IllegalArgumentException("no column " + column);
        }
        return values.get(at);
    }

    /** @return the point's index */
    public long index() {
        return (Long) values.get(0);
    }

    /** @return the point's key */
    public String key() {
        return (String) values.get(1);
    }

    /**
     * The row as one CSV line: numbers as Java writes them (they read back exactly), text quoted when it holds a
     * comma, a quote or a line break, null as nothing.
     *
     * @return the line, without its line break
     */
    public String csv() {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            Object value = values.get(i);
            if (value instanceof String text) {
                line.append(SweepCsv.quoted(text));
            } else if (value != null) {
                line.append(value);
            }
        }
        return line.toString();
    }
}
