package org.splitinfer.core.sweep;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.splitinfer.core.input.Shown;

/**
 * Writes a sweep's rows as an Apache Parquet file, with no dependency: one row group, one uncompressed data page per
 * column, PLAIN values and RLE definition levels, every column OPTIONAL (an empty value is null). Text columns are
 * UTF-8 byte arrays, whole numbers INT64, real numbers DOUBLE: the schema Spark's {@code SweepJob} writes, so the
 * local and the cluster outputs read alike. The format's metadata is Thrift's compact protocol, written here field
 * by field (the Parquet format specification, {@code parquet.thrift}, gives the field ids used below).
 *
 * @since 0.1
 */
public final class ParquetRows {
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    // parquet.thrift's enums
    private static final int TYPE_INT64 = 2;
    private static final int TYPE_DOUBLE = 5;
    private static final int TYPE_BYTE_ARRAY = 6;
    private static final int OPTIONAL = 1;
    private static final int CONVERTED_UTF8 = 0;
    private static final int ENCODING_PLAIN = 0;
    private static final int ENCODING_RLE = 3;
    private static final int PAGE_DATA = 0;
    private static final int CODEC_UNCOMPRESSED = 0;
    // Thrift compact protocol's field types
    private static final int T_I32 = 5;
    private static final int T_I64 = 6;
    private static final int T_BINARY = 8;
    private static final int T_LIST = 9;
    private static final int T_STRUCT = 12;

    private ParquetRows() {
    }

    /**
     * Writes the rows to a file, replacing it at once (a temporary file beside it, then moved).
     *
     * @param rows the rows, in the order to keep
     * @param file the Parquet file
     * @throws SweepException when it cannot be written
     */
    public static void write(List<SweepRow> rows, Path file) {
        Path temporary = file.resolveSibling(file.getFileName() + ".writing");
        try {
            Files.write(temporary, bytes(rows));
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new SweepException("sweep output " + Shown.path(file.toString()) + " cannot be written ("
                    + e.getMessage() + "); check the path and the disk, or give another --out");
        }
    }

