package dev.cacheagent.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IgnoredTypesTest {
    private static final List<String> JDK_AND_AGENT = List.of("java.lang.String", "javax.net.ssl.SSLContext",
            "jdk.internal.misc.Unsafe", "sun.nio.ch.FileChannelImpl", "com.sun.net.httpserver.HttpServer",
            "dev.cacheagent.runtime.CacheRuntime");
    private static final List<String> APPLICATION = List.of("com.example.preview.StylePromptService",
            "org.h2.Driver", "javaapp.Main", "sunrise.Service", "dev.cacheagentish.Thing", "Main");

    @Test
    void ignored_jdkAndAgentClasses_byBinaryName() {
        assertThat(JDK_AND_AGENT).allMatch(IgnoredTypes::ignored);
    }

    @Test
    void ignoredInternalName_jdkAndAgentClasses_byTheNameTheJvmHandsATransformer() {
        assertThat(JDK_AND_AGENT).allMatch(name -> IgnoredTypes.ignoredInternalName(name.replace('.', '/')));
    }

    @Test
    void ignoredInBothForms_applicationClassesWhoseNamesOnlyBeginLikeAnIgnoredPackage_areNot() {
        assertThat(APPLICATION).noneMatch(IgnoredTypes::ignored);
        assertThat(APPLICATION).noneMatch(name -> IgnoredTypes.ignoredInternalName(name.replace('.', '/')));
    }
}
