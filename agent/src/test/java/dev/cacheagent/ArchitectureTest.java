package dev.cacheagent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers: configuration → matching → instrumentation → runtime → cache tiers → observation.
 * Each package may use the ones its job needs and nothing above it.
 */
class ArchitectureTest {
    private static JavaClasses agent;

    @BeforeAll
    static void importAgent() {
        agent = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.cacheagent");
    }

    @Test
    void bridge_dependsOnTheJdkOnly() {
        classes().that().resideInAPackage("dev.cacheagent.bootstrap..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.cacheagent.bootstrap..", "java..")
                .check(agent);
    }

    @Test
    void launcher_dependsOnTheJdkOnly() {
        classes().that().resideInAPackage("dev.cacheagent.launcher..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.cacheagent.launcher..", "java..")
                .check(agent);
    }

    @Test
    void expressions_dependOnTheJdkOnly() {
        classes().that().resideInAPackage("dev.cacheagent.expression..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.cacheagent.expression..", "java..")
                .check(agent);
    }

    @Test
    void config_knowsNothingOfHowRulesAreApplied() {
        noClasses().that().resideInAPackage("dev.cacheagent.config..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.cacheagent.matching..",
                        "dev.cacheagent.instrumentation..", "dev.cacheagent.runtime..", "dev.cacheagent.cache..",
                        "dev.cacheagent.observe..", "org.objectweb.asm..", "com.github.benmanes.caffeine..", "redis..")
                .check(agent);
    }

    @Test
    void matching_worksOnNamesNotBytecode() {
        noClasses().that().resideInAPackage("dev.cacheagent.matching..")
                .should().dependOnClassesThat().resideInAnyPackage("org.objectweb.asm..", "dev.cacheagent.runtime..",
                        "dev.cacheagent.cache..", "dev.cacheagent.instrumentation..")
                .check(agent);
    }

    @Test
    void runtime_doesNotKnowBytecode() {
        noClasses().that().resideInAnyPackage("dev.cacheagent.runtime..", "dev.cacheagent.cache..")
                .should().dependOnClassesThat().resideInAnyPackage("org.objectweb.asm..", "dev.cacheagent.instrumentation..",
                        "dev.cacheagent.matching..")
                .check(agent);
    }

    @Test
    void bytecode_isReadAndWrittenByInstrumentationAlone() {
        noClasses().that().resideOutsideOfPackage("dev.cacheagent.instrumentation..")
                .should().dependOnClassesThat().resideInAnyPackage("org.objectweb.asm..")
                .check(agent);
    }

    @Test
    void cacheTiers_doNotKnowTheRuntime() {
        noClasses().that().resideInAPackage("dev.cacheagent.cache..")
                .should().dependOnClassesThat().resideInAPackage("dev.cacheagent.runtime..")
                .check(agent);
    }

    @Test
    void observation_doesNotKnowInstrumentationRuntimeOrTiers() {
        noClasses().that().resideInAPackage("dev.cacheagent.observe..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.cacheagent.instrumentation..",
                        "dev.cacheagent.runtime..", "dev.cacheagent.cache..", "dev.cacheagent.matching..",
                        "org.objectweb.asm..")
                .check(agent);
    }

    @Test
    void coreLayers_doNotKnowTheOperatorInterfaces() {
        noClasses().that().resideInAnyPackage("dev.cacheagent.config..", "dev.cacheagent.matching..",
                        "dev.cacheagent.instrumentation..", "dev.cacheagent.runtime..", "dev.cacheagent.cache..",
                        "dev.cacheagent.observe..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.cacheagent.admin..", "dev.cacheagent.cli..")
                .check(agent);
    }

    @Test
    void adminApi_doesNotKnowBytecode() {
        noClasses().that().resideInAPackage("dev.cacheagent.admin..")
                .should().dependOnClassesThat().resideInAnyPackage("org.objectweb.asm..", "dev.cacheagent.instrumentation..")
                .check(agent);
    }

    @Test
    void noAgentCode_printsStackTraces() {
        noClasses().should().callMethod(Throwable.class, "printStackTrace").check(agent);
    }
}
