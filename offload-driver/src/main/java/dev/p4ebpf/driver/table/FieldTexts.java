package dev.p4ebpf.driver.table;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The key fields or action arguments of an {@link EntrySpec}: an immutable map of a few names to
 * texts that keeps the order they were given in (as a {@code LinkedHashMap} would; null values
 * are kept too), held in two small arrays. A bulk load makes millions of these, so they cost
 * three objects each instead of a hash table, and a lookup is a scan of one to a few names.
 */
final class FieldTexts extends AbstractMap<String, String> {
    static final FieldTexts EMPTY = new FieldTexts(new String[0], new String[0], 0);

    private final String[] names;
    private final String[] texts;
    private final int size;

    private FieldTexts(String[] names, String[] texts, int size) {
        this.names = names;
        this.texts = texts;
        this.size = size;
    }

    /** {@code map} itself when it is already one of these, else a copy in its iteration order. */
    static FieldTexts copyOf(Map<String, String> map) {
        if (map instanceof FieldTexts f) {
            return f;
        }
        if (map.isEmpty()) {
            return EMPTY;
        }
        Builder b = new Builder(map.size());
        map.forEach(b::put);
        return b.build();
    }

    /**
     * Collects names and texts in order; a name given again keeps its place and takes the new
     * text. May be cleared and used again.
     */
    static final class Builder {
        private String[] names;
        private String[] texts;
        private int size;

        Builder(int expected) {
            names = new String[Math.max(1, expected)];
            texts = new String[names.length];
        }

        Builder put(String name, String text) {
            int i = indexOf(names, size, name);
            if (i >= 0) {
                texts[i] = text;
                return this;
            }
            if (size == names.length) {
                names = java.util.Arrays.copyOf(names, size * 2);
                texts = java.util.Arrays.copyOf(texts, size * 2);
            }
            names[size] = name;
            texts[size++] = text;
            return this;
        }

        Builder clear() {
            java.util.Arrays.fill(names, 0, size, null);
            java.util.Arrays.fill(texts, 0, size, null);
            size = 0;
            return this;
        }

        FieldTexts build() {
            return size == 0 ? EMPTY : new FieldTexts(java.util.Arrays.copyOf(names, size),
                    java.util.Arrays.copyOf(texts, size), size);
        }
    }

    private static int indexOf(String[] names, int size, Object name) {
        for (int i = 0; i < size; i++) {
            if (names[i] == name) {
                return i;
            }
        }
        for (int i = 0; i < size; i++) {
            if (Objects.equals(names[i], name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(Object name) {
        return indexOf(names, size, name) >= 0;
    }

    @Override
    public String get(Object name) {
        int i = indexOf(names, size, name);
        return i < 0 ? null : texts[i];
    }

    @Override
    public void forEach(java.util.function.BiConsumer<? super String, ? super String> action) {
        for (int i = 0; i < size; i++) {
            action.accept(names[i], texts[i]);
        }
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<Map.Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Map.Entry<String, String> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new AbstractMap.SimpleImmutableEntry<>(names[i], texts[i]);
                    }
                };
            }
        };
    }
}
