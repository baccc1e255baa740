package dev.cacheagent.expression;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ExpressionArchitectureTest {
    private final JavaClasses production = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.cacheagent.expression");

    @Test
    void expressionPackage_dependsOnTheJdkOnly() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("dev.cacheagent.expression..", "java..")
                .check(production);
    }

    /** Nested types of the package-private Syntax are implicitly public but out of reach. */
    @Test
    void onlyTheContractIsPublic() {
        classes().that().areTopLevelClasses().and().arePublic()
                .should().haveSimpleNameStartingWith("Expression")
                .orShould().haveSimpleNameStartingWith("Evaluat")
                .check(production);
    }
}
