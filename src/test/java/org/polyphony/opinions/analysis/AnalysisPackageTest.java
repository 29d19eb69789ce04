package org.polyphony.opinions.analysis;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The analysis, the Pol.is CSV and the command line stand alone: they use the JDK and EJML, nothing of Spring and
 * nothing else of the platform, so the method can be read, run and reused in one place.
 */
class AnalysisPackageTest {

    private final JavaClasses analysis = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.polyphony.opinions.analysis");

    @Test
    void usesOnlyTheJdkAndEjml() {
        noClasses()
                .that()
                .resideInAPackage("org.polyphony.opinions.analysis..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("org.polyphony.opinions.analysis..", "java..", "org.ejml..")
                .check(analysis);
    }
}
