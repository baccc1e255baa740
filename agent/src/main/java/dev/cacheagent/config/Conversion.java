package dev.cacheagent.config;

/** Reads a scalar as one kind of value. */
@FunctionalInterface
interface Conversion<T> {
    T convert(Scalar scalar) throws InvalidValue;

    /** This conversion, then a check of its result. */
    default Conversion<T> check(Check<T> check) {
        return scalar -> {
            T value = convert(scalar);
            check.test(value);
            return value;
        };
    }

    /** A rule a converted value must follow. */
    @FunctionalInterface
    interface Check<T> {
        void test(T value) throws InvalidValue;
    }
}
