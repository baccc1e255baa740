package dev.cacheagent.expression;

import java.util.Arrays;
import java.util.List;

/** Evaluates expressions as the tests need them. */
final class Evaluate {
    private Evaluate() {}

    /** With the arguments as #p0, #p1, ...: the method's parameter names unknown, no target. */
    static Object eval(String source, Object... args) {
        List<String> names = Arrays.asList(new String[args.length]);
        return Expression.parse(source).resolve(names, false).evaluate(null, args, null);
    }
}
