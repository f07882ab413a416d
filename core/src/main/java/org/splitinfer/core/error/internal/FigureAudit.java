package org.splitinfer.core.error.internal;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.splitinfer.core.error.InvalidFigureException;

/**
 * The invariant every result core returns must hold: each number in it, at any depth of its records, lists,
 * optionals and maps, is finite and at least 0. A result is a tree of records, so one walk over their components
 * checks all of them, new fields included, without a list to keep up to date.
 *
 * <p>Two kinds of number are exempt by name: a random seed (any {@code long} a user chose) and nothing else so far
 * ({@link #SIGNED}). The walk names the figure by its path and, when a record on the way names its chip (a component
 * {@code hardware}, with its {@code role} when it has one), the pool it came from.
 *
 * <p>Cost: a reflective walk of a few hundred components, once per result (an estimate, a run, a plan), never per
 * simulated step; the accessors are looked up once per record class.
 */
public final class FigureAudit {
    /** Components that may be negative: what a user chose, not what a model computed. */
    private static final Set<String> SIGNED = Set.of("seed");
    /** Records nest a few levels; this only stops a cycle, which a record tree cannot have. */
    private static final int MAX_DEPTH = 32;

    private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
            }
            return accessors;
        }
    };

    private FigureAudit() {
    }

    /**
     * Checks a result and hands it back.
     *
     * @param result the result
     * @param kind   what it is, for the message: {@code estimate}, {@code simulation}, ...
     * @param of     what it is of: a model id, an accelerator id
     * @param <T>    its type
     * @return the result, unchanged
     * @throws InvalidFigureException at the first figure that is NaN, infinite or negative
     */
    public static <T> T requireSound(T result, String kind, String of) {
        return requireSound(result, kind, of, null);
    }

    /**
     * Checks a result about one chip and hands it back.
     *
     * @param result   the result
     * @param kind     what it is, for the message: {@code fit}, {@code roofline analysis}
     * @param of       what it is of: a model id, an accelerator id
     * @param hardware the chip every figure comes from unless a record on the way names another, or null
     * @param <T>      its type
     * @return the result, unchanged
     * @throws InvalidFigureException at the first figure that is NaN, infinite or negative
     */
    public static <T> T requireSound(T result, String kind, String of, String hardware) {
        walk(result, "", hardware, null, 0, kind, of);
        return result;
    }

    private static void walk(Object value, String path, String hardware, String role, int depth, String kind,
                             String of) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (!(number >= 0) || Double.isInfinite(number)) {
                fail(path, Double.toString(number), hardware, role, kind, of);
            }
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            if (((Number) value).longValue() < 0) {
                fail(path, value.toString(), hardware, role, kind, of);
            }
        } else if (value instanceof OptionalDouble optional) {
            if (optional.isPresent()) {
                walk(optional.getAsDouble(), path, hardware, role, depth, kind, of);
            }
        } else if (value instanceof OptionalInt optional) {
            if (optional.isPresent()) {
                walk(optional.getAsInt(), path, hardware, role, depth, kind, of);
            }
        } else if (value instanceof OptionalLong optional) {
            if (optional.isPresent()) {
                walk(optional.getAsLong(), path, hardware, role, depth, kind, of);
            }
        } else if (value instanceof Optional<?> optional) {
            optional.ifPresent(present -> walk(present, path, hardware, role, depth + 1, kind, of));
        } else if (value instanceof Collection<?> collection) {
            int index = 0;
            for (Object element : collection) {
                walk(element, path + "[" + index++ + "]", hardware, role, depth + 1, kind, of);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                walk(entry.getValue(), path + "[" + entry.getKey() + "]", hardware, role, depth + 1, kind, of);
            }
        } else if (value.getClass().isArray() && !value.getClass().getComponentType().isPrimitive()
                || value instanceof double[] || value instanceof long[] || value instanceof int[]) {
            for (int i = 0; i < Array.getLength(value); i++) {
                walk(Array.get(value, i), path + "[" + i + "]", hardware, role, depth + 1, kind, of);
            }
        } else if (value.getClass().isRecord()) {
            record(value, path, hardware, role, depth, kind, of);
        }
    }

    private static void record(Object value, String path, String hardware, String role, int depth, String kind,
                               String of) {
        Method[] accessors = ACCESSORS.get(value.getClass());
        Object[] values = new Object[accessors.length];
        String ownHardware = hardware;
        String ownRole = role;
        for (int i = 0; i < accessors.length; i++) {
            values[i] = read(accessors[i], value);
            String name = accessors[i].getName();
            if (name.equals("hardware") && values[i] instanceof String id) {
                ownHardware = id;
                ownRole = null;
            }
        }
        for (int i = 0; i < accessors.length; i++) {
            if (accessors[i].getName().equals("role") && values[i] instanceof Enum<?> named) {
                ownRole = named.name().toLowerCase(Locale.ROOT);
            }
        }
        // the parts first: a pool's own figure names its chip, where the total it feeds (a TTFT) could not
        for (boolean scalars : new boolean[] {false, true}) {
            for (int i = 0; i < accessors.length; i++) {
                String name = accessors[i].getName();
                if (!SIGNED.contains(name) && isScalar(values[i]) == scalars) {
                    walk(values[i], path.isEmpty() ? name : path + "." + name, ownHardware, ownRole, depth + 1,
                            kind, of);
                }
            }
        }
    }

    private static boolean isScalar(Object value) {
        return value instanceof Number || value instanceof OptionalDouble || value instanceof OptionalInt
                || value instanceof OptionalLong;
    }

    private static Object read(Method accessor, Object record) {
        try {
            return accessor.invoke(record);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + accessor, e);
        } catch (InvocationTargetException e) {
            // an accessor that computes and fails is the result's own fault; report what it threw
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    private static void fail(String path, String value, String hardware, String role, String kind, String of) {
        String source = hardware == null ? ""
                : " from the " + (role == null ? "" : role + " ") + "pool on '" + hardware + "'";
        String blame = hardware == null ? "the inputs lie beyond what the models cover, so check the counts and"
                + " figures given" : "the model of '" + hardware + "' produced it, so check that chip's plugin and"
                + " its hardware sheet";
        throw new InvalidFigureException("the " + kind + " of '" + of + "' has " + path + " = " + value + source
                + ", where only a finite figure of at least 0 makes sense; " + blame, path,
                hardware == null ? "" : hardware);
    }
}
