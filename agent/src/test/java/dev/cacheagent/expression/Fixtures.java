package dev.cacheagent.expression;

import java.io.IOException;

/** Values the tests navigate, shaped like application types: public nested records and classes. */
public final class Fixtures {
    private Fixtures() {}

    public enum Tier { LOCAL, REDIS }

    public record Address(String city, String zip) {}

    public record Style(String name, int weight, Address address) {}

    /** A JavaBean with every kind of property an expression can read. */
    public static final class Bean {
        public int count = 3;
        public String label = "field";

        public String getName() {
            return "bean";
        }

        public boolean isActive() {
            return true;
        }

        public Boolean isBoxed() {
            return Boolean.TRUE;
        }

        /** Not a property: an is-method that does not return a boolean. */
        public String isWeird() {
            return "weird";
        }

        public String getURL() {
            return "http://example.com";
        }

        public String getxCoord() {
            return "x";
        }

        public static String getStatic() {
            return "static";
        }

        public static String shout(String text) {
            return text.toUpperCase();
        }
    }

    /** Has a getter, an accessor and a field of one name: the getter wins, as in SpEL. */
    public static final class Ambiguous {
        public String value = "field";

        public String getValue() {
            return "getter";
        }

        public String value() {
            return "accessor";
        }
    }

    /** Has an accessor and a field of one name: the accessor wins over the field. */
    public static final class AccessorAndField {
        public String value = "field";

        public String value() {
            return "accessor";
        }
    }

    public static final class Overloads {
        public String describe(int value) {
            return "int";
        }

        public String describe(long value) {
            return "long";
        }

        public String describe(String value) {
            return "String";
        }

        public String describe(Object value) {
            return "Object";
        }

        public String wide(Long value) {
            return "Long " + value;
        }

        public String wide(double value, double other) {
            return "double " + (value + other);
        }

        public String join(String first, String... rest) {
            return first + ":" + String.join(",", rest);
        }

        public String four(String a, String b, String c, String d) {
            return a + b + c + d;
        }

        public String five(String a, int b, String c, int d, Object e) {
            return a + b + c + d + e;
        }

        public String ambiguous(Integer value, Object other) {
            return "a";
        }

        public String ambiguous(Object value, Integer other) {
            return "b";
        }
    }

    public static final class Thrower {
        public String fail() throws IOException {
            throw new IOException("disk secret-value gone");
        }

        public String getBroken() {
            throw new IllegalStateException("broken");
        }

        public String exhaust() {
            throw new OutOfMemoryError("simulated");
        }

        public String assertion() {
            throw new AssertionError("assertion");
        }
    }

    /** A value whose text cannot be read. */
    public static final class Unprintable {
        @Override
        public String toString() {
            throw new IllegalStateException("no text");
        }
    }

    public interface Named {
        String name();
    }

    /** Not public: reachable only through the public interface it implements. */
    static final class HiddenNamed implements Named {
        @Override
        public String name() {
            return "hidden";
        }

        public String extra() {
            return "extra";
        }
    }

    static Named hiddenNamed() {
        return new HiddenNamed();
    }

    /** Not public, and no public type declares its method: out of an expression's reach. */
    static final class HiddenPlain {
        public String secret() {
            return "secret";
        }

        @Override
        public String toString() {
            return "plain";
        }
    }
}
