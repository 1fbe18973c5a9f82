package com.balancehistory.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the hexagon honest across all modules (the bootstrap module sees every one of them). */
class HexagonArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("com.balancehistory");
    }

    @Test
    void every_class_belongs_to_a_layer_so_no_rule_passes_by_accident() {
        classes()
                .should()
                .resideInAnyPackage(
                        "com.balancehistory.domain..",
                        "com.balancehistory.application..",
                        "com.balancehistory.adapters.http..",
                        "com.balancehistory.adapters.persistence..",
                        "com.balancehistory.db.jooq..",
                        "com.balancehistory.simulator..",
                        "com.balancehistory.bootstrap..")
                .check(production);
    }

    @Test
    void layers_depend_inwards_only_and_adapters_never_on_each_other() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("domain")
                .definedBy("com.balancehistory.domain..")
                .layer("application")
                .definedBy("com.balancehistory.application..")
                .layer("http adapters")
                .definedBy("com.balancehistory.adapters.http..")
                .layer("persistence adapters")
                .definedBy("com.balancehistory.adapters.persistence..")
                .layer("generated schema")
                .definedBy("com.balancehistory.db.jooq..")
                .layer("simulator")
                .definedBy("com.balancehistory.simulator..")
                .layer("bootstrap")
                .definedBy("com.balancehistory.bootstrap..")
                .whereLayer("bootstrap")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("http adapters")
                .mayOnlyBeAccessedByLayers("bootstrap")
                .whereLayer("persistence adapters")
                .mayOnlyBeAccessedByLayers("bootstrap")
                .whereLayer("generated schema")
                .mayOnlyBeAccessedByLayers("persistence adapters")
                .whereLayer("simulator")
                .mayOnlyBeAccessedByLayers("bootstrap")
                .whereLayer("application")
                .mayOnlyBeAccessedByLayers("http adapters", "persistence adapters", "bootstrap")
                .check(production);
    }

    @Test
    void domain_depends_on_the_jdk_only() {
        classes()
                .that()
                .resideInAPackage("com.balancehistory.domain..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "com.balancehistory.domain..",
                        "java.lang..",
                        "java.math..",
                        "java.util..",
                        "java.time..",
                        "java.security..",
                        "java.nio.charset..")
                .check(production);
    }

    @Test
    void application_depends_on_the_domain_and_the_jdk_only() {
        classes()
                .that()
                .resideInAPackage("com.balancehistory.application..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("com.balancehistory.application..", "com.balancehistory.domain..", "java..")
                .check(production);
    }

    @Test
    void no_framework_persistence_or_json_types_in_the_core() {
        noClasses()
                .that()
                .resideInAnyPackage("com.balancehistory.domain..", "com.balancehistory.application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.micronaut..",
                        "jakarta..",
                        "javax..",
                        "org.jooq..",
                        "java.sql..",
                        "com.fasterxml.jackson..",
                        "org.slf4j..")
                .check(production);
    }

    @Test
    void inbound_ports_do_not_know_outbound_ports() {
        noClasses()
                .that()
                .resideInAPackage("com.balancehistory.application.port.in..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.balancehistory.application.port.out..")
                .check(production);
    }

    @Test
    void outbound_ports_do_not_know_inbound_ports() {
        noClasses()
                .that()
                .resideInAPackage("com.balancehistory.application.port.out..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.balancehistory.application.port.in..")
                .check(production);
    }

    @Test
    void adapters_reach_the_core_through_ports_not_services() {
        noClasses()
                .that()
                .resideInAPackage("com.balancehistory.adapters..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.balancehistory.application.service..")
                .check(production);
    }

    @Test
    void a_service_reaches_another_service_through_its_use_case_only() {
        classes()
                .that()
                .resideInAPackage("com.balancehistory.application.service..")
                .should(notDependOnAnotherServicesClass())
                .check(production);
    }

    @Test
    void nothing_makes_money_from_a_double() {
        noClasses().should(constructBigDecimalFromDouble()).check(production);
    }

    /**
     * A service is a class named {@code *Service} in {@code application.service}; its nested types count as its own, so
     * a service may use its own records but not another service's, nor the other service itself.
     */
    private static ArchCondition<JavaClass> notDependOnAnotherServicesClass() {
        return new ArchCondition<>("not depend on another service's class (use its port.in use case)") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                JavaClass self = outermost(javaClass);
                for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                    JavaClass target = outermost(dependency.getTargetClass().getBaseComponentType());
                    if (target.getPackageName().startsWith("com.balancehistory.application.service")
                            && target.getSimpleName().endsWith("Service")
                            && !target.equals(self)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static JavaClass outermost(JavaClass javaClass) {
        JavaClass outer = javaClass;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }

    private static ArchCondition<JavaClass> constructBigDecimalFromDouble() {
        return new ArchCondition<>("construct a BigDecimal from a double") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (JavaConstructorCall call : javaClass.getConstructorCallsFromSelf()) {
                    if (call.getTargetOwner().isEquivalentTo(java.math.BigDecimal.class)
                            && call.getTarget().getRawParameterTypes().stream()
                                    .anyMatch(t -> t.isEquivalentTo(double.class))) {
                        events.add(SimpleConditionEvent.violated(call, call.getDescription()));
                    }
                }
                for (JavaMethodCall call : javaClass.getMethodCallsFromSelf()) {
                    if (call.getTargetOwner().isEquivalentTo(java.math.BigDecimal.class)
                            && call.getName().equals("valueOf")
                            && call.getTarget().getRawParameterTypes().stream()
                                    .anyMatch(t -> t.isEquivalentTo(double.class))) {
                        events.add(SimpleConditionEvent.violated(call, call.getDescription()));
                    }
                }
            }
        };
    }
}
