package org.masthead;

import java.nio.file.Path;
import org.masthead.config.Config;
import picocli.CommandLine.Option;

/** Where a command finds the site's data: the options {@code serve} and the admin commands share. */
final class StorageOptions {
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:MASTHEAD_DATA_DIR:-data}",
            description = "Folder for the SQLite database and media files (env MASTHEAD_DATA_DIR; default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--database-url", paramLabel = "JDBC-URL", defaultValue = "${env:MASTHEAD_DATABASE_URL}",
            description = "JDBC URL of the database, e.g. jdbc:postgresql://host:5432/db?user=masthead "
                    + "(env MASTHEAD_DATABASE_URL; default: an SQLite file in the data folder).")
    String databaseUrl;

    /** The site these options name, its data folder made ready (created, writable) for the command. */
    Config config() {
        Config config = Config.of(dataDir).withDatabaseUrl(databaseUrl);
        App.prepareDataDir(config.dataDir());
        return config;
    }
}
