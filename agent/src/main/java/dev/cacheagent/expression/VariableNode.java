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
        Object eval(Object receiver, Object[] args, Object result) {
            return receiver;
        }
    }

    /** {@code #result}: the method's result, after the call. */
    static final class Result extends VariableNode {
        Result(String text) {
            super(text);
        }

        @Override
        Object eval(Object receiver, Object[] args, Object result) {
            return result;
        }
    }

    /** {@code #args}: the argument array itself. */
    static final class Arguments extends VariableNode {
        Arguments(String text) {
            super(text);
        }

        @Override
        Object eval(Object receiver, Object[] args, Object result) {
            return args;
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
        Object eval(Object receiver, Object[] args, Object result) {
            if (args == null || index >= args.length) {
                throw failure("the call has " + (args == null ? 0 : args.length) + " arguments, so no argument #" + index
                        + " (was the expression bound to another method?)");
            }
            return args[index];
        }
    }
}
