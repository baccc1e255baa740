package dev.cacheagent.config;

/** Reads a scalar as one kind of value, or says why it cannot. */
@FunctionalInterface
interface Conversion<T> {
    T convert(Scalar scalar) throws InvalidValue;
}
