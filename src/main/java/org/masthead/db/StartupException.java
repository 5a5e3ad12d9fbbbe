package org.masthead.db;

/** A problem that stops the site from starting, with a message fit to show an operator as is. */
public class StartupException extends RuntimeException {
    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
