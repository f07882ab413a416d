package org.splitinfer.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Core's packages read as its data flow: model and workload → kernel → cost → estimate / fit → validate →
 * calibration (and sim → plan) → band (the error bands of estimates and plans) → sensitivity → sweep, with error
 * beneath everything and input (reading a user's files and counts) just above it, hardware beside the flow, report
 * and the entry point on top. Arrows
 * point down this list only, and there is no cycle between packages (an {@code internal} package counts as part of
 * the package it serves).
 */
class PackageDependenciesTest {
    private static final String CORE = "org.splitinfer.core";

    /** Bottom to top; a package may depend only on packages listed before it (peers on one line excepted). */
    private static final List<List<String>> LAYERS = List.of(
            List.of("error"),
            List.of("input"),
            List.of("hardware"),
            List.of("model", "workload"),
            List.of("kernel"),
            List.of("cost"),
            List.of("estimate", "fit"),
            List.of("validate"),
            List.of("calibration"),
            List.of("sim"),
            List.of("plan"),
            List.of("band"),
            List.of("sensitivity"),
            List.of("sweep"),
            List.of("report"));

    private static final JavaClasses CORE_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(CORE);

    @Test
    void corePackagesHaveNoCycles() {
        slices().matching(CORE + ".(*)..").should().beFreeOfCycles().check(CORE_CLASSES);
    }

    @Test
    void everyPackageDependsOnlyOnPackagesBeneathIt() {
        for (int level = 0; level < LAYERS.size(); level++) {
            for (String name : LAYERS.get(level)) {
                for (int above = level; above < LAYERS.size(); above++) {
                    for (String upper : LAYERS.get(above)) {
                        if (upper.equals(name)) {
                            continue;
                        }
                        noClasses().that().resideInAPackage(CORE + "." + name + "..")
                                .should().dependOnClassesThat().resideInAPackage(CORE + "." + upper + "..")
                                .because(name + " lies beneath " + upper + " in the data flow")
                                .check(CORE_CLASSES);
                    }
                }
            }
        }
    }

    @Test
    void nothingDependsOnTheEntryPoint() {
        noClasses().that().resideOutsideOfPackage(CORE)
                .should().dependOnClassesThat().resideInAPackage(CORE)
                .because("org.splitinfer.core holds the entry point, which stands on everything else")
                .check(CORE_CLASSES);
    }

    @Test
    void everyPackageIsPlacedInTheFlow() {
        List<String> placed = LAYERS.stream().flatMap(List::stream).toList();
        List<String> packages = CORE_CLASSES.stream()
                .map(javaClass -> javaClass.getPackageName())
                .filter(name -> name.startsWith(CORE + "."))
                .map(name -> name.substring(CORE.length() + 1).split("\\.")[0])
                .distinct().sorted().toList();

        assertThat(placed).containsAll(packages);
    }

    @Test
    void theCycleCheckFindsACycleWhenThereIsOne() {
        JavaClasses fixture = new ClassFileImporter().importPackages(CORE + ".architecture.fixture");
        ArchRule rule = slices().matching(CORE + ".architecture.fixture.(*)..").should().beFreeOfCycles();

        EvaluationResult result = rule.evaluate(fixture);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("first", "second");
    }
}
