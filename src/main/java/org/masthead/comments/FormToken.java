package org.masthead.comments;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed token in every comment form: the article, the time the form was made and a
 * random nonce, with an HMAC-SHA256 over them. A bot that posts without loading the form has no valid
 * token, one that posts at once is too fast, and a form left open for days has expired.
 */
public final class FormToken {
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    /** Initialised once and cloned per signature: looking up and keying a Mac per page view costs more than the HMAC. */
    private final Mac prototype;

    /** What a token says about the form it came with. */
    public sealed interface Check {
        /** Made for this article by this site; {@code age} is how long ago. */
        record Valid(Duration age) implements Check {
        }

        /** Made by this site, but longer ago than forms live. */
        record Expired() implements Check {
        }

        /** Missing, malformed, forged or for another article. */
        record Invalid() implements Check {
        }
    }

    /** Signs with {@code key}: the one every instance on the database shares ({@link CommentStore#formKey}). */
    public FormToken(byte[] key) {
        try {
            prototype = Mac.getInstance("HmacSHA256");
            prototype.init(new SecretKeySpec(key.clone(), "HmacSHA256"));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A token for a form made now: article, time and a random nonce, signed. The nonce makes two
     * forms made in the same millisecond different, so each sends its own comment (see the form key).
     */
    public String issue(long articleId, Instant now) {
        byte[] nonce = new byte[6];
        RANDOM.nextBytes(nonce);
        String payload = articleId + "." + now.toEpochMilli() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        return payload + "." + sign(payload);
    }

    public Check check(String token, long articleId, Instant now, Duration lifetime) {
        if (token == null || token.length() > 200) {
            return new Check.Invalid();
        }
        int last = token.lastIndexOf('.');
        if (last <= 0) {
            return new Check.Invalid();
        }
        String payload = token.substring(0, last);
        byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, token.substring(last + 1).getBytes(StandardCharsets.US_ASCII))) {
            return new Check.Invalid();
        }
        // articleId.millis.nonce; tokens issued before the nonce (still on cached pages for a while) have none.
        String[] parts = payload.split("\\.", -1);
        if (parts.length != 2 && parts.length != 3) {
            return new Check.Invalid();
        }
        try {
            if (Long.parseLong(parts[0]) != articleId) {
                return new Check.Invalid();
            }
            Duration age = Duration.between(Instant.ofEpochMilli(Long.parseLong(parts[1])), now);
            return age.compareTo(lifetime) > 0 ? new Check.Expired() : new Check.Valid(age);
        } catch (NumberFormatException e) {
            return new Check.Invalid();
        }
    }

    private String sign(String payload) {
        try {
            Mac mac = (Mac) prototype.clone();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
