package dev.cacheagent.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cacheagent.cache.redis.Codecs;
import dev.cacheagent.cache.redis.JsonRebuild;
import dev.cacheagent.cache.redis.TypeShape;
import dev.cacheagent.cache.redis.ValueCodec;
import dev.cacheagent.cache.redis.ValueType;
import dev.cacheagent.config.CacheAction;
import dev.cacheagent.config.CacheSpec;
import dev.cacheagent.config.Match;
import dev.cacheagent.config.Position;
import dev.cacheagent.config.Rule;
import dev.cacheagent.runtime.MethodInfo;
import fixture.json.Code;
import fixture.json.Color;
import fixture.json.Created;
import fixture.json.Described;
import fixture.json.NoCreator;
import fixture.json.Outer;
import fixture.json.Pojo;
import fixture.json.Point;
import fixture.json.PrivateConstructor;
import fixture.json.PublicFields;
import fixture.json.Returns;
import fixture.json.Square;
import fixture.json.TagList;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Currency;
import java.util.Date;
import java.util.EnumMap;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The check of what {@code codec: json} can rebuild, proved against the codec itself: for each declared
 * return type, the check (from class files, as the transformer reads them) says yes exactly when a value
 * of that type stored through the real codec comes back as an equal value of the same classes.
 */
class JsonRebuildTest {
    private static final ClassLoader LOADER = JsonRebuildTest.class.getClassLoader();

    static Stream<Arguments> rebuildable() throws Exception {
        Pojo pojo = new Pojo();
        pojo.setName("a");
        pojo.setSize(2);
        PublicFields fields = new PublicFields();
        fields.name = "b";
        fields.size = 3;
        Outer.Nested nested = new Outer.Nested();
        nested.n = 4;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("text", "x");
        json.put("number", 1);
        json.put("list", List.of("y", true));
        Map<Color, List<Point>> byColor = new LinkedHashMap<>();
        byColor.put(Color.RED, List.of(new Point(1, 2)));
        LinkedHashMap<String, Pojo> pojos = new LinkedHashMap<>();
        pojos.put("p", pojo);
        return Stream.of(
                Arguments.of("primitive", 7),
                Arguments.of("boxed", 8),
                Arguments.of("text", "hello"),
                Arguments.of("decimal", new BigDecimal("12345678901234567890.10")),
                Arguments.of("uuid", UUID.fromString("8d1f8e1e-6a3c-4a8e-9d55-3b7c1e2f4a60")),
                Arguments.of("color", Color.GREEN),
                Arguments.of("bytes", new byte[] {1, 2, 3}),
                Arguments.of("ints", new int[] {4, 5}),
                Arguments.of("point", new Point(1, 2)),
                Arguments.of("pojo", pojo),
                Arguments.of("publicFields", fields),
                Arguments.of("privateConstructor", new PrivateConstructor("c")),
                Arguments.of("described", new Described("d", 5)),
                Arguments.of("created", new Created("e")),
                Arguments.of("nested", nested),
                Arguments.of("points", new Point[] {new Point(1, 2), new Point(3, 4)}),
                Arguments.of("pojoList", List.of(pojo)),
                Arguments.of("pointsByName", Map.of("p", new Point(5, 6))),
                Arguments.of("colors", new LinkedHashSet<>(List.of(Color.RED))),
                Arguments.of("enumSet", EnumSet.of(Color.GREEN)),
                Arguments.of("pointsByColor", byColor),
                Arguments.of("wildcardPoints", List.of(new Point(7, 8))),
                Arguments.of("pointArrayList", new ArrayList<>(List.of(new Point(9, 9)))),
                Arguments.of("pojoLinkedMap", pojos),
                Arguments.of("jsonObject", json),
                Arguments.of("jsonArray", List.of("z", 2, Map.of("k", "v"))),
                Arguments.of("byCode", Map.of(Code.valueOf("c-1"), "one")),
                Arguments.of("nestedLists", List.of(List.of(new Point(0, 1)))),
                Arguments.of("entry", new AbstractMap.SimpleEntry<>("e", new Point(2, 3))),
                Arguments.of("iterable", List.of(new Point(1, 1))),
                Arguments.of("byLocale", Map.of(Locale.GERMANY, new Point(3, 3))),
                Arguments.of("byNumber", Map.of(7L, new Point(4, 4))),
                Arguments.of("atomicPoint", new AtomicReference<>(new Point(4, 5))),
                Arguments.of("enumMap", new EnumMap<>(Map.of(Color.RED, new Point(6, 7)))),
                Arguments.of("charSequence", "chars"),
                Arguments.of("number", 42),
                Arguments.of("stringBuilder", new StringBuilder("built")),
                Arguments.of("bigInteger", new BigInteger("123456789012345678901234567890")),
                Arguments.of("locale", Locale.CANADA_FRENCH),
                Arguments.of("currency", Currency.getInstance("EUR")),
                Arguments.of("date", new Date(1_700_000_000_000L)),
                Arguments.of("calendar", calendar()),
                Arguments.of("timeZone", TimeZone.getTimeZone("Europe/Paris")),
                Arguments.of("pattern", Pattern.compile("a+b")),
                Arguments.of("uri", URI.create("https://example.com/a?b=c")),
                Arguments.of("url", uncheckedUrl("https://example.com/x")),
                Arguments.of("inetAddress", InetAddress.getByAddress(new byte[] {10, 0, 0, 1})),
                Arguments.of("file", new File("/tmp/f.txt")),
                Arguments.of("path", Path.of("/tmp/p.txt")),
                Arguments.of("charset", StandardCharsets.UTF_8),
                Arguments.of("type", String.class),
                Arguments.of("frame", new StackTraceElement("a.B", "c", "B.java", 4)),
                Arguments.of("atomicBoolean", new AtomicBoolean(true)),
                Arguments.of("atomicInteger", new AtomicInteger(5)),
                Arguments.of("atomicLong", new AtomicLong(6)),
                Arguments.of("sqlDate", new java.sql.Date(1_700_000_000_000L)),
                Arguments.of("timestamp", new Timestamp(1_700_000_000_000L)),
                Arguments.of("time", new Time(1_700_000_000_000L)));
    }

