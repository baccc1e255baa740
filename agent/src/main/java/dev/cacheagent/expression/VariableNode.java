package dev.cacheagent.expression;

/** A variable, already bound to where its value is found in the call. */
abstract sealed class VariableNode extends Node {

    VariableNode(String text) {
        super(text);
    }

    /** {@code #this}: the object the method was called on; null for a static method. */
    static final class Target extends VariableNode {
        Target(String text) {
            super(text);
        }

        @Override
        Object eval(Object receiver, Object a0, Object a1, Object a2, Object[] args, Object result) {
            return receiver;
        }
    }

    /** {@code #result}: the method's result, after the call. */
    static final class Result extends VariableNode {
        Result(String text) {
            super(text);
        }

        @Override
        Object eval(Object receiver, Object a0, Object a1, Object a2, Object[] args, Object result) {
            return result;
        }
    }

    /**
     * {@code #args}: the arguments as an array. A call that passed its arguments one by one gets a new
     * array of them, made only when an expression asks for {@code #args}.
     */
    static final class Arguments extends VariableNode {
        private final int count;

        /** @param count how many parameters the method has */
        Arguments(String text, int count) {
            super(text);
            this.count = count;
        }

        @Override
        Object eval(Object receiver, Object a0, Object a1, Object a2, Object[] args, Object result) {
            if (args != null) {
                return args;
            }
            return switch (count) {
                case 0 -> new Object[0];
                case 1 -> new Object[] {a0};
                case 2 -> new Object[] {a0, a1};
                case 3 -> new Object[] {a0, a1, a2};
                default -> throw failure("the method has " + count + " parameters but the call passed no argument array"
                        + " (was the expression bound to another method?)");
            };
        }
    }

    /** {@code #name}, {@code #pN} or {@code #aN}: one argument. */
    static final class Argument extends VariableNode {
        private final int index;

        Argument(String text, int index) {
            super(text);
            this.index = index;
        }

        @Override
        Object eval(Object receiver, Object a0, Object a1, Object a2, Object[] args, Object result) {
            if (args != null) {
                if (index >= args.length) {
                    throw failure("the call has " + args.length + " arguments, so no argument #" + index
                            + " (was the expression bound to another method?)");
                }
                return args[index];
            }
            return switch (index) {
                case 0 -> a0;
                case 1 -> a1;
                case 2 -> a2;
                default -> throw failure("the call passed its arguments one by one, so it has at most 3, and no"
                        + " argument #" + index + " (was the expression bound to another method?)");
            };
        }
    }
}
