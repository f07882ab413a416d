package org.splitinfer.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Core's {@code internal} packages carry no promise: the command-line tool, the testkit and the plugins use core's
 * public API only (and plugins not even that: they see the SPI alone).
 */
class InternalPackagesTest {
    private static final JavaClasses OUTSIDE_CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.splitinfer.cli", "org.splitinfer.testkit", "org.splitinfer.plugin");

    @Test
    void nothingOutsideCoreImportsItsInternalPackages() {
        assertThat(OUTSIDE_CORE.stream().map(c -> c.getPackageName()).distinct())
                .contains("org.splitinfer.cli", "org.splitinfer.testkit", "org.splitinfer.plugin.gpu");
        noClasses().should().dependOnClassesThat().resideInAPackage("org.splitinfer.core..internal..")
                .check(OUTSIDE_CORE);
    }

    @Test
    void pluginsSeeTheSpiAlone() {
        noClasses().that().resideInAPackage("org.splitinfer.plugin..")
                .should().dependOnClassesThat().resideInAPackage("org.splitinfer.core..")
                .check(OUTSIDE_CORE);
    }
}
