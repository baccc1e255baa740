package dev.cacheagent.expression;

import java.util.List;

/**
 * The parsed form of an expression: what was written, with where. Binding a tree to one method
 * ({@link #bind}) turns it into the {@link Node}s that evaluate it.
 */
sealed interface Syntax {

    /** 0-based offset of the first character of this part of the text. */
    int start();

    /** 0-based offset just past its last character. */
    int end();

    Node bind(Binder binder);

    record Literal(Object value, int start, int end) implements Syntax {
        @Override
        public Node bind(Binder binder) {
            return new ConstantNode(binder.text(this), value);
        }
    }

    /** {@code (inner)}: only its span differs from the inner part's, so messages quote the parentheses. */
    record Group(Syntax inner, int start, int end) implements Syntax {
        @Override
        public Node bind(Binder binder) {
            return inner.bind(binder);
        }
    }

    record Variable(String name, int start, int end) implements Syntax {
        @Override
        public Node bind(Binder binder) {
            return binder.variable(this);
        }
    }

    record Property(Syntax target, String name, boolean nullSafe, int start, int end) implements Syntax {
        @Override
        public Node bind(Binder binder) {
            return new PropertyNode(binder.text(this), target.bind(binder), name, nullSafe);
        }
    }

    record MethodCall(Syntax target, String name, List<Syntax> arguments, boolean nullSafe, int start, int end)
            implements Syntax {
        @Override
        public Node bind(Binder binder) {
            Node[] bound = new Node[arguments.size()];
            for (int i = 0; i < bound.length; i++) {
                bound[i] = arguments.get(i).bind(binder);
            }
            return new MethodCallNode(binder.text(this), target.bind(binder), name, bound, nullSafe);
        }
    }

    record Index(Syntax target, Syntax index, boolean nullSafe, int start, int end) implements Syntax {
        @Override
        public Node bind(Binder binder) {
            return new IndexNode(binder.text(this), target.bind(binder), index.bind(binder), nullSafe);
        }
    }

    record Not(Syntax operand, int start, int end) implements Syntax {
        @Override
        public Node bind(Binder binder) {
            return new NotNode(binder.text(this), operand.bind(binder));
        }
    }

    /** Unary minus ({@code negate}) or plus. */
    record Sign(boolean negate, Syntax operand, int start, int end) implements Syntax {
        @Override
        public Node bind(Binder binder) {
            return new SignNode(binder.text(this), operand.bind(binder), negate);
        }
    }

    record Arithmetic(ArithmeticOperator operator, Syntax left, Syntax right, int start, int end) implements Syntax {
        @Override
        public Node bind(Binder binder) {
            return new ArithmeticNode(binder.text(this), operator, left.bind(binder), right.bind(binder));
        }
    }

    record Comparison(ComparisonOperator operator, Syntax left, Syntax right, int start, int end) implements Syntax {
        @Override
        public Node bind(Binder binder) {
            return new ComparisonNode(binder.text(this), operator, left.bind(binder), right.bind(binder));
        }
    }

    record And(Syntax left, Syntax right, int start, int end) implements Syntax {
        @Override
        public Node bind(Binder binder) {
            return new AndNode(binder.text(this), left.bind(binder), right.bind(binder));
        }
    }

    record Or(Syntax left, Syntax right, int start, int end) implements Syntax {
        @Override
        public Node bind(Binder binder) {
            return new OrNode(binder.text(this), left.bind(binder), right.bind(binder));
        }
    }

    record Ternary(Syntax condition, Syntax whenTrue, Syntax whenFalse, int start, int end) implements Syntax {
        @Override
        public Node bind(Binder binder) {
            return new TernaryNode(binder.text(this), condition.bind(binder), whenTrue.bind(binder), whenFalse.bind(binder));
        }
    }

    record Elvis(Syntax value, Syntax fallback, int start, int end) implements Syntax {
        @Override
        public Node bind(Binder binder) {
            return new ElvisNode(binder.text(this), value.bind(binder), fallback.bind(binder));
        }
    }
}
