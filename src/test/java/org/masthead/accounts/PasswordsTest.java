package org.masthead.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTest {
    /** Made by another Argon2id implementation (Password4j 1.8.4), as sites created before this one stored it. */
    private static final String EARLIER = "$argon2id$v=19$m=19456,t=2,p=1$LHggIYvrujDGhbryOTrbYA$kptrXAbaBp5+56C7iL37ply5elZyLEHls4UFCRVjLyk";

    @Test
    void hashesStoredByEarlierVersionsStillMatch() {
        assertThat(Passwords.matches("correct horse battery staple", EARLIER)).isTrue();
        assertThat(Passwords.matches("correct horse battery stapler", EARLIER)).isFalse();
        assertThat(Passwords.matches("Correct horse battery staple", EARLIER)).isFalse();
    }

    @Test
    void aNewHashIsSaltedPhcArgon2idThatMatchesOnlyItsPassword() {
        String first = Passwords.hash("harbour-lights-42");
        String second = Passwords.hash("harbour-lights-42");
        assertThat(first).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(second).isNotEqualTo(first);
        assertThat(Passwords.matches("harbour-lights-42", first)).isTrue();
        assertThat(Passwords.matches("harbour-lights-42", second)).isTrue();
        assertThat(Passwords.matches("harbour-lights-43", first)).isFalse();
        assertThat(Passwords.matches("ünïcødé pässwörd ✓", Passwords.hash("ünïcødé pässwörd ✓"))).isTrue();
    }

    @Test
    void damagedOrHostileHashesNeverMatch() {
        String good = EARLIER;
        String password = "correct horse battery staple";
        assertThat(Passwords.matches(password, null)).isFalse();
        assertThat(Passwords.matches(null, good)).isFalse();
        assertThat(Passwords.matches(password, "")).isFalse();
        assertThat(Passwords.matches(password, good.substring(0, good.length() - 5))).isFalse();
        assertThat(Passwords.matches(password, good.replace("$argon2id$", "$bcrypt$"))).isFalse();
        assertThat(Passwords.matches(password, good.replace("t=2", "t=3"))).isFalse();
        // Costs far beyond what this site sets are refused without being computed.
        assertThat(Passwords.matches(password, good.replace("m=19456", "m=9999999"))).isFalse();
        assertThat(Passwords.matches(password, good.replace("t=2", "t=999"))).isFalse();
        assertThat(Passwords.matches(password, good.replace("p=1", "p=0"))).isFalse();
        assertThat(Passwords.matches(password, good.replace("LHggIYvrujDGhbryOTrbYA", "LHggIYvrujDGhbryOTrbY!"))).isFalse();
    }
}
