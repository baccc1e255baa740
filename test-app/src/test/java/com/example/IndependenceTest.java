package com.example;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** test-app is an ordinary service: it neither knows nor needs the agent attached to it. */
class IndependenceTest {

    @Test
    void testApp_doesNotKnowTheAgent() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.cacheagent..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("com.example"));
    }
}
