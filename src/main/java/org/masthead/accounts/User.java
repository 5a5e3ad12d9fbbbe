package org.masthead.accounts;

/** A newsroom account as the rest of the code sees it; the password hash stays in UserStore. */
public record User(long id, String email, String name, Role role) {
    public boolean can(Role needed) {
        return role.atLeast(needed);
    }
}
