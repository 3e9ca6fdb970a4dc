package org.vodkit.providers;

import java.util.Map;

import org.vodkit.VodkitClient;

/**
 * The JSON parameters of one call of a generated provider class (hand-written;
 * the classes next to it are generated): keys in the order they are put, a
 * null value left out. Values are what the generated signatures take:
 * strings, numbers, booleans, {@code List}s and {@code Map<String, ?>}s of
 * those. The catalog checks the result before anything is sent, so a bad
 * value is a {@code VodkitException} ({@code invalid_input}) from the call;
 * only what JSON cannot hold at all (NaN, an unknown class) is an
 * {@link IllegalArgumentException} here.
 */
final class Params {
    private final StringBuilder json = new StringBuilder("{");

    /** {@code client}, when it is a client of {@code provider}. */
    static VodkitClient clientOf(VodkitClient client, String provider) {
        if (client == null) {
            throw new IllegalArgumentException("client must not be null");
        }
        String actual = client.provider();
        if (!provider.equals(actual)) {
            throw new IllegalArgumentException("a client of " + provider + " is needed, not of " + actual);
        }
        return client;
    }

    /** Adds {@code key} unless {@code value} is null. */
    void put(String key, Object value) {
        if (value == null) {
            return;
        }
        if (json.length() > 1) {
            json.append(',');
        }
        string(json, key);
        json.append(':');
        value(json, value, key);
    }

    /** The object as JSON text. */
    String json() {
        return json + "}";
    }

    private static void value(StringBuilder out, Object value, String where) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence) {
            string(out, value.toString());
        } else if (value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException(where + ": " + d + " has no JSON form");
            }
            out.append(d);
        } else if (value instanceof Number) {
            // Long, Integer, Short, Byte, BigInteger, BigDecimal: their decimal text.
            out.append(value);
        } else if (value instanceof Iterable) {
            out.append('[');
            boolean first = true;
            for (Object item : (Iterable<?>) value) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                value(out, item, where + "[]");
            }
            out.append(']');
        } else if (value instanceof Map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                if (!(e.getKey() instanceof String)) {
                    throw new IllegalArgumentException(where + ": a JSON object's keys are strings, not " + e.getKey());
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, (String) e.getKey());
                out.append(':');
                value(out, e.getValue(), where + "." + e.getKey());
            }
            out.append('}');
        } else {
            throw new IllegalArgumentException(where + ": a " + value.getClass().getName() + " has no JSON form");
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                default:
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