    private static Calendar calendar() {
        Calendar calendar = Calendar.getInstance(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        calendar.setTimeInMillis(1_700_000_000_000L);
        return calendar;
    }

    private static URL uncheckedUrl(String url) {
        try {
            return URI.create(url).toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Stream<Arguments> notRebuildable() {
        Square square = new Square();
        square.side = 3;
        Outer.Inner inner = new Outer().new Inner();
        inner.n = 1;
        TagList tags = new TagList();
        tags.add("t");
        return Stream.of(
                Arguments.of("object", new Point(1, 2), "java.lang.Object says nothing of the class"),
                Arguments.of("serializable", UUID.randomUUID(), "java.io.Serializable says nothing"),
                Arguments.of("shape", square, "fixture.json.Shape is an interface"),
                Arguments.of("abstractShape", square, "fixture.json.AbstractShape is an abstract class"),
                Arguments.of("inner", inner, "fixture.json.Outer$Inner is a non-static inner class"),
                Arguments.of("noCreator", new NoCreator("n", 1), "fixture.json.NoCreator has no constructor"),
                Arguments.of("instant", Instant.ofEpochSecond(1), "java.time.Instant needs Jackson's Java time"),
                Arguments.of("optionals", List.of(Optional.of("o")), "java.util.Optional inside another type"),
                Arguments.of("shapes", new Square[] {square}, "fixture.json.Shape is an interface"),
                Arguments.of("shapeList", List.of(square), "fixture.json.Shape is an interface"),
                Arguments.of("shapesByName", Map.of("s", square), "fixture.json.Shape is an interface"),
                Arguments.of("byPoint", Map.of(new Point(1, 2), "p"), "the map key type fixture.json.Point"),
                Arguments.of("tags", tags, "fixture.json.Tags is an interface"),
                Arguments.of("abstractCollection", new ArrayList<>(List.of(new Point(2, 2))),
                        "java.util.AbstractCollection is an abstract class"),
                Arguments.of("nestedNoCreators", List.of(List.of(new NoCreator("m", 2))),
                        "fixture.json.NoCreator has no constructor"),
                Arguments.of("typeVariable", new Point(3, 4), "the type variable T"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rebuildable")
    void check_acceptsWhatTheCodecRebuilds(String method, Object sample) throws Exception {
        MethodInfo info = describe(Returns.class, method);

        assertThat(JsonRebuild.problem(info.returnShape())).isNull();
        assertThat(roundTrips(info, sample)).as("the codec rebuilds " + info.genericReturnType()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notRebuildable")
    void check_refusesWhatTheCodecCannotRebuild_namingThePartThatFails(String method, Object sample, String why)
            throws Exception {
        MethodInfo info = describe(Returns.class, method);

        assertThat(JsonRebuild.problem(info.returnShape())).contains(why);
        assertThat(roundTrips(info, sample)).as("the codec rebuilds " + info.genericReturnType()).isFalse();
    }

    @Test
    void check_refusesAListOfATypeVariable() throws Exception {
        MethodInfo info = describe(fixture.json.Box.class, "values");

        assertThat(JsonRebuild.problem(info.returnShape())).contains("the type variable T");
        assertThat(roundTrips(info, List.of(new Point(1, 2)))).isFalse();
    }

    @Test
    void check_refusesALocalClass() throws Exception {
        Object local = Returns.local();
        MethodInfo info = describe(local.getClass(), "self");

        assertThat(JsonRebuild.problem(info.returnShape())).contains("is a local or anonymous class");
        assertThat(roundTrips(info, local)).isFalse();
    }

    @Test
    void check_messageSaysWhatToDo() throws Exception {
        MethodInfo info = describe(Returns.class, "noCreator");

        assertThat(JsonRebuild.problem(info.returnShape())).contains(
                "codec json cannot rebuild values of the declared type fixture.json.NoCreator",
                "use codec java", "add a no-argument constructor", "make it a record");
    }

    @Test
    void methodInfo_forRulesThatDoNotCache_skipsReadingTheReturnType() {
        ClassFileType returns = ClassFiles.of(LOADER).read(Returns.class.getName());

        MethodInfo info = Descriptions.methodInfo(returns, method(returns, "shape"), List.of(rule(null)));

        assertThat(info.returnShape().kind()).isEqualTo(TypeShape.Kind.UNKNOWN);
    }

    @Test
    void check_unreadableClassFile_claimsNothing() {
        assertThat(JsonRebuild.problem(TypeShape.unknown("com.example.Missing"))).isNull();
    }

    @Test
    void shape_typeArgumentWhoseClassFileIsMissing_isUnknownAndNotRefused() throws Exception {
        // Returns and the JDK can be read; Point, the map's value type here, cannot.
        byte[] returnsClassFile = classFile(Returns.class);
        ClassFiles withoutPoint = ClassFiles.over(internalName -> {
            if (internalName.equals("fixture/json/Returns")) {
                return returnsClassFile;
            }
            try (InputStream in = ClassLoader.getPlatformClassLoader().getResourceAsStream(internalName + ".class")) {
                return in == null ? null : in.readAllBytes();
            }
        });
        ClassFileMethod pointsByName = method(withoutPoint.read(Returns.class.getName()), "pointsByName");

        TypeShape shape = Descriptions.shape(pointsByName.genericReturnType(), withoutPoint);

        assertThat(shape.arguments()).extracting(TypeShape::kind)
                .containsExactly(TypeShape.Kind.CLASS, TypeShape.Kind.UNKNOWN);
        assertThat(shape.arguments().get(1).name()).isEqualTo("fixture.json.Point");
        assertThat(JsonRebuild.problem(shape)).isNull();
    }

    private static MethodInfo describe(Class<?> type, String method) {
        ClassFileType description = ClassFiles.of(LOADER).read(type.getName());
        return Descriptions.methodInfo(description, method(description, method), List.of(rule(new CacheAction(
                "values", null, null, null, false, List.of()))));
    }

    private static ClassFileMethod method(ClassFileType type, String name) {
        return type.methods().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = LOADER.getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    private static Rule rule(CacheAction cache) {
        return new Rule("values", true, Rule.Mode.SERVE, new Match(new Match.TypePattern.Exact("fixture.json.Returns"),
                "*", null), cache, List.of(), List.of(), null, null, new Position("rules.yaml", 1, 1));
    }

    /** Whether the value comes back from the real codec, read as the method's declared type, equal and of the same classes. */
    private static boolean roundTrips(MethodInfo method, Object sample) {
        ValueCodec codec = new Codecs().of(CacheSpec.Codec.JSON, List.of(),
                new ValueType(method.genericReturnType(), LOADER));
        try {
            Object rebuilt = codec.decode(codec.encode(sample, "origin", 0), 1000, 1000, 0).value();
            return same(sample, rebuilt) && Arrays.equals(codec.encode(sample, "origin", 0),
                    codec.encode(rebuilt, "origin", 0));
        } catch (Exception e) {
            return false;
        }
    }

    /** Same content and, below collections and maps (whose implementation may differ), the same classes. */
    private static boolean same(Object expected, Object actual) {
        if (expected == null || actual == null) {
            return expected == actual;
        }
        if (expected instanceof Collection<?> list) {
            return actual instanceof Collection<?> other && list.size() == other.size()
                    && sameElements(list.iterator(), other.iterator());
        }
        if (expected instanceof Map<?, ?> map) {
            return actual instanceof Map<?, ?> other && map.size() == other.size()
                    && sameElements(map.keySet().iterator(), other.keySet().iterator())
                    && sameElements(map.values().iterator(), other.values().iterator());
        }
        if (expected.getClass() != actual.getClass()) {
            return false;
        }
        if (expected.getClass().isArray()) {
            int length = Array.getLength(expected);
            for (int i = 0; i < length; i++) {
                if (!same(Array.get(expected, i), Array.get(actual, i))) {
                    return false;
                }
            }
            return length == Array.getLength(actual);
        }
        return true;
    }

    private static boolean sameElements(Iterator<?> expected, Iterator<?> actual) {
        while (expected.hasNext()) {
            if (!same(expected.next(), actual.next())) {
                return false;
            }
        }
        return true;
    }
}
