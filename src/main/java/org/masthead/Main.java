package org.masthead;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code masthead} command: one jar, several subcommands. */
@Command(name = "masthead", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Masthead: a self-hosted news publishing platform.",
        footer = {"", "From a source checkout, ./masthead test runs the test suite."},
        subcommands = {ServeCommand.class, UserCommand.class, SpamCommand.class, ImportCommand.class, ExportCommand.class,
                ReindexCommand.class, DemoCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line; a problem that stops start-up is one line on {@code err}, exit code 2. */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof org.masthead.db.StartupException || e instanceof IllegalArgumentException) {
                commandLine.getErr().println("masthead: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"masthead " + (version == null ? "(development build)" : version)};
        }
    }
}
