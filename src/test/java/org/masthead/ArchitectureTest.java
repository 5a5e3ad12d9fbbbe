package org.masthead;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package diagram of docs/architecture.md, enforced: which package may use which, no
 * cycles, SQL only in stores and queries, and each feature's routes registered by App alone.
 * A failure names the class and the dependency that breaks the rule.
 */
class ArchitectureTest {
    private static final String ROOT = "org.masthead";

    /** Each package and the packages it may use besides itself (the root package, App and the commands, may use all). */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("config", Set.of()),
            Map.entry("db", Set.of()),
            Map.entry("web", Set.of("db")),
            Map.entry("accounts", Set.of("db", "web")),
            Map.entry("content", Set.of("db")),
            Map.entry("media", Set.of("accounts", "content", "db")),
            Map.entry("comments.spam", Set.of("db")),
            Map.entry("privacy", Set.of("accounts", "content", "db", "web")),
            Map.entry("comments", Set.of("comments.spam", "privacy", "content", "accounts", "db", "web")),
            Map.entry("site", Set.of("comments", "privacy", "content", "media", "db", "web")),
            Map.entry("demo", Set.of("comments", "content", "media", "db")),
            Map.entry("feeds", Set.of("content", "db", "web")),
            // The API's writes go through the article desk's workflow and the moderation desk, as their accounts.
            Map.entry("api", Set.of("accounts", "comments", "content", "newsroom.articles", "newsroom.comments", "db", "web")),
            // The WordPress-compatible reads render comment text as the reader pages do, and find posts by their words
            // through the search index.
            Map.entry("wpapi", Set.of("comments", "content", "search", "db", "web")),
            Map.entry("wordpress", Set.of("accounts", "comments", "content", "db", "media", "web")),
            Map.entry("search", Set.of("site", "privacy", "content", "db", "web")),
            Map.entry("backup", Set.of("db")),
            Map.entry("newsroom", Set.of("accounts", "content", "db", "web")),
            // The article desk asks the search index for suggested tags and "See also" links.
            Map.entry("newsroom.articles", Set.of("newsroom", "accounts", "content", "media", "comments", "comments.spam",
                    "privacy", "search", "db", "web")),
            desk("newsroom.admin"),
            desk("newsroom.comments"),
            desk("newsroom.commenters"),
            desk("newsroom.media"),
            desk("newsroom.privacy"),
            // The import desk runs the WordPress import, which no other area needs.
            Map.entry("newsroom.imports", Set.of("newsroom", "accounts", "wordpress", "db", "web")));

    /** A newsroom area: the newsroom's frame and the features it manages, never another area. */
    private static Map.Entry<String, Set<String>> desk(String name) {
        return Map.entry(name, Set.of("newsroom", "accounts", "content", "media", "comments", "comments.spam", "privacy",
                "db", "web"));
    }

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(ROOT);
    }

    @Test
    void everyPackageIsInTheDiagram() {
        Set<String> unknown = new TreeSet<>();
        for (JavaClass c : main) {
            String name = feature(c);
            if (!name.isEmpty() && !ALLOWED.containsKey(name)) {
                unknown.add(name);
            }
        }
        org.assertj.core.api.Assertions.assertThat(unknown)
                .as("packages missing from ArchitectureTest.ALLOWED and docs/architecture.md")
                .isEmpty();
    }

    @Test
    void packagesUseOnlyWhatTheDiagramAllows() {
        classes().that().resideInAPackage(ROOT + "..").should(useOnlyAllowedPackages()).check(main);
    }

    @Test
    void noPackageCycles() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(main);
    }

    @Test
    void nothingUsesTheRootPackage() {
        noClasses().that().resideOutsideOfPackage(ROOT)
                .should().dependOnClassesThat().resideInAPackage(ROOT)
                .check(main);
    }

    @Test
    void sqlStaysInStoresAndQueries() {
        noClasses().that(isOutsideStores())
                .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "java.sql..")
                .because("SQL of a feature lives in its Store or Queries class (or *Rows, a store's row mapping)")
                .check(main);
    }

    @Test
    void routesAreRegisteredByAppAlone() {
        classes().that().haveSimpleNameEndingWith("Routes")
                .should(beUsedOnlyInTheirPackageAndByApp())
                .because("a feature's routes are its internals: App registers them, other features call its stores")
                .check(main);
    }

    private static String feature(JavaClass c) {
        String pkg = c.getPackageName();
        return pkg.equals(ROOT) ? "" : pkg.substring(ROOT.length() + 1);
    }

    private static String topLevelSimpleName(JavaClass c) {
        String name = c.getName().substring(c.getPackageName().length() + 1);
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }

    private static DescribedPredicate<JavaClass> isOutsideStores() {
        return DescribedPredicate.describe("are neither stores, queries, row readers nor in package db", c -> {
            String name = topLevelSimpleName(c);
            return !c.getPackageName().equals(ROOT + ".db")
                    && !name.endsWith("Store") && !name.endsWith("Queries") && !name.endsWith("Rows");
        });
    }

    private static ArchCondition<JavaClass> useOnlyAllowedPackages() {
        return new ArchCondition<>("use only the packages the diagram allows") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                String from = feature(c);
                if (from.isEmpty()) {
                    return;
                }
                Set<String> allowed = ALLOWED.getOrDefault(from, Set.of());
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass().getBaseComponentType();
                    if (!target.getPackageName().startsWith(ROOT)) {
                        continue;
                    }
                    String to = feature(target);
                    if (!to.equals(from) && !allowed.contains(to)) {
                        events.add(SimpleConditionEvent.violated(d, from + " may not use " + (to.isEmpty() ? "the root package" : to)
                                + ": " + d.getDescription()));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> beUsedOnlyInTheirPackageAndByApp() {
        return new ArchCondition<>("be used only in their own package and by the root package") {
            @Override
            public void check(JavaClass routes, ConditionEvents events) {
                for (Dependency d : routes.getDirectDependenciesToSelf()) {
                    String user = d.getOriginClass().getPackageName();
                    if (!user.equals(routes.getPackageName()) && !user.equals(ROOT)) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }
}
