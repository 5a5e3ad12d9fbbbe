package org.masthead.db;

/** Told of every committed change, in order, after its transaction committed. */
@FunctionalInterface
public interface ChangeListener {
    void changed(Change change);
}
