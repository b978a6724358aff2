package org.commercemesh.testing.shape;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The skeleton every service follows (design §2), checked on its compiled classes: feature
 * packages that never import each other in a circle, the roles named the same everywhere,
 * queries only in repositories, and entities that never share a name with a contract message.
 */
public final class ServiceShape {

    /** A static query method of a Panache entity (find, list, count, update, delete, ...). */
    private static final String PANACHE_ENTITY = "io.quarkus.hibernate.reactive.panache.PanacheEntityBase";

    /** A static query method that a Panache entity inherits (find, list, count, update, delete, ...). */
    private static final DescribedPredicate<JavaMethodCall> ENTITY_QUERY = DescribedPredicate.describe(
            "a static query of a Panache entity",
            call -> call.getTarget().resolveMember()
                    .map(method -> method.getOwner().getName().equals(PANACHE_ENTITY)
                            && method.getModifiers().contains(JavaModifier.STATIC))
                    .orElse(false));

    private ServiceShape() {
    }

    /** Checks the service whose code lives under {@code servicePackage}, e.g. {@code org.commercemesh.cart}. */
    public static void check(String servicePackage) {
        JavaClasses service = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(servicePackage);
        assertThat(service).as("classes under " + servicePackage).isNotEmpty();

        slices().matching(servicePackage + ".(*)..").should().beFreeOfCycles().check(service);
        classes().that().areAnnotatedWith("io.quarkus.grpc.GrpcService").should()
                .haveSimpleNameEndingWith("GrpcService")
                .allowEmptyShould(true).check(service);
        classes().that().implement("io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase")
                .should().haveSimpleNameEndingWith("Repository").allowEmptyShould(true).check(service);
        noClasses().that().haveSimpleNameNotEndingWith("Repository").should().callMethodWhere(ENTITY_QUERY)
                .because("queries live in repositories (design §2)").allowEmptyShould(true).check(service);

        Set<String> messages = new ClassFileImporter().importPackages("org.commercemesh").stream()
                .filter(type -> type.getPackageName().endsWith(".v1")
                        && type.isAssignableTo(com.google.protobuf.Message.class))
                .map(JavaClass::getSimpleName)
                .collect(Collectors.toSet());
        assertThat(messages).as("contract messages on the class path").isNotEmpty();
        assertThat(service.stream().filter(type -> type.isAnnotatedWith("jakarta.persistence.Entity"))
                .map(JavaClass::getSimpleName))
                .as("entities named like a contract message").doesNotContainAnyElementsOf(messages);
    }
}
