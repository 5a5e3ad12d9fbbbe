package org.masthead;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.masthead.config.Config;
import org.masthead.db.Database;
import org.masthead.accounts.AuditStore;
import org.masthead.accounts.User;
import org.masthead.accounts.UserStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code masthead user add}: creates a newsroom account from the command line. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage newsroom accounts.",
        subcommands = UserCommand.Add.class)
final class UserCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Create a newsroom account. Asks for the password twice on a terminal;",
                    "otherwise reads it from the first line of standard input."})
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--email", required = true, description = "The account's email address, used to sign in.")
        String email;

        @Option(names = "--name", required = true, description = "The person's name, as the newsroom shows it.")
        String name;

        @Option(names = "--role", required = true, description = "contributor, author, editor or admin.")
        String role;

        @Mixin
        StorageOptions storage;

        @Override
        public Integer call() throws IOException {
            String[] password = readPassword();
            Config config = storage.config();
            try (Database db = Database.open(config.jdbcUrl())) {
                UserStore users = new UserStore(db);
                User user;
                try {
                    user = users.add(new UserStore.NewUser(email, name, role, password[0], password[1]));
                } catch (IllegalArgumentException e) {
                    spec.commandLine().getErr().println("masthead: " + e.getMessage());
                    return 1;
                }
                new AuditStore(db).record(null, "created an account from the command line", "user:" + user.id(),
                        user.email() + " as " + user.role().label().toLowerCase());
                spec.commandLine().getOut().println("Created " + user.role().label().toLowerCase() + " " + user.name()
                        + " <" + user.email() + ">. Sign in at /newsroom/login.");
                return 0;
            }
        }

        /** A real terminal; since JDK 22 System.console() exists for redirected input too, and says so. */
        private static boolean interactive(Console console) {
            if (console == null) {
                return false;
            }
            try {
                return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
            } catch (ReflectiveOperationException e) {
                return true; // JDK 21: a console is only there for a terminal
            }
        }

        private static String[] readPassword() throws IOException {
            Console console = System.console();
            if (interactive(console)) {
                char[] first = console.readPassword("Password: ");
                char[] second = console.readPassword("Password again: ");
                return new String[] {first == null ? "" : new String(first), second == null ? "" : new String(second)};
            }
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            String password = line == null ? "" : line;
            return new String[] {password, password};
        }
    }
}