    /**
     * @param rows the rows
     * @return the Parquet file's bytes
     */
    public static byte[] bytes(List<SweepRow> rows) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(MAGIC);
        List<SweepColumn> columns = SweepColumn.ALL;
        long[] offsets = new long[columns.size()];
        long[] sizes = new long[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            byte[] page = page(rows, c);
            Compact header = new Compact();
            header.i32(1, PAGE_DATA);
            header.i32(2, page.length);
            header.i32(3, page.length);
            header.beginStruct(5);
            header.i32(1, rows.size());
            header.i32(2, ENCODING_PLAIN);
            header.i32(3, ENCODING_RLE);
            header.i32(4, ENCODING_RLE);
            header.endStruct();
            header.stop();
            offsets[c] = file.size();
            byte[] headerBytes = header.bytes();
            file.writeBytes(headerBytes);
            file.writeBytes(page);
            sizes[c] = headerBytes.length + page.length;
        }
        Compact meta = new Compact();
        meta.i32(1, 1);
        meta.beginList(2, T_STRUCT, columns.size() + 1);
        meta.beginElement();
        meta.binary(4, "schema");
        meta.i32(5, columns.size());
        meta.endElement();
        for (SweepColumn column : columns) {
            meta.beginElement();
            meta.i32(1, physical(column));
            meta.i32(3, OPTIONAL);
            meta.binary(4, column.name());
            if (column.type() == SweepColumn.Type.TEXT) {
                meta.i32(6, CONVERTED_UTF8);
            }
            meta.endElement();
        }
        meta.i64(3, rows.size());
        meta.beginList(4, T_STRUCT, 1);
        meta.beginElement();
        meta.beginList(1, T_STRUCT, columns.size());
        long total = 0;
        for (int c = 0; c < columns.size(); c++) {
            meta.beginElement();
            meta.i64(2, offsets[c]);
            meta.beginStruct(3);
            meta.i32(1, physical(columns.get(c)));
            meta.beginList(2, T_I32, 2);
            meta.varint(zigzag(ENCODING_PLAIN));
            meta.varint(zigzag(ENCODING_RLE));
            meta.beginList(3, T_BINARY, 1);
            meta.rawBinary(columns.get(c).name());
            meta.i32(4, CODEC_UNCOMPRESSED);
            meta.i64(5, rows.size());
            meta.i64(6, sizes[c]);
            meta.i64(7, sizes[c]);
            meta.i64(9, offsets[c]);
            meta.endStruct();
            meta.endElement();
            total += sizes[c];
        }
        meta.i64(2, total);
        meta.i64(3, rows.size());
        meta.endElement();
        meta.binary(6, "splitinfer sweep");
        meta.stop();
        byte[] footer = meta.bytes();
        file.writeBytes(footer);
        file.write(footer.length & 0xff);
        file.write(footer.length >>> 8 & 0xff);
        file.write(footer.length >>> 16 & 0xff);
        file.write(footer.length >>> 24 & 0xff);
        file.writeBytes(MAGIC);
        return file.toByteArray();
    }

    private static int physical(SweepColumn column) {
        return switch (column.type()) {
            case TEXT -> TYPE_BYTE_ARRAY;
            case INTEGER -> TYPE_INT64;
            case REAL -> TYPE_DOUBLE;
        };
    }

    /** A data page (v1): the definition levels (1 present, 0 null) RLE-encoded after their length, then the values. */
    private static byte[] page(List<SweepRow> rows, int column) {
        ByteArrayOutputStream levels = new ByteArrayOutputStream();
        int run = 0;
        int level = -1;
        for (SweepRow row : rows) {
            int present = row.values().get(column) == null ? 0 : 1;
            if (present != level && run > 0) {
                rleRun(levels, run, level);
                run = 0;
            }
            level = present;
            run++;
        }
        if (run > 0) {
            rleRun(levels, run, level);
        }
        ByteArrayOutputStream page = new ByteArrayOutputStream();
        littleEndian(page, levels.size(), 4);
        page.writeBytes(levels.toByteArray());
        for (SweepRow row : rows) {
            Object value = row.values().get(column);
            if (value instanceof String text) {
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                littleEndian(page, utf8.length, 4);
                page.writeBytes(utf8);
            } else if (value instanceof Long whole) {
                littleEndian(page, whole, 8);
            } else if (value instanceof Double real) {
                littleEndian(page, Double.doubleToRawLongBits(real), 8);
            }
        }
        return page.toByteArray();
    }

    /** An RLE run of the hybrid encoding at bit width 1: the run's length shifted left once, then the value's byte. */
    private static void rleRun(ByteArrayOutputStream out, int length, int value) {
        writeVarint(out, (long) length << 1);
        out.write(value);
    }

    private static void littleEndian(ByteArrayOutputStream out, long value, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            out.write((int) (rest & 0x7F | 0x80));
            rest >>>= 7;
        }
        out.write((int) rest);
    }

    private static long zigzag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    /** Thrift's compact protocol, only what the footer and page headers need. */
    private static final class Compact {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final Deque<Integer> lastField = new ArrayDeque<>();
        private int last;

        private void field(int id, int type) {
            int delta = id - last;
            if (delta > 0 && delta <= 15) {
                out.write(delta << 4 | type);
            } else {
                out.write(type);
                varint(zigzag(id));
            }
            last = id;
        }

        void i32(int id, int value) {
            field(id, T_I32);
            varint(zigzag(value));
        }

        void i64(int id, long value) {
            field(id, T_I64);
            varint(zigzag(value));
        }

        void binary(int id, String text) {
            field(id, T_BINARY);
            rawBinary(text);
        }

        void rawBinary(String text) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            varint(utf8.length);
            out.writeBytes(utf8);
        }

        void beginStruct(int id) {
            field(id, T_STRUCT);
            beginElement();
        }

        void endStruct() {
            endElement();
        }

        /** A struct that is a list's element: its fields count from 0 again. */
        void beginElement() {
            lastField.push(last);
            last = 0;
        }

        void endElement() {
            stop();
            last = lastField.pop();
        }

        void beginList(int id, int elementType, int size) {
            field(id, T_LIST);
            if (size < 15) {
                out.write(size << 4 | elementType);
            } else {
                out.write(0xF0 | elementType);
                varint(size);
            }
        }

        void stop() {
            out.write(0);
        }

        void varint(long value) {
            writeVarint(out, value);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
