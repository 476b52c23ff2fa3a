package org.trailworkbench;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering of the product (test code is not checked): the window on top, the command line beside it,
 * both on the same core packages, which know neither; each outside library in the one package that wraps it.
 */
@AnalyzeClasses(packages = "org.trailworkbench", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] CORE = Stream.of("casefile", "export", "files", "index", "ingest", "insights",
            "integrity", "logging", "remote", "s3", "search", "task").map(p -> "org.trailworkbench." + p + "..").toArray(String[]::new);

    @ArchTest
    static final ArchRule javaFxOnlyInTheWindow = noClasses().that().resideOutsideOfPackage("org.trailworkbench.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "com.sun.javafx..")
            .because("the command line and the core run without starting the JavaFX toolkit");

    @ArchTest
    static final ArchRule coreKnowsNeitherWindowNorCommandLine = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("org.trailworkbench.ui..", "org.trailworkbench.cli..");

    @ArchTest
    static final ArchRule commandLineAndWindowAreIndependent = noClasses().that().resideInAPackage("org.trailworkbench.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.trailworkbench.ui..");

    @ArchTest
    static final ArchRule awsSdkOnlyInS3 = noClasses().that().resideOutsideOfPackage("org.trailworkbench.s3..")
            .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
            .because("the s3 package is the one place that knows how to talk to AWS");

    @ArchTest
    static final ArchRule logbackOnlyInLogging = noClasses().that().resideOutsideOfPackage("org.trailworkbench.logging..")
            .should().dependOnClassesThat().resideInAPackage("ch.qos.logback..")
            .because("code logs through SLF4J; logback is only the binding");

    @ArchTest
    static final ArchRule noGeneratorInTheProduct = noClasses().should().resideInAPackage("org.trailworkbench.generate..")
            .because("the trail generator signs digests: test code, never shipped");

    /** Between the top-level packages (ui counts as one: its views share the Explore model on purpose). */
    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("org.trailworkbench.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule onlyTheEntryPointAtTheTop = classes().that().resideInAPackage("org.trailworkbench")
            .should().haveSimpleName("Main");
}
