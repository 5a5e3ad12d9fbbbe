package org.masthead.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashing (19 MiB, 2 passes, 1 lane: the OWASP baseline) with Bouncy Castle's
 * Argon2, kept as the usual PHC string: {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}, both in
 * unpadded Base64. Each hash takes its 19 MiB for the length of the call and lets it go, so a
 * server holds nothing for passwords between sign-ins. A stored hash is checked with the costs it
 * names, so raising them here leaves older accounts able to sign in.
 */
public final class Passwords {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 200;
    private static final int MEMORY_KIB = 19_456;
    private static final int PASSES = 2;
    private static final int LANES = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    /** A stored hash asking for more than these is refused, not computed: a damaged or hostile row must not take the heap or the CPU. */
    private static final int MAX_MEMORY_KIB = 256 * 1024;
    private static final int MAX_PASSES = 16;
    private static final int MAX_LANES = 8;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2(id|i|d)\\$v=(16|19)\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,})\\$([A-Za-z0-9+/]{16,})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    public static String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = argon2(Argon2Parameters.ARGON2_id, Argon2Parameters.ARGON2_VERSION_13, MEMORY_KIB, PASSES, LANES,
                salt, password, HASH_BYTES);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + PASSES + ",p=" + LANES + "$" + b64.encodeToString(salt)
                + "$" + b64.encodeToString(hash);
    }

    /** Whether the password is the one the stored hash was made from; false for a hash this class cannot read. */
    public static boolean matches(String password, String hash) {
        if (password == null || hash == null || hash.isEmpty()) {
            return false;
        }
        Matcher phc = PHC.matcher(hash);
        if (!phc.matches()) {
            return false;
        }
        int type = switch (phc.group(1)) {
            case "id" -> Argon2Parameters.ARGON2_id;
            case "i" -> Argon2Parameters.ARGON2_i;
            default -> Argon2Parameters.ARGON2_d;
        };
        int version = phc.group(2).equals("19") ? Argon2Parameters.ARGON2_VERSION_13 : Argon2Parameters.ARGON2_VERSION_10;
        int memory = Integer.parseInt(phc.group(3));
        int passes = Integer.parseInt(phc.group(4));
        int lanes = Integer.parseInt(phc.group(5));
        if (memory > MAX_MEMORY_KIB || passes < 1 || passes > MAX_PASSES || lanes < 1 || lanes > MAX_LANES
                || memory < 8 * lanes) {
            return false;
        }
        byte[] salt;
        byte[] expected;
        try {
            salt = Base64.getDecoder().decode(phc.group(6));
            expected = Base64.getDecoder().decode(phc.group(7));
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] computed = argon2(type, version, memory, passes, lanes, salt, password, expected.length);
        return MessageDigest.isEqual(computed, expected);
    }

    private static byte[] argon2(int type, int version, int memoryKib, int passes, int lanes, byte[] salt,
            String password, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(type).withVersion(version).withMemoryAsKB(memoryKib)
                .withIterations(passes).withParallelism(lanes).withSalt(salt).build());
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }

    /** Null when the password is acceptable, else what is wrong with it, in plain words. */
    public static String problem(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "The password must be at least " + MIN_LENGTH + " characters long.";
        }
        if (password.length() > MAX_LENGTH) {
            return "The password must be at most " + MAX_LENGTH + " characters long.";
        }
        if (password.isBlank()) {
            return "The password cannot be only spaces.";
        }
        return null;
    }
}
